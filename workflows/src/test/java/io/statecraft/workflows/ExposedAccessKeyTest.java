package io.statecraft.workflows;

import static io.statecraft.testing.WorkflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.generator.workflow.WorkflowCompiler;
import io.statecraft.testing.Coverage;
import io.statecraft.testing.Execution;
import io.statecraft.testing.LocalExecutor;
import io.statecraft.testing.Mock;
import io.statecraft.testing.TaskFailure;
import io.statecraft.testing.WorkflowCoverageExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * exposed-access-key run offline on AWS Health events, with IAM, CloudTrail and SNS answering as
 * their APIs do.
 */
@ExtendWith(WorkflowCoverageExtension.class)
class ExposedAccessKeyTest {

  static final String KEY_1 = "AKIAIOSFODNN7EXAMPLE";
  static final String KEY_2 = "AKIAI44QH8DHBEXAMPLE";
  static final String TEMPORARY = "ASIAJEXAMPLEXEG2JICEA";
  static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:exposed-access-key-AlertTopic-1QX2Z3Y4W5V6";
  static final String EVENT_ARN =
      "arn:aws:health:global::event/RISK/AWS_RISK_CREDENTIALS_EXPOSED/AWS_RISK_CREDENTIALS_EXPOSED_0123456789abcdef";
  static final String HEADER = "AWS Health reported AWS_RISK_CREDENTIALS_EXPOSED for account 123456789012.\n"
      + "Event: " + EVENT_ARN + "\n"
      + "Details: https://health.aws.amazon.com/health/home#/account/dashboard/open-issues\n\n";

  final Calls calls = new Calls();

  LocalExecutor executor(String keyAction) {
    return LocalExecutor.of(new ExposedAccessKey())
        .substitutions(Map.of("KeyAction", keyAction, "MaxActivityPages", 4, "AlertTopicArn", TOPIC))
        .mock("FindKeyOwner", calls.answeringBy("AccessKeyId", Map.of(KEY_1, lastUsed("alice"), KEY_2, lastUsed("bob"))))
        .mock("DeleteKey", calls.answering("{}"))
        .mock("DeactivateKey", calls.answering("{}"))
        .mock("LookUpKeyActivity", lookups(Map.of(KEY_1, List.of(eventsPage(null, EVENTS_OF_KEY_1)), KEY_2,
            List.of(eventsPage(null)))))
        .mock("NotifyKeyRemoved", calls.answering(published()))
        .mock("NotifySecurity", calls.answering(published()));
  }

  @Test
  void removesEveryKeyOfTheEvent() {
    Execution execution = executor("DELETE").run(healthEvent(KEY_1, KEY_2, TEMPORARY));

    assertThat(execution).succeeded().passedThrough("Remediated");
    assertThat(calls.payloads("DeleteKey")).hasSize(2);
    Expect.sameJson(calls.payloads("DeleteKey").get(0), "{\"UserName\": \"alice\", \"AccessKeyId\": \"" + KEY_1 + "\"}");
    Expect.sameJson(calls.payloads("DeleteKey").get(1), "{\"UserName\": \"bob\", \"AccessKeyId\": \"" + KEY_2 + "\"}");
    Expect.sameJson(calls.only("NotifySecurity"), json(Map.of(
        "TopicArn", TOPIC,
        "Subject", "Exposed IAM access key removed in account 123456789012",
        "Message", HEADER
            + "- " + KEY_1 + " (user alice): DELETED. CloudTrail in this Region: 3 events from 2026-12-03T09:00:00Z to "
            + "2026-12-04T10:00:00Z; calls: ListBuckets x2, RunInstances x1; resource types: AWS::EC2::Instance x1, "
            + "AWS::EC2::SecurityGroup x1; source IPs: 203.0.113.5, 198.51.100.7\n"
            + "- " + KEY_2 + " (user bob): DELETED. CloudTrail in this Region: 0 events\n"
            + "- " + TEMPORARY + ": skipped, not an IAM user access key id; review it in the AWS Health Dashboard\n")));
  }

