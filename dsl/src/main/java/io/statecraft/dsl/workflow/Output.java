package io.statecraft.dsl.workflow;

import java.util.Objects;

/**
 * A stack output beside the two every workflow has ({@code StateMachineArn} and
 * {@code StateMachineName}). Outputs are exported as {@code ${AWS::StackName}-<Name>} unless
 * {@link #notExported()}.
 *
 * <pre>{@code
 * Output.named("AlertsTopicArn", alerts.templateArn()).description("Topic the alerts go to")
 * }</pre>
 */
public final class Output {

  private final String name;
  private final TemplateValue value;
  private String description;
  private boolean exported = true;

  private Output(String name, TemplateValue value) {
    this.name = Objects.requireNonNull(name, "name == null");
    this.value = Objects.requireNonNull(value, "value == null");
  }

  /**
   * A stack output called {@code name} (its key under {@code Outputs}) with {@code value}, such as
   * a resource's ARN, for other stacks or a pipeline to read after deploy. List it in the
   * workflow's {@code outputs(...)}.
   */
  public static Output named(String name, TemplateValue value) {
    return new Output(name, value);
  }

  /** The output's {@code Description}, shown in the console next to the value. */
  public Output description(String description) {
    this.description = description;
    return this;
  }

  /** Leaves the output out of the stack's exports. */
  public Output notExported() {
    this.exported = false;
    return this;
  }

  /** The output's key under {@code Outputs}, and the last part of its export name. */
  public String name() {
    return name;
  }

  /** The output's {@code Value}. */
  public TemplateValue value() {
    return value;
  }

  /** The output's {@code Description}, or null. */
  public String description() {
    return description;
  }

  /**
   * Whether the output is exported as {@code ${AWS::StackName}-<Name>}, so that other stacks can
   * import it ({@code Fn::ImportValue}).
   */
  public boolean isExported() {
    return exported;
  }
}
