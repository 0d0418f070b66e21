package io.statecraft.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.json.JsonDocuments;
import java.util.Iterator;
import java.util.Map;

/** JSON helpers shared by the executor: one mapper with exact numbers, compact text, equality. */
final class JsonValues {

  static final ObjectMapper MAPPER = JsonDocuments.mapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private JsonValues() {}

  /** Parses JSON text; {@code what} names it in the error. */
  static JsonNode parse(String json, String what) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException(what + " is empty; give a JSON value such as {}");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage().replaceAll("\\s+", " "));
    }
  }

  /**
   * A Java value as JSON: maps, lists, strings, numbers, booleans and null, nested as they like.
   *
   * @throws IllegalArgumentException naming {@code what} when a value has no JSON form
   */
  static JsonNode of(Object value, String what) {
    try {
      return MAPPER.valueToTree(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " cannot be written as JSON: " + e.getMessage());
    }
  }

  /** Compact JSON text, as the service shows values in causes and events. */
  static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The size of a value as compact UTF-8 JSON text, which is what the payload quota counts;
   * computed by walking the tree, which is much cheaper than writing it out.
   */
  static long size(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT: {
        long size = 2 + Math.max(0, node.size() - 1);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          size += textSize(field.getKey()) + 1 + size(field.getValue());
        }
        return size;
      }
      case ARRAY: {
        long size = 2 + Math.max(0, node.size() - 1);
        for (JsonNode item : node) {
          size += size(item);
        }
        return size;
      }
      case STRING: return textSize(node.textValue());
      case BOOLEAN: return node.booleanValue() ? 4 : 5;
      case NULL: return 4;
      default: return node.asText().length();
    }
  }

  // A JSON string literal: quotes, UTF-8 bytes, and the escapes a JSON writer adds.
  private static long textSize(String text) {
    long size = 2;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        size += 2;
      } else if (c < 0x20) {
        size += c == '\n' || c == '\t' || c == '\r' || c == '\b' || c == '\f' ? 2 : 6;
      } else if (c < 0x80) {
        size += 1;
      } else if (c < 0x800) {
        size += 2;
      } else if (Character.isHighSurrogate(c)) {
        size += 4;
        i++;
      } else {
        size += 3;
      }
    }
    return size;
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }

  /** The JSON type name the service uses in messages. */
  static String typeName(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    switch (node.getNodeType()) {
      case OBJECT: return "object";
      case ARRAY: return "array";
      case STRING: return "string";
      case NUMBER: return "number";
      case BOOLEAN: return "boolean";
      case NULL: return "null";
      default: return node.getNodeType().name().toLowerCase();
    }
  }

  /** JSON equality where numbers are equal by value: {@code 1} equals {@code 1.0}. */
  static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode other = b.get(field.getKey());
        if (other == null || !same(field.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
