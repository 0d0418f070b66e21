package io.statecraft.workflows;

import io.statecraft.aws.SdkErrors;
import io.statecraft.dsl.Retry;

/**
 * The retry policies the reference workflows share, by service: throttling and the services' own
 * transient failures, never a permanent error where the service names it apart. EC2 and IAM have
 * no error class for throttling, so it arrives as their base exception ({@code Ec2.Ec2Exception},
 * {@code Iam.IamException}), which also carries permanent errors: those retries are few, jittered
 * and capped.
 */
final class Retries {

  private Retries() {}

  /** EC2 reports every error, throttling included, as {@code Ec2.Ec2Exception}. */
  static Retry ec2() {
    return Retry.on(SdkErrors.Ec2.SERVICE)
        .intervalSeconds(2).maxAttempts(3).backoffRate(2).maxDelaySeconds(20).jitterStrategy(Retry.Jitter.FULL);
  }

  /** SSM throttling and internal errors. */
  static Retry ssm() {
    return Retry.on(SdkErrors.Ssm.THROTTLING, SdkErrors.Ssm.INTERNAL_SERVER_ERROR)
        .intervalSeconds(2).maxAttempts(5).backoffRate(2).maxDelaySeconds(30).jitterStrategy(Retry.Jitter.FULL);
  }

  /** IAM's service failures, and its undeclared throttling. */
  static Retry iam() {
    return Retry.on(SdkErrors.Iam.SERVICE_FAILURE, SdkErrors.Iam.SERVICE)
        .intervalSeconds(2).maxAttempts(4).backoffRate(2).maxDelaySeconds(30).jitterStrategy(Retry.Jitter.FULL);
  }

  /** CloudTrail LookupEvents allows 2 requests per second per account and Region. */
  static Retry cloudTrail() {
    return Retry.on(SdkErrors.CloudTrail.THROTTLING)
        .intervalSeconds(1).maxAttempts(6).backoffRate(2).maxDelaySeconds(20).jitterStrategy(Retry.Jitter.FULL);
  }
}
