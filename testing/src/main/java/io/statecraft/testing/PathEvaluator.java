package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.statecraft.dsl.ArrayValue;
import io.statecraft.dsl.Intrinsic;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSONPath-mode data handling: reading paths ({@code $}, {@code $$} for the context object,
 * {@code $name} for a variable) with Jayway JsonPath, payload templates with {@code .$} fields
 * and intrinsic functions, and writing a result at a {@code ResultPath}.
 */
final class PathEvaluator {

  private static final Configuration JSONPATH = Configuration.builder()
      .jsonProvider(new JacksonJsonNodeJsonProvider(JsonValues.MAPPER))
      .mappingProvider(new JacksonMappingProvider(JsonValues.MAPPER))
      .build();
  private static final Map<String, JsonPath> PATHS = new ConcurrentHashMap<>();

  private PathEvaluator() {}

  /** Thrown when a path selects nothing; callers turn it into the service's error and message. */
  static final class NotFound extends Exception {
    NotFound(String message) {
      super(message, null, false, false);
    }
  }

  /** Reads a path; the value is never null. */
  static JsonNode read(String path, Scope scope) throws NotFound, StatesError {
    if (path.equals("$")) {
      return scope.input();
    }
    JsonNode root;
    String rest;
    if (path.startsWith("$$")) {
      root = scope.context().get();
      rest = path.substring(2);
    } else if (path.length() > 1 && isNameStart(path.charAt(1))) {
      int end = 1;
      while (end < path.length() && isNamePart(path.charAt(end))) {
        end++;
      }
      String name = path.substring(1, end);
      root = scope.variables().get(name);
      if (root == null) {
        throw StatesError.runtime("The variable '$" + name + "' used in '" + path + "' is not defined; assign it "
            + "in an earlier state with Assign");
      }
      rest = path.substring(end);
    } else {
      root = scope.input();
      rest = path.substring(1);
    }
    if (rest.isEmpty()) {
      return root;
    }
    JsonPath compiled = compile("$" + rest);
    Object value;
    try {
      value = compiled.read(root, JSONPATH);
    } catch (PathNotFoundException e) {
      throw new NotFound(path);
    } catch (InvalidPathException | ClassCastException e) {
      throw new NotFound(path);
    } catch (JsonPathException | ArithmeticException | IllegalArgumentException e) {
      // A path function over what it cannot take ($.a.min() over an empty or non-array value).
      throw StatesError.runtime("The JSONPath '" + path + "' could not be evaluated: " + e.getMessage());
    }
    if (value == null) {
      return JsonValues.NODES.nullNode();
    }
    return value instanceof JsonNode node ? node : JsonValues.MAPPER.valueToTree(value);
  }

