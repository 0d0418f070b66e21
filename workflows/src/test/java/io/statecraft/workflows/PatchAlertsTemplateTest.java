package io.statecraft.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the patch-alerts template deploys: the webhook's secret, the role, the schedule. */
class PatchAlertsTemplateTest {

  final JsonNode template = Templates.template(new PatchAlerts());
  final JsonNode machine = Templates.resource(template, "StateMachine").path("Properties");

  @Test
  void webhookUrlIsCheckedAndUsedAlikeInDefinitionAndRole() {
    JsonNode url = template.at("/Parameters/WebhookUrl");
    Pattern allowed = Pattern.compile(url.path("AllowedPattern").asText());
    assertThat(allowed.matcher("https://prod-00.westeurope.logic.azure.com:443/workflows/0123abcd/triggers/manual/paths/invoke")
        .matches()).isTrue();
    // The query string goes in WebhookQuery and is sent as QueryParameters, so that the endpoint and
    // the exact-match states:HTTPEndpoint condition are the URL alone.
    assertThat(allowed.matcher("https://prod-00.westeurope.logic.azure.com:443/workflows/0123abcd/triggers/manual/paths/invoke"
        + "?api-version=2016-06-01").matches()).isFalse();
    Pattern query = Pattern.compile(template.at("/Parameters/WebhookQuery/AllowedPattern").asText());
    assertThat(query.matcher("api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0").matches()).isTrue();
    assertThat(query.matcher("").matches()).isTrue();
    assertThat(query.matcher("?api-version=1").matches()).isFalse();
    assertThat(query.matcher("a='x'").matches()).isFalse();
    assertThat(machine.at("/Definition/States/PostToWebhook/Arguments/QueryParameters").asText()).isEqualTo(
        "{% $webhookQuery = '' ? {} : $merge($split($webhookQuery, '&').{$decodeUrlComponent($substringBefore($, '=')): "
            + "$decodeUrlComponent($substringAfter($, '='))}) %}");
    assertThat(allowed.matcher("https://contoso.webhook.office.com/webhookb2/1f2e@3d4c/IncomingWebhook/5b6a/7d8e").matches()).isFalse();
    assertThat(allowed.matcher("https://contoso.webhook.office.com/webhookb2/1f2e%403d4c/IncomingWebhook/5b6a/7d8e").matches()).isTrue();
    assertThat(allowed.matcher("http://hooks.example.com/in").matches()).isFalse();

    assertThat(machine.at("/Definition/States/PostToWebhook/Arguments/ApiEndpoint").asText()).isEqualTo("${WebhookUrl}");
    Expect.sameJson(machine.at("/DefinitionSubstitutions/WebhookUrl"), "{\"Ref\": \"WebhookUrl\"}");
    Expect.sameJson(Templates.statementFor(template, "StateMachineRole", "states:InvokeHTTPEndpoint"), """
        {"Effect": "Allow", "Action": ["states:InvokeHTTPEndpoint"], "Resource": [{"Fn::Sub": "${StateMachine}"}],
         "Condition": {"StringEquals": {"states:HTTPEndpoint": [{"Fn::Sub": "${WebhookUrl}"}], "states:HTTPMethod": ["POST"]}}}""");
  }

  @Test
  void parametersAcceptOnlyWhatTheServicesAndTheDefinitionAccept() {
    Pattern secret = Pattern.compile(template.at("/Parameters/WebhookSecret/AllowedPattern").asText());
    assertThat(template.at("/Parameters/WebhookSecret/MaxLength").asInt()).isEqualTo(512);
    assertThat(secret.matcher("sKf3_2Jx-9Q%2Bz").matches()).isTrue();
    assertThat(secret.matcher("").matches()).isTrue();
    assertThat(secret.matcher("user:password").matches()).isFalse();
    assertThat(secret.matcher("line\nbreak").matches()).isFalse();
    Pattern tagKey = Pattern.compile(template.at("/Parameters/NameTagKey/AllowedPattern").asText());
    assertThat(tagKey.matcher("aws:cloudformation:stack-name").matches()).isTrue();
    assertThat(tagKey.matcher("Name \"quoted\"").matches()).isFalse();
    assertThat(tagKey.matcher("back\\slash").matches()).isFalse();
  }

