package io.statecraft.generator.cfn;

import io.statecraft.asl.ProblemCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.json.JsonPointers;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.workflow.Schedule;
import io.statecraft.dsl.workflow.TemplateValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Schedule}: {@code AWS::Scheduler::Schedule} whose target starts the state machine with
 * the schedule's role, which also delivers its dead letters.
 */
record ScheduleTemplate(Schedule schedule) implements ResourceTemplate {

  @Override
  public List<TemplateValue> propertyValues() {
    return Arrays.asList(schedule.expression(), schedule.timeZone(), schedule.state());
  }

  @Override
  public Optional<ArnPlaceholder> arnPlaceholder() {
    return Optional.empty();
  }

  @Override
  public void write(TemplateContext context) {
    String id = schedule.logicalId();
    ObjectNode properties = context.resource(id, "AWS::Scheduler::Schedule");
    String pointer = TemplateContext.pointer(id, "Properties");
    if (schedule.description() != null) {
      properties.put("Description", schedule.description());
    }
    if (schedule.expression() == null) {
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "ScheduleExpression"),
          "schedule " + id + " has no expression; give expression(\"cron(0 8 ? * MON *)\") or a parameter");
    } else {
      ScheduleExpressions.check(context, schedule.expression(), ScheduleExpressions.Reader.SCHEDULER,
          JsonPointers.child(pointer, "ScheduleExpression"));
      properties.set("ScheduleExpression", TemplateJson.value(schedule.expression()));
    }
    if (schedule.timeZone() != null) {
      ScheduleExpressions.checkTimeZone(context, schedule.timeZone(), JsonPointers.child(pointer, "ScheduleExpressionTimezone"));
      properties.set("ScheduleExpressionTimezone", TemplateJson.value(schedule.timeZone()));
    }
    ObjectNode window = properties.putObject("FlexibleTimeWindow");
    int minutes = schedule.flexibleWindowMinutes();
    if (minutes == 0) {
      window.put("Mode", "OFF");
    } else {
      if (minutes < 1 || minutes > 1440) {
        context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "FlexibleTimeWindow"),
            "schedule " + id + " has a flexible window of " + minutes + " minutes; the Scheduler allows 1 to 1440, or 0 for none");
      }
      window.put("Mode", "FLEXIBLE");
      window.put("MaximumWindowInMinutes", minutes);
    }
    if (schedule.state() != null) {
      properties.set("State", TemplateJson.value(schedule.state()));
    }
    ObjectNode target = properties.putObject("Target");
    TriggerTarget.startTarget(context, schedule, target);
    List<IamStatement> extra = new ArrayList<>();
    if (TriggerTarget.deliveryOptions(context, schedule, "schedule " + id, target, JsonPointers.child(pointer, "Target"))) {
      // The Scheduler delivers dead letters with the schedule's role, not as a service principal.
      extra.add(IamStatement.allow("sqs:SendMessage", schedule.deadLetterQueueArn().inSub()));
    }
    TriggerTarget.waitForStateMachinePolicy(context, id);

    // The Scheduler assumes the role as its schedule group, not as the schedule: aws:SourceArn is
    // the group's ARN, and scoping it to a schedule (schedule/default/*) denies sts:AssumeRole, so
    // no run would ever start. Our schedules live in the account's "default" group. EventBridge
    // Scheduler User Guide, "Confused deputy prevention" and "Set up the execution role":
    // https://docs.aws.amazon.com/scheduler/latest/UserGuide/cross-service-confused-deputy-prevention.html
    ObjectNode condition = TemplateContext.sourceAccountCondition();
    condition.putObject("ArnEquals").set("aws:SourceArn", TemplateJson.sub(
        "arn:${AWS::Partition}:scheduler:${AWS::Region}:${AWS::AccountId}:schedule-group/default"));
    TriggerTarget.role(context, schedule, "scheduler.amazonaws.com", condition, extra);
  }
}
