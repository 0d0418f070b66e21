package io.statecraft.connect;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.json.JsonDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a per-environment parameters file ({@code env/prod.json}) in either of the two forms that
 * {@code aws cloudformation deploy --parameter-overrides file://...} reads: a JSON object of names
 * to values, or the {@code [{"ParameterKey": ..., "ParameterValue": ...}]} list of
 * {@code create-stack}. Values that are numbers or booleans are taken as their text.
 */
public final class ParameterValues {

  private ParameterValues() {}

  /**
   * The values in {@code file}, by parameter name, in file order.
   *
   * @throws IllegalArgumentException when the file is not one of the two forms; the message says
   *     where and shows the expected form
   */
  public static Map<String, String> read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JsonDocuments.mapper().readTree(Files.readString(file));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage());
    }
    Map<String, String> values = new LinkedHashMap<>();
    if (root != null && root.isObject()) {
      root.fields().forEachRemaining(field -> values.put(field.getKey(), scalar(file, field.getKey(), field.getValue())));
      return values;
    }
    if (root != null && root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        JsonNode item = root.get(i);
        if (!item.path("ParameterKey").isTextual() || !item.has("ParameterValue")) {
          throw new IllegalArgumentException(file + ": item " + i + " needs ParameterKey and ParameterValue,"
              + " as in [{\"ParameterKey\": \"Team\", \"ParameterValue\": \"sre\"}]");
        }
        String key = item.get("ParameterKey").asText();
        values.put(key, scalar(file, key, item.get("ParameterValue")));
      }
      return values;
    }
    throw new IllegalArgumentException(file + " must be a JSON object of parameter names to values"
        + " ({\"Team\": \"sre\"}) or a list of {\"ParameterKey\", \"ParameterValue\"}");
  }

  private static String scalar(Path file, String key, JsonNode value) {
    if (!value.isValueNode() || value.isNull()) {
      throw new IllegalArgumentException(file + ": the value of " + key + " must be a string, number or boolean");
    }
    return value.asText();
  }

  /** {@code Name=value} from the command line, split at the first {@code =}. */
  public static Map.Entry<String, String> parseOverride(String text) {
    int equals = text.indexOf('=');
    if (equals <= 0) {
      throw new IllegalArgumentException("'" + text + "' is not Name=value");
    }
    return Map.entry(text.substring(0, equals), text.substring(equals + 1));
  }
}
