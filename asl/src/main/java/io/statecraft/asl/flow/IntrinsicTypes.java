package io.statecraft.asl.flow;

import io.statecraft.dsl.IntrinsicFunction;
import java.util.Set;

/**
 * The JSON types the intrinsic functions take and give, the type the first argument of JSONata's
 * string and number functions must have, and the type each Choice comparison
 * operator compares, as "Intrinsic functions for JSONPath states"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html) and "Choice
 * workflow state" (https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html)
 * describe them. Timestamps are strings in JSON.
 */
final class IntrinsicTypes {

  private IntrinsicTypes() {}

  /** The type argument {@code index} (from 0) of a call must have; null for any. */
  static Shape.Kind argument(IntrinsicFunction function, int index) {
    switch (function) {
      case ARRAY_LENGTH:
      case ARRAY_UNIQUE:
        return Shape.Kind.ARRAY;
      case ARRAY_CONTAINS:
        return index == 0 ? Shape.Kind.ARRAY : null;
      case ARRAY_GET_ITEM:
      case ARRAY_PARTITION:
        return index == 0 ? Shape.Kind.ARRAY : Shape.Kind.NUMBER;
      case ARRAY_RANGE:
      case MATH_ADD:
      case MATH_RANDOM:
        return Shape.Kind.NUMBER;
      case STRING_SPLIT:
      case BASE64_ENCODE:
      case BASE64_DECODE:
      case STRING_TO_JSON:
        return Shape.Kind.STRING;
      case FORMAT:
        return index == 0 ? Shape.Kind.STRING : null;
      case HASH:
        return index == 1 ? Shape.Kind.STRING : null;
      case JSON_MERGE:
        return index < 2 ? Shape.Kind.OBJECT : Shape.Kind.BOOLEAN;
      default:
        return null;
    }
  }

  /** What a call gives. */
  static Shape result(IntrinsicFunction function) {
    switch (function) {
      case FORMAT:
      case JSON_TO_STRING:
      case BASE64_ENCODE:
      case BASE64_DECODE:
      case HASH:
      case UUID:
        return Shape.STRING;
      case ARRAY:
      case ARRAY_PARTITION:
      case ARRAY_UNIQUE:
        return Shape.ANY_ARRAY;
      case ARRAY_RANGE:
        return Shape.array(Shape.NUMBER);
      case STRING_SPLIT:
        return Shape.array(Shape.STRING);
      case ARRAY_CONTAINS:
        return Shape.BOOLEAN;
      case ARRAY_LENGTH:
      case MATH_RANDOM:
      case MATH_ADD:
        return Shape.NUMBER;
      default:
        return Shape.UNKNOWN;
    }
  }

  /**
   * The type the first argument of a JSONata function must have, by its signature (JSONata
   * rejects any other with error T0410: "Function library", https://docs.jsonata.org/string-functions
   * and https://docs.jsonata.org/numeric-functions); null for a function not listed here.
   * {@code $sum}, {@code $max}, {@code $min} and {@code $average} also take an array of numbers.
   */
  static Shape.Kind jsonataArgument(String function) {
    if (JSONATA_STRING_FUNCTIONS.contains(function)) {
      return Shape.Kind.STRING;
    }
    return JSONATA_NUMBER_FUNCTIONS.contains(function) ? Shape.Kind.NUMBER : null;
  }

  private static final Set<String> JSONATA_STRING_FUNCTIONS = Set.of("uppercase", "lowercase", "trim", "length",
      "substring", "substringBefore", "substringAfter", "pad", "contains", "split", "match", "replace",
      "base64encode", "base64decode", "encodeUrlComponent", "encodeUrl", "decodeUrlComponent", "decodeUrl",
      "toMillis", "parseInteger");

  private static final Set<String> JSONATA_NUMBER_FUNCTIONS = Set.of("abs", "floor", "ceil", "round", "power",
      "sqrt", "formatNumber", "formatBase", "formatInteger", "fromMillis", "sum", "max", "min", "average");

  /** The type a Choice operator ({@code NumericGreaterThan}, {@code StringEqualsPath}) compares; null for the Is* tests. */
  static Shape.Kind comparedBy(String operator) {
    if (operator.startsWith("Numeric")) {
      return Shape.Kind.NUMBER;
    }
    if (operator.startsWith("String") || operator.startsWith("Timestamp")) {
      return Shape.Kind.STRING;
    }
    return operator.startsWith("Boolean") ? Shape.Kind.BOOLEAN : null;
  }

  /** The Is* test for a type: {@code IsNumeric} for numbers. */
  static String typeTest(Shape.Kind kind) {
    switch (kind) {
      case NUMBER:
        return "Numeric";
      case BOOLEAN:
        return "Boolean";
      default:
        return "String";
    }
  }
}
