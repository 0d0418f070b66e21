package io.statecraft.generator.cfn;

import static io.statecraft.generator.cfn.TemplateGeneratorTest.compile;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.json;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.passing;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.problems;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.template;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.workflow.Encryption;
import io.statecraft.dsl.workflow.EventRule;
import io.statecraft.dsl.workflow.KmsKey;
import io.statecraft.dsl.workflow.LogGroup;
import io.statecraft.dsl.workflow.LogLevel;
import io.statecraft.dsl.workflow.MaintenanceWindow;
import io.statecraft.dsl.workflow.MaintenanceWindowTarget;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.StateMachineRef;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.dsl.workflow.WorkflowSpec;
import io.statecraft.generator.workflow.CompiledWorkflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A workflow encrypted with a customer managed key, and callers of one: what the template holds
 * and what each role is granted, as the Step Functions developer guide's "Data at rest encryption"
 * page documents it. The golden release template shows a created key with log encryption.
 */
class EncryptionTemplateTest {

  private static final String ROLE_STATEMENTS = "/Resources/StateMachineRole/Properties/Policies/0/PolicyDocument/Statement";
  private static final String SELF_STATEMENTS = "/Resources/StateMachinePolicy/Properties/PolicyDocument/Statement";

  @Test
  void anExistingKeyIsNamedByItsParameterAndOnlyGrantedOnItsArn() {
    Parameter keyArn = Parameter.string("WorkflowKeyArn");
    JsonNode template = template(compile(passing(Json.object().put("a", 1)).logging(LogLevel.OFF, false).tracing(false)
        .encryption(Encryption.with(KmsKey.existing(keyArn)).dataKeyReusePeriod(Duration.ofSeconds(60)))));

    assertThat(template.at("/Resources/StateMachine/Properties/EncryptionConfiguration")).isEqualTo(json("""
        {"Type": "CUSTOMER_MANAGED_KMS_KEY", "KmsKeyId": {"Ref": "WorkflowKeyArn"}, "KmsDataKeyReusePeriodSeconds": 60}"""));
    // Without logging, only the executions' own grant, in the state machine's encryption context;
    // it names the state machine, so it is attached after the state machine exists.
    assertThat(template.at(SELF_STATEMENTS)).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": [{"Fn::Sub": "${WorkflowKeyArn}"}],
          "Condition": {"StringEquals": {"kms:EncryptionContext:aws:states:stateMachineArn": [{"Fn::Sub": "${StateMachine}"}]}}}]"""));
    assertThat(template.at(ROLE_STATEMENTS).isMissingNode()).isTrue();
    assertThat(template.at("/Resources").fieldNames()).toIterable()
        .containsExactly("StateMachine", "StateMachineRole", "StateMachinePolicy");
  }

  @Test
  void aCreatedKeyListedAsAResourceIsWrittenOnceAndWithoutLogEncryptionAllowsOnlyLogDelivery() {
    KmsKey key = KmsKey.named("WorkflowKey");
    JsonNode template = template(compile(passing(Json.object().put("a", 1)).tracing(false).resources(key).encryption(key)));

    assertThat(template.at("/Resources/StateMachine/Properties/EncryptionConfiguration")).isEqualTo(json("""
        {"Type": "CUSTOMER_MANAGED_KMS_KEY", "KmsKeyId": {"Fn::GetAtt": ["WorkflowKey", "Arn"]}}"""));
    assertThat(template.at("/Resources/WorkflowKey/Properties/KeyPolicy/Statement/1")).isEqualTo(json("""
        {"Sid": "AllowLogDeliveryToDecrypt", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"},
         "Action": "kms:Decrypt", "Resource": "*"}"""));
    assertThat(template.at("/Resources/WorkflowKey/Properties/KeyPolicy/Statement").size()).isEqualTo(2);
    assertThat(template.at("/Resources/StateMachineLogGroup/Properties/KmsKeyId").isMissingNode()).isTrue();
    assertThat(template.at("/Metadata/Statecraft::IamWildcards/WorkflowKey/AllowLogDeliveryToDecrypt").asText())
        .startsWith("in a key policy, * is this key");
  }

  @Test
  void reusePeriodsOutsideTheLimitsAndLogEncryptionWithoutTheTemplatesLogGroupAreReported() {
    KmsKey key = KmsKey.named("WorkflowKey");
    CompiledWorkflow tooShort = compile(passing(Json.object().put("a", 1))
        .encryption(Encryption.with(key).dataKeyReusePeriod(Duration.ofSeconds(59))));
    CompiledWorkflow fractional = compile(passing(Json.object().put("a", 1))
        .encryption(Encryption.with(key).dataKeyReusePeriod(Duration.ofMillis(90_500))));
    CompiledWorkflow tooLong = compile(passing(Json.object().put("a", 1))
        .encryption(Encryption.with(key).dataKeyReusePeriod(Duration.ofMinutes(16))));
    CompiledWorkflow logsOff = compile(passing(Json.object().put("a", 1)).logging(LogLevel.OFF, false)
        .encryption(Encryption.with(key).encryptLogs()));
    CompiledWorkflow ownLogGroup = compile(passing(Json.object().put("a", 1)).logGroup(LogGroup.named("Logs"))
        .encryption(Encryption.with(key).encryptLogs()));

    String reuse = "ERROR INVALID_ENCRYPTION /Resources/StateMachine/Properties/EncryptionConfiguration/"
        + "KmsDataKeyReusePeriodSeconds: Step Functions reuses a data key for whole seconds from 60 to 900, not ";
    String fix = "; use Duration.ofSeconds(n) or Duration.ofMinutes(1 to 15)";
    assertThat(problems(tooShort)).containsExactly(reuse + "PT59S" + fix);
    assertThat(problems(fractional)).containsExactly(reuse + "PT1M30.5S" + fix);
    assertThat(problems(tooLong)).containsExactly(reuse + "PT16M" + fix);
    assertThat(problems(logsOff)).containsExactly(
        "ERROR INVALID_ENCRYPTION /Resources/StateMachine/Properties/EncryptionConfiguration: encryptLogs() encrypts "
            + "the state machine's log group, but logging is OFF; log with WorkflowSpec.logging(...) or drop encryptLogs()");
    assertThat(problems(ownLogGroup)).containsExactly(
        "ERROR INVALID_ENCRYPTION /Resources/StateMachine/Properties/EncryptionConfiguration: encryptLogs() encrypts "
            + "the log group the template creates for the state machine, but it logs to Logs; give that LogGroup "
            + ".kmsKeyArn(key.templateArn()) and allow CloudWatch Logs in the key's policy, or drop encryptLogs()");
  }

  @Test
  void triggersThatOnlyStartNeedNoKeyButAMaintenanceWindowThatDescribesDecrypts() {
    // StartExecution needs no KMS permission; DescribeExecution, which a window's task calls to
    // report its status, needs kms:Decrypt ("Required permissions for API callers").
    KmsKey key = KmsKey.existing(Parameter.string("WorkflowKeyArn"));
    JsonNode template = template(compile(passing(Json.object().put("a", 1)).encryption(key).triggers(
        EventRule.named("Nightly").schedule("cron(0 2 * * ? *)"),
        MaintenanceWindow.named("Window").schedule("cron(0 3 ? * SUN *)").durationHours(2).cutoffHours(1)
            .target(MaintenanceWindowTarget.named("Targets").instancesTagged("Patch", TemplateValue.of("yes")))
            .taskInput(Json.object().put("id", MaintenanceWindow.TARGET_ID).build()))));

    assertThat(template.at("/Resources/NightlyRole/Properties/Policies/0/PolicyDocument/Statement")).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["states:StartExecution"], "Resource": [{"Fn::Sub": "${StateMachine}"}]}]"""));
    assertThat(template.at("/Resources/WindowRole/Properties/Policies/0/PolicyDocument/Statement")).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["states:StartExecution"], "Resource": [{"Fn::Sub": "${StateMachine}"}]},
         {"Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": [{"Fn::Sub": "${WorkflowKeyArn}"}],
          "Condition": {"StringEquals": {"kms:EncryptionContext:aws:states:stateMachineArn": [{"Fn::Sub": "${StateMachine}"}]}}},
         {"Effect": "Allow", "Action": ["states:DescribeExecution"], "Resource": [{"Fn::Sub":
           "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:${StateMachine.Name}:*"}]}]"""));
  }

  @Test
  void anotherWorkflowStartsThisOneThroughItsAliasAndFollowsItsEncryptedExecutions() {
    // Step Functions authorizes a start through an alias on the state machine's ARN, narrowed by
    // states:StateMachineQualifier; following the executions of an encrypted one needs kms:Decrypt.
    StateMachineRef child = StateMachineRef.alias(Parameter.string("ChildAliasArn"))
        .kmsKey(KmsKey.existing(Parameter.string("ChildKeyArn")));
    List<IamStatement> grants = new ArrayList<>(child.startStatements());
    grants.addAll(child.followStatements());
    Task task = Task.named("StartChild").resource("arn:aws:states:::states:startExecution.sync:2")
        .parameters(Json.object().put("StateMachineArn", child.arn())).permissions(grants.toArray(IamStatement[]::new));
    CompiledWorkflow compiled = compile(WorkflowSpec.builder(StateMachine.startWith(task)).tracing(false)
        .logging(LogLevel.OFF, false).resources(child));

    assertThat(problems(compiled)).isEmpty();
    JsonNode template = template(compiled);
    String parts = """
        "ChildAliasArnPart1": {"Fn::Select": [1, {"Fn::Split": [":", {"Ref": "ChildAliasArn"}]}]},
        "ChildAliasArnPart3": {"Fn::Select": [3, {"Fn::Split": [":", {"Ref": "ChildAliasArn"}]}]},
        "ChildAliasArnPart4": {"Fn::Select": [4, {"Fn::Split": [":", {"Ref": "ChildAliasArn"}]}]},
        "ChildAliasArnPart6": {"Fn::Select": [6, {"Fn::Split": [":", {"Ref": "ChildAliasArn"}]}]}""";
    String unqualified = "arn:${ChildAliasArnPart1}:states:${ChildAliasArnPart3}:${ChildAliasArnPart4}:stateMachine:${ChildAliasArnPart6}";
    assertThat(template.at(ROLE_STATEMENTS)).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": [{"Fn::Sub": "${ChildKeyArn}"}],
          "Condition": {"StringEquals": {"kms:EncryptionContext:aws:states:stateMachineArn": [{"Fn::Sub": ["%s", {%s}]}]}}},
         {"Effect": "Allow", "Action": ["states:DescribeExecution", "states:StopExecution"], "Resource": [{"Fn::Sub": [
           "arn:${ChildAliasArnPart1}:states:${ChildAliasArnPart3}:${ChildAliasArnPart4}:execution:${ChildAliasArnPart6}:*", {%s}]}]},
         {"Effect": "Allow", "Action": ["states:StartExecution"], "Resource": [{"Fn::Sub": ["%s", {%s}]}],
          "Condition": {"StringEquals": {"states:StateMachineQualifier": [{"Fn::Sub": ["${ChildAliasArnPart7}",
            {"ChildAliasArnPart7": {"Fn::Select": [7, {"Fn::Split": [":", {"Ref": "ChildAliasArn"}]}]}}]}]}}}]"""
        .formatted(unqualified, parts, parts, unqualified, parts)));
  }
}
