package io.statecraft.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The intrinsic functions of the Amazon States Language as typed, nestable Java calls. Each
 * returns an {@link Intrinsic}; put it in a payload and the key gets its {@code .$} by itself:
 *
 * <pre>{@code
 * Json.object().put("text", States.format("{} instances need patching", States.arrayLength(ids)))
 * }</pre>
 *
 * <p>Arguments are {@link Value}s: {@link Path}s, other calls, or literals from
 * {@link Value#of(String)}; the {@code String} and {@code int} overloads are literals.
 */
public final class States {

  private States() {}

  /**
   * {@code States.Format}: the template with each {@code {}} replaced by the next argument. As in
   * the definition text, <code>\&#123;</code> and <code>\&#125;</code> are literal braces (so
   * <code>\&#123;\&#125;</code> prints {@code {}} and takes no argument) and <code>\\</code> a
   * literal backslash; any other brace or backslash is literal too.
   */
  public static Intrinsic format(String template, Value... arguments) {
    List<Value> all = new ArrayList<>();
    all.add(Value.of(template));
    all.addAll(Arrays.asList(arguments));
    return call(IntrinsicFunction.FORMAT, all.toArray(new Value[0]));
  }

  /** {@code States.StringToJson}: parses a JSON string into a value. */
  public static Intrinsic stringToJson(Value jsonText) {
    return call(IntrinsicFunction.STRING_TO_JSON, jsonText);
  }

  /** {@code States.JsonToString}: the JSON text of the value at {@code path}. */
  public static Intrinsic jsonToString(Path path) {
    return call(IntrinsicFunction.JSON_TO_STRING, path);
  }

  /** {@code States.Array}: an array of the arguments. */
  public static Intrinsic array(Value... items) {
    return call(IntrinsicFunction.ARRAY, items);
  }

  /** {@code States.ArrayPartition}: chunks of at most {@code chunkSize} items. */
  public static Intrinsic arrayPartition(Value array, Value chunkSize) {
    return call(IntrinsicFunction.ARRAY_PARTITION, array, chunkSize);
  }

  /** {@code States.ArrayPartition} with a fixed chunk size. */
  public static Intrinsic arrayPartition(Value array, int chunkSize) {
    return arrayPartition(array, Value.of(chunkSize));
  }

  /** {@code States.ArrayContains}: whether {@code item} is in {@code array}. */
  public static Intrinsic arrayContains(Value array, Value item) {
    return call(IntrinsicFunction.ARRAY_CONTAINS, array, item);
  }

  /** {@code States.ArrayRange}: the numbers from {@code start} to {@code end} by {@code step}. */
  public static Intrinsic arrayRange(Value start, Value end, Value step) {
    return call(IntrinsicFunction.ARRAY_RANGE, start, end, step);
  }

  /** {@code States.ArrayRange} with fixed bounds and step. */
  public static Intrinsic arrayRange(int start, int end, int step) {
    return arrayRange(Value.of(start), Value.of(end), Value.of(step));
  }

  /** {@code States.ArrayGetItem}: the item at {@code index}. */
  public static Intrinsic arrayGetItem(Value array, Value index) {
    return call(IntrinsicFunction.ARRAY_GET_ITEM, array, index);
  }

  /** {@code States.ArrayGetItem} with a fixed index. */
  public static Intrinsic arrayGetItem(Value array, int index) {
    return arrayGetItem(array, Value.of(index));
  }

  /** {@code States.ArrayLength}: the number of items. */
  public static Intrinsic arrayLength(Value array) {
    return call(IntrinsicFunction.ARRAY_LENGTH, array);
  }

  /** {@code States.ArrayUnique}: the items without duplicates. */
  public static Intrinsic arrayUnique(Value array) {
    return call(IntrinsicFunction.ARRAY_UNIQUE, array);
  }

  /** {@code States.Base64Encode}. */
  public static Intrinsic base64Encode(Value text) {
    return call(IntrinsicFunction.BASE64_ENCODE, text);
  }

  /** {@code States.Base64Decode}. */
  public static Intrinsic base64Decode(Value base64) {
    return call(IntrinsicFunction.BASE64_DECODE, base64);
  }

  /** The algorithms {@code States.Hash} accepts. */
  public enum HashAlgorithm {
    /** {@code MD5}: only where another system asks for it; it is no protection against tampering. */
    MD5("MD5"),
    /** {@code SHA-1}. */
    SHA_1("SHA-1"),
    /** {@code SHA-256}: the usual choice for an idempotency key or a content hash. */
    SHA_256("SHA-256"),
    /** {@code SHA-384}. */
    SHA_384("SHA-384"),
    /** {@code SHA-512}. */
    SHA_512("SHA-512");

    private final String written;

    HashAlgorithm(String written) {
      this.written = written;
    }

    /** The name as the service expects it, {@code SHA-256}. */
    public String written() {
      return written;
    }
  }

  /** {@code States.Hash}: the hex digest of {@code data}. */
  public static Intrinsic hash(Value data, HashAlgorithm algorithm) {
    return call(IntrinsicFunction.HASH, data, Value.of(algorithm.written()));
  }

  /**
   * {@code States.JsonMerge}: a shallow merge of two objects, {@code second} winning; the service
   * supports only shallow merges, so the third argument is always {@code false}.
   */
  public static Intrinsic jsonMerge(Value first, Value second) {
    return call(IntrinsicFunction.JSON_MERGE, first, second, BooleanValue.FALSE);
  }

  /** {@code States.MathRandom}: a random integer from {@code start} (inclusive) to {@code end}. */
  public static Intrinsic mathRandom(Value start, Value end) {
    return call(IntrinsicFunction.MATH_RANDOM, start, end);
  }

  /** {@code States.MathRandom} with a seed, for repeatable numbers. */
  public static Intrinsic mathRandom(Value start, Value end, Value seed) {
    return call(IntrinsicFunction.MATH_RANDOM, start, end, seed);
  }

  /** {@code States.MathAdd}: the sum of two integers. */
  public static Intrinsic mathAdd(Value a, Value b) {
    return call(IntrinsicFunction.MATH_ADD, a, b);
  }

  /** {@code States.MathAdd} with a fixed second number. */
  public static Intrinsic mathAdd(Value a, int b) {
    return mathAdd(a, Value.of(b));
  }

  /** {@code States.StringSplit}: the parts of {@code text} between the delimiter characters. */
  public static Intrinsic stringSplit(Value text, String delimiters) {
    return call(IntrinsicFunction.STRING_SPLIT, text, Value.of(delimiters));
  }

  /** {@code States.UUID}: a new version 4 UUID. */
  public static Intrinsic uuid() {
    return call(IntrinsicFunction.UUID);
  }

  private static Intrinsic call(IntrinsicFunction function, Value... arguments) {
    return new Intrinsic(function.functionName(), List.of(arguments));
  }
}
