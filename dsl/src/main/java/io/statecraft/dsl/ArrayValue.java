package io.statecraft.dsl;

import java.util.List;
import java.util.Objects;

/** A JSON array whose items may be literal or dynamic. */
public record ArrayValue(List<Value> items) implements Value {

  public ArrayValue {
    Objects.requireNonNull(items, "items == null");
    items = List.copyOf(items);
  }

  public static ArrayValue of(Value... items) {
    return new ArrayValue(List.of(items));
  }

  /** An array of literal strings. */
  public static ArrayValue ofStrings(String... items) {
    return new ArrayValue(java.util.Arrays.stream(items).map(Value::of).toList());
  }
}
