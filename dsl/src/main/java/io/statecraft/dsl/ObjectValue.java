package io.statecraft.dsl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON object whose field values may be literal or dynamic. Field order is kept as written,
 * because the canonical writer keeps the author's order inside payloads.
 *
 * <p>Keys are the plain names: {@code "InstanceIds"}, never {@code "InstanceIds.$"}.
 */
public record ObjectValue(Map<String, Value> fields) implements Value {

  /**
   * The empty JSON object {@code {}}, for example an empty {@code Parameters} or an input of {@code
   * {}}.
   */
  public static final ObjectValue EMPTY = new ObjectValue(Map.of());

  /** Checks every key and value and keeps an unmodifiable copy in the order given. */
  public ObjectValue {
    Objects.requireNonNull(fields, "fields == null");
    var copy = new LinkedHashMap<String, Value>();
    // A loop, not forEach with a lambda: every definition builds these, and each lambda is a class
    // spun at run time in the cold JVM of a generate (issue 19).
    for (Map.Entry<String, Value> field : fields.entrySet()) {
      String key = field.getKey();
      Objects.requireNonNull(key, "key == null");
      if (field.getValue() == null) {
        throw new NullPointerException("value of " + key + " == null; use NullValue for JSON null");
      }
      copy.put(key, field.getValue());
    }
    fields = Collections.unmodifiableMap(copy);
  }

  /**
   * The value of field {@code key} (its plain name, without {@code .$}), or {@code null} when the
   * object has no such field.
   */
  public Value get(String key) {
    return fields.get(key);
  }

  /** A copy with {@code key} set to {@code value}, replacing any earlier value in place. */
  public ObjectValue with(String key, Value value) {
    var copy = new LinkedHashMap<>(fields);
    copy.put(key, value);
    return new ObjectValue(copy);
  }
}
