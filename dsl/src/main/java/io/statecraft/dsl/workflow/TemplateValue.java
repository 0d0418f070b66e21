package io.statecraft.dsl.workflow;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A value of a resource property in the generated template: literal text or a number, a
 * template {@link Parameter}, an attribute of a resource of the template, or an {@code Fn::Sub}
 * text. Resources of a {@link Workflow} take these wherever a deployer may want to choose the
 * value, so that nothing has to be hard-coded.
 *
 * <pre>{@code
 * Schedule.named("Weekly").expression(Parameter.string("ScheduleExpression").defaultValue("cron(0 8 ? * MON *)"))
 * Schedule.named("Weekly").expression("cron(0 8 ? * MON *)")      // a literal, for the same property
 * TemplateValue.sub("${AWS::StackName}-alerts")                    // Fn::Sub
 * }</pre>
 */
public sealed interface TemplateValue
    permits Parameter, TemplateValue.Text, TemplateValue.Numeric, TemplateValue.Attribute, TemplateValue.Sub,
        TemplateValue.Conditional, TemplateValue.NoValue {

  /** Literal text. */
  static TemplateValue of(String text) {
    return new Text(text);
  }

  /** A literal number. */
  static TemplateValue of(long number) {
    return new Numeric(BigDecimal.valueOf(number));
  }

  /** An {@code Fn::Sub} text such as {@code ${AWS::StackName}-alerts}. */
  static TemplateValue sub(String template) {
    return new Sub(template);
  }

  /** The stack's name, a good base for the few names a deployer asks for. */
  static TemplateValue stackName() {
    return new Sub("${AWS::StackName}");
  }

  /**
   * {@code ifTrue} when {@code condition} holds, else {@code ifFalse}: {@code Fn::If}
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-conditions.html#intrinsic-function-reference-conditions-if).
   */
  static TemplateValue when(TemplateCondition condition, TemplateValue ifTrue, TemplateValue ifFalse) {
    return new Conditional(condition, ifTrue, ifFalse);
  }

  /**
   * {@code value} when {@code condition} holds, else nothing ({@code AWS::NoValue}): the property,
   * or the list item or connection parameter, is left out.
   */
  static TemplateValue when(TemplateCondition condition, TemplateValue value) {
    return new Conditional(condition, value, NoValue.INSTANCE);
  }

  /** Nothing: {@code Ref AWS::NoValue}, which removes the property or list item it stands for. */
  static TemplateValue noValue() {
    return NoValue.INSTANCE;
  }

  /**
   * This value as written inside an {@code Fn::Sub} template, which is how IAM statements name
   * their resources: {@code ${Name}} for a parameter, {@code ${Id}} or {@code ${Id.Attribute}} for
   * a resource, the template of a {@code Sub}, and literals as they are.
   */
  default String inSub() {
    if (this instanceof Parameter parameter) {
      return "${" + parameter.name() + "}";
    }
    if (this instanceof Attribute attribute) {
      return attribute.attribute() == null
          ? "${" + attribute.logicalId() + "}"
          : "${" + attribute.logicalId() + "." + attribute.attribute() + "}";
    }
    if (this instanceof Sub sub) {
      return sub.template();
    }
    if (this instanceof Numeric number) {
      return number.value().toPlainString();
    }
    if (this instanceof Text text) {
      return text.value();
    }
    // Fn::Sub has no way to choose: an IAM resource that depends on a condition is a statement
    // granted under that condition (WorkflowSpec.Builder.permissions(condition, ...)).
    throw new IllegalArgumentException(this + " chooses at deploy time and cannot be part of a text such as an "
        + "IAM resource; grant each case with WorkflowSpec.Builder.permissions(condition, statements...)");
  }

  /** Literal text. */
  record Text(String value) implements TemplateValue {
    /** Checks that the text is given. */
    public Text {
      Objects.requireNonNull(value, "value == null");
    }
  }

  /** A literal number. */
  record Numeric(BigDecimal value) implements TemplateValue {
    /** Checks that the number is given. */
    public Numeric {
      Objects.requireNonNull(value, "value == null");
    }
  }

  /**
   * {@code Ref} of a resource (when {@code attribute} is null) or its {@code Fn::GetAtt}.
   *
   * @param logicalId the resource's logical id in the template
   * @param attribute the attribute, such as {@code Arn}; null for {@code Ref}
   */
  record Attribute(String logicalId, String attribute) implements TemplateValue {
    /** Checks that the logical id is given. */
    public Attribute {
      Objects.requireNonNull(logicalId, "logicalId == null");
    }
  }

  /** {@code Fn::Sub} of a text with {@code ${Name}} and {@code ${Resource.Attribute}} references. */
  record Sub(String template) implements TemplateValue {
    /** Checks that the template text is given. */
    public Sub {
      Objects.requireNonNull(template, "template == null");
    }
  }

  /**
   * {@code Fn::If [condition, ifTrue, ifFalse]}.
   *
   * @param condition the condition CloudFormation decides
   * @param ifTrue the value when it holds
   * @param ifFalse the value when it does not; {@link #noValue()} to leave the property out
   */
  record Conditional(TemplateCondition condition, TemplateValue ifTrue, TemplateValue ifFalse) implements TemplateValue {
    /** Checks that the condition and both values are given. */
    public Conditional {
      Objects.requireNonNull(condition, "condition == null");
      Objects.requireNonNull(ifTrue, "ifTrue == null");
      Objects.requireNonNull(ifFalse, "ifFalse == null");
    }
  }

  /** {@code Ref AWS::NoValue}. */
  enum NoValue implements TemplateValue {
    /** The one {@code AWS::NoValue}: the property is left out, as if never written. */
    INSTANCE
  }
}
