package io.statecraft.testing;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.ArrayValue;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSONata-mode expressions ({@code {% ... %}}) evaluated with the dashjoin JSONata library, with
 * {@code $states} and the workflow variables bound, plus the functions Step Functions adds:
 * {@code $partition}, {@code $range}, {@code $hash}, {@code $random}, {@code $uuid}, {@code $parse}.
 */
final class JsonataEvaluator {

  /** How long one JSONata evaluation may run, in milliseconds, before it fails (docs/testing.md). */
  static final long JSONATA_TIME_LIMIT_MILLIS = 10_000;
  /** How deeply one JSONata evaluation may recurse before it fails (docs/testing.md). */
  static final int JSONATA_MAX_DEPTH = 500;

  private static final Map<String, Jsonata> EXPRESSIONS = new ConcurrentHashMap<>();

  private JsonataEvaluator() {}

  /**
   * Evaluates a value of a JSONata state field: {@code {% %}} expressions are evaluated, objects
   * and arrays field by field, everything else is literal.
   *
   * @param field where the value is, for messages: {@code Output}, {@code Arguments/Payload}
   */
  static JsonNode template(Value template, JsonNode states, Variables variables, String field) throws StatesError {
    if (template instanceof io.statecraft.dsl.Jsonata expression) {
      return evaluate(expression, states, variables, field);
    }
    if (template instanceof ObjectValue object) {
      ObjectNode out = JsonValues.object();
      for (Map.Entry<String, Value> entry : object.fields().entrySet()) {
        out.set(entry.getKey(), template(entry.getValue(), states, variables, field + "/" + entry.getKey()));
      }
      return out;
    }
    if (template instanceof ArrayValue array) {
      ArrayNode out = JsonValues.NODES.arrayNode();
      int i = 0;
      for (Value item : array.items()) {
        out.add(template(item, states, variables, field + "/" + i++));
      }
      return out;
    }
    return Literals.toJson(template);
  }

  /** Evaluates one {@code {% expression %}}. */
  private static JsonNode evaluate(io.statecraft.dsl.Jsonata value, JsonNode states, Variables variables, String field)
      throws StatesError {
    String expression = value.text();
    Jsonata compiled = EXPRESSIONS.get(expression);
    if (compiled == null) {
      try {
        compiled = Jsonata.jsonata(expression);
        // Keep JSON null as NULL_VALUE in results, so that a Java null only ever means undefined.
        compiled.setOutputConvertNulls(false);
      } catch (JException | IllegalArgumentException e) {
        throw new StatesError(StatesError.QUERY_EVALUATION_ERROR, "The JSONata expression '" + expression
            + "' specified for the field '" + field + "' is not valid: " + e.getMessage());
      }
      EXPRESSIONS.put(expression, compiled);
    }
    Object result;
    synchronized (compiled) {
      try {
        Jsonata.Frame frame = compiled.createFrame();
        // An expression may recurse or loop without end; AWS stops it, and so does the executor.
        frame.setRuntimeBounds(JSONATA_TIME_LIMIT_MILLIS, JSONATA_MAX_DEPTH);
        for (Map.Entry<String, JsonNode> variable : variables.visible().entrySet()) {
          frame.bind(variable.getKey(), toJava(variable.getValue()));
        }
        frame.bind("states", toJava(states));
        bindExtras(frame);
        result = compiled.evaluate(null, frame);
      } catch (JException e) {
        throw new StatesError(StatesError.QUERY_EVALUATION_ERROR, "An error occurred while evaluating the JSONata "
            + "expression '" + expression + "' specified for the field '" + field + "': " + e.getMessage());
      } catch (RuntimeException e) {
        throw new StatesError(StatesError.QUERY_EVALUATION_ERROR, "An error occurred while evaluating the JSONata "
            + "expression '" + expression + "' specified for the field '" + field + "': " + e);
      } catch (StackOverflowError e) {
        throw new StatesError(StatesError.QUERY_EVALUATION_ERROR, "The JSONata expression '" + expression
            + "' specified for the field '" + field + "' recursed too deeply");
      }
    }
    if (result == null) {
      throw new StatesError(StatesError.QUERY_EVALUATION_ERROR, "The JSONata expression '" + expression
          + "' specified for the field '" + field + "' returned nothing (undefined)");
    }
    return toJson(result);
  }

