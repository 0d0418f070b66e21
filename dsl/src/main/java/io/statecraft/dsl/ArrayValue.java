package io.statecraft.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A JSON array whose items may be literal or dynamic. */
public record ArrayValue(List<Value> items) implements Value {

  /**
   * Checks the items and keeps an unmodifiable copy, so a value built once cannot change under a
   * definition that uses it.
   */
  public ArrayValue {
    Objects.requireNonNull(items, "items == null");
    items = List.copyOf(items);
  }

  /**
   * An array of the given items, literal or dynamic (a {@link Path} or {@link Jsonata} item is
   * resolved at run time, as {@code "Ids.$"} fields are in a JSONPath payload).
   */
  public static ArrayValue of(Value... items) {
    return new ArrayValue(List.of(items));
  }

  /** An array of literal strings. */
  public static ArrayValue ofStrings(String... items) {
    List<Value> values = new ArrayList<>(items.length);
    for (String item : items) {
      values.add(Value.of(item));
    }
    return new ArrayValue(values);
  }
}
