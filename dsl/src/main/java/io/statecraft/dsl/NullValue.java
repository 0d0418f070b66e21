package io.statecraft.dsl;

/**
 * The JSON {@code null}. In a path field ({@code InputPath}, {@code OutputPath},
 * {@code ResultPath}) it has its ASL meaning: no input, an empty output, or the result discarded.
 */
public enum NullValue implements Value {
  /** The one JSON {@code null}. */
  INSTANCE
}
