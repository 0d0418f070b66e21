package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.workflow.TargetOptions;
import io.statecraft.dsl.workflow.Trigger;
import io.statecraft.dsl.workflow.WorkflowSpec;

/**
 * The alarms of {@link WorkflowSpec.Builder#alarms}: one {@code AWS::CloudWatch::Alarm} per way an
 * execution ends badly, and one per trigger dead-letter queue, each notifying the user's topic
 * when it goes into alarm. Every alarm reads "missing data" (no executions, an idle queue) as
 * fine, and fires on the first occurrence in a five-minute period.
 */
final class FailureAlarms {

  /** The execution metrics of {@code AWS/States}, by the alarm's logical id. */
  private static final String[][] EXECUTION_METRICS = {
      {"ExecutionsFailedAlarm", "ExecutionsFailed", "failed"},
      {"ExecutionsTimedOutAlarm", "ExecutionsTimedOut", "timed out"},
      {"ExecutionsAbortedAlarm", "ExecutionsAborted", "was aborted"}};

  static final int PERIOD_SECONDS = 300;

  private FailureAlarms() {}

  static void write(TemplateContext context, WorkflowSpec spec) {
    if (spec.alarmTopicArn() == null) {
      return;
    }
    JsonNode topic = TemplateJson.value(spec.alarmTopicArn());
    // Step Functions publishes these per state machine, with the dimension StateMachineArn:
    // https://docs.aws.amazon.com/step-functions/latest/dg/procedure-cw-metrics.html
    for (String[] metric : EXECUTION_METRICS) {
      ObjectNode alarm = alarm(context, metric[0], topic, "AWS/States", metric[1], "Sum",
          "An execution of the state machine of stack ", " " + metric[2] + "; see its history in the Step Functions console");
      ObjectNode dimension = alarm.putArray("Dimensions").addObject();
      dimension.put("Name", "StateMachineArn");
      dimension.set("Value", TemplateJson.ref(TemplateGenerator.STATE_MACHINE));
    }
    // A dead letter is a start that never happened: SQS's ApproximateNumberOfMessagesVisible,
    // per queue (dimension QueueName), shows it until someone handles it:
    // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html
    for (Trigger trigger : spec.triggers()) {
      if (trigger instanceof TargetOptions<?> target && target.hasDeadLetterQueue()) {
        String queueId = target.deadLetterQueueLogicalId();
        ObjectNode alarm = alarm(context, queueId + "Alarm", topic, "AWS/SQS", "ApproximateNumberOfMessagesVisible",
            "Maximum", "Trigger " + trigger.logicalId() + " of stack ",
            " could not start the state machine: its dead-letter queue holds the events; start the runs by hand and "
                + "delete the messages");
        ObjectNode dimension = alarm.putArray("Dimensions").addObject();
        dimension.put("Name", "QueueName");
        dimension.set("Value", TemplateJson.getAtt(queueId, "QueueName"));
      }
    }
  }

  private static ObjectNode alarm(TemplateContext context, String logicalId, JsonNode topic, String namespace,
      String metric, String statistic, String before, String after) {
    ObjectNode alarm = context.resource(logicalId, "AWS::CloudWatch::Alarm");
    alarm.set("AlarmDescription", TemplateJson.sub(before + "${AWS::StackName}" + after));
    alarm.put("Namespace", namespace);
    alarm.put("MetricName", metric);
    alarm.put("Statistic", statistic);
    alarm.put("Period", PERIOD_SECONDS);
    alarm.put("EvaluationPeriods", 1);
    alarm.put("Threshold", 1);
    alarm.put("ComparisonOperator", "GreaterThanOrEqualToThreshold");
    alarm.put("TreatMissingData", "notBreaching");
    alarm.putArray("AlarmActions").add(topic.deepCopy());
    return alarm;
  }
}
