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
      } catch (ExtraFailure e) {
        throw new StatesError(StatesError.QUERY_EVALUATION_ERROR, "An error occurred while evaluating the JSONata "
            + "expression '" + expression + "' specified for the field '" + field + "': " + e.getMessage());
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
    if (com.dashjoin.jsonata.Utils.isFunction(result) || com.dashjoin.jsonata.Functions.isLambda(result)) {
      throw new StatesError(StatesError.QUERY_EVALUATION_ERROR, "The JSONata expression '" + expression
          + "' specified for the field '" + field + "' returned a function, which is not a JSON value");
    }
    return toJson(result);
  }

  // The functions Step Functions adds to JSONata, and $eval, which it takes away:
  // https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html#jsonata-functions-provided-by-sfn
  private static void bindExtras(Jsonata.Frame frame) {
    bind(frame, "partition", args -> Intrinsics.arrayPartition("$partition", json(args)));
    bind(frame, "range", args -> Intrinsics.arrayRange("$range", json(args)));
    bind(frame, "hash", args -> Intrinsics.hash("$hash", json(args)));
    bind(frame, "random", JsonataEvaluator::random);
    bind(frame, "uuid", args -> {
      arity("$uuid", args, 0, 0);
      return JsonValues.NODES.textNode(Intrinsics.uuid(Intrinsics.RANDOM.get()));
    });
    bind(frame, "parse", JsonataEvaluator::parse);
    bind(frame, "eval", args -> {
      throw new StatesError(StatesError.QUERY_EVALUATION_ERROR, "the function $eval is not available in Step "
          + "Functions; read JSON text with $parse");
    });
  }

  /** One of the functions Step Functions adds, on JSON values. */
  private interface Extra {
    JsonNode apply(List<?> args) throws StatesError;
  }

  /** Thrown through the JSONata library when an added function refuses its arguments. */
  private static final class ExtraFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExtraFailure(String message) {
      super(message, null, false, false);
    }
  }

  private static void bind(Jsonata.Frame frame, String name, Extra extra) {
    frame.bind(name, Jsonata.function(name, (Jsonata.FnVarArgs<Object>) args -> {
      try {
        return toJava(extra.apply(args));
      } catch (StatesError e) {
        throw new ExtraFailure(e.cause());
      }
    }, null));
  }

  private static List<JsonNode> json(List<?> args) {
    List<JsonNode> out = new ArrayList<>(args.size());
    for (Object arg : args) {
      out.add(toJson(arg));
    }
    return out;
  }

  // $random() draws from the run's seeded generator; $random(seed) is the first double of
  // java.util.Random(seed), so the same seed gives the same number (AWS documents only that).
  private static JsonNode random(List<?> args) throws StatesError {
    arity("$random", args, 0, 1);
    Random random = args.isEmpty() ? Intrinsics.RANDOM.get() : new Random(seed(args.get(0)));
    return JsonValues.NODES.numberNode(random.nextDouble());
  }

  private static long seed(Object value) throws StatesError {
    if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
      throw new StatesError(StatesError.QUERY_EVALUATION_ERROR, "Invalid arguments in $random: the seed must be an "
          + "integer, got " + JsonValues.compact(toJson(value)));
    }
    return number.longValue();
  }

  private static JsonNode parse(List<?> args) throws StatesError {
    arity("$parse", args, 1, 1);
    if (!(args.get(0) instanceof String text)) {
      throw new StatesError(StatesError.QUERY_EVALUATION_ERROR, "Invalid arguments in $parse: it takes a string of "
          + "JSON text, got " + JsonValues.typeName(toJson(args.get(0))));
    }
    try {
      return JsonValues.parse(text, "the $parse argument");
    } catch (IllegalArgumentException e) {
      throw new StatesError(StatesError.QUERY_EVALUATION_ERROR, "Invalid arguments in $parse: the string is not "
          + "JSON: " + text);
    }
  }

  private static void arity(String name, List<?> args, int min, int max) throws StatesError {
    if (args.size() < min || args.size() > max) {
      String expected = min == max ? String.valueOf(min) : min + " to " + max;
      throw new StatesError(StatesError.QUERY_EVALUATION_ERROR, "Invalid arguments in " + name + ": it takes "
          + expected + " argument" + (max == 1 ? "" : "s") + ", got " + args.size());
    }
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
