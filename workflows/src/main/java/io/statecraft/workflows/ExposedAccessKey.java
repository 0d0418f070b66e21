package io.statecraft.workflows;

import io.statecraft.aws.AwsSdk;
import io.statecraft.aws.SdkCall;
import io.statecraft.aws.SdkErrors;
import io.statecraft.dsl.Catch;
import io.statecraft.dsl.Choice;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Errors;
import io.statecraft.dsl.Fail;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.MapState;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.Retry;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Succeed;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.workflow.EventRule;
import io.statecraft.dsl.workflow.Output;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.SnsTopic;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import java.util.List;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedRequest;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * {@code exposed-access-key}: started by an EventBridge rule on AWS Health risk events about
 * exposed or compromised credentials. For every IAM access key the event lists, deletes (or
 * deactivates) it, summarizes its CloudTrail activity, and publishes one report to an SNS topic;
 * a key that could not be removed is reported with the error and fails the execution. AWS SDK
 * integrations and JSONata only: no Lambda function. See
 * {@code docs/workflows/exposed-access-key.md}.
 */
public final class ExposedAccessKey implements Workflow {

  /** The workflow id: output folder and artifact classifier. */
  public static final String ID = "exposed-access-key";

  /** Where the failure alarms go. */
  static final Parameter ALARM_TOPIC = Operations.alarmTopic();

  /**
   * CloudTrail events per LookupEvents page. Each event carries its whole record (often several KiB,
   * some far more): 50, the API's maximum, could pass the 256 KiB a task result may be, and
   * States.DataLimitExceeded is caught by nothing.
   */
  static final int EVENTS_PER_PAGE = 10;

  /** Keys processed at once: CloudTrail LookupEvents allows 2 calls per second per account and Region. */
  static final int KEYS_AT_ONCE = 2;

  /**
   * The AWS Health event codes about exposed or compromised credentials: the one of the 2017
   * original and the four AWS added since.
   */
  public static final List<String> EVENT_TYPE_CODES = List.of(
      "AWS_RISK_CREDENTIALS_EXPOSED",
      "AWS_RISK_CREDENTIALS_EXPOSURE_SUSPECTED",
      "AWS_RISK_CREDENTIALS_COMPROMISED",
      "AWS_RISK_CREDENTIALS_COMPROMISE_SUSPECTED",
      "AWS_RISK_IAM_QUARANTINE");

  /** EventBridge's longest retry: 185 attempts within 24 hours, then the dead-letter queue. */
  static final int RULE_RETRY_ATTEMPTS = 185;
  static final int RULE_RETRY_SECONDS = 86_400;

  static final Parameter KEY_ACTION_PARAMETER = Parameter.string("KeyAction")
      .label("What to do with an exposed key")
      .description("DELETE the key (irreversible), or DEACTIVATE it and keep it for investigation")
      .allowedValues("DELETE", "DEACTIVATE")
      .defaultValue("DELETE");
  static final Parameter MAX_ACTIVITY_PAGES_PARAMETER = Parameter.number("MaxActivityPages")
      .label("CloudTrail pages per key")
      .description("Pages of " + EVENTS_PER_PAGE + " CloudTrail events read per key, most recent first")
      .defaultValue(20)
      .minValue(1)
      .maxValue(50);
  static final Parameter ALERT_EMAIL = Parameter.string("AlertEmail")
      .label("Security team e-mail")
      .description("Address subscribed to the alert topic; confirm the subscription e-mail AWS sends")
      .allowedPattern("[^@\\s]+@[^@\\s]+")
      .constraintDescription("an e-mail address");

  static final SnsTopic ALERT_TOPIC = SnsTopic.named("AlertTopic")
      .kmsKey(TemplateValue.of("alias/aws/sns"))
      .subscription("email", ALERT_EMAIL);