  @Test
  void deactivatesInsteadWhenAsked() {
    Execution execution = executor("DEACTIVATE")
        .mock("DeactivateKey", 1, Mock.error("Iam.IamException", "Rate exceeded (Service: Iam, Status Code: 400)"))
        .run(healthEvent(KEY_2));

    assertThat(execution).succeeded().didNotPassThrough("DeleteKey");
    Expect.sameJson(calls.only("DeactivateKey"), "{\"UserName\": \"bob\", \"AccessKeyId\": \"" + KEY_2 + "\", \"Status\": \"Inactive\"}");
    assertThat(calls.only("NotifySecurity").get("Message").asText())
        .isEqualTo(HEADER + "- " + KEY_2 + " (user bob): DEACTIVATED. CloudTrail in this Region: 0 events\n");
  }

  @Test
  void reportsAKeyThatCannotBeRemoved() {
    Execution execution = executor("DELETE")
        .mock("FindKeyOwner", Mock.handler(call -> {
          String key = call.input().get("AccessKeyId").asText();
          if (key.equals(KEY_1)) {
            return Calls.json(lastUsed("alice"));
          }
          throw new TaskFailure("Iam.IamException", "User: responder is not authorized to perform: iam:GetAccessKeyLastUsed");
        }))
        .mock("DeleteKey", calls.failing("Iam.IamException", "User: arn:aws:sts::123456789012:assumed-role/responder/x is not "
            + "authorized to perform: iam:DeleteAccessKey on resource: user alice (Service: Iam, Status Code: 403)"))
        .run(healthEvent(KEY_1, "AKIAJ7Y2UEXAMPLE9XYZ"));

    assertThat(execution).failed()
        .hasError("ExposedKeyNotRemediated", KEY_1 + ": Iam.IamException User: arn:aws:sts::123456789012:assumed-role/"
            + "responder/x is not authorized to perform: iam:DeleteAccessKey on resource: user alice (Service: Iam, Status Code: "
            + "403); AKIAJ7Y2UEXAMPLE9XYZ: Iam.IamException User: responder is not authorized to perform: iam:GetAccessKeyLastUsed")
        .passedThrough("NotifySecurity", "KeysNotRemediated");
    assertThat(calls.calls("DeleteKey")).hasSize(5);
    JsonNode notification = calls.only("NotifySecurity");
    assertThat(notification.get("Subject").asText()).isEqualTo("ACTION NEEDED: exposed IAM access key not removed in account 123456789012");
    assertThat(notification.get("Message").asText()).isEqualTo(HEADER
        + "- " + KEY_1 + " (user alice): NOT REMOVED. Iam.IamException: User: arn:aws:sts::123456789012:assumed-role/responder/x "
        + "is not authorized to perform: iam:DeleteAccessKey on resource: user alice (Service: Iam, Status Code: 403)\n"
        + "- AKIAJ7Y2UEXAMPLE9XYZ (user unknown): NOT REMOVED. Iam.IamException: User: responder is not authorized to "
        + "perform: iam:GetAccessKeyLastUsed\n");
  }

  @Test
  void reportsAKeyThatCannotBeDeactivated() {
    Execution execution = executor("DEACTIVATE")
        .mock("DeactivateKey", calls.failing("Iam.LimitExceededException", "Cannot exceed quota for AccessKeysPerUser: 2"))
        .run(healthEvent(KEY_1));

    assertThat(execution).failed().hasError("ExposedKeyNotRemediated",
        KEY_1 + ": Iam.LimitExceededException Cannot exceed quota for AccessKeysPerUser: 2");
  }

