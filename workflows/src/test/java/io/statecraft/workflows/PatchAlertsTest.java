package io.statecraft.workflows;

import static io.statecraft.testing.WorkflowAssertions.assertThat;
import static io.statecraft.workflows.Calls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.testing.Coverage;
import io.statecraft.testing.Execution;
import io.statecraft.testing.LocalExecutor;
import io.statecraft.testing.Mock;
import io.statecraft.testing.WorkflowCoverageExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * patch-alerts run offline: SSM and EC2 answer as their APIs do, the webhook is a Java handler.
 * The executor's context is account 123456789012 in us-east-1.
 */
@ExtendWith(WorkflowCoverageExtension.class)
class PatchAlertsTest {

  static final String WEB = "i-0a1b2c3d4e5f60718";
  static final String BATCH = "i-0b2c3d4e5f6071829";
  static final String DB = "i-0c3d4e5f607182930";
  static final String STOPPED = "i-0d4e5f60718293041";
  static final String URL = "https://prod-00.westeurope.logic.azure.com:443/workflows/0123abcd/triggers/manual/paths/invoke";
  static final String QUERY = "api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0";
  static final String CONNECTION = "arn:aws:events:us-east-1:123456789012:connection/patch-alerts-WebhookConnection/0f1e2d3c";

  final Calls calls = new Calls();

  LocalExecutor executor(String format) {
    return LocalExecutor.of(new PatchAlerts())
        .substitution("MessageFormat", format)
        .substitution("NameTagKey", "Name")
        .substitution("WebhookUrl", URL)
        .substitution("WebhookQuery", QUERY)
        .substitution("PostConnectionArn", CONNECTION);
  }

  // One page: two running non-compliant instances, a compliant one and an on-premises node.
  LocalExecutor onePage(String format) {
    return executor(format)
        .mock("ListPatchComplianceSummaries", calls.answering(summaries(null,
            summary(WEB, "NON_COMPLIANT"), summary(BATCH, "NON_COMPLIANT"), summary(DB, "COMPLIANT"),
            summary("mi-0123456789abcdef0", "NON_COMPLIANT"))))
        .mock("DescribeRunningInstances", calls.answering(reservations(
            instance(WEB, "running", "{\"Key\": \"Name\", \"Value\": \"web-1\"}, {\"Key\": \"env\", \"Value\": \"prod\"}"),
            instance(BATCH, "running", null))))
        .mock("PostToWebhook", calls.answering(httpOk()));
  }

  @Test
  void countsEveryInstanceButKeepsFewEnoughToStayUnder256KiB() {
    int pages = (PatchAlerts.KEPT_INSTANCES + 20) / PatchAlerts.PAGE_SIZE;
    String[] summaryPages = new String[pages];
    String[] instancePages = new String[pages];
    for (int page = 0; page < pages; page++) {
      String[] summaries = new String[PatchAlerts.PAGE_SIZE];
      String[] instances = new String[PatchAlerts.PAGE_SIZE];
      for (int i = 0; i < PatchAlerts.PAGE_SIZE; i++) {
        String id = "i-%017x".formatted(page * PatchAlerts.PAGE_SIZE + i);
        summaries[i] = summary(id, "NON_COMPLIANT");
        instances[i] = instance(id, "running", null);
      }
      summaryPages[page] = summaries(page + 1 < pages ? "page-" + (page + 1) : null, summaries);
      instancePages[page] = reservations(instances);
    }
    Execution execution = executor("GENERIC_JSON")
        .mock("ListPatchComplianceSummaries", calls.answering(summaryPages))
        .mock("DescribeRunningInstances", calls.answering(instancePages))
        .mock("PostToWebhook", calls.answering(httpOk()))
        .run("{}");

    assertThat(execution).succeeded().hasOutput("{\"nonCompliantInstances\": 520, \"webhookStatusCode\": 200}");
    JsonNode body = calls.only("PostToWebhook").get("RequestBody");
    assertThat(body.get("nonCompliantInstances").asInt()).isEqualTo(520);
    assertThat(body.get("instances")).hasSize(PatchAlerts.KEPT_INSTANCES);
  }

