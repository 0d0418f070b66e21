package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Workflow variables of one scope. A Parallel branch or inline Map iteration gets a child scope:
 * it reads the outer variables, and what it assigns stays inside it. A distributed Map's child
 * workflows start with no variables at all, as in the service.
 */
final class Variables {

  private final Variables parent;
  private final Map<String, JsonNode> own = new HashMap<>();

  Variables(Variables parent) {
    this.parent = parent;
  }

  static Variables root() {
    return new Variables(null);
  }

  Variables child() {
    return new Variables(this);
  }

  /** The value of a variable, or null when no scope defines it. */
  JsonNode get(String name) {
    for (Variables scope = this; scope != null; scope = scope.parent) {
      JsonNode value = scope.own.get(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** Assigns every value at once, as one state's Assign does. */
  void assignAll(Map<String, JsonNode> values) {
    own.putAll(values);
  }

  boolean isEmpty() {
    return own.isEmpty() && (parent == null || parent.isEmpty());
  }

  /** Every visible variable, inner scopes hiding outer ones. */
  Map<String, JsonNode> visible() {
    Map<String, JsonNode> all = parent == null ? new LinkedHashMap<>() : parent.visible();
    all.putAll(own);
    return all;
  }
}