  static final Placeholder KEY_ACTION = KEY_ACTION_PARAMETER.ref();
  static final Placeholder MAX_ACTIVITY_PAGES = MAX_ACTIVITY_PAGES_PARAMETER.ref();
  static final Placeholder ALERT_TOPIC_ARN = ALERT_TOPIC.arn();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public WorkflowSpec spec() {
    EventRule rule = EventRule.named("CredentialsRiskRule")
        .description("AWS Health events about exposed or compromised IAM credentials")
        .eventPattern(Json.object()
            .put("source", Json.strings("aws.health"))
            .put("detail-type", Json.strings("AWS Health Event"))
            .put("detail", Json.object()
                .put("service", Json.strings("RISK"))
                .put("eventTypeCategory", Json.strings("issue"))
                .put("eventTypeCode", Json.strings(EVENT_TYPE_CODES.toArray(String[]::new))))
            .build())
        // An event that cannot start the state machine (throttled, or the role broken) is retried for
        // a day, then kept for 14 days in a queue: a lost exposure report must not vanish silently.
        .retryPolicy(RULE_RETRY_ATTEMPTS, RULE_RETRY_SECONDS)
        .deadLetterQueue();
    return WorkflowSpec.builder(stateMachine())
        .description("Deletes or deactivates IAM access keys that AWS Health reports as "
            + "exposed, summarizes their CloudTrail activity and notifies an SNS topic")
        .parameterGroup("Response", KEY_ACTION_PARAMETER, MAX_ACTIVITY_PAGES_PARAMETER)
        .parameterGroup("Notification", ALERT_EMAIL)
        .parameterGroup("Operations", ALARM_TOPIC)
        .alarms(ALARM_TOPIC)
        .resources(ALERT_TOPIC)
        .triggers(rule)
        .outputs(Output.named("AlertTopicArn", ALERT_TOPIC.templateArn()).description("The topic the reports go to"),
            Output.named("DeadLetterQueueUrl", rule.deadLetterQueueUrl())
                .description("Health events that could not start the state machine; watch it").notExported())
        .build();
  }

  static StateMachine stateMachine() {
    MapState forEachEntity = MapState.named("ForEachAffectedEntity")
        .comment("Every entity of the event, not just the first")
        .items(js("$exists($states.input.detail.affectedEntities) ? $states.input.detail.affectedEntities : []"))
        .itemSelector(Json.object()
            .put("entity", js("$exists($states.context.Map.Item.Value.entityValue) ? $states.context.Map.Item.Value.entityValue : ''"))
            .put("keyAction", KEY_ACTION)
            .put("maxActivityPages", MAX_ACTIVITY_PAGES))
        .maxConcurrency(KEYS_AT_ONCE)
        .itemProcessor(remediateOneKey())
        .assign(Json.object()
            .put("results", js("$states.result"))
            .put("account", js("$states.input.account"))
            .put("eventTypeCode", js("$states.input.detail.eventTypeCode"))
            .put("eventArn", js("$states.input.detail.eventArn"))
            .build());

    Pass buildReport = Pass.named("BuildReport")
        .comment("Subject within SNS's 100 characters whatever the user names; details in the message")
        .assign(Json.object()
            .put("failed", js("[$results[outcome = 'FAILED']]"))
            .put("subject", js("$substring(("
                + "$count($results[outcome = 'FAILED']) > 0 ? 'ACTION NEEDED: exposed IAM access key not removed' : "
                + "$count($results[outcome in ['DELETED', 'DEACTIVATED', 'ALREADY_REMOVED']]) > 0 ? 'Exposed IAM access key removed' : "
                + "'AWS Health credentials risk event to review'"
                + ") & ' in account ' & $account, 0, 99)"))
            .put("message", js(reportMessage()))
            .build());

    Task notifySecurity = Task.named("NotifySecurity")
        .call(AwsSdk.optimized(PublishRequest.builder()
                .topicArn(AwsSdk.text(ALERT_TOPIC_ARN))
                .subject(AwsSdk.text(js("$subject")))
                .message(AwsSdk.text(js("$message")))
                .build())
            .permissions(ALERT_TOPIC.publishStatements().toArray(IamStatement[]::new)))
        .retry(Retry.on("SNS.ThrottledException", "SNS.InternalErrorException", "SNS.KmsThrottlingException")
            .intervalSeconds(2).maxAttempts(5).backoffRate(2).maxDelaySeconds(30).jitterStrategy(Retry.Jitter.FULL));
    Fail notificationFailed = Fail.named("NotificationFailed")
        .comment("Nobody was told: the failed execution is the alarm")
        .error(js("$failure.Error"))
        // A Fail state's Cause holds at most 32,768 characters.
        .cause(js("$substring('The report could not be published: ' & ($exists($failure.Cause) ? $failure.Cause : $failure.Error) "
            + "& ' Report: ' & $subject & ' ' & $message, 0, 32000)"));
    notifySecurity.catchErrors(Catch.on(Errors.ALL)
        .assign(Json.object().put("failure", js("$states.errorOutput")).build()), notificationFailed);

    Choice allRemediated = Choice.named("AllKeysRemediated");
    Fail notRemediated = Fail.named("KeysNotRemediated")
        .comment("Reported to the topic; failing the execution makes it count in ExecutionsFailed too")
        .error("ExposedKeyNotRemediated")
        .cause(js("$substring($join($failed.(entity & ': ' & error & ' ' & cause), '; '), 0, 32000)"));
    Succeed remediated = Succeed.named("Remediated")
        .output(js("{'results': $results}"));

    forEachEntity.next(buildReport);
    buildReport.next(notifySecurity);
    notifySecurity.next(allRemediated);
    allRemediated
        .when(Condition.jsonata("$count($failed) > 0"), notRemediated)
        .otherwise(remediated);

    return StateMachine.startWith(forEachEntity)
        .comment("Removes IAM access keys that AWS Health reports as exposed, summarizes their activity and notifies")
        .queryLanguage(QueryLanguage.JSONATA)
        .timeoutSeconds(3600);
  }