  @Test
  void postsTeamsWorkflowsCard() {
    Execution execution = onePage("TEAMS_WORKFLOWS").run("{}");

    assertThat(execution).succeeded()
        .hasOutput("{\"nonCompliantInstances\": 2, \"webhookStatusCode\": 200}")
        .hasPath("Configure", "ListPatchComplianceSummaries", "PageHasNonCompliantInstances", "DescribeRunningInstances",
            "MoreSummaryPages", "AnyNonCompliantInstances", "DescribeFindings", "ChooseMessageFormat",
            "BuildTeamsWorkflowsCard", "PostToWebhook", "Notified");
    Expect.sameJson(calls.only("ListPatchComplianceSummaries"), ("""
        {"Filters": [{"Key": "ComplianceType", "Values": ["Patch"], "Type": "EQUAL"}], "MaxResults": 20}"""));
    Expect.sameJson(calls.only("DescribeRunningInstances"), ("""
        {"Filters": [{"Name": "instance-id", "Values": ["%s", "%s"]},
                     {"Name": "instance-state-name", "Values": ["running"]}]}""".formatted(WEB, BATCH)));
    Expect.sameJson(calls.only("PostToWebhook"), ("""
        {"ApiEndpoint": "%s",
         "Method": "POST",
         "Authentication": {"ConnectionArn": "%s"},
         "Headers": {"Content-Type": "application/json"},
         "QueryParameters": {"api-version": "2016-06-01", "sp": "/triggers/manual/run", "sv": "1.0"},
         "RequestBody": {
           "type": "message",
           "attachments": [{
             "contentType": "application/vnd.microsoft.card.adaptive",
             "content": {
               "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
               "type": "AdaptiveCard",
               "version": "1.4",
               "body": [
                 {"type": "TextBlock", "text": "Patch compliance", "weight": "Bolder", "size": "Medium", "wrap": true},
                 {"type": "TextBlock", "text": "2 running EC2 instances are not compliant with the patch baseline in account 123456789012 (us-east-1)", "wrap": true},
                 {"type": "FactSet", "facts": [{"title": "%s", "value": "%s"}, {"title": "web-1", "value": "%s"}]}
               ]}}]}}""".formatted(URL, CONNECTION, BATCH, BATCH, WEB)));
  }

  @Test
  void postsConnectorText() {
    Execution execution = onePage("TEAMS_CONNECTOR").run("{}");

    assertThat(execution).succeeded().passedThrough("BuildTeamsConnectorText");
    Expect.sameJson(calls.payloads("PostToWebhook").get(0).get("RequestBody"), ("""
        {"title": "Patch compliance",
         "text": "2 running EC2 instances are not compliant with the patch baseline in account 123456789012 (us-east-1):\\n\\n- %s (%s)\\n\\n- web-1 (%s)"}"""
        .formatted(BATCH, BATCH, WEB)));
  }

  @Test
  void postsSlackText() {
    // A Slack URL has no query string: WebhookQuery is left empty, and no query parameter is sent.
    Execution execution = onePage("SLACK").substitution("WebhookQuery", "").run("{}");

    assertThat(execution).succeeded().passedThrough("BuildSlackText");
    Expect.sameJson(calls.payloads("PostToWebhook").get(0).get("RequestBody"), ("""
        {"text": "*Patch compliance*\\n2 running EC2 instances are not compliant with the patch baseline in account 123456789012 (us-east-1):\\n• %s (`%s`)\\n• web-1 (`%s`)"}"""
        .formatted(BATCH, BATCH, WEB)));
    Expect.sameJson(calls.payloads("PostToWebhook").get(0).get("QueryParameters"), "{}");
  }

  @Test
  void postsGenericJson() {
    Execution execution = onePage("GENERIC_JSON").run("{}");

    assertThat(execution).succeeded().passedThrough("BuildGenericJson");
    Expect.sameJson(calls.payloads("PostToWebhook").get(0).get("RequestBody"), ("""
        {"source": "statecraft.patch-alerts", "account": "123456789012", "region": "us-east-1",
         "nonCompliantInstances": 2,
         "instances": [{"instanceId": "%s", "name": "%s"}, {"instanceId": "%s", "name": "web-1"}]}"""
        .formatted(BATCH, BATCH, WEB)));
  }

  @Test
  void namesInstancesByTagElseById() {
    Execution execution = executor("GENERIC_JSON")
        .substitution("NameTagKey", "Hostname")
        .mock("ListPatchComplianceSummaries", calls.answering(summaries(null,
            summary(WEB, "NON_COMPLIANT"), summary(BATCH, "NON_COMPLIANT"))))
        .mock("DescribeRunningInstances", calls.answering(reservations(
            instance(WEB, "running", "{\"Key\": \"Name\", \"Value\": \"web-1\"}"),
            instance(BATCH, "running", "{\"Key\": \"Hostname\", \"Value\": \"batch.example.com\"}"))))
        .mock("PostToWebhook", calls.answering(httpOk()))
        .run("{}");

    assertThat(execution).succeeded();
    Expect.sameJson(calls.payloads("PostToWebhook").get(0).at("/RequestBody/instances"), ("""
        [{"instanceId": "%s", "name": "batch.example.com"}, {"instanceId": "%s", "name": "%s"}]"""
        .formatted(BATCH, WEB, WEB)));
  }

