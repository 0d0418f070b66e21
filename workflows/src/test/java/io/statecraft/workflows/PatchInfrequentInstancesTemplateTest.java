package io.statecraft.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** What the patch-infrequent-instances template deploys: the window, its role, the state machine's role. */
class PatchInfrequentInstancesTemplateTest {

  final JsonNode template = Templates.template(new PatchInfrequentInstances());

  @Test
  void windowScheduleAndTimeZoneAreParameters() {
    Expect.sameJson(Templates.resource(template, "PatchWindow").path("Properties"), """
        {"Name": {"Fn::Sub": "${AWS::StackName}-PatchWindow"},
         "Description": "Starts patch-infrequent-instances once per tagged instance",
         "Schedule": {"Ref": "WindowSchedule"}, "ScheduleTimezone": {"Ref": "WindowTimeZone"},
         "Duration": 4, "Cutoff": 1, "AllowUnassociatedTargets": false}""");
    Expect.sameJson(Templates.resource(template, "PatchTargets").at("/Properties/Targets"),
        "[{\"Key\": \"tag:InfrequentPatching\", \"Values\": [{\"Ref\": \"TargetTagValue\"}]}]");
    assertThat(Templates.resource(template, "PatchWindowTask")
        .at("/Properties/TaskInvocationParameters/MaintenanceWindowStepFunctionsParameters/Input").asText())
        .isEqualTo("{\"instanceId\":\"{{TARGET_ID}}\"}");
    assertThat(template.at("/Parameters/WindowSchedule/Default").asText()).isEqualTo("cron(0 3 ? * SUN *)");
    assertThat(template.at("/Parameters/PatchOperation/AllowedValues").toString()).isEqualTo("[\"Install\",\"Scan\"]");
    assertThat(template.at("/Parameters/RebootOption/AllowedValues").toString()).isEqualTo("[\"RebootIfNeeded\",\"NoReboot\"]");
  }

  @Test
  void windowTaskStartsThisStateMachineOnly() {
    assertThat(Templates.resource(template, "PatchWindowTask").at("/Properties/ServiceRoleArn").toString())
        .isEqualTo("{\"Fn::GetAtt\":[\"PatchWindowRole\",\"Arn\"]}");
    assertThat(Templates.resource(template, "PatchWindowRole")
        .at("/Properties/AssumeRolePolicyDocument/Statement/0/Principal/Service").asText()).isEqualTo("ssm.amazonaws.com");
    assertThat(Templates.actions(template, "PatchWindowRole")).containsExactly("states:DescribeExecution", "states:StartExecution");
    Expect.sameJson(Templates.statementFor(template, "PatchWindowRole", "states:StartExecution").path("Resource"),
        "[{\"Fn::Sub\": \"${StateMachine}\"}]");
    Expect.sameJson(Templates.statementFor(template, "PatchWindowRole", "states:DescribeExecution").path("Resource"),
        "[{\"Fn::Sub\": \"arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:${StateMachine.Name}:*\"}]");
  }

  @Test
  void roleTouchesOnlyTaggedInstances() {
    String tagged = """
        {"Effect": "Allow", "Action": ["ec2:StartInstances", "ec2:StopInstances", "ssm:SendCommand"],
         "Resource": [{"Fn::Sub": "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/*"}],
         "Condition": {"StringEquals": {"aws:ResourceTag/InfrequentPatching": [{"Fn::Sub": "${TargetTagValue}"}]}}}""";
    Expect.sameJson(Templates.statementFor(template, "StateMachineRole", "ec2:StartInstances"), tagged);
    Expect.sameJson(Templates.statementFor(template, "StateMachineRole", "ec2:StopInstances"), tagged);
    assertThat(Templates.statements(template, "StateMachineRole").stream()
        .filter(statement -> statement.path("Action").toString().contains("ssm:SendCommand"))
        .map(statement -> statement.path("Resource").toString()))
        .containsExactlyInAnyOrder(
            "[{\"Fn::Sub\":\"arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/*\"}]",
            "[{\"Fn::Sub\":\"arn:${AWS::Partition}:ssm:${AWS::Region}::document/AWS-RunPatchBaseline\"}]");
    assertThat(Templates.actions(template, "StateMachineRole")).filteredOn(action -> !action.startsWith("logs:")
        && !action.startsWith("xray:")).containsExactly(
        "ec2:DescribeInstances", "ec2:StartInstances", "ec2:StopInstances",
        "ssm:DescribeInstanceInformation", "ssm:GetCommandInvocation", "ssm:SendCommand");
    ReferenceWorkflowsTest.assertWildcardsOnlyWithReasons(template);
  }
}
