package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.ArrayValue;
import io.statecraft.dsl.BooleanValue;
import io.statecraft.dsl.NullValue;
import io.statecraft.dsl.NumberValue;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.asl.json.CanonicalJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CloudFormation intrinsic functions and values as JSON trees (long form, which YAML keeps). */
final class TemplateJson {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** {@code ${Name}} or {@code ${Name.Attribute}} in an {@code Fn::Sub} text; {@code ${!x}} is literal. */
  static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([^}!][^}]*)}");

  private TemplateJson() {}

  static ObjectNode ref(String logicalId) {
    ObjectNode node = NODES.objectNode();
    node.put("Ref", logicalId);
    return node;
  }

  static ObjectNode getAtt(String logicalId, String attribute) {
    ObjectNode node = NODES.objectNode();
    node.putArray("Fn::GetAtt").add(logicalId).add(attribute);
    return node;
  }

  /** {@code Fn::Sub} of {@code text}, or the plain text when it references nothing. */
  static JsonNode sub(String text) {
    if (!SUB_REFERENCE.matcher(text).find()) {
      return NODES.textNode(text);
    }
    ObjectNode node = NODES.objectNode();
    node.put("Fn::Sub", text);
    return node;
  }

  /** {@code ${Select(i,Split(c,Reference))}}, as {@code IamStatement.part} writes it. */
  static final Pattern PART = Pattern.compile("\\$\\{Select\\((\\d+),Split\\((.),([^)]+)\\)\\)}");

  /**
   * {@code Fn::Sub} of {@code text} whose parts ({@code ${Select(4,Split(/,QueueUrl))}}) become
   * variables filled in by {@code Fn::Select} of {@code Fn::Split}, so that a resource only a URL or
   * ARN parameter holds is named exactly; a placeholder of the definition is read from
   * {@code placeholderValues}. A placeholder that is derived ({@link #isDerived}: an existing
   * table's or bucket's name, an existing queue's URL, computed from its ARN parameter) cannot be
   * written {@code ${Name}} in an {@code Fn::Sub} text, so it becomes a variable of the same name
   * whose value is the very expression that fills it in {@code DefinitionSubstitutions}. See
   * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html
   * (the variable map) and .../intrinsic-function-reference-split.html.
   */
  static JsonNode subWithParts(String text, Map<String, JsonNode> placeholderValues) {
    Matcher matcher = PART.matcher(text);
    ObjectNode variables = NODES.objectNode();
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      int index = Integer.parseInt(matcher.group(1));
      String reference = matcher.group(3);
      String variable = reference.replaceAll("[^A-Za-z0-9]", "") + "Part" + index;
      JsonNode source = placeholderValues.containsKey(reference) ? placeholderValues.get(reference).deepCopy()
          : reference.contains(".") ? getAtt(reference.substring(0, reference.indexOf('.')),
              reference.substring(reference.indexOf('.') + 1)) : ref(reference);
      variables.set(variable, select(index, matcher.group(2), source));
      matcher.appendReplacement(out, Matcher.quoteReplacement("${" + variable + "}"));
    }
    matcher.appendTail(out);
    for (String reference : subReferences(out.toString())) {
      JsonNode value = placeholderValues.get(reference);
      if (value != null && isDerived(value) && !variables.has(reference)) {
        variables.set(reference, value.deepCopy());
      }
    }
    if (variables.isEmpty()) {
      return sub(text);
    }
    ObjectNode node = NODES.objectNode();
    node.putArray("Fn::Sub").add(out.toString()).add(variables);
    return node;
  }

  /**
   * Whether a placeholder's value is computed ({@code Fn::Select}, {@code Fn::Sub}, ...) rather
   * than a {@code Ref} or {@code Fn::GetAtt}, which an {@code Fn::Sub} text writes
   * {@code ${Id}} or {@code ${Id.Attribute}}.
   */
  static boolean isDerived(JsonNode value) {
    return !(value.isObject() && value.size() == 1 && (value.has("Ref") || value.has("Fn::GetAtt")));
  }

  /** {@code Fn::Select [index, Fn::Split [separator, source]]}. */
  static ObjectNode select(int index, String separator, JsonNode source) {
    ObjectNode split = NODES.objectNode();
    split.putArray("Fn::Split").add(separator).add(source);
    ObjectNode select = NODES.objectNode();
    select.putArray("Fn::Select").add(index).add(split);
    return select;
  }

  /** {@code ${AWS::StackName}-suffix}. */
  static JsonNode stackNamed(String suffix) {
    return sub("${AWS::StackName}-" + suffix);
  }

  /**
   * The unique id CloudFormation gives this stack (the last part of {@code AWS::StackId}, a
   * 36-character UUID): {@code Fn::Select [2, Fn::Split ["/", AWS::StackId]]}. Unlike the stack
   * name (up to 128 characters), it fits in any name, and no other stack has it.
   */
  static JsonNode stackUuid() {
    ObjectNode split = NODES.objectNode();
    split.putArray("Fn::Split").add("/").add(ref("AWS::StackId"));
    ObjectNode select = NODES.objectNode();
    select.putArray("Fn::Select").add(2).add(split);
    return select;
  }

  /** Length of {@link #stackUuid()}. */
  static final int STACK_UUID_LENGTH = 36;

  /** {@code Fn::Sub [text, {StackUuid: <stack uuid>}]}: {@code text} may use {@code ${StackUuid}}. */
  static JsonNode subWithStackUuid(String text) {
    ObjectNode node = NODES.objectNode();
    ArrayNode args = node.putArray("Fn::Sub");
    args.add(text);
    args.addObject().set("StackUuid", stackUuid());
    return node;
  }

  /** A resource property value. */
  static JsonNode value(TemplateValue value) {
    if (value instanceof Parameter parameter) {
      return ref(parameter.name());
    }
    if (value instanceof TemplateValue.Text text) {
      return NODES.textNode(text.value());
    }
    if (value instanceof TemplateValue.Numeric number) {
      return NODES.numberNode(number.value());
    }
    if (value instanceof TemplateValue.Attribute attribute) {
      return attribute.attribute() == null
          ? ref(attribute.logicalId())
          : getAtt(attribute.logicalId(), attribute.attribute());
    }
    if (value instanceof TemplateValue.Conditional conditional) {
      return ifThen(conditional.condition().name(), value(conditional.ifTrue()), value(conditional.ifFalse()));
    }
    if (value instanceof TemplateValue.NoValue) {
      return noValue();
    }
    return sub(((TemplateValue.Sub) value).template());
  }

  /**
   * {@code Fn::If [condition, ifTrue, ifFalse]}
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-conditions.html).
   */
  static ObjectNode ifThen(String condition, JsonNode ifTrue, JsonNode ifFalse) {
    ObjectNode node = NODES.objectNode();
    node.putArray("Fn::If").add(condition).add(ifTrue).add(ifFalse);
    return node;
  }

  /** {@code Ref AWS::NoValue}: the property or list item is left out. */
  static ObjectNode noValue() {
    return ref("AWS::NoValue");
  }

  /**
   * A list-valued property: a list parameter as its {@code Ref}, anything else as a list of one.
   */
  static JsonNode listValue(TemplateValue value) {
    if (value instanceof Parameter parameter && parameter.type().isList()) {
      return ref(parameter.name());
    }
    ArrayNode list = NODES.arrayNode();
    list.add(value(value));
    return list;
  }

  /**
   * A literal JSON value (an execution input) as compact JSON text, with placeholders as their
   * {@code ${Name}} tokens; wrapped in {@code Fn::Sub} when it has any, so CloudFormation fills
   * them in (a resource's placeholder through {@code aliases}, a derived one as a variable: see
   * {@link #subWithParts}).
   */
  static JsonNode jsonText(Value value, Map<String, String> aliases, Map<String, JsonNode> placeholderValues) {
    String text = compact(literal(value));
    return SUB_REFERENCE.matcher(text).find() ? subWithParts(resolve(text, aliases), placeholderValues)
        : NODES.textNode(text);
  }

  /**
   * {@code text} with each {@code ${Placeholder}} of a resource written as the template's own
   * reference: {@code ${WebhookConnectionArn}} becomes {@code ${WebhookConnection.Arn}}.
   */
  static String resolve(String text, Map<String, String> aliases) {
    Matcher matcher = SUB_REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String alias = aliases.get(matcher.group(1));
      matcher.appendReplacement(out, Matcher.quoteReplacement(alias == null ? matcher.group() : "${" + alias + "}"));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  static String compact(JsonNode node) {
    return CanonicalJson.compact(node);
  }

  /** A literal DSL value as JSON: placeholders as their tokens, paths and expressions as text. */
  static JsonNode literal(Value value) {
    if (value instanceof ObjectValue object) {
      ObjectNode node = NODES.objectNode();
      for (Map.Entry<String, Value> field : object.fields().entrySet()) {
        node.set(field.getKey(), literal(field.getValue()));
      }
      return node;
    }
    if (value instanceof ArrayValue array) {
      ArrayNode node = NODES.arrayNode();
      for (Value item : array.items()) {
        node.add(literal(item));
      }
      return node;
    }
    if (value instanceof StringValue text) {
      return NODES.textNode(text.value());
    }
    if (value instanceof NumberValue number) {
      return NODES.numberNode(number.value());
    }
    if (value instanceof BooleanValue flag) {
      return NODES.booleanNode(flag.value());
    }
    if (value instanceof NullValue) {
      return NODES.nullNode();
    }
    if (value instanceof Placeholder placeholder) {
      return NODES.textNode(placeholder.token());
    }
    return NODES.textNode(value.toString());
  }

  /** Every {@code ${...}} reference in an {@code Fn::Sub} text, pseudo parameters included. */
  static List<String> subReferences(String text) {
    List<String> names = new ArrayList<>();
    Matcher matcher = SUB_REFERENCE.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
