package io.statecraft.workflows;

import io.statecraft.dsl.workflow.Parameter;

/** What the reference workflows share to be operated: where their failure alarms go. */
final class Operations {

  private Operations() {}

  /**
   * The SNS topic CloudWatch alarms notify when a run fails, times out or is aborted, or a trigger
   * could not start one. A standard topic of this account and Region: CloudWatch cannot notify a
   * FIFO topic, or one encrypted with the AWS managed key.
   */
  static Parameter alarmTopic() {
    return Parameter.string("AlarmTopicArn")
        .label("Alarm topic ARN")
        .description("SNS topic that CloudWatch alarms notify when a run fails, times out or is aborted, or cannot "
            + "start; its policy must let cloudwatch.amazonaws.com publish, and its key (if any) must be a customer "
            + "managed key CloudWatch may use")
        .allowedPattern("arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}")
        .constraintDescription("the ARN of a standard SNS topic (not FIFO)");
  }
}
