package io.statecraft.dsl.asl;

import io.statecraft.dsl.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies of the extension-field maps that the records keep, ordered and unmodifiable. */
final class Extensions {

  private Extensions() {}

  static Map<String, Value> copy(Map<String, Value> fields) {
    if (fields == null || fields.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