  @Test
  void looksUpActivityByKeyAcrossPages() {
    Execution execution = executor("DELETE")
        .substitution("MaxActivityPages", "2")
        .mock("LookUpKeyActivity", lookups(Map.of(KEY_1, List.of(
            eventsPage("page-2-token", EVENTS_OF_KEY_1.subList(0, 2)),
            eventsPage("page-3-token", EVENTS_OF_KEY_1.subList(2, 3)),
            eventsPage(null)))))
        .run(healthEvent(KEY_1));

    assertThat(execution).succeeded();
    assertThat(calls.payloads("LookUpKeyActivity")).hasSize(2);
    Expect.sameJson(calls.payloads("LookUpKeyActivity").get(0), """
        {"LookupAttributes": [{"AttributeKey": "AccessKeyId", "AttributeValue": "%s"}], "MaxResults": 10}""".formatted(KEY_1));
    Expect.sameJson(calls.payloads("LookUpKeyActivity").get(1), """
        {"LookupAttributes": [{"AttributeKey": "AccessKeyId", "AttributeValue": "%s"}], "MaxResults": 10,
         "NextToken": "page-2-token"}""".formatted(KEY_1));
    assertThat(calls.only("NotifySecurity").get("Message").asText()).contains(
        "CloudTrail in this Region: 3 events (most recent only) from 2026-12-03T09:00:00Z");
  }

  @Test
  void retriesThrottledCalls() {
    Execution execution = executor("DELETE")
        .mock("FindKeyOwner", 1, Mock.error("Iam.ServiceFailureException", "Service failure (Service: Iam, Status Code: 500)"))
        .mock("DeleteKey", 1, Mock.error("Iam.IamException", "Rate exceeded (Service: Iam, Status Code: 400)"))
        .mock("LookUpKeyActivity", 1, Mock.error("CloudTrail.ThrottlingException", "Rate exceeded"))
        .mock("NotifySecurity", 1, Mock.error("SNS.ThrottledException", "Rate exceeded"))
        .mock("NotifyKeyRemoved", 1, Mock.error("SNS.ThrottledException", "Rate exceeded"))
        .run(healthEvent(KEY_2));

    assertThat(execution).succeeded();
    assertThat(execution.history()).filteredOn(event -> event.type().equals("TaskFailed")).hasSize(5);
  }

  @Test
  void reportsTheKeyEvenWithoutItsActivity() {
    Execution execution = executor("DELETE")
        .mock("LookUpKeyActivity", Mock.error("CloudTrail.ThrottlingException", "Rate exceeded"))
        .run(healthEvent(KEY_2));

    assertThat(execution).succeeded().passedThrough("ActivityUnavailable");
    assertThat(calls.only("NotifySecurity").get("Message").asText()).isEqualTo(HEADER
        + "- " + KEY_2 + " (user bob): DELETED. CloudTrail activity unavailable: CloudTrail.ThrottlingException: Rate exceeded\n");
  }

  @Test
  void failsVisiblyWhenTheReportCannotBePublished() {
    Execution execution = executor("DELETE")
        .mock("NotifySecurity", Mock.error("SNS.AuthorizationErrorException", "User is not authorized to perform SNS:Publish"))
        .run(healthEvent(KEY_2));

    assertThat(execution).failed().hasError("SNS.AuthorizationErrorException",
        "The report could not be published: User is not authorized to perform SNS:Publish Report: Exposed IAM access key "
            + "removed in account 123456789012 " + HEADER + "- " + KEY_2 + " (user bob): DELETED. CloudTrail in this Region: "
            + "0 events\n");
  }

  @Test
  void reportsAnEventWithoutEntities() {
    Execution execution = executor("DELETE").run(healthEvent());

    assertThat(execution).succeeded();
    JsonNode notification = calls.only("NotifySecurity");
    assertThat(notification.get("Subject").asText()).isEqualTo("AWS Health credentials risk event to review in account 123456789012");
    assertThat(notification.get("Message").asText()).isEqualTo(HEADER + "The event lists no affected entities.\n");
  }

  @Test
  void theRemovalIsReportedBeforeTheActivityIsLookedUp() {
    Execution execution = executor("DELETE").run(healthEvent(KEY_2));

    assertThat(execution).succeeded();
    // A page of CloudTrail events over 256 KiB would end the execution uncaught: the removal is told first.
    assertThat(execution.path().indexOf("NotifyKeyRemoved")).isLessThan(execution.path().indexOf("LookUpKeyActivity"));
    JsonNode told = calls.only("NotifyKeyRemoved");
    assertThat(told.get("Subject").asText()).isEqualTo("Exposed IAM access key removed in account 123456789012");
    assertThat(told.get("Message").asText()).startsWith("Access key " + KEY_2 + " of IAM user bob: DELETED. A report with its "
        + "CloudTrail activity follows; if it does not, see the failed execution arn:aws:states:");
    Expect.sameJson(calls.only("LookUpKeyActivity"), "{\"LookupAttributes\": [{\"AttributeKey\": \"AccessKeyId\", "
        + "\"AttributeValue\": \"" + KEY_2 + "\"}], \"MaxResults\": 10}");
  }

