package io.statecraft.generator.cfn;

import static io.statecraft.generator.cfn.TemplateGeneratorTest.compile;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.json;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.passing;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.problems;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.template;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.workflow.Deployment;
import io.statecraft.dsl.workflow.MaintenanceWindow;
import io.statecraft.dsl.workflow.MaintenanceWindowTarget;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.dsl.workflow.VersionWeight;
import io.statecraft.generator.workflow.CompiledWorkflow;
import io.statecraft.generator.workflow.OutputFile;
import io.statecraft.generator.workflow.WorkflowCompiler;
import io.statecraft.testing.GoldenFile;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Versions, aliases with gradual deployments or a fixed routing, and encryption with a customer
 * managed key. The golden files are kept apart from {@code golden/cfn}: the resource specification
 * of cfn-check (117.0.0) predates AWS::StepFunctions::StateMachineVersion and StateMachineAlias
 * and the state machine's EncryptionConfiguration, so scripts/check-templates.sh cannot check them.
 */
class ReleaseTemplateTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/release");

  @Test
  void aVersionedAliasedWorkflowWithACanaryDeploymentMatchesTheGoldenFiles() {
    SampleWorkflows.ReleasedReport workflow = new SampleWorkflows.ReleasedReport();
    CompiledWorkflow compiled = WorkflowCompiler.compile(workflow);

    assertThat(problems(compiled)).isEmpty();
    Path folder = GOLDEN.resolve(workflow.id());
    GoldenFile.verify(folder.resolve("template.yaml"), compiled.files().get(OutputFile.TEMPLATE_YAML));
    GoldenFile.verify(folder.resolve("template.json"), compiled.files().get(OutputFile.TEMPLATE_JSON));
    JsonNode template = template(compiled);
    // A new version when, and only when, the state machine's revision changes.
    assertThat(template.at("/Resources/StateMachineVersion")).isEqualTo(json("""
        {"Type": "AWS::StepFunctions::StateMachineVersion", "Properties": {
          "StateMachineArn": {"Ref": "StateMachine"},
          "StateMachineRevisionId": {"Fn::GetAtt": ["StateMachine", "StateMachineRevisionId"]},
          "Description": "Published by the released-report stack"}}"""));
    assertThat(template.at("/Resources/StateMachineAlias")).isEqualTo(json("""
        {"Type": "AWS::StepFunctions::StateMachineAlias", "Properties": {"Name": "live",
          "DeploymentPreference": {"StateMachineVersionArn": {"Ref": "StateMachineVersion"}, "Type": "CANARY",
            "Percentage": 10, "Interval": 5, "Alarms": [{"Ref": "CanaryAlarmName"}]}}}"""));
    // The schedule starts the alias, and may start nothing else.
    assertThat(template.at("/Resources/DailySchedule/Properties/Target/Arn")).isEqualTo(json("""
        {"Ref": "StateMachineAlias"}"""));
    assertThat(template.at("/Resources/DailyScheduleRole/Properties/Policies/0/PolicyDocument/Statement")).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["states:StartExecution"], "Resource": [{"Fn::Sub": "${StateMachine}"}],
          "Condition": {"StringEquals": {"states:StateMachineQualifier": ["live"]}}}]"""));
    // Encrypted with the key the stack creates: the execution role may use it for this state
    // machine's data only, and for log delivery; the key lets CloudWatch Logs use it.
    assertThat(template.at("/Resources/StateMachine/Properties/EncryptionConfiguration")).isEqualTo(json("""
        {"Type": "CUSTOMER_MANAGED_KMS_KEY", "KmsKeyId": {"Fn::GetAtt": ["WorkflowKey", "Arn"]},
         "KmsDataKeyReusePeriodSeconds": 300}"""));
    assertThat(template.at("/Resources/StateMachinePolicy/Properties/PolicyDocument/Statement")).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": [{"Fn::Sub": "${WorkflowKey.Arn}"}],
          "Condition": {"StringEquals": {"kms:EncryptionContext:aws:states:stateMachineArn": [{"Fn::Sub": "${StateMachine}"}]}}}]"""));
    assertThat(template.at("/Resources/StateMachineRole/Properties/Policies/0/PolicyDocument/Statement/0")).isEqualTo(json("""
        {"Effect": "Allow", "Action": ["kms:GenerateDataKey"], "Resource": [{"Fn::Sub": "${WorkflowKey.Arn}"}],
         "Condition": {"StringEquals": {"kms:EncryptionContext:SourceArn": [
           {"Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:*"}]}}}"""));
    assertThat(template.at("/Resources/StateMachineLogGroup/Properties/KmsKeyId")).isEqualTo(json("""
        {"Fn::GetAtt": ["WorkflowKey", "Arn"]}"""));
    assertThat(template.at("/Resources/WorkflowKey/Properties/KeyPolicy/Statement")).isEqualTo(json("""
        [{"Sid": "EnableIamPolicies", "Effect": "Allow",
          "Principal": {"AWS": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}}, "Action": "kms:*", "Resource": "*"},
         {"Sid": "AllowLogDeliveryToDecrypt", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"},
          "Action": "kms:Decrypt", "Resource": "*"},
         {"Sid": "AllowCloudWatchLogsForTheLogGroup", "Effect": "Allow",
          "Principal": {"Service": {"Fn::Sub": "logs.${AWS::Region}.amazonaws.com"}},
          "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"], "Resource": "*",
          "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": {"Fn::Sub":
            "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/vendedlogs/states/${AWS::StackName}-StateMachineLogGroup"}}}}]"""));
    // Starting an execution needs no KMS permission, so the schedule's role has none.
    assertThat(template.at("/Resources/DailyScheduleRole/Properties/Policies/0/PolicyDocument/Statement").size()).isEqualTo(1);
    assertThat(template.at("/Outputs/StateMachineAliasArn")).isEqualTo(json("""
        {"Description": "ARN of alias live", "Value": {"Ref": "StateMachineAlias"},
         "Export": {"Name": {"Fn::Sub": "${AWS::StackName}-StateMachineAliasArn"}}}"""));
  }

  @Test
  void withoutADeploymentTheAliasRoutesEverythingToTheNewVersion() {
    JsonNode template = template(compile(passing(Json.object().put("a", 1)).publishVersion().alias("live")));

    assertThat(template.at("/Resources/StateMachineAlias/Properties")).isEqualTo(json("""
        {"Name": "live", "RoutingConfiguration": [{"StateMachineVersionArn": {"Ref": "StateMachineVersion"}, "Weight": 100}]}"""));
    assertThat(template.at("/Resources/StateMachineVersion/Properties/Description").asText()).isEqualTo("Published by the stack");
  }

  @Test
  void linearAndAllAtOnceDeploymentsWriteOnlyTheirFields() {
    JsonNode linear = template(compile(passing(Json.object().put("a", 1)).publishVersion().alias("live")
        .deployment(Deployment.linear(20, Duration.ofMinutes(10)))));
    JsonNode atOnce = template(compile(passing(Json.object().put("a", 1)).publishVersion().alias("live")
        .deployment(Deployment.allAtOnce().alarms(TemplateValue.of("ExecutionsFailed")))));

    assertThat(linear.at("/Resources/StateMachineAlias/Properties/DeploymentPreference")).isEqualTo(json("""
        {"StateMachineVersionArn": {"Ref": "StateMachineVersion"}, "Type": "LINEAR", "Percentage": 20, "Interval": 10}"""));
    assertThat(atOnce.at("/Resources/StateMachineAlias/Properties/DeploymentPreference")).isEqualTo(json("""
        {"StateMachineVersionArn": {"Ref": "StateMachineVersion"}, "Type": "ALL_AT_ONCE", "Alarms": ["ExecutionsFailed"]}"""));
  }

  @Test
  void aMaintenanceWindowStartsTheAliasToo() {
    // Systems Manager calls StartExecution with the task's ARN, which may be an alias's; its role may
    // start that alias only, and describe the executions to report the task's status.
    JsonNode template = template(compile(passing(Json.object().put("a", 1)).publishVersion().alias("live")
        .triggers(MaintenanceWindow.named("Window").schedule("cron(0 3 ? * SUN *)").durationHours(2).cutoffHours(1)
            .target(MaintenanceWindowTarget.named("Targets").instancesTagged("Patch", TemplateValue.of("yes")))
            .taskInput(Json.object().put("id", MaintenanceWindow.TARGET_ID).build()))));

    assertThat(template.at("/Resources/WindowTask/Properties/TaskArn")).isEqualTo(json("{\"Ref\": \"StateMachineAlias\"}"));
    assertThat(template.at("/Resources/WindowRole/Properties/Policies/0/PolicyDocument/Statement")).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["states:StartExecution"], "Resource": [{"Fn::Sub": "${StateMachine}"}],
          "Condition": {"StringEquals": {"states:StateMachineQualifier": ["live"]}}},
         {"Effect": "Allow", "Action": ["states:DescribeExecution"], "Resource": [{"Fn::Sub":
          "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:${StateMachine.Name}:*"}]}]"""));
  }

  @Test
  void routingSplitsTheAliasBetweenThePublishedVersionAndAPreviousOne() {
    Parameter previous = Parameter.string("PreviousVersionArn").description("The version that keeps 10% of the executions");
    JsonNode template = template(compile(passing(Json.object().put("a", 1)).publishVersion().alias("live")
        .routing(previous, 10)));

    assertThat(template.at("/Resources/StateMachineAlias/Properties")).isEqualTo(json("""
        {"Name": "live", "RoutingConfiguration": [
          {"StateMachineVersionArn": {"Ref": "StateMachineVersion"}, "Weight": 90},
          {"StateMachineVersionArn": {"Ref": "PreviousVersionArn"}, "Weight": 10}]}"""));
    assertThat(template.at("/Parameters/PreviousVersionArn/Type").asText()).isEqualTo("String");
  }

  @Test
  void routingWeightsVersionsAndADeploymentBesideItAreReported() {
    Parameter previous = Parameter.string("PreviousVersionArn");
    Parameter older = Parameter.string("OlderVersionArn");
    CompiledWorkflow threeVersions = compile(passing(Json.object().put("a", 1)).publishVersion().alias("live")
        .routing(VersionWeight.publishedVersion(50), VersionWeight.version(previous, 30), VersionWeight.version(older, 20)));
    CompiledWorkflow badWeights = compile(passing(Json.object().put("a", 1)).publishVersion().alias("live")
        .routing(VersionWeight.publishedVersion(110), VersionWeight.version(TemplateValue.of(
            "arn:aws:states:eu-west-1:111122223333:stateMachine:report"), -10)));
    CompiledWorkflow sameTwice = compile(passing(Json.object().put("a", 1)).publishVersion().alias("live")
        .routing(VersionWeight.publishedVersion(50), VersionWeight.publishedVersion(50)));
    CompiledWorkflow withDeployment = compile(passing(Json.object().put("a", 1)).publishVersion().alias("live")
        .routing(previous, 10).deployment(Deployment.allAtOnce()));
    CompiledWorkflow withoutAlias = compile(passing(Json.object().put("a", 1)).publishVersion().routing(previous, 10));

    assertThat(problems(threeVersions)).containsExactly(
        "ERROR INVALID_ROUTING /Resources/StateMachineAlias/Properties/RoutingConfiguration: an alias routes to at "
            + "most 2 versions, not 3; keep the published version and one other");
    assertThat(problems(badWeights)).containsExactly(
        "ERROR INVALID_ROUTING /Resources/StateMachineAlias/Properties/RoutingConfiguration/0/Weight: a version's weight "
            + "is a percentage from 0 to 100, not 110",
        "ERROR INVALID_ROUTING /Resources/StateMachineAlias/Properties/RoutingConfiguration/1/StateMachineVersionArn: "
            + "'arn:aws:states:eu-west-1:111122223333:stateMachine:report' is not a state machine version ARN "
            + "(arn:aws:states:REGION:ACCOUNT:stateMachine:NAME:N); give a version's ARN, usually as a parameter",
        "ERROR INVALID_ROUTING /Resources/StateMachineAlias/Properties/RoutingConfiguration/1/Weight: a version's weight "
            + "is a percentage from 0 to 100, not -10");
    assertThat(problems(sameTwice)).containsExactly(
        "ERROR INVALID_ROUTING /Resources/StateMachineAlias/Properties/RoutingConfiguration/1/StateMachineVersionArn: "
            + "the routing names the published version twice; route to two different versions, or to one with weight 100");
    assertThat(problems(withDeployment)).containsExactly(
        "ERROR INVALID_ROUTING /Resources/StateMachineAlias/Properties/RoutingConfiguration: alias 'live' has both a "
            + "routing and a deployment, which CloudFormation rejects; keep .routing(...) for a fixed split or "
            + ".deployment(...) to move to each new version");
    assertThat(problems(withoutAlias)).containsExactly(
        "ERROR INVALID_ROUTING /Resources/StateMachineAlias: routing splits an alias's executions between versions, but "
            + "the workflow has no alias; add .alias(\"live\") (and .publishVersion())");
  }

  @Test
  void weightsThatDoNotAddUpTo100AreReported() {
    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).publishVersion().alias("live")
        .routing(VersionWeight.publishedVersion(80), VersionWeight.version(Parameter.string("PreviousVersionArn"), 10)));

    assertThat(problems(compiled)).containsExactly(
        "ERROR INVALID_ROUTING /Resources/StateMachineAlias/Properties/RoutingConfiguration: the routing's weights add "
            + "up to 90, but Step Functions needs them to add up to 100; adjust the percentages");
  }

  @Test
  void aliasNamesDeploymentFieldsAndMissingPartsAreReported() {
    CompiledWorkflow badName = compile(passing(Json.object().put("a", 1)).publishVersion().alias("123")
        .deployment(Deployment.canary(100, Duration.ofSeconds(90))));
    CompiledWorkflow noVersion = compile(passing(Json.object().put("a", 1)).alias("live"));
    CompiledWorkflow noAlias = compile(passing(Json.object().put("a", 1)).publishVersion()
        .deployment(Deployment.linear(0, Duration.ofMinutes(2101))));

    assertThat(problems(badName)).containsExactly(
        "ERROR INVALID_DEPLOYMENT /Resources/StateMachineAlias/Properties/DeploymentPreference/Interval: the interval "
            + "between steps is whole minutes from 1 to 2100, not PT1M30S; use Duration.ofMinutes(n)",
        "ERROR INVALID_DEPLOYMENT /Resources/StateMachineAlias/Properties/DeploymentPreference/Percentage: a CANARY "
            + "deployment shifts 1 to 99 percent of executions at a time, not 100",
        "ERROR INVALID_ALIAS /Resources/StateMachineAlias/Properties/Name: alias name '123' must be 1 to 80 letters, "
            + "digits, _, - and ., and not only digits (those name versions)");
    assertThat(problems(noVersion)).containsExactly(
        "ERROR INVALID_ALIAS /Resources/StateMachineAlias: alias 'live' points at a published version, but the workflow "
            + "publishes none; add .publishVersion()");
    assertThat(problems(noAlias)).containsExactly(
        "ERROR INVALID_ALIAS /Resources/StateMachineAlias: a deployment moves an alias, but the workflow has none; "
            + "add .alias(\"live\") (and .publishVersion())");
  }
}
