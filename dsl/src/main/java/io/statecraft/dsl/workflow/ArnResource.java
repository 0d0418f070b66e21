package io.statecraft.dsl.workflow;

import io.statecraft.dsl.Placeholder;

/**
 * A supporting resource that the stack either creates ({@code named(id)}) or takes as the ARN
 * parameter of an existing one ({@code existing(parameter)}, whose logical id is the parameter's
 * name). Its ARN is written the same way wherever it is used: in the state machine, in the
 * template, and in IAM statements.
 */
public sealed interface ArnResource extends WorkflowResource permits SnsTopic, HttpConnection, LambdaFunction, StackResource {

  /** The ARN parameter of an existing resource; null for one the stack creates. */
  Parameter existingArn();

  /** Whether this stands for an existing resource given by parameter. */
  default boolean isExisting() {
    return existingArn() != null;
  }

  /** The ARN in the state machine: {@code ${<LogicalId>Arn}}, or the parameter's placeholder. */
  default Placeholder arn() {
    return isExisting() ? existingArn().ref() : Placeholder.string(logicalId() + "Arn");
  }

  /** The ARN in the template (for outputs, other resources and policies): the parameter, or {@code Fn::GetAtt <Id>.Arn}. */
  default TemplateValue templateArn() {
    return isExisting() ? existingArn() : new TemplateValue.Attribute(logicalId(), "Arn");
  }

  /** The ARN as an IAM statement names it: {@code ${<Parameter>}} or {@code ${<Id>.Arn}}. */
  default String policyArn() {
    return templateArn().inSub();
  }
}
