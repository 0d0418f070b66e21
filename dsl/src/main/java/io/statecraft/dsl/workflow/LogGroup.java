package io.statecraft.dsl.workflow;

import java.util.Objects;

/**
 * A CloudWatch Logs log group. Every workflow that logs gets one for its state machine
 * ({@code StateMachineLogGroup}, with its retention as the parameter {@code LogRetentionInDays});
 * declare one yourself to choose the retention or the KMS key ({@link #named}), or log to one that
 * exists already, given by its ARN as a parameter ({@link #existing}), and give it to
 * {@link WorkflowSpec.Builder#logGroup(LogGroup)}.
 */
public final class LogGroup implements WorkflowResource {

  /** The retention values CloudWatch Logs accepts, in days. */
  public static final long[] RETENTION_DAYS = {
      1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653};

  private final String logicalId;
  private final Parameter existingArn;
  private TemplateValue retentionInDays;
  private TemplateValue kmsKeyArn;

  private LogGroup(String logicalId, Parameter existingArn) {
    this.logicalId = Objects.requireNonNull(logicalId, "logicalId == null");
    this.existingArn = existingArn;
  }

  /** A log group the stack creates; CloudFormation names it. */
  public static LogGroup named(String logicalId) {
    return new LogGroup(logicalId, null);
  }

  /**
   * An existing log group whose ARN the deployer gives in {@code logGroupArn}; the stack creates
   * no log group. Step Functions takes the ARN with the log streams' {@code :*} at its end
   * ({@code arn:aws:logs:REGION:ACCOUNT:log-group:NAME:*}), so a default must end so too; its
   * logical id is the parameter's name.
   */
  public static LogGroup existing(Parameter logGroupArn) {
    Objects.requireNonNull(logGroupArn, "logGroupArn == null");
    return new LogGroup(logGroupArn.name(), logGroupArn);
  }

  /**
   * {@code RetentionInDays}: a literal or, better, a {@code Number} parameter. Only for a log group
   * the stack creates: an existing one keeps the retention it has.
   */
  public LogGroup retentionInDays(TemplateValue days) {
    requireCreated("retentionInDays");
    this.retentionInDays = days;
    return this;
  }

  /**
   * {@code KmsKeyId}: the ARN of a KMS key that encrypts the log data. Only for a log group the
   * stack creates: an existing one keeps the key it has.
   */
  public LogGroup kmsKeyArn(TemplateValue keyArn) {
    requireCreated("kmsKeyArn");
    this.kmsKeyArn = keyArn;
    return this;
  }

  private void requireCreated(String option) {
    if (existingArn != null) {
      throw new IllegalStateException("log group " + logicalId + " exists already, so the stack cannot set its "
          + option + "; set it where the log group is created, or use LogGroup.named(...)");
    }
  }

  /** The ARN parameter of an existing log group; null for one the stack creates. */
  public Parameter existingArn() {
    return existingArn;
  }

  /** Whether this stands for an existing log group given by parameter ({@link #existing}). */
  public boolean isExisting() {
    return existingArn != null;
  }

  @Override
  public String logicalId() {
    return logicalId;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.logGroup(this);
  }

  /**
   * The log group's ARN ({@code ...:log-group:NAME:*}) in the template: the parameter of an
   * existing one, the {@code Arn} attribute of one the stack creates.
   */
  public TemplateValue templateArn() {
    return isExisting() ? existingArn : new TemplateValue.Attribute(logicalId, "Arn");
  }

  /**
   * The log group's name in the template ({@code Ref}); only for a log group the stack creates,
   * since an existing one is known by its ARN alone.
   */
  public TemplateValue templateName() {
    requireCreated("name (Ref)");
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