  @Test
  void secretStaysInTheConnectionAndIsSentOnlyTheWayTheFormatsReceiverChecksIt() {
    assertThat(template.at("/Parameters/WebhookSecret/NoEcho").asBoolean()).isTrue();
    // Optional: Slack and Teams connector URLs carry their secret in the path.
    assertThat(template.at("/Parameters/WebhookSecret/Default").asText()).isEmpty();
    Expect.sameJson(template.at("/Conditions"), """
        {"SecretInHeader": {"Fn::Equals": [{"Ref": "MessageFormat"}, "GENERIC_JSON"]},
         "SecretInQuery": {"Fn::Equals": [{"Ref": "MessageFormat"}, "TEAMS_WORKFLOWS"]},
         "SecretNotInQuery": {"Fn::Not": [{"Condition": "SecretInQuery"}]}}""");
    assertThat(machine.path("DefinitionSubstitutions").has("WebhookSecret")).isFalse();
    assertThat(machine.path("Definition").toString()).doesNotContain("WebhookSecret");
    // One connection per way of sending the secret; the stack creates the one the format needs.
    // The API key header is always sent, so it carries the secret for GENERIC_JSON only.
    Expect.sameJson(Templates.resource(template, "WebhookConnection"), """
        {"Type": "AWS::Events::Connection", "Condition": "SecretNotInQuery",
         "Properties": {
           "Description": "Holds the webhook's secret so that it stays out of the definition, the role and the history",
           "AuthorizationType": "API_KEY",
           "AuthParameters": {"ApiKeyAuthParameters": {"ApiKeyName": "X-Webhook-Secret",
             "ApiKeyValue": {"Fn::If": ["SecretInHeader", {"Ref": "WebhookSecret"}, "unused"]}}}}}""");
    Expect.sameJson(Templates.resource(template, "SignedWebhookConnection"), """
        {"Type": "AWS::Events::Connection", "Condition": "SecretInQuery",
         "Properties": {
           "Description": "Holds the webhook's sig query parameter so that it stays out of the definition, the role and the history",
           "AuthorizationType": "API_KEY",
           "AuthParameters": {
             "ApiKeyAuthParameters": {"ApiKeyName": "X-Webhook-Secret",
               "ApiKeyValue": {"Fn::If": ["SecretInHeader", {"Ref": "WebhookSecret"}, "unused"]}},
             "InvocationHttpParameters": {"QueryStringParameters": [
               {"Key": "sig", "Value": {"Ref": "WebhookSecret"}, "IsValueSecret": true}]}}}}""");
    assertThat(machine.at("/Definition/States/PostToWebhook/Arguments/Authentication/ConnectionArn").asText())
        .isEqualTo("${PostConnectionArn}");
    Expect.sameJson(machine.at("/DefinitionSubstitutions/PostConnectionArn"), """
        {"Fn::If": ["SecretInQuery", {"Fn::GetAtt": ["SignedWebhookConnection", "Arn"]},
          {"Fn::GetAtt": ["WebhookConnection", "Arn"]}]}""");
    assertThat(template.path("Resources").findValuesAsText("Type")).doesNotContain("AWS::SecretsManager::Secret");
  }

  @Test
  void eachConnectionsCredentialsAreGrantedOnlyUnderItsCondition() {
    Expect.sameJson(Templates.resource(template, "StateMachineSecretInQueryPolicy"), """
        {"Type": "AWS::IAM::Policy", "Condition": "SecretInQuery",
         "Properties": {"PolicyName": "SecretInQuery", "Roles": [{"Ref": "StateMachineRole"}],
           "PolicyDocument": {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": ["events:RetrieveConnectionCredentials"],
              "Resource": [{"Fn::Sub": "${SignedWebhookConnection.Arn}"}]},
             {"Effect": "Allow", "Action": ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"],
              "Resource": [{"Fn::Sub": "${SignedWebhookConnection.SecretArn}"}]}]}}}""");
    Expect.sameJson(Templates.resource(template, "StateMachineSecretNotInQueryPolicy"), """
        {"Type": "AWS::IAM::Policy", "Condition": "SecretNotInQuery",
         "Properties": {"PolicyName": "SecretNotInQuery", "Roles": [{"Ref": "StateMachineRole"}],
           "PolicyDocument": {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": ["events:RetrieveConnectionCredentials"],
              "Resource": [{"Fn::Sub": "${WebhookConnection.Arn}"}]},
             {"Effect": "Allow", "Action": ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"],
              "Resource": [{"Fn::Sub": "${WebhookConnection.SecretArn}"}]}]}}}""");
  }

