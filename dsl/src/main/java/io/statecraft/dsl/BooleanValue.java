package io.statecraft.dsl;

/** A literal JSON boolean. */
public enum BooleanValue implements Value {
  /** The JSON {@code true}. */
  TRUE,
  /** The JSON {@code false}. */
  FALSE;

  /** The JSON boolean for a Java {@code boolean}. */
  public static BooleanValue of(boolean flag) {
    return flag ? TRUE : FALSE;
  }

  /** This value as a Java {@code boolean}. */
  public boolean value() {
    return this == TRUE;
  }
}