  private static JsonPath compile(String path) throws StatesError {
    JsonPath compiled = PATHS.get(path);
    if (compiled == null) {
      try {
        compiled = JsonPath.compile(path);
      } catch (InvalidPathException e) {
        throw StatesError.runtime("The path '" + path + "' is not a valid JSONPath: " + e.getMessage());
      }
      PATHS.put(path, compiled);
    }
    return compiled;
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /**
   * Reads a path given in a state field (InputPath, ItemsPath, SecondsPath...), failing the
   * state with {@code States.Runtime} when it selects nothing, with the service's wording.
   */
  static JsonNode readField(Value path, Scope scope, String field) throws StatesError {
    String expression = text(path);
    try {
      return read(expression, scope);
    } catch (NotFound e) {
      throw StatesError.runtime("Invalid path '" + expression + "' : No results for path: $['" + field + "']"
          + " in input '" + JsonValues.compact(scope.input()) + "'");
    }
  }

  /**
   * The value of a dynamic field (a {@code "key.$"} field, {@code ErrorPath}, {@code CausePath}):
   * a path is read, an intrinsic call evaluated.
   */
  static JsonNode dynamic(Value value, Scope scope, String field) throws StatesError {
    if (value instanceof Intrinsic call) {
      return Intrinsics.evaluate(call, scope);
    }
    String expression = text(value);
    try {
      return read(expression, scope);
    } catch (NotFound e) {
      throw StatesError.runtime("The JSONPath '" + expression + "' specified for the field '" + field
          + "' could not be found in the input '" + JsonValues.compact(scope.input()) + "'");
    }
  }

  /** The text of a path field as the definition has it: a path, a call, or any other text. */
  static String text(Value pathField) {
    if (pathField instanceof Path path) {
      return path.expression();
    }
    if (pathField instanceof Intrinsic call) {
      return call.render();
    }
    return Literals.toJson(pathField).asText();
  }

  /**
   * Evaluates a payload template (Parameters, ResultSelector, ItemSelector, Assign): paths and
   * intrinsic calls are evaluated, everything else is literal.
   */
  static JsonNode template(Value template, Scope scope) throws StatesError {
    if (template instanceof ObjectValue object) {
      ObjectNode out = JsonValues.object();
      for (Map.Entry<String, Value> field : object.fields().entrySet()) {
        String key = field.getKey();
        Value value = field.getValue();
        // The reader turned each "Key.$" field into Key holding a path or a call; the validator has
        // made sure that every .$ field is one of those.
        if (value.isDynamicPath()) {
          out.set(key, dynamic(value, scope, key + ".$"));
        } else {
          out.set(key, template(value, scope));
        }
      }
      return out;
    }
    if (template instanceof ArrayValue array) {
      ArrayNode out = JsonValues.NODES.arrayNode();
      for (Value item : array.items()) {
        out.add(template(item, scope));
      }
      return out;
    }
    return Literals.toJson(template);
  }

  /**
   * Writes {@code result} into a copy of {@code input} at {@code resultPath} ({@code $} replaces
   * the input), creating missing objects on the way.
   */
  static JsonNode applyResultPath(JsonNode input, String resultPath, JsonNode result) throws StatesError {
    if (resultPath.equals("$")) {
      return result;
    }
    List<Object> steps = referenceSteps(resultPath);
    if (!input.isObject()) {
      throw new StatesError(StatesError.RESULT_PATH_MATCH_FAILURE, "Unable to apply step \"" + steps.get(0)
          + "\" to input " + JsonValues.compact(input));
    }
    JsonNode root = input.deepCopy();
    JsonNode current = root;
    for (int i = 0; i < steps.size(); i++) {
      Object step = steps.get(i);
      boolean last = i == steps.size() - 1;
      if (step instanceof String name) {
        if (!current.isObject()) {
          throw new StatesError(StatesError.RESULT_PATH_MATCH_FAILURE, "Unable to apply ResultPath \"" + resultPath
              + "\" to input " + JsonValues.compact(input) + ": '" + name + "' is inside a " + JsonValues.typeName(current));
        }
        ObjectNode object = (ObjectNode) current;
        if (last) {
          object.set(name, result);
        } else {
          JsonNode next = object.get(name);
          if (next == null || next.isNull()) {
            next = steps.get(i + 1) instanceof Integer ? JsonValues.NODES.arrayNode() : JsonValues.object();
            object.set(name, next);
          }
          current = next;
        }
      } else {
        int index = (Integer) step;
        if (!current.isArray() || index >= current.size()) {
          throw new StatesError(StatesError.RESULT_PATH_MATCH_FAILURE, "Unable to apply ResultPath \"" + resultPath
              + "\" to input " + JsonValues.compact(input) + ": no element [" + index + "]");
        }
        ArrayNode array = (ArrayNode) current;
        if (last) {
          array.set(index, result);
        } else {
          current = array.get(index);
        }
      }
    }
    return root;
  }

  // A reference path is $ followed by .name, ['name'] or [index] steps only.
  private static List<Object> referenceSteps(String path) throws StatesError {
    List<Object> steps = new ArrayList<>();
    int pos = 1;
    while (pos < path.length()) {
      char c = path.charAt(pos);
      if (c == '.') {
        int end = pos + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        steps.add(path.substring(pos + 1, end));
        pos = end;
      } else if (c == '[' && pos + 1 < path.length() && path.charAt(pos + 1) == '\'') {
        int end = path.indexOf("']", pos + 2);
        if (end < 0) {
          throw StatesError.runtime("Invalid ResultPath " + path);
        }
        steps.add(path.substring(pos + 2, end));
        pos = end + 2;
      } else if (c == '[') {
        int end = path.indexOf(']', pos);
        try {
          steps.add(Integer.parseInt(path.substring(pos + 1, end).strip()));
        } catch (RuntimeException e) {
          throw StatesError.runtime("Invalid ResultPath " + path + ": only names and indexes are allowed");
        }
        pos = end + 1;
      } else {
        throw StatesError.runtime("Invalid ResultPath " + path);
      }
    }
    return steps;
  }
}