  @Test
  void pagesThroughEverySummaryPage() {
    Execution execution = executor("GENERIC_JSON")
        .mock("ListPatchComplianceSummaries", calls.answering(
            summaries("AAEAAf1st", summary(WEB, "NON_COMPLIANT"), summary(DB, "COMPLIANT")),
            summaries("AAEAAg2nd", summary(STOPPED, "COMPLIANT")),
            summaries(null, summary(BATCH, "NON_COMPLIANT"))))
        .mock("DescribeRunningInstances", calls.answering(
            reservations(instance(WEB, "running", "{\"Key\": \"Name\", \"Value\": \"web-1\"}")),
            reservations(instance(BATCH, "running", "{\"Key\": \"Name\", \"Value\": \"batch-1\"}"))))
        .mock("PostToWebhook", calls.answering(httpOk()))
        .run("{}");

    assertThat(execution).succeeded().hasOutput("{\"nonCompliantInstances\": 2, \"webhookStatusCode\": 200}");
    assertThat(calls.payloads("ListPatchComplianceSummaries")).extracting(payload -> payload.path("NextToken").asText())
        .containsExactly("", "AAEAAf1st", "AAEAAg2nd");
    assertThat(calls.payloads("DescribeRunningInstances")).extracting(payload -> payload.at("/Filters/0/Values").toString())
        .containsExactly("[\"" + WEB + "\"]", "[\"" + BATCH + "\"]");
    Expect.sameJson(calls.payloads("PostToWebhook").get(0).at("/RequestBody/instances"), ("""
        [{"instanceId": "%s", "name": "batch-1"}, {"instanceId": "%s", "name": "web-1"}]""".formatted(BATCH, WEB)));
  }

  @Test
  void postsNothingWhenAllAreCompliant() {
    Execution execution = executor("TEAMS_WORKFLOWS")
        .mock("ListPatchComplianceSummaries", calls.answering(summaries(null,
            summary(WEB, "COMPLIANT"), summary(BATCH, "COMPLIANT"))))
        .run("{}");

    assertThat(execution).succeeded().hasOutput("{\"nonCompliantInstances\": 0}")
        .hasPath("Configure", "ListPatchComplianceSummaries", "PageHasNonCompliantInstances", "MoreSummaryPages",
            "AnyNonCompliantInstances", "AllCompliant");
  }

  @Test
  void postsNothingWhenNoNonCompliantInstanceIsRunning() {
    Execution execution = executor("TEAMS_WORKFLOWS")
        .mock("ListPatchComplianceSummaries", calls.answering(summaries(null, summary(STOPPED, "NON_COMPLIANT"))))
        .mock("DescribeRunningInstances", calls.answering("{\"Reservations\": []}"))
        .run("{}");

    assertThat(execution).succeeded().hasOutput("{\"nonCompliantInstances\": 0}").didNotPassThrough("PostToWebhook");
  }

  @Test
  void postsNothingWithoutManagedInstances() {
    Execution execution = executor("TEAMS_WORKFLOWS")
        .mock("ListPatchComplianceSummaries", calls.answering("{\"ResourceComplianceSummaryItems\": []}"))
        .run("{}");

    assertThat(execution).succeeded().hasOutput("{\"nonCompliantInstances\": 0}").didNotPassThrough("DescribeRunningInstances");
  }

  @Test
  void retriesThrottlingThenPosts() {
    Execution execution = onePage("TEAMS_WORKFLOWS")
        .mock("ListPatchComplianceSummaries", 1, Mock.error("Ssm.ThrottlingException", "Rate exceeded (Service: Ssm, Status Code: 400)"))
        .mock("DescribeRunningInstances", 1, Mock.error("Ec2.Ec2Exception",
            "Request limit exceeded. (Service: Ec2, Status Code: 503, Request ID: 5f2a)"))
        .mock("PostToWebhook", 1, Mock.error("States.Http.StatusCode.429", "Too Many Requests"))
        .mock("PostToWebhook", 2, Mock.error("States.Http.StatusCode.503", "Service Unavailable"))
        .run("{}");

    assertThat(execution).succeeded().hasOutput("{\"nonCompliantInstances\": 2, \"webhookStatusCode\": 200}");
    assertThat(execution.visits("PostToWebhook")).hasSize(1);
    assertThat(execution.history()).filteredOn(event -> event.type().equals("TaskFailed")).hasSize(4);
  }

