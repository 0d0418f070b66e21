package io.statecraft.workflows;

import io.statecraft.aws.AwsSdk;
import io.statecraft.aws.SdkErrors;
import io.statecraft.dsl.Retry;

/**
 * The retry policies the reference workflows share, by service. Throttling that a service's model
 * does not declare for an operation arrives as the service's base exception
 * ({@code Ec2.Ec2Exception}, {@code Ssm.SsmException}, {@code Iam.IamException}), which also
 * carries permanent errors: those retries are few, jittered and capped.
 */
final class Retries {

  private Retries() {}

  /** EC2 reports every error, throttling included, as {@code Ec2.Ec2Exception}. */
  static Retry ec2() {
    return Retry.on(SdkErrors.Ec2.SERVICE)
        .intervalSeconds(2).maxAttempts(3).backoffRate(2).maxDelaySeconds(20).jitterStrategy(Retry.Jitter.FULL);
  }

  /** SSM throttling (declared or not) and internal errors. */
  static Retry ssm() {
    return Retry.on(AwsSdk.error(software.amazon.awssdk.services.ssm.model.ThrottlingException.class),
            SdkErrors.Ssm.INTERNAL_SERVER_ERROR, SdkErrors.Ssm.SERVICE)
        .intervalSeconds(2).maxAttempts(5).backoffRate(2).maxDelaySeconds(30).jitterStrategy(Retry.Jitter.FULL);
  }

  /** IAM's service failures, and its undeclared throttling. */
  static Retry iam() {
    return Retry.on(SdkErrors.Iam.SERVICE_FAILURE, SdkErrors.Iam.SERVICE)
        .intervalSeconds(2).maxAttempts(4).backoffRate(2).maxDelaySeconds(30).jitterStrategy(Retry.Jitter.FULL);
  }

  /** CloudTrail LookupEvents allows 2 requests per second per account and Region. */
  static Retry cloudTrail() {
    return Retry.on(AwsSdk.error(software.amazon.awssdk.services.cloudtrail.model.ThrottlingException.class),
            SdkErrors.CloudTrail.SERVICE)
        .intervalSeconds(1).maxAttempts(6).backoffRate(2).maxDelaySeconds(20).jitterStrategy(Retry.Jitter.FULL);
  }
}