  @Test
  void aKeyTheOtherRegionsStackRemovedAlreadyIsNoFailure() {
    Execution deletedFirst = executor("DELETE")
        .mock("DeleteKey", Mock.error("Iam.NoSuchEntityException", "The Access Key with id " + KEY_2 + " cannot be found."))
        .run(healthEvent(KEY_2));
    Execution goneBeforeLookup = executor("DEACTIVATE")
        .mock("FindKeyOwner", Mock.error("Iam.NoSuchEntityException", "The Access Key with id " + KEY_2 + " cannot be found."))
        .run(healthEvent(KEY_2));
    Execution deactivatedFirst = executor("DEACTIVATE")
        .mock("DeactivateKey", Mock.error("Iam.NoSuchEntityException", "The Access Key with id " + KEY_2 + " cannot be found."))
        .run(healthEvent(KEY_2));
    Execution notToldNow = executor("DELETE")
        .mock("NotifyKeyRemoved", Mock.error("SNS.AuthorizationErrorException", "User is not authorized to perform SNS:Publish"))
        .run(healthEvent(KEY_2));

    assertThat(deletedFirst).succeeded().passedThrough("KeyAlreadyRemoved", "NotifyKeyRemoved", "Remediated");
    assertThat(goneBeforeLookup).succeeded().passedThrough("KeyAlreadyRemoved").didNotPassThrough("DeactivateKey");
    assertThat(calls.payloads("NotifySecurity").get(0).get("Subject").asText())
        .isEqualTo("Exposed IAM access key removed in account 123456789012");
    assertThat(calls.payloads("NotifySecurity").get(0).get("Message").asText()).contains(KEY_2 + " (user bob): ALREADY_REMOVED.");
    assertThat(deactivatedFirst).succeeded().passedThrough("KeyAlreadyRemoved");
    assertThat(notToldNow).succeeded().passedThrough("LookUpKeyActivity", "NotifySecurity");
  }

  @Test
  void subjectStaysUnder100Characters() {
    String longUser = "service-account-for-the-nightly-reporting-pipeline-of-finance-eu";
    Execution execution = executor("DELETE")
        .mock("FindKeyOwner", calls.answeringBy("AccessKeyId", Map.of(KEY_1, lastUsed(longUser))))
        .mock("DeleteKey", calls.failing("Iam.LimitExceededException", "The user " + longUser + " is locked."))
        .run(healthEvent(KEY_1));

    assertThat(execution).failed().hasError("ExposedKeyNotRemediated");
    String subject = calls.only("NotifySecurity").get("Subject").asText();
    assertThat(subject).isEqualTo("ACTION NEEDED: exposed IAM access key not removed in account 123456789012").hasSizeLessThan(100);
  }

  @Test
  void usesNoLambda() {
    JsonNode definition = WorkflowCompiler.compile(new ExposedAccessKey()).definition().json();
    assertThat(definition.findValuesAsText("Resource")).isNotEmpty()
        .allMatch(resource -> resource.startsWith("arn:aws:states:::aws-sdk:") || resource.equals("arn:aws:states:::sns:publish"));
  }

  @AfterAll
  static void coversEveryStateRuleAndCatcher(Coverage coverage) {
    Expect.everyItemExercised(coverage);
  }

  // --- events and responses shaped as AWS sends them --------------------------------------------