  private static void bindExtras(Jsonata.Frame frame) {
    frame.bind("partition", "aws");
    frame.bind("range", Jsonata.function("range", (Jsonata.FnVarArgs<Object>) args -> range(args), null));
    frame.bind("hash", Jsonata.function("hash", (Jsonata.FnVarArgs<Object>) args -> hash(args), null));
    frame.bind("random", Jsonata.function("random", (Jsonata.FnVarArgs<Object>) args -> random(args), null));
    frame.bind("uuid", Jsonata.function("uuid", (Jsonata.FnVarArgs<Object>) args -> Intrinsics.uuid(Intrinsics.RANDOM.get()), null));
    frame.bind("parse", Jsonata.function("parse", (Jsonata.FnVarArgs<Object>) args -> parse(args), null));
  }

  private static Object range(List<?> args) {
    if (args.size() < 2 || args.size() > 3) {
      throw new IllegalArgumentException("$range takes a start, an end and an optional step");
    }
    long start = number(args.get(0), "$range start");
    long end = number(args.get(1), "$range end");
    long step = args.size() == 3 ? number(args.get(2), "$range step") : 1;
    if (step == 0) {
      throw new IllegalArgumentException("$range step must not be 0");
    }
    List<Object> out = new ArrayList<>();
    for (long value = start; step > 0 ? value <= end : value >= end; value += step) {
      out.add(value);
    }
    return out;
  }

  private static Object hash(List<?> args) {
    if (args.size() != 2 || !(args.get(0) instanceof String) || !(args.get(1) instanceof String)) {
      throw new IllegalArgumentException("$hash takes the data (a string) and the algorithm name");
    }
    String algorithm = (String) args.get(1);
    if (!List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512").contains(algorithm)) {
      throw new IllegalArgumentException("$hash algorithm must be MD5, SHA-1, SHA-256, SHA-384 or SHA-512, got " + algorithm);
    }
    return Intrinsics.hex(algorithm, (String) args.get(0));
  }

  private static Object random(List<?> args) {
    if (args.isEmpty()) {
      return Intrinsics.RANDOM.get().nextDouble();
    }
    return new Random(number(args.get(0), "$random seed")).nextDouble();
  }

  private static Object parse(List<?> args) {
    if (args.size() != 1 || !(args.get(0) instanceof String)) {
      throw new IllegalArgumentException("$parse takes one string of JSON text");
    }
    return toJava(JsonValues.parse((String) args.get(0), "the $parse argument"));
  }

  private static long number(Object value, String what) {
    if (!(value instanceof Number number)) {
      throw new IllegalArgumentException(what + " must be a number");
    }
    return Math.round(number.doubleValue());
  }

  /** A JSON value as the plain Java values JSONata works on. */
  static Object toJava(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          map.put(field.getKey(), toJava(field.getValue()));
        }
        return map;
      }
      case ARRAY: {
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode item : node) {
          list.add(toJava(item));
        }
        return list;
      }
      case STRING: return node.textValue();
      case BOOLEAN: return node.booleanValue();
      case NUMBER:
        if (node.isIntegralNumber() && node.canConvertToLong()) {
          return node.longValue();
        }
        return node.doubleValue();
      case NULL:
      default:
        return Jsonata.NULL_VALUE;
    }
  }

  /** A JSONata result as JSON; whole doubles print as integers, as in JavaScript. */
  static JsonNode toJson(Object value) {
    if (value == null || value == Jsonata.NULL_VALUE) {
      return JsonValues.NODES.nullNode();
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode out = JsonValues.object();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (entry.getValue() != null) {
          out.set(String.valueOf(entry.getKey()), toJson(entry.getValue()));
        }
      }
      return out;
    }
    if (value instanceof List<?> list) {
      ArrayNode out = JsonValues.NODES.arrayNode();
      for (Object item : list) {
        if (item != null) {
          out.add(toJson(item));
        }
      }
      return out;
    }
    if (value instanceof String text) {
      return JsonValues.NODES.textNode(text);
    }
    if (value instanceof Boolean bool) {
      return JsonValues.NODES.booleanNode(bool);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return JsonValues.NODES.numberNode((long) d);
      }
      return JsonValues.NODES.numberNode(new BigDecimal(Double.toString(d)));
    }
    if (value instanceof BigDecimal decimal) {
      return JsonValues.NODES.numberNode(decimal);
    }
    if (value instanceof BigInteger integer) {
      return JsonValues.NODES.numberNode(integer);
    }
    if (value instanceof Number number) {
      return JsonValues.NODES.numberNode(number.longValue());
    }
    if (value instanceof Jsonata.JFunction) {
      throw new IllegalArgumentException("a function is not a JSON value");
    }
    return JsonValues.MAPPER.valueToTree(value);
  }
}