  // One affected entity: the item processor of the Map. Its output is one result object.
  private static Choice remediateOneKey() {
    Choice isAccessKey = Choice.named("IsAccessKeyId");
    Pass notAnAccessKey = Pass.named("NotAnAccessKey")
        .comment("Temporary (ASIA...) credentials and other entities cannot be deleted here")
        .output(js("{'entity': $states.input.entity, 'outcome': 'SKIPPED', "
            + "'detail': 'not an IAM user access key id; review it in the AWS Health Dashboard'}"));

    // Inside the Map: keyFailure, never the outer failure, so that no write here can become an
    // (illegal) write to the outer scope.
    Catch toFailed = Catch.on(Errors.ALL).assign(Json.object().put("keyFailure", js("$states.errorOutput")).build());
    Pass remediationFailed = Pass.named("RemediationFailed")
        .output(js("{'entity': $accessKeyId, 'userName': $userName, 'outcome': 'FAILED', "
            + "'error': $keyFailure.Error, 'cause': $exists($keyFailure.Cause) ? $keyFailure.Cause : ''}"));
    // A second stack (the backup Region gets the same Health event) may have removed the key
    // already: that is the outcome wanted, not a failure to alarm about.
    Catch alreadyGone = Catch.on(SdkErrors.Iam.NO_SUCH_ENTITY);
    Pass alreadyRemoved = Pass.named("KeyAlreadyRemoved")
        .comment("IAM knows no such key (or user) any more: removed before, e.g. by the stack in the other Region")
        .assign(Json.object().put("outcome", "ALREADY_REMOVED").build());

    SdkCall lastUsed = AwsSdk.call(GetAccessKeyLastUsedRequest.builder().accessKeyId(AwsSdk.text(js("$accessKeyId"))).build());
    Task findOwner = Task.named("FindKeyOwner")
        .call(lastUsed)
        .assign(Json.object()
            .put("userName", lastUsed.result(GetAccessKeyLastUsedResponse.class).get(GetAccessKeyLastUsedResponse::userName).jsonata())
            .build())
        .retry(Retries.iam());
    findOwner.catchErrors(alreadyGone, alreadyRemoved);
    findOwner.catchErrors(toFailed, remediationFailed);

    Choice chooseAction = Choice.named("ChooseKeyAction");
    Task deleteKey = Task.named("DeleteKey")
        .comment("Irreversible: set KeyAction to DEACTIVATE to keep the key for investigation")
        .call(AwsSdk.call(DeleteAccessKeyRequest.builder()
            .userName(AwsSdk.text(js("$userName")))
            .accessKeyId(AwsSdk.text(js("$accessKeyId")))
            .build()))
        .assign(Json.object().put("outcome", "DELETED").build())
        .retry(Retries.iam());
    deleteKey.catchErrors(alreadyGone, alreadyRemoved);
    deleteKey.catchErrors(toFailed, remediationFailed);
    Task deactivateKey = Task.named("DeactivateKey")
        .call(AwsSdk.call(UpdateAccessKeyRequest.builder()
            .userName(AwsSdk.text(js("$userName")))
            .accessKeyId(AwsSdk.text(js("$accessKeyId")))
            .status(StatusType.INACTIVE)
            .build()))
        .assign(Json.object().put("outcome", "DEACTIVATED").build())
        .retry(Retries.iam());
    deactivateKey.catchErrors(alreadyGone, alreadyRemoved);
    deactivateKey.catchErrors(toFailed, remediationFailed);

    // Told first: the lookup below reads data whose size nobody controls, and a result over 256 KiB
    // ends the execution with States.DataLimitExceeded, which no Catch sees.
    Task notifyRemoved = Task.named("NotifyKeyRemoved")
        .comment("The removal is reported before the activity is looked up; the full report follows")
        .call(AwsSdk.optimized(PublishRequest.builder()
                .topicArn(AwsSdk.text(ALERT_TOPIC_ARN))
                .subject(AwsSdk.text(js("$substring('Exposed IAM access key ' & ($outcome = 'ALREADY_REMOVED' ? "
                    + "'already removed' : 'removed') & ' in account ' & $states.context.Execution.Input.account, 0, 99)")))
                .message(AwsSdk.text(js("'Access key ' & $accessKeyId & ' of IAM user ' & $userName & ': ' & $outcome "
                    + "& '. A report with its CloudTrail activity follows; if it does not, see the failed execution ' "
                    + "& $states.context.Execution.Id")))
                .build())
            .permissions(ALERT_TOPIC.publishStatements().toArray(IamStatement[]::new)))
        .retry(Retry.on("SNS.ThrottledException", "SNS.InternalErrorException", "SNS.KmsThrottlingException")
            .intervalSeconds(2).maxAttempts(5).backoffRate(2).maxDelaySeconds(30).jitterStrategy(Retry.Jitter.FULL));

    Task lookupActivity = Task.named("LookUpKeyActivity")
        .comment("By access key id, not user name: only what this key did (in this Region, last 90 days)")
        .call(AwsSdk.call(LookupEventsRequest.builder()
            .lookupAttributes(LookupAttribute.builder()
                .attributeKey(LookupAttributeKey.ACCESS_KEY_ID).attributeValue(AwsSdk.text(js("$accessKeyId"))).build())
            .maxResults(EVENTS_PER_PAGE)
            .build()))
        // The same request, plus NextToken after the first page: a field may not evaluate to nothing.
        .arguments(js("$merge([{'LookupAttributes': [{'AttributeKey': 'AccessKeyId', 'AttributeValue': $accessKeyId}], "
            + "'MaxResults': " + EVENTS_PER_PAGE + "}, $nextToken ? {'NextToken': $nextToken} : {}])"))
        .assign(Json.object()
            .put("events", js("$append($events, [$states.result.Events.{"
                + "'name': EventName, 'source': EventSource, 'time': EventTime, "
                + "'sourceIp': $parse(CloudTrailEvent).sourceIPAddress, "
                + "'resourceTypes': [Resources.ResourceType]}])"))
            .put("nextToken", js("$exists($states.result.NextToken) ? $states.result.NextToken : false"))
            .put("pages", js("$pages + 1"))
            .build())
        .retry(Retries.cloudTrail());
    Pass activityUnavailable = Pass.named("ActivityUnavailable")
        .comment("The key is already removed: report it even without its activity")
        .output(js("{'entity': $accessKeyId, 'userName': $userName, 'outcome': $outcome, "
            + "'activityError': $keyFailure.Error & ': ' & ($exists($keyFailure.Cause) ? $keyFailure.Cause : 'no cause given')}"));
    lookupActivity.catchErrors(toFailed, activityUnavailable);

    Choice moreActivity = Choice.named("MoreActivity");
    Pass summarize = Pass.named("SummarizeActivity")
        .output(js(activitySummary()));

    isAccessKey
        .when(Condition.jsonata("$type($states.input.entity) = 'string' and $contains($states.input.entity, /^AKIA[A-Z0-9]{16}$/)"),
            findOwner,
            Json.object()
                .put("accessKeyId", js("$states.input.entity"))
                .put("keyAction", js("$states.input.keyAction"))
                .put("maxActivityPages", js("$states.input.maxActivityPages"))
                .put("userName", "unknown")
                .put("events", Json.array())
                .put("nextToken", false)
                .put("pages", 0)
                .build(),
            null)
        .otherwise(notAnAccessKey);
    findOwner.next(chooseAction);
    chooseAction
        .when(Condition.jsonata("$keyAction = 'DEACTIVATE'"), deactivateKey)
        .otherwise(deleteKey);
    deleteKey.next(notifyRemoved);
    deactivateKey.next(notifyRemoved);
    alreadyRemoved.next(notifyRemoved);
    notifyRemoved.next(lookupActivity);
    // Not told now: the report at the end still says it.
    notifyRemoved.catchErrors(Catch.on(Errors.ALL), lookupActivity);
    lookupActivity.next(moreActivity);
    moreActivity
        .when(Condition.jsonata("($nextToken ? true : false) and $pages < $maxActivityPages"), lookupActivity)
        .otherwise(summarize);
    return isAccessKey;
  }

