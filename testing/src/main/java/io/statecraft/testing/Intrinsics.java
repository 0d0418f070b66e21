package io.statecraft.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.BooleanValue;
import io.statecraft.dsl.Intrinsic;
import io.statecraft.dsl.NullValue;
import io.statecraft.dsl.NumberValue;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The 18 intrinsic functions with the semantics the Step Functions Developer Guide documents.
 * Any misuse fails the state with {@code States.Runtime}, as the service does.
 */
final class Intrinsics {

  /** The random source of States.MathRandom without a seed and of States.UUID; set per run. */
  static final ThreadLocal<Random> RANDOM = ThreadLocal.withInitial(() -> new Random(0));

  private Intrinsics() {}

  static JsonNode evaluate(Intrinsic call, Scope scope) throws StatesError {
    try {
      return call(call, scope);
    } catch (ArithmeticException | NumberFormatException e) {
      // A number past what the function computes with (States.MathAdd(1.5e400, 1)).
      throw StatesError.runtime("The function " + call.function() + " cannot compute with its arguments: "
          + e.getMessage());
    }
  }

  private static JsonNode call(Intrinsic call, Scope scope) throws StatesError {
    List<JsonNode> args = new ArrayList<>(call.arguments().size());
    for (Value argument : call.arguments()) {
      args.add(argument(argument, scope, call.function()));
    }
    String name = call.function();
    switch (name) {
      case "States.Format": return format(args, !call.arguments().isEmpty() && call.arguments().get(0) instanceof StringValue);
      case "States.StringToJson": return stringToJson(args);
      case "States.JsonToString": return text(JsonValues.compact(one(name, args)));
      case "States.Array": {
        ArrayNode array = JsonValues.NODES.arrayNode();
        args.forEach(array::add);
        return array;
      }
      case "States.ArrayPartition": return arrayPartition(name, args);
      case "States.ArrayContains": {
        arity(name, args, 2);
        for (JsonNode item : array(name, args, 0)) {
          if (JsonValues.same(item, args.get(1))) {
            return JsonValues.NODES.booleanNode(true);
          }
        }
        return JsonValues.NODES.booleanNode(false);
      }
      case "States.ArrayRange": return arrayRange(name, args);
      case "States.ArrayGetItem": {
        arity(name, args, 2);
        JsonNode array = array(name, args, 0);
        long index = integer(name, args, 1);
        if (index < 0 || index >= array.size()) {
          throw invalid(name, "index " + index + " is outside the array of " + array.size() + " items");
        }
        return array.get((int) index);
      }
      case "States.ArrayLength": {
        arity(name, args, 1);
        return JsonValues.NODES.numberNode(array(name, args, 0).size());
      }
      case "States.ArrayUnique": {
        arity(name, args, 1);
        ArrayNode unique = JsonValues.NODES.arrayNode();
        for (JsonNode item : array(name, args, 0)) {
          boolean seen = false;
          for (JsonNode kept : unique) {
            seen |= JsonValues.same(kept, item);
          }
          if (!seen) {
            unique.add(item);
          }
        }
        return unique;
      }
      case "States.Base64Encode": {
        String data = string(name, args, 0, 1);
        if (data.length() > 10_000) {
          throw invalid(name, "the input is longer than 10,000 characters");
        }
        return text(Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8)));
      }
      case "States.Base64Decode": {
        String data = string(name, args, 0, 1);
        if (data.length() > 10_000) {
          throw invalid(name, "the input is longer than 10,000 characters");
        }
        try {
          return text(new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          throw invalid(name, "the input is not Base64: " + e.getMessage());
        }
      }
      case "States.Hash": return hash(name, args);
      case "States.JsonMerge": return jsonMerge(args);
      case "States.MathRandom": return mathRandom(args);
      case "States.MathAdd": {
        arity(name, args, 2);
        return JsonValues.NODES.numberNode(integer(name, args, 0) + integer(name, args, 1));
      }
      case "States.StringSplit": return stringSplit(args);
      case "States.UUID": {
        arity(name, args, 0);
        return text(uuid(RANDOM.get()));
      }
      default:
        throw StatesError.runtime("The function " + name + " is not an intrinsic function");
    }
  }

  private static JsonNode argument(Value argument, Scope scope, String function) throws StatesError {
    if (argument instanceof StringValue string) {
      return text(string.value());
    }
    if (argument instanceof NumberValue number) {
      return JsonValues.NODES.numberNode(number.value());
    }
    if (argument instanceof BooleanValue bool) {
      return JsonValues.NODES.booleanNode(bool.value());
    }
    if (argument instanceof NullValue) {
      return JsonValues.NODES.nullNode();
    }
    if (argument instanceof Path path) {
      try {
        return PathEvaluator.read(path.expression(), scope);
      } catch (PathEvaluator.NotFound e) {
        throw StatesError.runtime("The JSONPath '" + path.expression() + "' in the arguments of " + function
            + " could not be found in the input '" + JsonValues.compact(scope.input()) + "'");
      }
    }
    if (argument instanceof Intrinsic nested) {
      return evaluate(nested, scope);
    }
    throw StatesError.runtime("Unsupported argument " + argument + " in " + function);
  }

  /** A version 4 UUID drawn from {@code random}, so that seeded runs repeat. */
  static String uuid(Random random) {
    long most = random.nextLong();
    long least = random.nextLong();
    most = (most & ~0xF000L) | 0x4000L;
    least = (least & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new java.util.UUID(most, least).toString();
  }

  // A literal template follows the language's escapes (\{\} is a literal pair, not a slot:
  // https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#amazon-states-language-intrinsic-functions-escapes);
  // a template read from a path is data, where every {} is a slot.
  private static JsonNode format(List<JsonNode> args, boolean literalTemplate) throws StatesError {
    String name = "States.Format";
    if (args.isEmpty() || !args.get(0).isTextual()) {
      throw invalid(name, "the first argument must be the template string");
    }
    String template = args.get(0).textValue();
    List<String> texts = literalTemplate ? Intrinsic.formatTemplateTexts(template)
        : List.of(template.split("\\{}", -1));
    int slots = texts.size() - 1;
    if (slots != args.size() - 1) {
      throw invalid(name, "the template has " + slots + " {} but " + (args.size() - 1) + " values were given");
    }
    StringBuilder out = new StringBuilder(texts.get(0));
    for (int i = 1; i < texts.size(); i++) {
      out.append(formatted(args.get(i))).append(texts.get(i));
    }
    return text(out.toString());
  }

  // Strings as they are; other values as the service prints them (objects Java-style).
  private static String formatted(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isContainerNode()) {
      return JsonValues.MAPPER.convertValue(value, Object.class).toString();
    }
    return value.asText();
  }

  private static JsonNode stringToJson(List<JsonNode> args) throws StatesError {
    String text = string("States.StringToJson", args, 0, 1);
    try {
      JsonNode node = JsonValues.MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw invalid("States.StringToJson", "the string is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw invalid("States.StringToJson", "the string is not JSON: " + text);
    }
  }

  /** {@code States.ArrayPartition}, and JSONata's {@code $partition} ({@code name} says which). */
  static JsonNode arrayPartition(String name, List<JsonNode> args) throws StatesError {
    arity(name, args, 2);
    JsonNode array = array(name, args, 0);
    long size = integer(name, args, 1);
    if (size < 1) {
      throw invalid(name, "the chunk size must be a positive integer, got " + size);
    }
    ArrayNode chunks = JsonValues.NODES.arrayNode();
    ArrayNode chunk = null;
    for (JsonNode item : array) {
      if (chunk == null || chunk.size() == size) {
        chunk = chunks.addArray();
      }
      chunk.add(item);
    }
    return chunks;
  }

  /** {@code States.ArrayRange}, and JSONata's {@code $range} ({@code name} says which): the end included. */
  static JsonNode arrayRange(String name, List<JsonNode> args) throws StatesError {
    arity(name, args, 3);
    long start = integer(name, args, 0);
    long end = integer(name, args, 1);
    long step = integer(name, args, 2);
    if (step == 0) {
      throw invalid(name, "the step must not be 0");
    }
    ArrayNode range = JsonValues.NODES.arrayNode();
    for (long value = start; step > 0 ? value <= end : value >= end; value += step) {
      if (range.size() == 1000) {
        throw invalid(name, "the range has more than 1,000 items");
      }
      range.add(value);
    }
    return range;
  }

  /** {@code States.Hash}, and JSONata's {@code $hash} ({@code name} says which). */
  static JsonNode hash(String name, List<JsonNode> args) throws StatesError {
    arity(name, args, 2);
    JsonNode data = args.get(0);
    if (data.isNull()) {
      throw invalid(name, "the data to hash is null");
    }
    String algorithm = string(name, args, 1, 2);
    String javaName;
    switch (algorithm) {
      case "MD5": javaName = "MD5"; break;
      case "SHA-1": javaName = "SHA-1"; break;
      case "SHA-256": javaName = "SHA-256"; break;
      case "SHA-384": javaName = "SHA-384"; break;
      case "SHA-512": javaName = "SHA-512"; break;
      default:
        throw invalid(name, "the algorithm must be MD5, SHA-1, SHA-256, SHA-384 or SHA-512, got " + algorithm);
    }
    String text = data.isTextual() ? data.textValue() : JsonValues.compact(data);
    if (text.length() > 10_000) {
      throw invalid(name, "the data is longer than 10,000 characters");
    }
    return text(hex(javaName, text));
  }

  static String hex(String algorithm, String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode jsonMerge(List<JsonNode> args) throws StatesError {
    String name = "States.JsonMerge";
    arity(name, args, 3);
    if (!args.get(0).isObject() || !args.get(1).isObject()) {
      throw invalid(name, "the first two arguments must be objects");
    }
    if (!args.get(2).isBoolean()) {
      throw invalid(name, "the third argument must be a boolean");
    }
    if (args.get(2).booleanValue()) {
      throw invalid(name, "only the shallow merge is supported; pass false as the third argument");
    }
    // A copy: intrinsics never modify the state input.
    ObjectNode merged = args.get(0).deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = args.get(1).fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      merged.set(field.getKey(), field.getValue());
    }
    return merged;
  }

  private static JsonNode mathRandom(List<JsonNode> args) throws StatesError {
    String name = "States.MathRandom";
    if (args.size() < 2 || args.size() > 3) {
      throw invalid(name, "it takes a start, an end and an optional seed");
    }
    long start = integer(name, args, 0);
    long end = integer(name, args, 1);
    if (end <= start) {
      throw invalid(name, "the end must be greater than the start");
    }
    Random random = args.size() == 3 ? new Random(integer(name, args, 2)) : RANDOM.get();
    return JsonValues.NODES.numberNode(start + (long) (random.nextDouble() * (end - start)));
  }

  private static JsonNode stringSplit(List<JsonNode> args) throws StatesError {
    String name = "States.StringSplit";
    arity(name, args, 2);
    String text = string(name, args, 0, 2);
    String delimiters = string(name, args, 1, 2);
    ArrayNode parts = JsonValues.NODES.arrayNode();
    StringBuilder token = new StringBuilder();
    // Every character of the second argument is a delimiter; empty tokens are dropped.
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (delimiters.indexOf(c) >= 0) {
        if (token.length() > 0) {
          parts.add(token.toString());
        }
        token.setLength(0);
      } else {
        token.append(c);
      }
    }
    if (token.length() > 0) {
      parts.add(token.toString());
    }
    return parts;
  }

  private static void arity(String name, List<JsonNode> args, int count) throws StatesError {
    if (args.size() != count) {
      throw invalid(name, "it takes " + count + " argument" + (count == 1 ? "" : "s") + ", got " + args.size());
    }
  }

  private static JsonNode one(String name, List<JsonNode> args) throws StatesError {
    arity(name, args, 1);
    return args.get(0);
  }

  private static JsonNode array(String name, List<JsonNode> args, int index) throws StatesError {
    JsonNode value = args.get(index);
    if (!value.isArray()) {
      throw invalid(name, "argument " + (index + 1) + " must be an array, got " + JsonValues.typeName(value));
    }
    return value;
  }

  private static String string(String name, List<JsonNode> args, int index, int count) throws StatesError {
    arity(name, args, count);
    JsonNode value = args.get(index);
    if (!value.isTextual()) {
      throw invalid(name, "argument " + (index + 1) + " must be a string, got " + JsonValues.typeName(value));
    }
    return value.textValue();
  }

  // Non-integers are rounded to the nearest integer, as the Developer Guide says.
  private static long integer(String name, List<JsonNode> args, int index) throws StatesError {
    JsonNode value = args.get(index);
    if (!value.isNumber()) {
      throw invalid(name, "argument " + (index + 1) + " must be a number, got " + JsonValues.typeName(value));
    }
    BigDecimal number = value.decimalValue();
    return number.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  private static JsonNode text(String value) {
    return JsonValues.NODES.textNode(value);
  }

  private static StatesError invalid(String name, String why) {
    return StatesError.runtime("Invalid arguments in " + name + ": " + why);
  }
}
