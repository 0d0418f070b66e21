package io.statecraft.dsl;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A literal JSON number, kept exactly as written ({@code 2} and {@code 2.0} stay distinct) so
 * that a definition read and written again is unchanged.
 */
public record NumberValue(BigDecimal value) implements Value {

  /** Checks that a number is given ({@code null} is {@link NullValue}, not a number). */
  public NumberValue {
    Objects.requireNonNull(value, "value == null");
  }

  /** A whole JSON number, written without a fraction ({@code 3}). */
  public static NumberValue of(long number) {
    return new NumberValue(BigDecimal.valueOf(number));
  }

  /**
   * A JSON number from a {@code double}, written as its shortest decimal form ({@code 0.5}; {@code
   * 2.0} stays {@code 2.0}).
   */
  public static NumberValue of(double number) {
    return new NumberValue(BigDecimal.valueOf(number));
  }

  /** Whether this is a whole number that fits in an {@code int}. */
  public boolean isInt() {
    try {
      value.intValueExact();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }
}
