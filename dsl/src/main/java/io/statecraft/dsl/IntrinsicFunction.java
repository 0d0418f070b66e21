package io.statecraft.dsl;

import java.util.Optional;

/** The intrinsic functions of the Amazon States Language, with the number of arguments each takes. */
public enum IntrinsicFunction {
  /** The intrinsic function {@code States.Format}. */
  FORMAT("States.Format", 1, Integer.MAX_VALUE),
  /** The intrinsic function {@code States.StringToJson}. */
  STRING_TO_JSON("States.StringToJson", 1, 1),
  /** The intrinsic function {@code States.JsonToString}. */
  JSON_TO_STRING("States.JsonToString", 1, 1),
  /** The intrinsic function {@code States.Array}. */
  ARRAY("States.Array", 0, Integer.MAX_VALUE),
  /** The intrinsic function {@code States.ArrayPartition}. */
  ARRAY_PARTITION("States.ArrayPartition", 2, 2),
  /** The intrinsic function {@code States.ArrayContains}. */
  ARRAY_CONTAINS("States.ArrayContains", 2, 2),
  /** The intrinsic function {@code States.ArrayRange}. */
  ARRAY_RANGE("States.ArrayRange", 3, 3),
  /** The intrinsic function {@code States.ArrayGetItem}. */
  ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2),
  /** The intrinsic function {@code States.ArrayLength}. */
  ARRAY_LENGTH("States.ArrayLength", 1, 1),
  /** The intrinsic function {@code States.ArrayUnique}. */
  ARRAY_UNIQUE("States.ArrayUnique", 1, 1),
  /** The intrinsic function {@code States.Base64Encode}. */
  BASE64_ENCODE("States.Base64Encode", 1, 1),
  /** The intrinsic function {@code States.Base64Decode}. */
  BASE64_DECODE("States.Base64Decode", 1, 1),
  /** The intrinsic function {@code States.Hash}. */
  HASH("States.Hash", 2, 2),
  /** The intrinsic function {@code States.JsonMerge}. */
  JSON_MERGE("States.JsonMerge", 3, 3),
  /** The intrinsic function {@code States.MathRandom}. */
  MATH_RANDOM("States.MathRandom", 2, 3),
  /** The intrinsic function {@code States.MathAdd}. */
  MATH_ADD("States.MathAdd", 2, 2),
  /** The intrinsic function {@code States.StringSplit}. */
  STRING_SPLIT("States.StringSplit", 2, 2),
  /** The intrinsic function {@code States.UUID}. */
  UUID("States.UUID", 0, 0);

  private final String functionName;
  private final int minArguments;
  private final int maxArguments;

  IntrinsicFunction(String functionName, int minArguments, int maxArguments) {
    this.functionName = functionName;
    this.minArguments = minArguments;
    this.maxArguments = maxArguments;
  }

  /** The name as written in a definition, {@code States.Format}. */
  public String functionName() {
    return functionName;
  }

  /** The fewest arguments it takes; the validator reports a call with fewer. */
  public int minArguments() {
    return minArguments;
  }

  /** The most arguments it takes; {@link Integer#MAX_VALUE} when there is no limit. */
  public int maxArguments() {
    return maxArguments;
  }

  /** The function written {@code name}, matched exactly as the service does (case matters). */
  public static Optional<IntrinsicFunction> named(String name) {
    // A loop, not a stream: the validator asks this of every intrinsic in a cold JVM (issue 19).
    for (IntrinsicFunction function : values()) {
      if (function.functionName.equals(name)) {
        return Optional.of(function);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code count} arguments suit this function. */
  public boolean accepts(int count) {
    return count >= minArguments && count <= maxArguments;
  }
}
