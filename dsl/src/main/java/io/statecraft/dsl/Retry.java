package io.statecraft.dsl;

import io.statecraft.dsl.asl.AslRetrier;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code Retry} entry, built fluently and immutable:
 * {@code Retry.on(Errors.TIMEOUT).intervalSeconds(2).maxAttempts(3).backoffRate(2)}.
 */
public final class Retry {

  /**
   * {@code JitterStrategy}: whether the waits between retries are randomized
   * (https://docs.aws.amazon.com/cdk/api/v2/python/aws_cdk.aws_stepfunctions/JitterType.html).
   */
  public enum Jitter {
    /**
     * {@code FULL}: each wait is a random time between zero and the computed interval, so that many
     * executions failing together do not retry in step.
     */
    FULL,
    /** {@code NONE}: each wait is exactly the computed interval, as when no strategy is given. */
    NONE
  }

  private final AslRetrier retrier;

  private Retry(AslRetrier retrier) {
    this.retrier = retrier;
  }

  /** Retries the named errors ({@link Errors} or a service's error names). */
  public static Retry on(String... errorEquals) {
    return new Retry(new AslRetrier(List.of(errorEquals), null, null, null, null, null, null, Map.of()));
  }

  /** Retries the named errors. */
  public static Retry on(List<String> errorEquals) {
    return new Retry(new AslRetrier(errorEquals, null, null, null, null, null, null, Map.of()));
  }

  /** {@code IntervalSeconds}: the wait before the first retry (service default 1). */
  public Retry intervalSeconds(int seconds) {
    AslRetrier r = retrier;
    return new Retry(new AslRetrier(r.errorEquals(), seconds, r.maxAttempts(), r.backoffRate(),
        r.maxDelaySeconds(), r.jitterStrategy(), r.comment(), r.extensions()));
  }

  /** {@code MaxAttempts}: retries after the first failure (service default 3; 0 never retries). */
  public Retry maxAttempts(int attempts) {
    AslRetrier r = retrier;
    return new Retry(new AslRetrier(r.errorEquals(), r.intervalSeconds(), attempts, r.backoffRate(),
        r.maxDelaySeconds(), r.jitterStrategy(), r.comment(), r.extensions()));
  }

  /** {@code BackoffRate}: the multiplier of the interval per retry (service default 2.0). */
  public Retry backoffRate(double rate) {
    return backoffRate(BigDecimal.valueOf(rate));
  }

  /** {@code BackoffRate} as a whole number, written without a decimal point. */
  public Retry backoffRate(long rate) {
    return backoffRate(BigDecimal.valueOf(rate));
  }

  /** {@code BackoffRate} exactly as given, for a rate such as {@code 1.5} that must be written as it reads. */
  public Retry backoffRate(BigDecimal rate) {
    AslRetrier r = retrier;
    return new Retry(new AslRetrier(r.errorEquals(), r.intervalSeconds(), r.maxAttempts(), rate,
        r.maxDelaySeconds(), r.jitterStrategy(), r.comment(), r.extensions()));
  }

  /** {@code MaxDelaySeconds}: the cap on any one wait. */
  public Retry maxDelaySeconds(int seconds) {
    AslRetrier r = retrier;
    return new Retry(new AslRetrier(r.errorEquals(), r.intervalSeconds(), r.maxAttempts(), r.backoffRate(),
        seconds, r.jitterStrategy(), r.comment(), r.extensions()));
  }

  /** {@code JitterStrategy}: {@code FULL} spreads retries of many executions apart. */
  public Retry jitterStrategy(Jitter jitter) {
    AslRetrier r = retrier;
    return new Retry(new AslRetrier(r.errorEquals(), r.intervalSeconds(), r.maxAttempts(), r.backoffRate(),
        r.maxDelaySeconds(), jitter.name(), r.comment(), r.extensions()));
  }

  /** {@code Comment}. */
  public Retry comment(String comment) {
    AslRetrier r = retrier;
    return new Retry(new AslRetrier(r.errorEquals(), r.intervalSeconds(), r.maxAttempts(), r.backoffRate(),
        r.maxDelaySeconds(), r.jitterStrategy(), comment, r.extensions()));
  }

  /**
   * A field this model does not know yet, as raw JSON: written after the known fields and kept on
   * every round trip (the importer uses it so that nothing of a Retry entry is lost).
   */
  public Retry raw(String field, Value value) {
    AslRetrier r = retrier;
    Map<String, Value> extensions = new LinkedHashMap<>(r.extensions());
    extensions.put(Objects.requireNonNull(field, "field == null"), Objects.requireNonNull(value, "value == null"));
    return new Retry(new AslRetrier(r.errorEquals(), r.intervalSeconds(), r.maxAttempts(), r.backoffRate(),
        r.maxDelaySeconds(), r.jitterStrategy(), r.comment(), extensions));
  }

  /** The entry as an ASL value. */
  public AslRetrier toAsl() {
    return retrier;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Retry r && r.retrier.equals(retrier);
  }

  @Override
  public int hashCode() {
    return retrier.hashCode();
  }
}
