package io.statecraft.generator.cfn;

import static io.statecraft.generator.cfn.TemplateGeneratorTest.compile;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.json;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.passing;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.problems;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.workflow.Encryption;
import io.statecraft.dsl.workflow.KmsKey;
import io.statecraft.dsl.workflow.LogGroup;
import io.statecraft.dsl.workflow.LogLevel;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.generator.workflow.CompiledWorkflow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A state machine that logs to a log group the stack does not create, given by its ARN as a parameter. */
class ExistingLogGroupTest {

  private static final String ARN = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/vendedlogs/states/orders:*";

  @Test
  void theStateMachineLogsToTheParameterAndTheStackCreatesNoLogGroup() {
    Parameter arn = Parameter.string("LogGroupArn").defaultValue(ARN);
    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1))
        .logging(LogLevel.ALL, true).logGroup(LogGroup.existing(arn)));

    assertThat(problems(compiled)).isEmpty();
    JsonNode template = template(compiled);
    assertThat(template.at("/Resources/StateMachine/Properties/LoggingConfiguration")).isEqualTo(json("""
        {"Level": "ALL", "IncludeExecutionData": true, "Destinations": [{"CloudWatchLogsLogGroup":
          {"LogGroupArn": {"Ref": "LogGroupArn"}}}]}"""));
    assertThat(template.at("/Parameters/LogGroupArn")).isEqualTo(json("{\"Type\": \"String\", \"Default\": \"" + ARN + "\"}"));
    List<String> types = new ArrayList<>();
    template.path("Resources").forEach(resource -> types.add(resource.path("Type").asText()));
    assertThat(types).doesNotContain("AWS::Logs::LogGroup");
    // Nothing keeps logs in this stack, so there is no retention to choose.
    assertThat(template.at("/Parameters").has("LogRetentionInDays")).isFalse();
    // The same log delivery grants as for a log group the stack creates: those actions take no resource.
    assertThat(template.at("/Resources/StateMachineRole/Properties/Policies/0/PolicyDocument/Statement")).isEqualTo(json("""
        [{"Sid": "CloudWatchLogsDelivery", "Effect": "Allow", "Action": ["logs:CreateLogDelivery", "logs:DeleteLogDelivery",
           "logs:DescribeLogGroups", "logs:DescribeResourcePolicies", "logs:GetLogDelivery", "logs:ListLogDeliveries",
           "logs:PutResourcePolicy", "logs:UpdateLogDelivery"], "Resource": ["*"]},
         {"Sid": "XRayTracing", "Effect": "Allow", "Action": ["xray:GetSamplingRules", "xray:GetSamplingTargets",
           "xray:PutTelemetryRecords", "xray:PutTraceSegments"], "Resource": ["*"]}]"""));
    assertThat(template.at("/Metadata/Statecraft::IamWildcards/StateMachineRole/CloudWatchLogsDelivery").asText())
        .isEqualTo(template(compile(passing(Json.object().put("a", 1))))
            .at("/Metadata/Statecraft::IamWildcards/StateMachineRole/CloudWatchLogsDelivery").asText())
        .isNotEmpty();
  }

  @Test
  void aDefaultWithoutTheLogStreamsSuffixOrNotALogGroupArnIsReported() {
    CompiledWorkflow withoutSuffix = compile(passing(Json.object().put("a", 1)).logGroup(LogGroup.existing(
        Parameter.string("LogGroupArn").defaultValue("arn:aws:logs:eu-west-1:123456789012:log-group:orders"))));
    CompiledWorkflow notALogGroup = compile(passing(Json.object().put("a", 1)).logGroup(LogGroup.existing(
        Parameter.string("LogsArn").defaultValue("arn:aws:sns:eu-west-1:123456789012:orders"))));
    CompiledWorkflow withoutDefault = compile(passing(Json.object().put("a", 1)).logGroup(LogGroup.existing(
        Parameter.string("LogGroupArn"))));

    assertThat(problems(withoutSuffix)).containsExactly(
        "ERROR INVALID_LOG_GROUP_ARN /Parameters/LogGroupArn/Default: the default of parameter LogGroupArn "
            + "('arn:aws:logs:eu-west-1:123456789012:log-group:orders') does not end in ':*', which Step Functions needs "
            + "of a log group ARN; write 'arn:aws:logs:eu-west-1:123456789012:log-group:orders:*'");
    assertThat(problems(notALogGroup)).containsExactly(
        "ERROR INVALID_LOG_GROUP_ARN /Parameters/LogsArn/Default: the default of parameter LogsArn "
            + "('arn:aws:sns:eu-west-1:123456789012:orders') is no CloudWatch Logs log group ARN; "
            + "give arn:${AWS::Partition}:logs:REGION:ACCOUNT:log-group:NAME:*");
    assertThat(problems(withoutDefault)).isEmpty();
  }

  @Test
  void encryptLogsIsReportedForAnExistingLogGroup() {
    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1))
        .logGroup(LogGroup.existing(Parameter.string("LogGroupArn")))
        .encryption(Encryption.with(KmsKey.named("WorkflowKey")).encryptLogs()));

    assertThat(problems(compiled)).containsExactly("ERROR INVALID_ENCRYPTION /Resources/StateMachine/Properties/"
        + "EncryptionConfiguration: encryptLogs() encrypts the log group the template creates for the state machine, but it "
        + "logs to the existing log group LogGroupArn; encrypt that log group where it is created, or drop encryptLogs()");
  }

  @Test
  void anExistingLogGroupKeepsItsOwnRetentionAndKey() {
    LogGroup existing = LogGroup.existing(Parameter.string("LogGroupArn"));

    assertThatThrownBy(() -> existing.retentionInDays(TemplateValue.of(30))).hasMessage(
        "log group LogGroupArn exists already, so the stack cannot set its retentionInDays; "
            + "set it where the log group is created, or use LogGroup.named(...)");
    assertThat(existing.templateArn()).isEqualTo(existing.existingArn());
  }
}
