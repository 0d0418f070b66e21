package io.statecraft.dsl.workflow;

import java.time.Duration;
import java.util.Objects;

/**
 * Encryption of the state machine's definition and execution history with a customer managed KMS
 * key, written as the state machine's {@code EncryptionConfiguration} (Type
 * {@code CUSTOMER_MANAGED_KMS_KEY}), with the grants and key policy statements AWS documents
 * (https://docs.aws.amazon.com/step-functions/latest/dg/encryption-at-rest.html).
 *
 * <pre>{@code
 * KmsKey key = KmsKey.named("WorkflowKey");
 * WorkflowSpec.builder(machine).encryption(key)                      // Step Functions' default reuse period
 * WorkflowSpec.builder(machine).encryption(Encryption.with(key)
 *     .dataKeyReusePeriod(Duration.ofMinutes(5))                     // 60 to 900 seconds
 *     .encryptLogs())                                                // the log group too
 * }</pre>
 *
 * <p>Immutable; each option returns a copy.
 */
public final class Encryption {

  private final KmsKey key;
  private final Duration dataKeyReusePeriod;
  private final boolean encryptsLogs;

  private Encryption(KmsKey key, Duration dataKeyReusePeriod, boolean encryptsLogs) {
    this.key = key;
    this.dataKeyReusePeriod = dataKeyReusePeriod;
    this.encryptsLogs = encryptsLogs;
  }

  /** Encryption with {@code key}: one the stack creates, or an existing one given by its key ARN. */
  public static Encryption with(KmsKey key) {
    return new Encryption(Objects.requireNonNull(key, "key == null"), null, false);
  }

  /**
   * {@code KmsDataKeyReusePeriodSeconds}: how long Step Functions reuses a data key before it
   * asks KMS for a new one, in whole seconds from 60 to 900 (Step Functions' default, 300, when
   * unset). Longer means fewer KMS calls; shorter, less data under one data key.
   */
  public Encryption dataKeyReusePeriod(Duration period) {
    return new Encryption(key, Objects.requireNonNull(period, "period == null"), encryptsLogs);
  }

  /**
   * Encrypts the log group the template creates for the state machine with the same key
   * ({@code AWS::Logs::LogGroup KmsKeyId}), and lets CloudWatch Logs use the key for that log
   * group only. For a log group of your own ({@code .logGroup(...)}), give it the key yourself.
   */
  public Encryption encryptLogs() {
    return new Encryption(key, dataKeyReusePeriod, true);
  }

  /** The customer managed key. */
  public KmsKey key() {
    return key;
  }

  /** The data key reuse period; null for Step Functions' default. */
  public Duration dataKeyReusePeriod() {
    return dataKeyReusePeriod;
  }

  /** Whether the state machine's own log group is encrypted with the key too. */
  public boolean encryptsLogs() {
    return encryptsLogs;
  }
}