  static final List<String> EVENTS_OF_KEY_1 = List.of(
      event("ListBuckets", "s3.amazonaws.com", "2026-12-04T10:00:00Z", "203.0.113.5", ""),
      event("RunInstances", "ec2.amazonaws.com", "2026-12-04T09:00:00Z", "198.51.100.7",
          "{\"ResourceType\": \"AWS::EC2::Instance\", \"ResourceName\": \"i-0abc1234def567890\"}, "
              + "{\"ResourceType\": \"AWS::EC2::SecurityGroup\", \"ResourceName\": \"sg-0123456789abcdef0\"}"),
      event("ListBuckets", "s3.amazonaws.com", "2026-12-03T09:00:00Z", "203.0.113.5", ""));

  static String healthEvent(String... entities) {
    StringBuilder affected = new StringBuilder();
    for (String entity : entities) {
      affected.append(affected.length() == 0 ? "" : ", ").append("{\"entityValue\": \"").append(entity).append("\"}");
    }
    return """
        {"version": "0", "id": "7bf73129-1428-4cd3-a780-95db273d1602", "detail-type": "AWS Health Event",
         "source": "aws.health", "account": "123456789012", "time": "2026-12-04T06:27:57Z", "region": "us-east-1",
         "resources": [],
         "detail": {"eventArn": "%s", "service": "RISK", "eventTypeCode": "AWS_RISK_CREDENTIALS_EXPOSED",
                    "eventTypeCategory": "issue", "startTime": "Fri, 04 Dec 2026 06:27:57 GMT",
                    "eventDescription": [{"language": "en_US", "latestDescription": "Your AWS access key was found publicly."}]%s}}"""
        .formatted(EVENT_ARN, entities.length == 0 ? "" : ", \"affectedEntities\": [" + affected + "]");
  }

  static String lastUsed(String user) {
    return """
        {"UserName": "%s", "AccessKeyLastUsed": {"LastUsedDate": "2026-12-04T10:00:00Z", "ServiceName": "s3", "Region": "us-east-1"}}"""
        .formatted(user);
  }

  static String event(String name, String source, String time, String ip, String resources) {
    String cloudTrailEvent = "{\\\"eventVersion\\\":\\\"1.09\\\",\\\"eventSource\\\":\\\"" + source + "\\\",\\\"eventName\\\":\\\""
        + name + "\\\",\\\"awsRegion\\\":\\\"us-east-1\\\",\\\"sourceIPAddress\\\":\\\"" + ip + "\\\"}";
    return """
        {"EventId": "%s", "EventName": "%s", "ReadOnly": "%s", "AccessKeyId": "%s", "EventTime": "%s",
         "EventSource": "%s", "Username": "alice", "Resources": [%s], "CloudTrailEvent": "%s"}"""
        .formatted(Integer.toHexString((name + time).hashCode()), name, name.startsWith("List") ? "true" : "false", KEY_1, time,
            source, resources, cloudTrailEvent);
  }

  static String eventsPage(String nextToken, List<String> events) {
    return "{\"Events\": [" + String.join(", ", events) + "]" + (nextToken == null ? "" : ", \"NextToken\": \"" + nextToken + "\"") + "}";
  }

  static String eventsPage(String nextToken) {
    return eventsPage(nextToken, List.of());
  }

  // LookupEvents answers per key, page after page.
  Mock lookups(Map<String, List<String>> pagesByKey) {
    return Mock.handler(call -> {
      String key = call.input().at("/LookupAttributes/0/AttributeValue").asText();
      int page = (int) calls.calls("LookUpKeyActivity").stream()
          .filter(earlier -> earlier.input().at("/LookupAttributes/0/AttributeValue").asText().equals(key)).count();
      calls.record(call);
      List<String> pages = pagesByKey.get(key);
      return Calls.json(pages.get(Math.min(page, pages.size() - 1)));
    });
  }

  static String published() {
    return """
        {"MessageId": "95df01b4-ee98-5cb9-9903-4c221d41eb5e",
         "SdkHttpMetadata": {"HttpHeaders": {"Content-Type": "text/xml"}, "HttpStatusCode": 200},
         "SdkResponseMetadata": {"RequestId": "f187a3c1-376f-11df-8963-01868b7c937a"}}""";
  }

  static String json(Map<String, String> fields) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(new java.util.TreeMap<>(fields));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
