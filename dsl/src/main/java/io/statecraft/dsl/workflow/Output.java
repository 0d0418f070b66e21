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

  public static Output named(String name, TemplateValue value) {
    return new Output(name, value);
  }

  public Output description(String description) {
    this.description = description;
    return this;
  }

  /** Leaves the output out of the stack's exports. */
  public Output notExported() {
    this.exported = false;
    return this;
  }

  public String name() {
    return name;
  }

  public TemplateValue value() {
    return value;
  }

  public String description() {
    return description;
  }

  public boolean isExported() {
    return exported;
  }
}
