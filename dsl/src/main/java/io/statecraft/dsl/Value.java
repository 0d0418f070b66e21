package io.statecraft.dsl;

/**
 * A value in a state machine definition: either literal JSON, or something the service evaluates
 * at run time (a {@link Path}, an {@link Intrinsic}, a {@link Jsonata} expression) or
 * CloudFormation fills in at deploy time (a {@link Placeholder}).
 *
 * <p>Authors never write the {@code .$} key suffix: when an object field holds a {@link Path} or
 * an {@link Intrinsic}, the writer emits {@code "Key.$"} by itself.
 */
public sealed interface Value
    permits ObjectValue, ArrayValue, StringValue, NumberValue, BooleanValue, NullValue,
        Path, Intrinsic, Jsonata, Placeholder {

  /** Whether the service evaluates this value at run time, so its key takes the {@code .$} suffix. */
  default boolean isDynamicPath() {
    return this instanceof Path || this instanceof Intrinsic;
  }

  /** A literal string. */
  static Value of(String text) {
    return new StringValue(text);
  }

  /** A literal number. */
  static Value of(long number) {
    return NumberValue.of(number);
  }

  /** A literal boolean. */
  static Value of(boolean flag) {
    return BooleanValue.of(flag);
  }
}
