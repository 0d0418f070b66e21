package io.statecraft.generator.cfn;

import io.statecraft.asl.ProblemCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.json.JsonPointers;
import io.statecraft.dsl.workflow.EventRule;
import io.statecraft.dsl.workflow.TemplateValue;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@link EventRule}: {@code AWS::Events::Rule} whose one target starts the state machine, with
 * the event, a fixed input or the event reshaped; EventBridge itself delivers its dead letters.
 */
record EventRuleTemplate(EventRule rule) implements ResourceTemplate {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).

  /** EventBridge's limit on a rule name ({@code [.\\-_A-Za-z0-9]+}). */
  static final int MAX_RULE_NAME = 64;

  /** How much of the logical id a rule's name keeps: the rest is {@code -<stack uuid>}. */
  static final int NAME_PREFIX = MAX_RULE_NAME - 1 - TemplateJson.STACK_UUID_LENGTH;

  /** A {@code <name>} an input template uses. */
  private static final Pattern TEMPLATE_USE = Pattern.compile("<([A-Za-z0-9_.-]+)>");

  @Override
  public List<TemplateValue> propertyValues() {
    return Arrays.asList(rule.scheduleExpression(), rule.eventBus(), rule.state());
  }

  @Override
  public Optional<ArnPlaceholder> arnPlaceholder() {
    return Optional.empty();
  }

  @Override
  public void write(TemplateContext context) {
    String id = rule.logicalId();
    ObjectNode properties = context.resource(id, "AWS::Events::Rule");
    String pointer = TemplateContext.pointer(id, "Properties");
    if (rule.description() != null) {
      properties.put("Description", rule.description());
    }
    name(context, properties);
    if (rule.eventBus() != null) {
      properties.set("EventBusName", TemplateJson.value(rule.eventBus()));
    }
    if (rule.eventPattern() != null) {
      properties.set("EventPattern", TemplateJson.literal(rule.eventPattern()));
    }
    if (rule.scheduleExpression() != null) {
      ScheduleExpressions.check(context, rule.scheduleExpression(), ScheduleExpressions.Reader.EVENTBRIDGE_RULE,
          JsonPointers.child(pointer, "ScheduleExpression"));
      properties.set("ScheduleExpression", TemplateJson.value(rule.scheduleExpression()));
    }
    if (rule.eventPattern() == null && rule.scheduleExpression() == null) {
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, pointer, "rule " + id + " has neither a schedule nor an "
          + "event pattern, so it never starts the workflow; give schedule(...) or eventPattern(...)");
    }
    properties.set("State", rule.state() == null ? TemplateJson.NODES.textNode("ENABLED") : TemplateJson.value(rule.state()));
    ObjectNode target = properties.putArray("Targets").addObject();
    target.put("Id", "StateMachine");
    TriggerTarget.startTarget(context, rule, target);
    if (rule.input() == null && rule.inputTemplate() != null) {
      inputTransformer(context, target, pointer + "/Targets/0/InputTransformer/InputTemplate");
    }
    if (TriggerTarget.deliveryOptions(context, rule, "rule " + id, target, pointer + "/Targets/0")) {
      // EventBridge itself sends the dead letters: the queue's policy admits this rule only.
      queuePolicy(context);
    }
    TriggerTarget.waitForStateMachinePolicy(context, id);
    // EventBridge presents the rule's ARN as aws:SourceArn when it assumes a target's role (its
    // guide, "Cross-service confused deputy prevention": "For EventBridge event bus rule targets,
    // the value of aws:SourceArn must be the rule ARN"):
    // https://docs.aws.amazon.com/eventbridge/latest/userguide/cross-service-confused-deputy-prevention.html
    // The rule's ARN would make the role depend on the rule, which depends on the role, so the
    // condition is the pattern of this stack's rule names, which ends in the stack's unique id
    // (rule ARNs are rule/[bus-name/]rule-name, so * also covers a custom bus).
    ObjectNode condition = TemplateContext.sourceAccountCondition();
    condition.putObject("ArnLike").set("aws:SourceArn", TemplateJson.subWithStackUuid(
        "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/*-${StackUuid}"));
    TriggerTarget.role(context, rule, "events.amazonaws.com", condition, List.of());
  }

  /**
   * {@code Name}: the logical id (cut to fit) and the stack's unique id, which fits EventBridge's
   * 64 characters whatever the stack is called; a name CloudFormation generates would not end in
   * something the role's trust condition can match.
   */
  private void name(TemplateContext context, ObjectNode properties) {
    String id = rule.logicalId();
    String prefix = id.length() > NAME_PREFIX ? id.substring(0, NAME_PREFIX) : id;
    JsonNode name = TemplateJson.subWithStackUuid(prefix + "-${StackUuid}");
    Iterator<Map.Entry<String, JsonNode>> others = context.resources.fields();
    while (others.hasNext()) {
      Map.Entry<String, JsonNode> other = others.next();
      if (!other.getKey().equals(id) && name.equals(other.getValue().path("Properties").path("Name"))
          && "AWS::Events::Rule".equals(other.getValue().path("Type").asText())) {
        context.error(ProblemCode.DUPLICATE_LOGICAL_ID, TemplateContext.pointer(id, "Properties", "Name"), "rules " + id
            + " and " + other.getKey() + " would get the same name, as a rule's name keeps only the first " + NAME_PREFIX
            + " characters of its logical id; make them differ sooner");
      }
    }
    properties.set("Name", name);
  }

  private void inputTransformer(TemplateContext context, ObjectNode target, String templatePointer) {
    ObjectNode transformer = target.putObject("InputTransformer");
    if (!rule.inputPaths().isEmpty()) {
      ObjectNode paths = transformer.putObject("InputPathsMap");
      for (Map.Entry<String, String> path : rule.inputPaths().entrySet()) {
        paths.put(path.getKey(), path.getValue());
      }
    }
    transformer.put("InputTemplate", rule.inputTemplate());
    Matcher uses = TEMPLATE_USE.matcher(rule.inputTemplate());
    while (uses.find()) {
      String name = uses.group(1);
      if (!rule.inputPaths().containsKey(name) && !name.startsWith("aws.events.")) {
        context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, templatePointer, "the input template of rule "
            + rule.logicalId() + " uses <" + name + ">, which its input paths do not define; add it to the paths or "
            + "fix the name (defined: " + rule.inputPaths().keySet() + ")");
      }
    }
  }

  /** Lets EventBridge send to the dead-letter queue on behalf of this rule only (no confused deputy). */
  private void queuePolicy(TemplateContext context) {
    String queueId = rule.deadLetterQueueLogicalId();
    String policyId = queueId + "Policy";
    ObjectNode properties = context.resource(policyId, "AWS::SQS::QueuePolicy");
    properties.putArray("Queues").add(TemplateJson.value(rule.deadLetterQueueUrl()));
    ObjectNode document = properties.putObject("PolicyDocument");
    document.put("Version", "2012-10-17");
    ObjectNode statement = document.putArray("Statement").addObject();
    statement.put("Sid", "DeadLetters");
    statement.put("Effect", "Allow");
    statement.putObject("Principal").put("Service", "events.amazonaws.com");
    statement.put("Action", "sqs:SendMessage");
    statement.set("Resource", TemplateJson.value(rule.deadLetterQueueArn()));
    statement.putObject("Condition").putObject("ArnEquals").set("aws:SourceArn", TemplateJson.getAtt(rule.logicalId(), "Arn"));
  }
}
