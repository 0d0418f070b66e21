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
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.generator.workflow.CompiledWorkflow;
import io.statecraft.generator.workflow.OutputFile;
import io.statecraft.generator.workflow.WorkflowCompiler;
import io.statecraft.testing.GoldenFile;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Versions, aliases and gradual deployments. The golden files are kept apart from
 * {@code golden/cfn}: the resource specification of cfn-check (117.0.0) predates
 * AWS::StepFunctions::StateMachineVersion and StateMachineAlias, so scripts/check-templates.sh
 * cannot check them.
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
  void aMaintenanceWindowStillStartsTheStateMachineItself() {
    // Its task names the state machine (TaskArn); a grant narrowed to the alias would deny it.
    JsonNode template = template(compile(passing(Json.object().put("a", 1)).publishVersion().alias("live")
        .triggers(MaintenanceWindow.named("Window").schedule("cron(0 3 ? * SUN *)").durationHours(2).cutoffHours(1)
            .target(MaintenanceWindowTarget.named("Targets").instancesTagged("Patch", TemplateValue.of("yes")))
            .taskInput(Json.object().put("id", MaintenanceWindow.TARGET_ID).build()))));

    assertThat(template.at("/Resources/WindowTask/Properties/TaskArn")).isEqualTo(json("{\"Ref\": \"StateMachine\"}"));
    assertThat(template.at("/Resources/WindowRole/Properties/Policies/0/PolicyDocument/Statement/0/Condition").isMissingNode())
        .isTrue();
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
