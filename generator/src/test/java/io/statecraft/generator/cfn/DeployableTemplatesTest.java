package io.statecraft.generator.cfn;

import static io.statecraft.generator.cfn.TemplateGeneratorTest.compile;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.json;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.passing;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.problems;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.template;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.workflow.EventRule;
import io.statecraft.dsl.workflow.LogGroup;
import io.statecraft.dsl.workflow.MaintenanceWindow;
import io.statecraft.dsl.workflow.MaintenanceWindowTarget;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.Schedule;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.generator.workflow.CompiledWorkflow;
import org.junit.jupiter.api.Test;

/** What a template needs to deploy and be operated: names within limits, trust, alarms, integer parameters. */
class DeployableTemplatesTest {

  private static final String STACK_UUID = """
      {"Fn::Select": [2, {"Fn::Split": ["/", {"Ref": "AWS::StackId"}]}]}""";

  @Test
  void aRuleRoleTrustsOnlyTheRulesOfThisStackWhoseNamesFitEveryStackName() {
    String longId = "RuleWithAVeryLongLogicalIdThatGoesOnAndOn";
    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).triggers(
        EventRule.named("OnEvent").schedule("rate(1 day)"), EventRule.named(longId).schedule("rate(1 day)")));

    assertThat(problems(compiled)).isEmpty();
    JsonNode resources = template(compiled).path("Resources");
    assertThat(resources.at("/OnEventRole/Properties/AssumeRolePolicyDocument/Statement/0/Condition")).isEqualTo(json("""
        {"StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}},
         "ArnLike": {"aws:SourceArn": {"Fn::Sub": [
           "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/*-${StackUuid}",
           {"StackUuid": %s}]}}}""".formatted(STACK_UUID)));
    assertThat(resources.at("/OnEvent/Properties/Name")).isEqualTo(json("""
        {"Fn::Sub": ["OnEvent-${StackUuid}", {"StackUuid": %s}]}""".formatted(STACK_UUID)));
    // 27 characters of the logical id, "-" and the 36 of the stack's UUID: EventBridge's 64.
    String longName = resources.at("/" + longId + "/Properties/Name/Fn::Sub/0").asText();
    assertThat(longName).isEqualTo("RuleWithAVeryLongLogicalIdT-${StackUuid}");
    assertThat(longName.replace("${StackUuid}", "x".repeat(36))).hasSize(64);
  }

  @Test
  void rulesWhoseNamesWouldCollideAreAnError() {
    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).triggers(
        EventRule.named("RuleWithAVeryLongLogicalIdThatGoesOnAndOn").schedule("rate(1 day)"),
        EventRule.named("RuleWithAVeryLongLogicalIdThatIsAnother").schedule("rate(1 day)")));

    assertThat(problems(compiled)).containsExactly(
        "ERROR DUPLICATE_LOGICAL_ID /Resources/RuleWithAVeryLongLogicalIdThatIsAnother/Properties/Name: rules "
            + "RuleWithAVeryLongLogicalIdThatIsAnother and RuleWithAVeryLongLogicalIdThatGoesOnAndOn would get the same "
            + "name, as a rule's name keeps only the first 27 characters of its logical id; make them differ sooner");
  }

  @Test
  void aWindowNameFitsSystemsManagersLimitsForEveryStackName() {
    String longId = "W" + "x".repeat(120);
    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).triggers(MaintenanceWindow.named(longId)
        .schedule("rate(7 days)")
        .target(MaintenanceWindowTarget.named("Targets").instanceIds(TemplateValue.of("i-0123456789abcdef0")))
        .taskInput(Json.object().put("instance", MaintenanceWindow.TARGET_ID).build())));

    assertThat(problems(compiled)).isEmpty();
    String name = template(compiled).at("/Resources/" + longId + "/Properties/Name/Fn::Sub/0").asText();
    assertThat(name).isEqualTo("W" + "x".repeat(90) + "-${StackUuid}");
    // A UUID is 36 of [0-9a-f-]: the name is 128 of [a-zA-Z0-9_\-.], whatever the stack is called.
    assertThat(name.replace("${StackUuid}", "0123abcd-0123-4567-89ab-0123456789ab")).matches("[a-zA-Z0-9_\\-.]{3,128}");
  }

  @Test
  void stateMachineLogGroupsAreNamedUnderVendedLogsOthersAreNot() {
    LogGroup chosen = LogGroup.named("WorkflowLogs").retentionInDays(TemplateValue.of(30));
    CompiledWorkflow own = compile(passing(Json.object().put("a", 1)).logGroup(chosen));
    CompiledWorkflow byDefault = compile(passing(Json.object().put("a", 1)));

    assertThat(problems(own)).isEmpty();
    assertThat(template(own).at("/Resources/WorkflowLogs/Properties")).isEqualTo(json("""
        {"RetentionInDays": 30, "LogGroupName": {"Fn::Sub": "/aws/vendedlogs/states/${AWS::StackName}-WorkflowLogs"}}"""));
    assertThat(template(byDefault).at("/Resources/StateMachineLogGroup/Properties/LogGroupName")).isEqualTo(json("""
        {"Fn::Sub": "/aws/vendedlogs/states/${AWS::StackName}-StateMachineLogGroup"}"""));
  }

  @Test
  void numberParametersTheDefinitionUsesAdmitOnlyIntegersOfTheirRange() {
    Parameter seconds = Parameter.number("WaitSeconds").minValue(5).maxValue(300).defaultValue(15).description("Wait");
    Parameter fraction = Parameter.number("Fraction").minValue(0).maxValue(1).defaultValue("0.5");
    Parameter hours = Parameter.number("Hours").minValue(1).maxValue(24).defaultValue(4);
    CompiledWorkflow compiled = compile(passing(Json.object().put("wait", seconds.ref()).put("share", fraction.ref()))
        .parameters(seconds, fraction).tag("Hours", hours));

    assertThat(problems(compiled)).isEmpty();
    JsonNode parameters = template(compiled).path("Parameters");
    assertThat(parameters.get("WaitSeconds")).isEqualTo(json("""
        {"Type": "String", "Description": "Wait", "Default": "15", "AllowedPattern": "[5-9]|[1-9][0-9]|[1-2][0-9]{2}|300",
         "ConstraintDescription": "a whole number from 5 to 300"}"""));
    // A fraction is meant to be one; a parameter only resources use is checked by their own types.
    assertThat(parameters.get("Fraction")).isEqualTo(json("{\"Type\": \"Number\", \"Default\": 0.5, \"MinValue\": 0, \"MaxValue\": 1}"));
    assertThat(parameters.get("Hours")).isEqualTo(json("{\"Type\": \"Number\", \"Default\": 4, \"MinValue\": 1, \"MaxValue\": 24}"));
  }

  @Test
  void alarmsNotifyTheTopicWhenExecutionsEndBadlyOrDeadLettersWait() {
    Parameter topic = Parameter.string("AlarmTopicArn");
    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).alarms(topic)
        .triggers(Schedule.named("Timer").expression("rate(1 day)").deadLetterQueue(), EventRule.named("NoQueue")
            .schedule("rate(1 day)")));

    assertThat(problems(compiled)).isEmpty();
    JsonNode resources = template(compiled).path("Resources");
    assertThat(resources.get("ExecutionsFailedAlarm")).isEqualTo(json("""
        {"Type": "AWS::CloudWatch::Alarm", "Properties": {
          "AlarmDescription": {"Fn::Sub": "An execution of the state machine of stack ${AWS::StackName} failed; see its history in the Step Functions console"},
          "Namespace": "AWS/States", "MetricName": "ExecutionsFailed", "Statistic": "Sum", "Period": 300,
          "EvaluationPeriods": 1, "Threshold": 1, "ComparisonOperator": "GreaterThanOrEqualToThreshold",
          "TreatMissingData": "notBreaching", "AlarmActions": [{"Ref": "AlarmTopicArn"}],
          "Dimensions": [{"Name": "StateMachineArn", "Value": {"Ref": "StateMachine"}}]}}"""));
    assertThat(resources.at("/ExecutionsTimedOutAlarm/Properties/MetricName").asText()).isEqualTo("ExecutionsTimedOut");
    assertThat(resources.at("/ExecutionsAbortedAlarm/Properties/MetricName").asText()).isEqualTo("ExecutionsAborted");
    assertThat(resources.get("TimerDeadLetterQueueAlarm")).isEqualTo(json("""
        {"Type": "AWS::CloudWatch::Alarm", "Properties": {
          "AlarmDescription": {"Fn::Sub": "Trigger Timer of stack ${AWS::StackName} could not start the state machine: its dead-letter queue holds the events; start the runs by hand and delete the messages"},
          "Namespace": "AWS/SQS", "MetricName": "ApproximateNumberOfMessagesVisible", "Statistic": "Maximum",
          "Period": 300, "EvaluationPeriods": 1, "Threshold": 1, "ComparisonOperator": "GreaterThanOrEqualToThreshold",
          "TreatMissingData": "notBreaching", "AlarmActions": [{"Ref": "AlarmTopicArn"}],
          "Dimensions": [{"Name": "QueueName", "Value": {"Fn::GetAtt": ["TimerDeadLetterQueue", "QueueName"]}}]}}"""));
    assertThat(resources.has("NoQueueDeadLetterQueueAlarm")).isFalse();
    assertThat(template(compiled).at("/Parameters/AlarmTopicArn/Type").asText()).isEqualTo("String");
  }

  @Test
  void withoutTheOptionThereAreNoAlarms() {
    JsonNode resources = template(compile(passing(Json.object().put("a", 1)))).path("Resources");
    resources.forEach(resource -> assertThat(resource.path("Type").asText()).isNotEqualTo("AWS::CloudWatch::Alarm"));
  }
}
