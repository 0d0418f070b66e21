package io.statecraft.dsl;

/** A literal JSON boolean. */
public enum BooleanValue implements Value {
  TRUE,
  FALSE;

  public static BooleanValue of(boolean flag) {
    return flag ? TRUE : FALSE;
  }

  public boolean value() {
    return this == TRUE;
  }
}
