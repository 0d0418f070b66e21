package io.statecraft.dsl.workflow;

import io.statecraft.dsl.Placeholder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A template parameter: a value the deployer chooses when creating the stack.
 *
 * <p>Use {@link #ref()} wherever the state machine needs the value: it becomes a {@code ${Name}}
 * placeholder in the definition and an entry of {@code DefinitionSubstitutions}. Give the
 * parameter itself to resource properties (it is a {@link TemplateValue}), where it becomes a
 * {@code Ref}. Declare it in {@link WorkflowSpec.Builder#parameters} or a parameter group;
 * parameters that only resources use are added by themselves.
 *
 * <pre>{@code
 * Parameter format = Parameter.string("WebhookFormat")
 *     .description("Message format the webhook expects")
 *     .allowedValues("AdaptiveCard", "LegacyText")
 *     .defaultValue("AdaptiveCard");
 * Pass.named("Format").parameters(Json.object().put("format", format.ref()).build());
 * }</pre>
 *
 * <p>Settings are checked when the workflow is compiled (name, a default outside the allowed
 * values or range, a secret used in the definition, ...), and reported with the other problems.
 */
public final class Parameter implements TemplateValue {

  private final String name;
  private final ParameterType type;
  private String description;
  private String label;
  private String defaultValue;
  private final List<String> allowedValues = new ArrayList<>();
  private String allowedPattern;
  private Integer minLength;
  private Integer maxLength;
  private BigDecimal minValue;
  private BigDecimal maxValue;
  private boolean noEcho;
  private String constraintDescription;

  private Parameter(String name, ParameterType type) {
    this.name = Objects.requireNonNull(name, "name == null");
    this.type = Objects.requireNonNull(type, "type == null");
  }

  /** A parameter of any type. Names are letters and digits (CloudFormation's rule). */
  public static Parameter of(String name, ParameterType type) {
    return new Parameter(name, type);
  }

  /** A {@code String} parameter. */
  public static Parameter string(String name) {
    return new Parameter(name, ParameterType.STRING);
  }

  /** A {@code Number} parameter; its placeholder is a {@link Placeholder.Kind#NUMBER}. */
  public static Parameter number(String name) {
    return new Parameter(name, ParameterType.NUMBER);
  }

  /** A {@code CommaDelimitedList} parameter; its placeholder is a {@link Placeholder.Kind#LIST}. */
  public static Parameter commaDelimitedList(String name) {
    return new Parameter(name, ParameterType.COMMA_DELIMITED_LIST);
  }

  /** A parameter of an AWS-specific type, such as {@code AWS::EC2::Instance::Id}. */
  public static Parameter aws(String name, String awsType) {
    return new Parameter(name, ParameterType.aws(awsType));
  }

  /**
   * The placeholder that stands for this parameter in the state machine: {@code ${Name}}, of kind
   * NUMBER for a {@code Number}, LIST for a list type, STRING otherwise.
   */
  public Placeholder ref() {
    return new Placeholder(name, type.placeholderKind());
  }

  /** {@code Description}: what to enter, shown by the console. */
  public Parameter description(String description) {
    this.description = description;
    return this;
  }

  /** The label the console shows instead of the name ({@code ParameterLabels}). */
  public Parameter label(String label) {
    this.label = label;
    return this;
  }

  /** {@code Default}: the value when the deployer gives none. */
  public Parameter defaultValue(String value) {
    this.defaultValue = Objects.requireNonNull(value, "value == null");
    return this;
  }

  /** {@code Default} of a {@code Number} parameter. */
  public Parameter defaultValue(long value) {
    return defaultValue(Long.toString(value));
  }

  /** {@code Default} of a list parameter: the items joined by commas. */
  public Parameter defaultValue(List<String> items) {
    return defaultValue(String.join(",", items));
  }

  /** {@code AllowedValues}. */
  public Parameter allowedValues(String... values) {
    allowedValues.clear();
    allowedValues.addAll(Arrays.asList(values));
    return this;
  }

  /** {@code AllowedValues} of a {@code Number} parameter. */
  public Parameter allowedValues(long... values) {
    allowedValues.clear();
    for (long value : values) {
      allowedValues.add(Long.toString(value));
    }
    return this;
  }

  /** {@code AllowedPattern}: a Java-compatible regular expression the whole value must match. */
  public Parameter allowedPattern(String regex) {
    this.allowedPattern = regex;
    return this;
  }

  /** {@code MinLength} of a {@code String}. */
  public Parameter minLength(int length) {
    this.minLength = length;
    return this;
  }

  /** {@code MaxLength} of a {@code String}. */
  public Parameter maxLength(int length) {
    this.maxLength = length;
    return this;
  }

  /** {@code MinValue} of a {@code Number}. */
  public Parameter minValue(long value) {
    this.minValue = BigDecimal.valueOf(value);
    return this;
  }

  /** {@code MaxValue} of a {@code Number}. */
  public Parameter maxValue(long value) {
    this.maxValue = BigDecimal.valueOf(value);
    return this;
  }

  /**
   * {@code NoEcho}: the value is masked in the console and API. Secrets must be NoEcho, and a
   * NoEcho parameter may not be used in the definition (anyone who can read the state machine
   * would see it): hand secrets to an {@link HttpConnection} instead.
   */
  public Parameter noEcho() {
    this.noEcho = true;
    return this;
  }

  /** {@code ConstraintDescription}: what the console says when the value breaks a constraint. */
  public Parameter constraintDescription(String text) {
    this.constraintDescription = text;
    return this;
  }

  /** The parameter's name: its logical id in the template and the placeholder's name, {@code ${Name}}. */
  public String name() {
    return name;
  }

  /** The parameter's CloudFormation type. */
  public ParameterType type() {
    return type;
  }

  /** The {@code Description}; null when not set. */
  public String description() {
    return description;
  }

  /** The label the console shows instead of the name ({@code ParameterLabels}); null when not set. */
  public String label() {
    return label;
  }

  /** The {@code Default} as text (a list comma-separated); null when there is none. */
  public String defaultValue() {
    return defaultValue;
  }

  /** The {@code AllowedValues}; empty when any value is allowed. */
  public List<String> allowedValues() {
    return List.copyOf(allowedValues);
  }

  /** The {@code AllowedPattern}; null when not set. */
  public String allowedPattern() {
    return allowedPattern;
  }

  /** The {@code MinLength}; null when not set. */
  public Integer minLength() {
    return minLength;
  }

  /** The {@code MaxLength}; null when not set. */
  public Integer maxLength() {
    return maxLength;
  }

  /** The {@code MinValue}; null when not set. */
  public BigDecimal minValue() {
    return minValue;
  }

  /** The {@code MaxValue}; null when not set. */
  public BigDecimal maxValue() {
    return maxValue;
  }

  /** Whether the value is a secret ({@code NoEcho}), masked by CloudFormation. */
  public boolean isNoEcho() {
    return noEcho;
  }

  /** The {@code ConstraintDescription}; null when not set. */
  public String constraintDescription() {
    return constraintDescription;
  }

  @Override
  public String toString() {
    return "Parameter " + name + " (" + type + ")";
  }
}
