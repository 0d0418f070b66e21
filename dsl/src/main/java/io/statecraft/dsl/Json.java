package io.statecraft.dsl;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds JSON values for payloads and results, literal and dynamic alike:
 *
 * <pre>{@code
 * Json.object()
 *     .put("DocumentName", "AWS-RunPatchBaseline")
 *     .put("InstanceIds", States.array(Path.input().field("instanceId")))
 *     .build()
 * }</pre>
 */
public final class Json {

  private Json() {}

  /** A new object builder; fields keep the order they are put in. */
  public static ObjectBuilder object() {
    return new ObjectBuilder();
  }

  /** An array of values. */
  public static ArrayValue array(Value... items) {
    return new ArrayValue(Arrays.asList(items));
  }

  /** An array of values. */
  public static ArrayValue array(List<? extends Value> items) {
    return new ArrayValue(List.copyOf(items));
  }

  /** An array of literal strings. */
  public static ArrayValue strings(String... items) {
    return ArrayValue.ofStrings(items);
  }

  /** The JSON {@code null}. */
  public static Value nullValue() {
    return NullValue.INSTANCE;
  }

  /** Builds an {@link ObjectValue}. */
  public static final class ObjectBuilder {
    private final Map<String, Value> fields = new LinkedHashMap<>();

    private ObjectBuilder() {}

    /**
     * Sets a field. Use the plain key: a {@link Path} or {@link Intrinsic} value gets its
     * {@code .$} suffix when written.
     */
    public ObjectBuilder put(String key, Value value) {
      if (key.endsWith(".$")) {
        throw new IllegalArgumentException(
            "write the key without .$ (\"" + key.substring(0, key.length() - 2)
                + "\"): a path or intrinsic value adds it by itself");
      }
      fields.put(key, value);
      return this;
    }

    /**
     * Sets a field with its key exactly as given, {@code .$} included: for literal values whose
     * keys are plain text, such as a Pass state's {@code Result}.
     */
    public ObjectBuilder putRaw(String key, Value value) {
      fields.put(key, value);
      return this;
    }

    /** A field with a string. */
    public ObjectBuilder put(String key, String value) {
      return put(key, Value.of(value));
    }

    /** A field with a whole number. */
    public ObjectBuilder put(String key, long value) {
      return put(key, Value.of(value));
    }

    /** A field with {@code true} or {@code false}. */
    public ObjectBuilder put(String key, boolean value) {
      return put(key, Value.of(value));
    }

    /** A field with the object {@code value} builds. */
    public ObjectBuilder put(String key, ObjectBuilder value) {
      return put(key, value.build());
    }

    /** The object, with its fields in the order they were put. */
    public ObjectValue build() {
      return new ObjectValue(fields);
    }
  }
}
