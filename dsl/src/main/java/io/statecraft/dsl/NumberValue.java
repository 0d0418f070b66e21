package io.statecraft.dsl;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A literal JSON number, kept exactly as written ({@code 2} and {@code 2.0} stay distinct) so
 * that a definition read and written again is unchanged.
 */
public record NumberValue(BigDecimal value) implements Value {

  public NumberValue {
    Objects.requireNonNull(value, "value == null");
  }

  public static NumberValue of(long number) {
    return new NumberValue(BigDecimal.valueOf(number));
  }

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
