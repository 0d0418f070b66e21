package io.statecraft.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** What the patch-infrequent-instances template deploys: the window, its role, the state machine's role. */
class PatchInfrequentInstancesTemplateTest {

  final JsonNode template = Templates.template(new PatchInfrequentInstances());

  @Test
  void windowScheduleTimeZoneDurationCutoffAndTagValueAreParameters() {
    Expect.sameJson(Templates.resource(template, "PatchWindow").path("Properties"), """
        {"Name": {"Fn::Sub": ["PatchWindow-${StackUuid}",
           {"StackUuid": {"Fn::Select": [2, {"Fn::Split": ["/", {"Ref": "AWS::StackId"}]}]}}]},
         "Description": "Starts patch-infrequent-instances once per tagged instance",
         "Schedule": {"Ref": "WindowSchedule"}, "ScheduleTimezone": {"Ref": "WindowTimeZone"},
         "Duration": {"Ref": "WindowDurationHours"}, "Cutoff": {"Ref": "WindowCutoffHours"},
         "AllowUnassociatedTargets": false}""");
    Expect.sameJson(template.at("/Parameters/WindowDurationHours"), """
        {"Type": "Number", "Description": "Hours the maintenance window stays open, 1 to 24; more than WindowCutoffHours",
         "Default": 4, "MinValue": 1, "MaxValue": 24}""");
    Expect.sameJson(template.at("/Parameters/WindowCutoffHours"), """
        {"Type": "Number", "Description": "Hours before the window closes when no new instance is started, 0 to 23; less than WindowDurationHours",
         "Default": 1, "MinValue": 0, "MaxValue": 23}""");
    Expect.sameJson(Templates.resource(template, "PatchTargets").at("/Properties/Targets"),
        "[{\"Key\": \"tag:InfrequentPatching\", \"Values\": [{\"Ref\": \"TargetTagValue\"}]}]");
    assertThat(Templates.resource(template, "PatchWindowTask")
        .at("/Properties/TaskInvocationParameters/MaintenanceWindowStepFunctionsParameters/Input").asText())
        .isEqualTo("{\"instanceId\":\"{{TARGET_ID}}\"}");
    // Each execution is named after its task invocation, as AWS's own example does.
    assertThat(Templates.resource(template, "PatchWindowTask")
        .at("/Properties/TaskInvocationParameters/MaintenanceWindowStepFunctionsParameters/Name").asText())
        .isEqualTo("{{INVOCATION_ID}}");
    Expect.sameJson(Templates.resource(template, "PatchWindowTask").at("/Properties/MaxConcurrency"),
        "{\"Ref\": \"WindowMaxConcurrency\"}");
    Expect.sameJson(Templates.resource(template, "PatchWindowTask").at("/Properties/MaxErrors"),
        "{\"Ref\": \"WindowMaxErrors\"}");
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
  void anOptionalEbsKeyGetsExactlyTheGrantsEbsDocumentsAndNoneWhenEmpty() {
    Expect.sameJson(template.at("/Parameters/EbsKmsKeyArn"), """
        {"Type": "String", "Description": "ARN of the customer managed KMS key that encrypts the instances' EBS volumes; leave empty when they are unencrypted or use the AWS managed key aws/ebs",
         "Default": "", "AllowedPattern": "|arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+", "MaxLength": 2048,
         "ConstraintDescription": "empty, or a KMS key ARN: arn:aws:kms:REGION:ACCOUNT:key/KEY-ID"}""");
    Expect.sameJson(template.at("/Conditions"), """
        {"HasEbsKmsKey": {"Fn::Not": [{"Fn::Equals": [{"Ref": "EbsKmsKeyArn"}, ""]}]}}""");
    // A policy created only when the parameter is given: no grant on any key otherwise.
    Expect.sameJson(Templates.resource(template, "StateMachineHasEbsKmsKeyPolicy"), """
        {"Type": "AWS::IAM::Policy", "Condition": "HasEbsKmsKey",
         "Properties": {"PolicyName": "HasEbsKmsKey", "Roles": [{"Ref": "StateMachineRole"}],
           "PolicyDocument": {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": ["kms:CreateGrant"], "Resource": [{"Fn::Sub": "${EbsKmsKeyArn}"}],
              "Condition": {"Bool": {"kms:GrantIsForAWSResource": ["true"]}}},
             {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKeyWithoutPlaintext",
                "kms:ReEncryptFrom", "kms:ReEncryptTo"], "Resource": [{"Fn::Sub": "${EbsKmsKeyArn}"}]}]}}}""");
    assertThat(Templates.actions(template, "StateMachineRole")).contains("kms:CreateGrant");
    assertThat(Templates.resource(template, "StateMachineRole").toString()).doesNotContain("kms:");
    assertThat(template.toString()).doesNotContain("kms:*");
  }

  @Test
  void theLongestPollingTheParametersAllowFitsTheExecutionTimeout() {
    // No catcher sees States.Timeout: a started instance would be left running.
    long longestWait = Long.parseLong(maxOf("PollMaxSeconds"));
    long checks = Long.parseLong(maxOf("MaxReadyChecks")) + Long.parseLong(maxOf("MaxCommandChecks"));
    long timeout = Templates.resource(template, "StateMachine").at("/Properties/Definition/TimeoutSeconds").asLong();
    assertThat(checks * longestWait).isEqualTo(19_500);
    assertThat(timeout).isEqualTo(21_600);
    assertThat(timeout - checks * longestWait).isGreaterThanOrEqualTo(PatchInfrequentInstances.CALLS_MARGIN_SECONDS);
    // The integer parameters are text that admits only whole numbers of their range.
    Expect.sameJson(template.at("/Parameters/PollMaxSeconds"), """
        {"Type": "String", "Description": "The doubling waits stop growing here, 5 to 300; polling stays within the execution's 6 hours",
         "Default": "120", "AllowedPattern": "[5-9]|[1-9][0-9]|[1-2][0-9]{2}|300",
         "ConstraintDescription": "a whole number from 5 to 300"}""");
  }

  // The largest value (below 100,000) that a parameter's pattern admits.
  private String maxOf(String parameter) {
    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(
        template.at("/Parameters/" + parameter + "/AllowedPattern").asText());
    int largest = 99_999;
    while (largest > 0 && !pattern.matcher(Integer.toString(largest)).matches()) {
      largest--;
    }
    return Integer.toString(largest);
  }

  @Test
  void roleTouchesOnlyTaggedInstances() {
    String tagged = """
        {"Effect": "Allow", "Action": ["ec2:StartInstances", "ec2:StopInstances"],
         "Resource": [{"Fn::Sub": "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/*"}],
         "Condition": {"StringEquals": {"aws:ResourceTag/InfrequentPatching": [{"Fn::Sub": "${TargetTagValue}"}]}}}""";
    Expect.sameJson(Templates.statementFor(template, "StateMachineRole", "ec2:StartInstances"), tagged);
    Expect.sameJson(Templates.statementFor(template, "StateMachineRole", "ec2:StopInstances"), tagged);
    // SendCommand on an instance: Systems Manager's own tag key, as its examples use.
    assertThat(Templates.statements(template, "StateMachineRole").stream()
        .filter(statement -> statement.path("Action").toString().contains("ssm:SendCommand"))
        .map(statement -> statement.path("Condition").toString()))
        .containsExactlyInAnyOrder("",
            "{\"StringEquals\":{\"ssm:resourceTag/InfrequentPatching\":[{\"Fn::Sub\":\"${TargetTagValue}\"}]}}");
    assertThat(Templates.statements(template, "StateMachineRole").stream()
        .filter(statement -> statement.path("Action").toString().contains("ssm:SendCommand"))
        .map(statement -> statement.path("Resource").toString()))
        .containsExactlyInAnyOrder(
            "[{\"Fn::Sub\":\"arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/*\"}]",
            "[{\"Fn::Sub\":\"arn:${AWS::Partition}:ssm:${AWS::Region}::document/AWS-RunPatchBaseline\"}]");
    assertThat(Templates.actions(template, "StateMachineRole")).filteredOn(action -> !action.startsWith("logs:")
        && !action.startsWith("xray:") && !action.startsWith("kms:")).containsExactly(
        "ec2:DescribeInstances", "ec2:StartInstances", "ec2:StopInstances",
        "ssm:CancelCommand", "ssm:DescribeInstanceInformation", "ssm:GetCommandInvocation", "ssm:SendCommand");
    ReferenceWorkflowsTest.assertWildcardsOnlyWithReasons(template);
  }
}