  @Test
  void doesNotRetryAClientError() {
    Execution execution = onePage("TEAMS_WORKFLOWS")
        .mock("PostToWebhook", calls.failing("States.Http.StatusCode.404", "Not Found"))
        .run("{}");

    assertThat(execution).failed().hasError("States.Http.StatusCode.404", "Not Found").passedThrough("ReportFailure");
    assertThat(calls.calls("PostToWebhook")).hasSize(1);
  }

  @Test
  void failsVisiblyWhenSsmFails() {
    Execution execution = executor("TEAMS_WORKFLOWS")
        .mock("ListPatchComplianceSummaries", Mock.error("Ssm.SsmException",
            "User: arn:aws:sts::123456789012:assumed-role/patch-alerts-StateMachineRole/x is not authorized to perform: "
                + "ssm:ListResourceComplianceSummaries (Service: Ssm, Status Code: 400)"))
        .run("{}");

    assertThat(execution).failed()
        .hasError("Ssm.SsmException", "User: arn:aws:sts::123456789012:assumed-role/patch-alerts-StateMachineRole/x is not "
            + "authorized to perform: ssm:ListResourceComplianceSummaries (Service: Ssm, Status Code: 400)")
        .hasPath("Configure", "ListPatchComplianceSummaries", "ReportFailure");
  }

  @Test
  void failsVisiblyWhenEc2Fails() {
    Execution execution = onePage("TEAMS_WORKFLOWS")
        .mock("DescribeRunningInstances", calls.failing("Ec2.Ec2Exception", "You are not authorized to perform this operation."))
        .run("{}");

    assertThat(execution).failed().hasError("Ec2.Ec2Exception", "You are not authorized to perform this operation.")
        .passedThrough("ReportFailure");
    assertThat(calls.calls("DescribeRunningInstances")).hasSize(4);
  }

  @AfterAll
  static void coversEveryStateRuleAndCatcher(Coverage coverage) {
    Expect.everyItemExercised(coverage);
  }

  // --- responses shaped as the AWS APIs return them --------------------------------------------

  static String summaries(String nextToken, String... items) {
    return "{\"ResourceComplianceSummaryItems\": [" + String.join(", ", items) + "]"
        + (nextToken == null ? "" : ", \"NextToken\": \"" + nextToken + "\"") + "}";
  }

  static String summary(String resourceId, String status) {
    boolean compliant = status.equals("COMPLIANT");
    return """
        {"ComplianceType": "Patch", "ResourceType": "ManagedInstance", "ResourceId": "%s", "Status": "%s",
         "OverallSeverity": "%s",
         "ExecutionSummary": {"ExecutionTime": "2026-12-01T03:12:44.112Z", "ExecutionId": "8f0b2b8e-6f2c-4c3a-9b1e-2f6d1c0a9e11", "ExecutionType": "Command"},
         "CompliantSummary": {"CompliantCount": 41, "SeveritySummary": {"CriticalCount": 0, "HighCount": 0, "MediumCount": 0, "LowCount": 0, "InformationalCount": 0, "UnspecifiedCount": 41}},
         "NonCompliantSummary": {"NonCompliantCount": %d, "SeveritySummary": {"CriticalCount": %d, "HighCount": 0, "MediumCount": 0, "LowCount": 0, "InformationalCount": 0, "UnspecifiedCount": 0}}}"""
        .formatted(resourceId, status, compliant ? "UNSPECIFIED" : "CRITICAL", compliant ? 0 : 2, compliant ? 0 : 2);
  }

  static String reservations(String... instances) {
    return """
        {"Reservations": [{"ReservationId": "r-0f1e2d3c4b5a69788", "OwnerId": "123456789012", "Groups": [], "Instances": [%s]}]}"""
        .formatted(String.join(", ", instances));
  }

  static String instance(String id, String state, String tags) {
    int code = state.equals("running") ? 16 : state.equals("stopped") ? 80 : 0;
    return """
        {"InstanceId": "%s", "ImageId": "ami-0abcdef1234567890", "InstanceType": "t3.medium",
         "LaunchTime": "2026-11-30T07:58:12Z", "Placement": {"AvailabilityZone": "us-east-1a", "Tenancy": "default"},
         "PrivateIpAddress": "10.0.1.23", "State": {"Code": %d, "Name": "%s"}, "SubnetId": "subnet-0123456789abcdef0",
         "VpcId": "vpc-0123456789abcdef0", "PlatformDetails": "Linux/UNIX"%s}"""
        .formatted(id, code, state, tags == null ? "" : ", \"Tags\": [" + tags + "]");
  }

  static String httpOk() {
    return """
        {"Headers": {"Content-Type": ["text/plain; charset=utf-8"]}, "ResponseBody": "", "StatusCode": 200, "StatusText": "OK"}""";
  }
}