  @Test
  void roleGrantsOnlyWhatTheStatesCall() {
    assertThat(Templates.actions(template, "StateMachineRole")).containsExactly(
        "ec2:DescribeInstances", "events:RetrieveConnectionCredentials",
        "logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:DescribeLogGroups", "logs:DescribeResourcePolicies",
        "logs:GetLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:UpdateLogDelivery",
        "secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "ssm:ListResourceComplianceSummaries",
        "states:InvokeHTTPEndpoint",
        "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:PutTelemetryRecords", "xray:PutTraceSegments");
    assertThat(Templates.actions(template, "AlertScheduleRole")).containsExactly("sqs:SendMessage", "states:StartExecution");
    Expect.sameJson(Templates.statementFor(template, "AlertScheduleRole", "states:StartExecution").path("Resource"),
        "[{\"Fn::Sub\": \"${StateMachine}\"}]");
    Expect.sameJson(Templates.statementFor(template, "AlertScheduleRole", "sqs:SendMessage").path("Resource"),
        "[{\"Fn::Sub\": \"${AlertScheduleDeadLetterQueue.Arn}\"}]");
    // The Scheduler assumes the role as its schedule group; a condition on a schedule ARN denies it.
    Expect.sameJson(Templates.resource(template, "AlertScheduleRole").at("/Properties/AssumeRolePolicyDocument/Statement/0/Condition"), """
        {"StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}},
         "ArnEquals": {"aws:SourceArn": {"Fn::Sub": "arn:${AWS::Partition}:scheduler:${AWS::Region}:${AWS::AccountId}:schedule-group/default"}}}""");
    ReferenceWorkflowsTest.assertWildcardsOnlyWithReasons(template);
  }

  @Test
  void runsThatCannotStartAreRetriedForSixHoursThenKeptInAnEncryptedQueue() {
    Expect.sameJson(Templates.resource(template, "AlertSchedule").at("/Properties/Target"), """
        {"Arn": {"Ref": "StateMachine"}, "RoleArn": {"Fn::GetAtt": ["AlertScheduleRole", "Arn"]},
         "RetryPolicy": {"MaximumEventAgeInSeconds": 21600, "MaximumRetryAttempts": 185},
         "DeadLetterConfig": {"Arn": {"Fn::GetAtt": ["AlertScheduleDeadLetterQueue", "Arn"]}}}""");
    Expect.sameJson(Templates.resource(template, "AlertScheduleDeadLetterQueue"), """
        {"Type": "AWS::SQS::Queue", "Properties": {"MessageRetentionPeriod": 1209600, "SqsManagedSseEnabled": true}}""");
    Expect.sameJson(template.at("/Outputs/DeadLetterQueueUrl/Value"), "{\"Ref\": \"AlertScheduleDeadLetterQueue\"}");
  }

  @Test
  void scheduleHasExpressionAndTimeZoneParameters() {
    JsonNode schedule = Templates.resource(template, "AlertSchedule").path("Properties");
    Expect.sameJson(schedule.path("ScheduleExpression"), "{\"Ref\": \"ScheduleExpression\"}");
    Expect.sameJson(schedule.path("ScheduleExpressionTimezone"), "{\"Ref\": \"ScheduleTimeZone\"}");
    assertThat(template.at("/Parameters/ScheduleExpression/Default").asText()).isEqualTo("cron(0 8 ? * MON *)");
    assertThat(template.at("/Parameters/ScheduleTimeZone/Default").asText()).isEqualTo("Etc/UTC");
    assertThat(template.at("/Parameters/MessageFormat/AllowedValues").toString())
        .isEqualTo("[\"TEAMS_WORKFLOWS\",\"TEAMS_CONNECTOR\",\"SLACK\",\"GENERIC_JSON\"]");
  }
}
