package io.statecraft.generator.cfn;

import io.statecraft.asl.ProblemCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.json.JsonPointers;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.workflow.TargetOptions;
import io.statecraft.dsl.workflow.TargetRetryPolicy;
import io.statecraft.dsl.workflow.Trigger;
import java.util.ArrayList;
import java.util.List;

/**
 * How a trigger starts the state machine, written once for rules, schedules and maintenance window
 * tasks: its role ({@code <id>Role}, trusted by its service and allowed to start this state
 * machine only), its execution input, and the wait for the state machine's own policy; and for
 * the EventBridge family (rules and schedules) the target with its retry policy and dead-letter
 * queue.
 */
final class TriggerTarget {

  /** SQS's longest retention, 14 days, so that dead letters wait for someone to look. */
  static final int DEAD_LETTER_RETENTION_SECONDS = 1_209_600;

  private TriggerTarget() {}

  /** The logical id of the trigger's role: {@code <id>Role}. */
  static String roleId(Trigger trigger) {
    return trigger.logicalId() + "Role";
  }

  /** The trigger's {@code Input} in {@code node}, when it has one: compact JSON text, {@code Fn::Sub} when it holds placeholders. */
  static void input(TemplateContext context, Trigger trigger, ObjectNode node) {
    if (trigger.input() != null) {
      node.set("Input", TemplateJson.jsonText(trigger.input(), context.aliases, context.placeholderValues));
    }
  }

  /**
   * The start of an EventBridge or Scheduler target: the state machine's ARN, the trigger's role
   * and its input. Complete it with {@link #deliveryOptions}.
   */
  static void startTarget(TemplateContext context, TargetOptions<?> trigger, ObjectNode target) {
    target.set("Arn", TemplateJson.ref(ReleaseTemplate.startTarget(context)));
    target.set("RoleArn", TemplateJson.getAtt(roleId(trigger), "Arn"));
    input(context, trigger, target);
  }

  /**
   * The target's {@code RetryPolicy} (checked) and {@code DeadLetterConfig}, with the queue it
   * names. Returns whether there is a dead-letter queue, whose sender the caller allows.
   */
  static boolean deliveryOptions(TemplateContext context, TargetOptions<?> trigger, String owner, ObjectNode target,
      String targetPointer) {
    retryPolicy(context, trigger.retryPolicy(), owner, target, targetPointer);
    if (!trigger.hasDeadLetterQueue()) {
      return false;
    }
    ObjectNode queue = context.resource(trigger.deadLetterQueueLogicalId(), "AWS::SQS::Queue");
    queue.put("MessageRetentionPeriod", DEAD_LETTER_RETENTION_SECONDS);
    queue.put("SqsManagedSseEnabled", true);
    target.putObject("DeadLetterConfig").set("Arn", TemplateJson.value(trigger.deadLetterQueueArn()));
    return true;
  }

  private static void retryPolicy(TemplateContext context, TargetRetryPolicy policy, String owner, ObjectNode target,
      String targetPointer) {
    if (policy == null) {
      return;
    }
    String pointer = JsonPointers.child(targetPointer, "RetryPolicy");
    if (policy.maximumRetryAttempts() < TargetRetryPolicy.MIN_ATTEMPTS || policy.maximumRetryAttempts() > TargetRetryPolicy.MAX_ATTEMPTS) {
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "MaximumRetryAttempts"), owner
          + " retries " + policy.maximumRetryAttempts() + " times; EventBridge allows " + TargetRetryPolicy.MIN_ATTEMPTS
          + " to " + TargetRetryPolicy.MAX_ATTEMPTS);
    }
    if (policy.maximumEventAgeSeconds() < TargetRetryPolicy.MIN_EVENT_AGE_SECONDS
        || policy.maximumEventAgeSeconds() > TargetRetryPolicy.MAX_EVENT_AGE_SECONDS) {
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "MaximumEventAgeInSeconds"), owner
          + " keeps retrying an event for " + policy.maximumEventAgeSeconds() + " seconds; EventBridge allows "
          + TargetRetryPolicy.MIN_EVENT_AGE_SECONDS + " to " + TargetRetryPolicy.MAX_EVENT_AGE_SECONDS);
    }
    ObjectNode node = target.putObject("RetryPolicy");
    node.put("MaximumEventAgeInSeconds", policy.maximumEventAgeSeconds());
    node.put("MaximumRetryAttempts", policy.maximumRetryAttempts());
  }

  /**
   * Makes {@code startingResource} (the trigger, or a window's task) wait for the state machine's
   * own policy: a trigger firing right after creation must find the state machine's permissions
   * complete.
   */
  static void waitForStateMachinePolicy(TemplateContext context, String startingResource) {
    if (context.hasStateMachinePolicy && context.resources.has(startingResource)) {
      ((ObjectNode) context.resources.get(startingResource)).putArray("DependsOn").add(TemplateGenerator.STATE_MACHINE_POLICY);
    }
  }

  /**
   * The trigger's role, trusted by {@code service} under {@code condition}: it may start this state
   * machine, through its alias when there is one, and do what {@code extra} grants. Step Functions
   * authorizes a start through an alias on the state machine's unqualified ARN, which the
   * condition key {@code states:StateMachineQualifier} narrows to that alias
   * (https://docs.aws.amazon.com/step-functions/latest/dg/auth-version-alias.html).
   */
  static void role(TemplateContext context, Trigger trigger, String service, ObjectNode condition, List<IamStatement> extra) {
    String alias = context.aliasName;
    String roleId = roleId(trigger);
    ObjectNode role = context.role(roleId, service, condition);
    List<Grant> grants = new ArrayList<>();
    IamStatement start = IamStatement.allow("states:StartExecution", IamStatement.THIS_STATE_MACHINE);
    grants.add(new Grant(alias == null ? start : start.withCondition("StringEquals", "states:StateMachineQualifier",
        List.of(alias)), "trigger " + trigger.logicalId(), null));
    for (IamStatement statement : extra) {
      grants.add(new Grant(statement, "trigger " + roleId, null));
    }
    context.inlinePolicy(roleId, role, "StartStateMachine", grants);
  }
}
