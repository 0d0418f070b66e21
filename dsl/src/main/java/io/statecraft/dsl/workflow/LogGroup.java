package io.statecraft.dsl.workflow;

import java.util.Objects;

/**
 * A CloudWatch Logs log group. Every workflow that logs gets one for its state machine
 * ({@code StateMachineLogGroup}, with its retention as the parameter {@code LogRetentionInDays});
 * declare one yourself to choose the retention or the KMS key, and give it to
 * {@link WorkflowSpec.Builder#logGroup(LogGroup)}.
 */
public final class LogGroup implements WorkflowResource {

  /** The retention values CloudWatch Logs accepts, in days. */
  public static final long[] RETENTION_DAYS = {
      1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653};

  private final String logicalId;
  private TemplateValue retentionInDays;
  private TemplateValue kmsKeyArn;

  private LogGroup(String logicalId) {
    this.logicalId = Objects.requireNonNull(logicalId, "logicalId == null");
  }

  /** A log group the stack creates; CloudFormation names it. */
  public static LogGroup named(String logicalId) {
    return new LogGroup(logicalId);
  }

  /** {@code RetentionInDays}: a literal or, better, a {@code Number} parameter. */
  public LogGroup retentionInDays(TemplateValue days) {
    this.retentionInDays = days;
    return this;
  }

  /** {@code KmsKeyId}: the ARN of a KMS key that encrypts the log data. */
  public LogGroup kmsKeyArn(TemplateValue keyArn) {
    this.kmsKeyArn = keyArn;
    return this;
  }

  @Override
  public String logicalId() {
    return logicalId;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.logGroup(this);
  }

  /** The log group's ARN ({@code ...:log-group:NAME:*}) in the template. */
  public TemplateValue templateArn() {
    return new TemplateValue.Attribute(logicalId, "Arn");
  }

  /** The log group's name in the template. */
  public TemplateValue templateName() {
    return new TemplateValue.Attribute(logicalId, null);
  }

  /** The log group's {@code RetentionInDays} (one of {@link #RETENTION_DAYS}), or null when not set. */
  public TemplateValue retentionInDays() {
    return retentionInDays;
  }

  /**
   * The KMS key ARN that encrypts the log group ({@code KmsKeyId}), or null for CloudWatch Logs'
   * own encryption.
   */
  public TemplateValue kmsKeyArn() {
    return kmsKeyArn;
  }
}