  // Counts per event name and resource type, most frequent first, top 10 of each. LookupEvents
  // returns the most recent events first.
  private static String activitySummary() {
    return "{'entity': $accessKeyId, 'userName': $userName, 'outcome': $outcome, 'activity': {"
        + "'events': $count($events), "
        + "'complete': $nextToken ? false : true, "
        + "'first': $events[-1].time, "
        + "'last': $events[0].time, "
        + "'topEvents': " + topCounts("$events.name") + ", "
        + "'topResourceTypes': " + topCounts("$events.resourceTypes") + ", "
        + "'sourceIps': [$distinct($events.sourceIp)]"
        + "}}";
  }

  private static String topCounts(String values) {
    return "[(($v := [" + values + "]; $distinct($v).($n := $; {'name': $n, 'count': $count($v[$ = $n])}))"
        + "^(>count, name))[[0..9]]]";
  }

  private static String reportMessage() {
    return "'AWS Health reported ' & $eventTypeCode & ' for account ' & $account & '.\\n'"
        + " & 'Event: ' & $eventArn & '\\n'"
        + " & 'Details: https://health.aws.amazon.com/health/home#/account/dashboard/open-issues\\n\\n'"
        + " & ($count($results) = 0 ? 'The event lists no affected entities.\\n' : '')"
        + " & $join($results.("
        + "outcome = 'FAILED' ? '- ' & entity & ' (user ' & userName & '): NOT REMOVED. '"
        + " & error & ': ' & cause & '\\n' : "
        + "outcome = 'SKIPPED' ? '- ' & entity & ': skipped, ' & detail & '\\n' : "
        + "'- ' & entity & ' (user ' & userName & '): ' & outcome & '.'"
        + " & (activityError ? ' CloudTrail activity unavailable: ' & activityError & '\\n' : "
        + "' CloudTrail in this Region: ' & activity.events & ' events' & (activity.complete ? '' : ' (most recent only)')"
        + " & (activity.events > 0 ? ' from ' & activity.first & ' to ' & activity.last"
        + " & '; calls: ' & $join(activity.topEvents.(name & ' x' & count), ', ')"
        + " & '; resource types: ' & $join(activity.topResourceTypes.(name & ' x' & count), ', ')"
        + " & '; source IPs: ' & $join(activity.sourceIps, ', ') : '')"
        + " & '\\n')"
        + "), '')";
  }

  private static Jsonata js(String expression) {
    return Jsonata.of(expression);
  }
}
