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
import io.statecraft.dsl.workflow.HttpConnection;
import io.statecraft.dsl.workflow.Output;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.SqsQueue;
import io.statecraft.dsl.workflow.TemplateCondition;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.generator.workflow.CompiledWorkflow;
import org.junit.jupiter.api.Test;

class TemplateConditionsTest {

  static final Parameter KEY = Parameter.string("KeyArn").defaultValue("");
  static final Parameter FORMAT = Parameter.string("Format").allowedValues("A", "B", "C").defaultValue("A");
  static final TemplateCondition HAS_KEY = TemplateCondition.notEmpty("HasKey", KEY);
  static final TemplateCondition IS_A = TemplateCondition.equal("FormatIsA", FORMAT, "A");
  static final TemplateCondition IS_B = TemplateCondition.equal("FormatIsB", FORMAT, "B");

  @Test
  void conditionalGrantsGoInAPolicyCreatedOnlyUnderTheirCondition() {
    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).tracing(false)
        .permissions(HAS_KEY, IamStatement.allow("kms:Decrypt", "${KeyArn}"))
        .permissions(IamStatement.allow("sqs:SendMessage", "${AWS::AccountId}")));

    assertThat(problems(compiled)).isEmpty();
    JsonNode template = template(compiled);
    assertThat(template.get("Conditions")).isEqualTo(json("""
        {"HasKey": {"Fn::Not": [{"Fn::Equals": [{"Ref": "KeyArn"}, ""]}]}}"""));
    assertThat(template.at("/Parameters/KeyArn")).isEqualTo(json("""
        {"Type": "String", "Default": ""}"""));
    // In a policy of its own, created only under the condition: nothing is granted when it does not hold.
    assertThat(template.at("/Resources/StateMachineHasKeyPolicy")).isEqualTo(json("""
        {"Type": "AWS::IAM::Policy", "Properties": {"PolicyName": "HasKey",
           "PolicyDocument": {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": [{"Fn::Sub": "${KeyArn}"}]}]},
           "Roles": [{"Ref": "StateMachineRole"}]},
         "Condition": "HasKey"}"""));
    assertThat(template.at("/Resources/StateMachineRole/Properties/Policies/0/PolicyDocument/Statement")).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": [{"Fn::Sub": "${AWS::AccountId}"}]},
         {"Sid": "CloudWatchLogsDelivery", "Effect": "Allow", "Action": ["logs:CreateLogDelivery", "logs:DeleteLogDelivery",
            "logs:DescribeLogGroups", "logs:DescribeResourcePolicies", "logs:GetLogDelivery", "logs:ListLogDeliveries",
            "logs:PutResourcePolicy", "logs:UpdateLogDelivery"], "Resource": ["*"]}]"""));
  }

  @Test
  void valuesChooseWithFnIfAndCombinedConditionsNameTheirParts() {
    Parameter secret = Parameter.string("Secret").noEcho();
    TemplateCondition aOrB = TemplateCondition.anyOf("FormatIsAOrB", IS_A, IS_B);
    HttpConnection connection = HttpConnection.named("Hook")
        .apiKey("X-Secret", TemplateValue.when(IS_B, secret, TemplateValue.of("unused")))
        .secretQueryParameter("sig", TemplateValue.when(IS_A, secret));

    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).tracing(false)
        .resources(connection)
        .outputs(Output.named("Kind", TemplateValue.when(TemplateCondition.not("FormatIsC", TemplateCondition.allOf(
            "NeitherAOrB", TemplateCondition.not("NotAOrB", aOrB), IS_B)), TemplateValue.of("a or b"), TemplateValue.of("c")))));

    assertThat(problems(compiled)).isEmpty();
    JsonNode template = template(compiled);
    assertThat(template.get("Conditions")).isEqualTo(json("""
        {"FormatIsA": {"Fn::Equals": [{"Ref": "Format"}, "A"]},
         "FormatIsAOrB": {"Fn::Or": [{"Condition": "FormatIsA"}, {"Condition": "FormatIsB"}]},
         "FormatIsB": {"Fn::Equals": [{"Ref": "Format"}, "B"]},
         "FormatIsC": {"Fn::Not": [{"Condition": "NeitherAOrB"}]},
         "NeitherAOrB": {"Fn::And": [{"Condition": "NotAOrB"}, {"Condition": "FormatIsB"}]},
         "NotAOrB": {"Fn::Not": [{"Condition": "FormatIsAOrB"}]}}"""));
    assertThat(template.at("/Resources/Hook/Properties/AuthParameters")).isEqualTo(json("""
        {"ApiKeyAuthParameters": {"ApiKeyName": "X-Secret",
           "ApiKeyValue": {"Fn::If": ["FormatIsB", {"Ref": "Secret"}, "unused"]}},
         "InvocationHttpParameters": {"QueryStringParameters": [
           {"Fn::If": ["FormatIsA", {"Key": "sig", "Value": {"Ref": "Secret"}, "IsValueSecret": true},
             {"Ref": "AWS::NoValue"}]}]}}"""));
    assertThat(template.at("/Outputs/Kind/Value")).isEqualTo(json("""
        {"Fn::If": ["FormatIsC", "a or b", "c"]}"""));
  }

  @Test
  void aSecretChosenByAConditionMustStillBeNoEchoInOneCase() {
    Parameter plain = Parameter.string("Plain");
    HttpConnection connection = HttpConnection.named("Hook")
        .apiKey("X-Secret", TemplateValue.when(IS_B, plain, TemplateValue.of("unused")));

    assertThat(problems(compile(passing(Json.object().put("a", 1)).resources(connection)))).containsExactly(
        "ERROR SECRET_NOT_NOECHO /Resources/Hook/Properties/AuthParameters/ApiKeyAuthParameters/ApiKeyValue: the API "
            + "key of connection Hook is a secret chosen by condition FormatIsB: one case must be a NoEcho parameter, "
            + "and the other a NoEcho parameter, TemplateValue.noValue() or a literal that is no secret");
  }

  @Test
  void conditionalResourcesAreReferredToOnlyUnderTheirCondition() {
    Parameter queueArn = Parameter.string("ExistingQueueArn").defaultValue("");
    SqsQueue queue = SqsQueue.named("Extra");

    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).tracing(false)
        .resources(HAS_KEY, queue)
        .outputs(
            Output.named("Chosen", TemplateValue.when(HAS_KEY, queue.templateArn(), queueArn)),
            Output.named("Wrong", queue.templateArn())));

    assertThat(template(compiled).at("/Resources/Extra/Condition").asText()).isEqualTo("HasKey");
    assertThat(problems(compiled)).containsExactly(
        "ERROR CONDITIONAL_REFERENCE /Outputs/Wrong/Value/Fn::GetAtt: resource Extra is created only when condition "
            + "HasKey holds, but this refers to it whatever the condition; create this under HasKey too, or choose "
            + "with TemplateValue.when(HasKey, ..., ...)");
  }

  @Test
  void conditionsCloudFormationWouldRejectAreReported() {
    TemplateCondition one = TemplateCondition.anyOf("OnlyOne", IS_A);
    TemplateCondition clash = TemplateCondition.equal("FormatIsA", FORMAT, "a");

    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).tracing(false)
        .permissions(one, IamStatement.allow("kms:Decrypt", "${AWS::AccountId}"))
        .permissions(clash, IamStatement.allow("kms:Encrypt", "${AWS::AccountId}")));

    assertThat(problems(compiled)).containsExactly(
        "ERROR DUPLICATE_LOGICAL_ID /Conditions/FormatIsA: two different template conditions are named 'FormatIsA'; "
            + "create the TemplateCondition once and use it everywhere, or rename one",
        "ERROR INVALID_CONDITION /Conditions/OnlyOne/Fn::Or: Fn::Or takes 2 to 10 conditions, not 1; use the "
            + "condition itself");
  }
}
