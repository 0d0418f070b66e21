package io.statecraft.asl.validate;

import io.statecraft.dsl.BooleanValue;
import io.statecraft.dsl.Intrinsic;
import io.statecraft.dsl.IntrinsicFunction;
import io.statecraft.dsl.NullValue;
import io.statecraft.dsl.NumberValue;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The type of each intrinsic function's arguments, as "Intrinsic functions for JSONPath states"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html) describes them,
 * checked where an argument's type is known without running anything: a literal, or a nested call
 * whose result type is fixed. A path is known only at run time, so it always passes.
 *
 * <p>An index, a bound, a step or a chunk size must be a whole number (a step not 0, a chunk size
 * positive). {@code States.MathAdd} and {@code States.MathRandom} take any number, as the offline
 * executor rounds a fraction there. {@code States.JsonMerge}'s third argument is a boolean; only
 * {@code false} works, and {@code true} fails when the state runs ({@code States.Runtime}).
 */
final class IntrinsicArguments {

  /** What an argument must be, or what a call gives. */
  enum Type {
    ANY("any value"),
    STRING("a string"),
    NUMBER("a number"),
    INTEGER("an integer"),
    BOOLEAN("a boolean"),
    ARRAY("an array"),
    OBJECT("an object");

    private final String described;

    Type(String described) {
      this.described = described;
    }

    boolean accepts(Type given) {
      return this == ANY || given == ANY || this == given || this == NUMBER && given == INTEGER;
    }
  }

  /** A function's parameters; the last repeats for functions that take any number of arguments. */
  private record Signature(List<Type> parameters, Type result) {
    Type parameter(int index) {
      return parameters.get(Math.min(index, parameters.size() - 1));
    }
  }

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private static final Map<IntrinsicFunction, Signature> SIGNATURES = new EnumMap<>(IntrinsicFunction.class);

  static {
    SIGNATURES.put(IntrinsicFunction.FORMAT, new Signature(List.of(Type.STRING, Type.ANY), Type.STRING));
    SIGNATURES.put(IntrinsicFunction.STRING_TO_JSON, new Signature(List.of(Type.STRING), Type.ANY));
    SIGNATURES.put(IntrinsicFunction.JSON_TO_STRING, new Signature(List.of(Type.ANY), Type.STRING));
    SIGNATURES.put(IntrinsicFunction.ARRAY, new Signature(List.of(Type.ANY), Type.ARRAY));
    SIGNATURES.put(IntrinsicFunction.ARRAY_PARTITION, new Signature(List.of(Type.ARRAY, Type.INTEGER), Type.ARRAY));
    SIGNATURES.put(IntrinsicFunction.ARRAY_CONTAINS, new Signature(List.of(Type.ARRAY, Type.ANY), Type.BOOLEAN));
    SIGNATURES.put(IntrinsicFunction.ARRAY_RANGE,
        new Signature(List.of(Type.INTEGER, Type.INTEGER, Type.INTEGER), Type.ARRAY));
    SIGNATURES.put(IntrinsicFunction.ARRAY_GET_ITEM, new Signature(List.of(Type.ARRAY, Type.INTEGER), Type.ANY));
    SIGNATURES.put(IntrinsicFunction.ARRAY_LENGTH, new Signature(List.of(Type.ARRAY), Type.INTEGER));
    SIGNATURES.put(IntrinsicFunction.ARRAY_UNIQUE, new Signature(List.of(Type.ARRAY), Type.ARRAY));
    SIGNATURES.put(IntrinsicFunction.BASE64_ENCODE, new Signature(List.of(Type.STRING), Type.STRING));
    SIGNATURES.put(IntrinsicFunction.BASE64_DECODE, new Signature(List.of(Type.STRING), Type.STRING));
    SIGNATURES.put(IntrinsicFunction.HASH, new Signature(List.of(Type.STRING, Type.STRING), Type.STRING));
    SIGNATURES.put(IntrinsicFunction.JSON_MERGE,
        new Signature(List.of(Type.OBJECT, Type.OBJECT, Type.BOOLEAN), Type.OBJECT));
    SIGNATURES.put(IntrinsicFunction.MATH_RANDOM,
        new Signature(List.of(Type.NUMBER, Type.NUMBER, Type.NUMBER), Type.INTEGER));
    SIGNATURES.put(IntrinsicFunction.MATH_ADD, new Signature(List.of(Type.NUMBER, Type.NUMBER), Type.INTEGER));
    SIGNATURES.put(IntrinsicFunction.STRING_SPLIT, new Signature(List.of(Type.STRING, Type.STRING), Type.ARRAY));
    SIGNATURES.put(IntrinsicFunction.UUID, new Signature(List.of(Type.ANY), Type.STRING));
  }

  /** The algorithms States.Hash takes. */
  static final List<String> HASH_ALGORITHMS = List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  private IntrinsicArguments() {}

  /**
   * What is wrong with argument {@code index} (0-based) of a call to {@code function}, as the end of
   * a sentence that starts with the argument's name; empty when its type fits or is not known.
   */
  static Optional<String> problem(IntrinsicFunction function, int index, Value argument) {
    Type wanted = SIGNATURES.get(function).parameter(index);
    Type given = typeOf(argument);
    if (!wanted.accepts(given)) {
      return Optional.of("must be " + wanted.described + ", got " + shown(argument, given));
    }
    if (function == IntrinsicFunction.HASH && index == 1 && argument instanceof StringValue algorithm
        && !HASH_ALGORITHMS.contains(algorithm.value())) {
      return Optional.of("must be one of " + String.join(", ", HASH_ALGORITHMS) + ", got '" + algorithm.value() + "'");
    }
    if (function == IntrinsicFunction.ARRAY_RANGE && index == 2 && argument instanceof NumberValue step
        && step.value().signum() == 0) {
      return Optional.of("(the step) must not be 0");
    }
    if (function == IntrinsicFunction.ARRAY_PARTITION && index == 1 && argument instanceof NumberValue size
        && size.value().signum() <= 0) {
      return Optional.of("(the chunk size) must be a positive integer, got " + size.value().toPlainString());
    }
    return Optional.empty();
  }

  /** What a value is known to be before the state runs. */
  private static Type typeOf(Value value) {
    if (value instanceof StringValue) {
      return Type.STRING;
    }
    if (value instanceof NumberValue number) {
      return isWhole(number) ? Type.INTEGER : Type.NUMBER;
    }
    if (value instanceof BooleanValue) {
      return Type.BOOLEAN;
    }
    if (value instanceof NullValue) {
      return null;
    }
    if (value instanceof Intrinsic call) {
      Optional<IntrinsicFunction> known = call.knownFunction();
      if (known.isPresent()) {
        Type result = SIGNATURES.get(known.get()).result();
        if (result != null) {
          return result;
        }
      }
      return Type.ANY;
    }
    return Type.ANY;
  }

  private static boolean isWhole(NumberValue number) {
    return number.value().signum() == 0 || number.value().stripTrailingZeros().scale() <= 0;
  }

  private static String shown(Value argument, Type given) {
    if (argument instanceof Intrinsic call) {
      return "the " + given.described.substring(given.described.indexOf(' ') + 1) + " that " + call.function()
          + " returns";
    }
    if (argument instanceof StringValue text) {
      return "the string '" + FieldChecks.cut(text.value()) + "'";
    }
    return given == null ? "null" : argument instanceof NumberValue number ? number.value().toPlainString()
        : String.valueOf(((BooleanValue) argument).value());
  }
}
