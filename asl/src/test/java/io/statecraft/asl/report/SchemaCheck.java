package io.statecraft.asl.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON document against the parts of a JSON Schema (draft 4) that the SARIF schema uses
 * for structure: {@code $ref} into {@code definitions}, {@code type}, {@code required}, {@code
 * properties}, {@code additionalProperties}, {@code items}, {@code enum}, {@code minimum} and
 * {@code minItems}. Formats and patterns are not checked. Every violation is collected with its
 * JSON Pointer.
 */
final class SchemaCheck {

  private final JsonNode root;
  private final List<String> violations = new ArrayList<>();

  private SchemaCheck(JsonNode root) {
    this.root = root;
  }

  /** Every violation of {@code schema} by {@code instance}; empty when it conforms. */
  static List<String> violations(JsonNode schema, JsonNode instance) {
    SchemaCheck check = new SchemaCheck(schema);
    check.check(schema, instance, "");
    return check.violations;
  }

  private void check(JsonNode schema, JsonNode value, String at) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      check(root.at(ref.substring(1)), value, at);
      return;
    }
    if (schema.has("type") && !hasType(value, schema.get("type").asText())) {
      violations.add(at + ": expected " + schema.get("type").asText() + ", got " + value.getNodeType());
      return;
    }
    if (schema.has("enum") && !contains(schema.get("enum"), value)) {
      violations.add(at + ": " + value + " is not one of " + schema.get("enum"));
    }
    if (schema.has("minimum") && value.isNumber() && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
      violations.add(at + ": " + value + " is below " + schema.get("minimum"));
    }
    if (value.isObject()) {
      checkObject(schema, value, at);
    }
    if (value.isArray()) {
      if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
        violations.add(at + ": fewer than " + schema.get("minItems") + " items");
      }
      if (schema.has("items")) {
        for (int i = 0; i < value.size(); i++) {
          check(schema.get("items"), value.get(i), at + "/" + i);
        }
      }
    }
  }

  private void checkObject(JsonNode schema, JsonNode value, String at) {
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        violations.add(at + ": the required property " + required.asText() + " is missing");
      }
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.get("additionalProperties");
    for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String child = at + "/" + field.getKey();
      if (properties.has(field.getKey())) {
        check(properties.get(field.getKey()), field.getValue(), child);
      } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
        violations.add(child + ": the property is not allowed here");
      } else if (additional != null && additional.isObject()) {
        check(additional, field.getValue(), child);
      }
    }
  }

  private static boolean hasType(JsonNode value, String type) {
    switch (type) {
      case "object":
        return value.isObject();
      case "array":
        return value.isArray();
      case "string":
        return value.isTextual();
      case "integer":
        return value.isIntegralNumber();
      case "number":
        return value.isNumber();
      case "boolean":
        return value.isBoolean();
      case "null":
        return value.isNull();
      default:
        return true;
    }
  }

  private static boolean contains(JsonNode options, JsonNode value) {
    for (JsonNode option : options) {
      if (option.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
