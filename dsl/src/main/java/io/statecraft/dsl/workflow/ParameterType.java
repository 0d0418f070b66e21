package io.statecraft.dsl.workflow;

import io.statecraft.dsl.Placeholder;
import java.util.Objects;

/**
 * A CloudFormation parameter type: {@code String}, {@code Number}, {@code List<Number>},
 * {@code CommaDelimitedList}, an AWS-specific type such as {@code AWS::EC2::Instance::Id} (the
 * console offers the account's values), or an SSM parameter type.
 *
 * @param name the type as CloudFormation spells it
 */
public record ParameterType(String name) {

  /** {@code String}: any text; the default, and what most parameters are. */
  public static final ParameterType STRING = new ParameterType("String");
  /**
   * {@code Number}: an integer or a float, which CloudFormation checks at deploy time
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html).
   */
  public static final ParameterType NUMBER = new ParameterType("Number");
  /** {@code List<Number>}: comma-separated numbers. */
  public static final ParameterType NUMBER_LIST = new ParameterType("List<Number>");
  /**
   * {@code CommaDelimitedList}: comma-separated strings, substituted into the definition as a list.
   */
  public static final ParameterType COMMA_DELIMITED_LIST = new ParameterType("CommaDelimitedList");

  /** Checks that the type has a name, spelt as CloudFormation spells it. */
  public ParameterType {
    Objects.requireNonNull(name, "name == null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a parameter type name is blank");
    }
  }

  /**
   * An AWS-specific type: {@code aws("AWS::EC2::Instance::Id")}, or a list of them,
   * {@code aws("List<AWS::EC2::Instance::Id>")}.
   */
  public static ParameterType aws(String name) {
    if (!name.startsWith("AWS::") && !name.startsWith("List<AWS::")) {
      throw new IllegalArgumentException("an AWS-specific parameter type starts with AWS:: or List<AWS::: " + name);
    }
    return new ParameterType(name);
  }

  /** A value read from Systems Manager Parameter Store, such as {@code AWS::SSM::Parameter::Value<String>}. */
  public static ParameterType ssm(String valueType) {
    return new ParameterType("AWS::SSM::Parameter::Value<" + valueType + ">");
  }

  /** Whether the value is a list (its placeholder is a {@link Placeholder.Kind#LIST}). */
  public boolean isList() {
    return name.equals("CommaDelimitedList") || name.startsWith("List<")
        || name.startsWith("AWS::SSM::Parameter::Value<List<")
        || name.equals("AWS::SSM::Parameter::Value<CommaDelimitedList>");
  }

  /** Whether the value is a number. */
  public boolean isNumber() {
    return name.equals("Number");
  }

  /** The kind of placeholder that stands for a value of this type in a definition. */
  public Placeholder.Kind placeholderKind() {
    return isNumber() ? Placeholder.Kind.NUMBER : isList() ? Placeholder.Kind.LIST : Placeholder.Kind.STRING;
  }

  @Override
  public String toString() {
    return name;
  }
}
