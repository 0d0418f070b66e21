package io.statecraft.workflows;

import io.statecraft.aws.AwsSdk;
import io.statecraft.aws.HttpInvoke;
import io.statecraft.dsl.Catch;
import io.statecraft.dsl.Choice;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Errors;
import io.statecraft.dsl.Fail;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.Retry;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Succeed;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.workflow.HttpConnection;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.Output;
import io.statecraft.dsl.workflow.Schedule;
import io.statecraft.dsl.workflow.TemplateCondition;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ssm.model.ComplianceQueryOperatorType;
import software.amazon.awssdk.services.ssm.model.ComplianceStringFilter;
import software.amazon.awssdk.services.ssm.model.ListResourceComplianceSummariesRequest;

/**
 * {@code patch-alerts}: on a schedule, finds the running EC2 instances that Patch Manager reports
 * as non-compliant, names them (their Name tag, else their id) and posts one message to a
 * webhook, in the format the chat tool expects. Nothing is posted when every instance is
 * compliant. See {@code docs/workflows/patch-alerts.md}.
 */
public final class PatchAlerts implements Workflow {

  /** The workflow id: output folder and artifact classifier. */
  public static final String ID = "patch-alerts";

  /** Where the failure alarms go. */
  static final Parameter ALARM_TOPIC = Operations.alarmTopic();

  /** Summaries per SSM page: small enough that the instances of one page fit in 256 KiB. */
  static final int PAGE_SIZE = 20;

  /** Instances listed by name in chat messages; the generic JSON payload lists all it keeps. */
  static final int LISTED_INSTANCES = 50;

  /**
   * Instances kept across pages (all are counted): a variable, like a state's data, may hold at most
   * 256 KiB, and an instance takes up to about 300 bytes (its id and a Name tag of up to 256
   * characters). Past that, States.DataLimitExceeded would end the run, uncaught.
   */
  static final int KEPT_INSTANCES = 500;

  /** The message formats, one per kind of webhook. */
  static final List<String> MESSAGE_FORMATS = List.of("TEAMS_WORKFLOWS", "TEAMS_CONNECTOR", "SLACK", "GENERIC_JSON");

  /** The Scheduler retries starting a run for up to 6 hours, then keeps it in the dead-letter queue. */
  static final int SCHEDULE_RETRY_ATTEMPTS = 185;
  static final int SCHEDULE_RETRY_SECONDS = 6 * 3600;

  static final Parameter MESSAGE_FORMAT = Parameter.string("MessageFormat")
      .label("Message format")
      .description("What the webhook expects: TEAMS_WORKFLOWS (Teams Workflows webhook, Adaptive Card), "
          + "TEAMS_CONNECTOR (retired Office 365 connector, text), SLACK (incoming webhook) or GENERIC_JSON")
      .allowedValues(MESSAGE_FORMATS.toArray(String[]::new))
      .defaultValue("TEAMS_WORKFLOWS");
  static final Parameter WEBHOOK_URL = Parameter.string("WebhookUrl")
      .label("Webhook URL without its query string")
      .description("The https URL to post to, without ? and what follows (that goes in WebhookQuery and, for the sig "
          + "of a Teams Workflows URL, in WebhookSecret); write @ as %40")
      .allowedPattern("https://[^@?#\\s]+")
      .constraintDescription("an https URL without a query string, without @ (write it %40) and without spaces");
  static final Parameter WEBHOOK_QUERY = Parameter.string("WebhookQuery")
      .label("Webhook query string, without its secret")
      .description("The query string of the webhook URL without the leading ? and without its secret sig parameter, "
          + "such as api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0; empty when the URL has none")
      .defaultValue("")
      // name=value pairs joined by &, without the leading ?; no quote, backslash, brace or space,
      // which would break the JSONata text the query string is read from in the definition.
      .allowedPattern("|[^=&?#\\s'\"\\\\{}]+=[^&?#\\s'\"\\\\{}]*(&[^=&?#\\s'\"\\\\{}]+=[^&?#\\s'\"\\\\{}]*)*")
      .constraintDescription("empty, or name=value pairs joined by &, without ?, #, spaces, quotes, backslashes or braces")
      .maxLength(2048);
  static final Parameter WEBHOOK_SECRET = Parameter.string("WebhookSecret")
      .label("Webhook secret (Teams Workflows and generic JSON)")
      .description("The secret of the webhook: the value of the sig query parameter of a Teams Workflows URL, or the "
          + "token a GENERIC_JSON receiver checks in the X-Webhook-Secret header. Kept by the EventBridge connection "
          + "only; leave empty for SLACK and TEAMS_CONNECTOR, whose secret is part of WebhookUrl")
      .noEcho()
      .defaultValue("")
      // What EventBridge accepts for a connection's API key value: 1 to 512 characters, no ':' and
      // no control characters (CreateConnectionApiKeyAuthRequestParameters:
      // https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_CreateConnectionApiKeyAuthRequestParameters.html).
      .allowedPattern("|[ \\t]*[^\\x00-\\x1F:\\x7F]+([ \\t]+[^\\x00-\\x1F:\\x7F]+)*[ \\t]*")
      .maxLength(512)
      .constraintDescription("empty, or 1 to 512 characters without ':' or control characters");
  static final Parameter NAME_TAG_KEY = Parameter.string("NameTagKey")
      .label("Name tag key")
      .description("The tag that names an instance in the message; instances without it are shown by id")
      .defaultValue("Name")
      // An EC2 tag key is 1 to 128 characters; the key is substituted as it is into the
      // definition's JSON text, where '"' or '\\' would break it, so they are refused here.
      .allowedPattern("[^\"\\\\]{1,128}")
      .constraintDescription("1 to 128 characters, without \" or \\")
      .minLength(1)
      .maxLength(128);
  static final Parameter SCHEDULE_EXPRESSION = Parameter.string("ScheduleExpression")
      .label("Schedule")
      .description("EventBridge Scheduler cron or rate expression")
      .defaultValue("cron(0 8 ? * MON *)")
      .allowedPattern("(cron|rate)\\(.+\\)");
  static final Parameter SCHEDULE_TIME_ZONE = Parameter.string("ScheduleTimeZone")
      .label("Schedule time zone")
      .description("IANA time zone the schedule is read in, such as Europe/Bucharest")
      .defaultValue("Etc/UTC");

  /** The secret goes as the sig query parameter: Teams Workflows webhooks check it there. */
  static final TemplateCondition SECRET_IN_QUERY = TemplateCondition.equal("SecretInQuery", MESSAGE_FORMAT, "TEAMS_WORKFLOWS");
  /** The secret goes as the X-Webhook-Secret header: generic receivers check it there. */
  static final TemplateCondition SECRET_IN_HEADER = TemplateCondition.equal("SecretInHeader", MESSAGE_FORMAT, "GENERIC_JSON");

  static final TemplateCondition SECRET_NOT_IN_QUERY = TemplateCondition.not("SecretNotInQuery", SECRET_IN_QUERY);

  /**
   * What the API key header carries: an API_KEY connection always sends it, so for the formats
   * whose receiver does not check it the value is the word "unused", nothing a receiver could learn
   * from (EventBridge requires a value).
   */
  static final TemplateValue API_KEY = TemplateValue.when(SECRET_IN_HEADER, WEBHOOK_SECRET, TemplateValue.of("unused"));

  /**
   * Keeps the secret of a generic receiver (the X-Webhook-Secret header); for Slack and Teams
   * connectors, whose secret is in the URL's path, which no connection can hold, it sends no secret.
   */
  static final HttpConnection WEBHOOK_CONNECTION = HttpConnection.named("WebhookConnection")
      .description("Holds the webhook's secret so that it stays out of the definition, the role and the history")
      .apiKey("X-Webhook-Secret", API_KEY);

  /** Keeps a Teams Workflows webhook's secret, its sig query parameter, and sends it only there. */
  static final HttpConnection SIGNED_WEBHOOK_CONNECTION = HttpConnection.named("SignedWebhookConnection")
      .description("Holds the webhook's sig query parameter so that it stays out of the definition, the role and the history")
      .apiKey("X-Webhook-Secret", API_KEY)
      .secretQueryParameter("sig", WEBHOOK_SECRET);

  /** The ARN of whichever connection the message format needs: the stack creates only that one. */
  static final Placeholder CONNECTION_ARN = Placeholder.string("PostConnectionArn");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public WorkflowSpec spec() {
    // A report that cannot start within a few hours is stale: keep it in a queue for a person instead.
    Schedule schedule = Schedule.named("AlertSchedule")
        .description("Starts patch-alerts")
        .expression(SCHEDULE_EXPRESSION)
        .timeZone(SCHEDULE_TIME_ZONE)
        .retryPolicy(SCHEDULE_RETRY_ATTEMPTS, SCHEDULE_RETRY_SECONDS)
        .deadLetterQueue();
    return WorkflowSpec.builder(stateMachine())
        .description("Posts the running EC2 instances that are not compliant with their "
            + "patch baseline to a chat webhook, on a schedule")
        .parameterGroup("Webhook", WEBHOOK_URL, WEBHOOK_QUERY, WEBHOOK_SECRET, MESSAGE_FORMAT, NAME_TAG_KEY)
        .parameterGroup("Schedule", SCHEDULE_EXPRESSION, SCHEDULE_TIME_ZONE)
        .parameterGroup("Operations", ALARM_TOPIC)
        .alarms(ALARM_TOPIC)
        .resources(SECRET_NOT_IN_QUERY, WEBHOOK_CONNECTION)
        .resources(SECRET_IN_QUERY, SIGNED_WEBHOOK_CONNECTION)
        .substitution(CONNECTION_ARN, TemplateValue.when(SECRET_IN_QUERY, SIGNED_WEBHOOK_CONNECTION.templateArn(),
            WEBHOOK_CONNECTION.templateArn()))
        .permissions(SECRET_NOT_IN_QUERY, WEBHOOK_CONNECTION.credentialStatements().toArray(IamStatement[]::new))
        .permissions(SECRET_IN_QUERY, SIGNED_WEBHOOK_CONNECTION.credentialStatements().toArray(IamStatement[]::new))
        .triggers(schedule)
        .outputs(Output.named("DeadLetterQueueUrl", schedule.deadLetterQueueUrl())
            .description("Scheduled runs that could not start the state machine").notExported())
        .build();
  }

  static StateMachine stateMachine() {
    Fail reportFailure = Fail.named("ReportFailure")
        .comment("Surfaces any failure as the execution's error, so that it shows in the console and in the ExecutionsFailed metric")
        .error(js("$failure.Error"))
        .cause(js("$exists($failure.Cause) ? $failure.Cause : 'The failing state gave no cause.'"));
    Catch toFailure = Catch.on(Errors.ALL).assign(Json.object().put("failure", js("$states.errorOutput")).build());

    // "No next page" is false rather than null or nothing: a JSONata condition reads it as false.
    Pass configure = Pass.named("Configure")
        .comment("Reads the deploy-time settings and starts with no instances found")
        .assign(Json.object()
            .put("messageFormat", MESSAGE_FORMAT.ref())
            .put("nameTagKey", NAME_TAG_KEY.ref())
            .put("webhookQuery", WEBHOOK_QUERY.ref())
            .put("account", js("$split($states.context.StateMachine.Id, ':')[4]"))
            .put("region", js("$split($states.context.StateMachine.Id, ':')[3]"))
            .put("instances", Json.array())
            .put("found", 0)
            .put("nextToken", false)
            .build());

    Task listSummaries = Task.named("ListPatchComplianceSummaries")
        .comment("One summary per managed node and page; ListComplianceItems would take one resource id per call")
        .call(AwsSdk.call(ListResourceComplianceSummariesRequest.builder()
            .filters(ComplianceStringFilter.builder()
                .key("ComplianceType").values("Patch").type(ComplianceQueryOperatorType.EQUAL).build())
            .maxResults(PAGE_SIZE)
            .build()))
        // The same request, plus NextToken after the first page: a field may not evaluate to nothing.
        .arguments(js("$merge([{'Filters': [{'Key': 'ComplianceType', 'Values': ['Patch'], 'Type': 'EQUAL'}], "
            + "'MaxResults': " + PAGE_SIZE + "}, $nextToken ? {'NextToken': $nextToken} : {}])"))
        .assign(Json.object()
            .put("pageIds", js("[$states.result.ResourceComplianceSummaryItems[Status = 'NON_COMPLIANT' and "
                + "ResourceType = 'ManagedInstance' and $substring(ResourceId, 0, 2) = 'i-'].ResourceId]"))
            .put("nextToken", js("$exists($states.result.NextToken) ? $states.result.NextToken : false"))
            .build())
        .retry(Retries.ssm());

    Task describeRunning = Task.named("DescribeRunningInstances")
        .comment("Keeps the page's instances that are running, with their names")
        .call(AwsSdk.call(DescribeInstancesRequest.builder()
            .filters(
                Filter.builder().name("instance-id").values(AwsSdk.<String>list(js("$pageIds"))).build(),
                Filter.builder().name("instance-state-name").values("running").build())
            .build()))
        .assign(Json.object()
            .put("instances", js("($all := $append($instances, [$states.result.Reservations.Instances.{"
                + "'instanceId': InstanceId, "
                + "'name': ($tag := Tags[Key = $nameTagKey].Value; $tag ? $tag : InstanceId)}]); "
                + "$count($all) > " + KEPT_INSTANCES + " ? [$all[[0.." + (KEPT_INSTANCES - 1) + "]]] : $all)"))
            .put("found", js("$found + $count($states.result.Reservations.Instances)"))
            .build())
        .retry(Retries.ec2());

    Choice pageHasInstances = Choice.named("PageHasNonCompliantInstances");
    Choice morePages = Choice.named("MoreSummaryPages");
    Choice anyNonCompliant = Choice.named("AnyNonCompliantInstances");
    Succeed allCompliant = Succeed.named("AllCompliant")
        .comment("Nothing to report: no message is posted")
        .output(js("{'nonCompliantInstances': 0}"));

    Pass describeFindings = Pass.named("DescribeFindings")
        .comment("The parts every message format shares")
        .assign(Json.object()
            .put("headline", js("$found & ' running EC2 instance' & ($found = 1 ? ' is' : 's are') "
                + "& ' not compliant with the patch baseline in account ' & $account & ' (' & $region & ')' "
                + "& ($found > " + LISTED_INSTANCES + " ? '; the first " + LISTED_INSTANCES
                + " by name are listed' : '')"))
            .put("listed", js("[($instances^(name))[[0.." + (LISTED_INSTANCES - 1) + "]]]"))
            .build());

    Choice chooseFormat = Choice.named("ChooseMessageFormat");
    Pass adaptiveCard = Pass.named("BuildTeamsWorkflowsCard")
        .comment("Teams Workflows webhook: an Adaptive Card in a message")
        .assign(Json.object().put("message", Json.object()
            .put("type", "message")
            .put("attachments", Json.array(Json.object()
                .put("contentType", "application/vnd.microsoft.card.adaptive")
                .put("content", Json.object()
                    .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                    .put("type", "AdaptiveCard")
                    .put("version", "1.4")
                    .put("body", Json.array(
                        Json.object().put("type", "TextBlock").put("text", "Patch compliance")
                            .put("weight", "Bolder").put("size", "Medium").put("wrap", true).build(),
                        Json.object().put("type", "TextBlock").put("text", js("$headline"))
                            .put("wrap", true).build(),
                        Json.object().put("type", "FactSet")
                            .put("facts", js("[$listed.{'title': name, 'value': instanceId}]")).build()))
                    .build())
                .build()))
            .build()).build());
    Pass teamsText = Pass.named("BuildTeamsConnectorText")
        .comment("Legacy Office 365 connector webhook: title and Markdown text")
        .assign(Json.object().put("message", Json.object()
            .put("title", "Patch compliance")
            .put("text", js("$headline & ':\\n\\n' & $join($listed.('- ' & name & ' (' & instanceId & ')'), '\\n\\n')"))
            .build()).build());
    Pass slackText = Pass.named("BuildSlackText")
        .comment("Slack incoming webhook: mrkdwn text")
        .assign(Json.object().put("message", Json.object()
            .put("text", js("'*Patch compliance*\\n' & $headline & ':\\n' & "
                + "$join($listed.('• ' & name & ' (`' & instanceId & '`)'), '\\n')"))
            .build()).build());
    Pass genericJson = Pass.named("BuildGenericJson")
        .comment("Any other receiver: the findings as data, every instance listed")
        .assign(Json.object().put("message", Json.object()
            .put("source", "statecraft.patch-alerts")
            .put("account", js("$account"))
            .put("region", js("$region"))
            .put("nonCompliantInstances", js("$found"))
            .put("instances", js("[$instances^(name)]"))
            .build()).build());

    Task postToWebhook = Task.named("PostToWebhook")
        .comment("The secret part of the webhook address lives in the EventBridge connection, not here")
        .call(HttpInvoke.post(WEBHOOK_URL.ref())
            // The connection's grants are the workflow's, each under its connection's condition.
            .connection(CONNECTION_ARN, List.of())
            .header("Content-Type", "application/json")
            // The query string as name -> value, decoded: the HTTP task encodes QueryParameters itself.
            .queryParameters(js("$webhookQuery = '' ? {} : $merge($split($webhookQuery, '&').{"
                + "$decodeUrlComponent($substringBefore($, '=')): $decodeUrlComponent($substringAfter($, '='))})"))
            .requestBody(js("$message")))
        .timeoutSeconds(30)
        .output(js("{'nonCompliantInstances': $found, 'webhookStatusCode': $states.result.StatusCode}"))
        // Only transient failures: throttling, server errors, timeouts. A 4xx other than 429 is
        // a mistake in the address or payload that retrying cannot fix.
        .retry(Retry.on(Errors.httpStatus(429), Errors.httpStatus(500), Errors.httpStatus(502),
                Errors.httpStatus(503), Errors.httpStatus(504), Errors.HTTP_SOCKET, Errors.TIMEOUT)
            .intervalSeconds(5).maxAttempts(4).backoffRate(2).maxDelaySeconds(60).jitterStrategy(Retry.Jitter.FULL));
    Succeed notified = Succeed.named("Notified");

    configure.next(listSummaries);
    listSummaries.next(pageHasInstances);
    listSummaries.catchErrors(toFailure, reportFailure);
    pageHasInstances
        .when(Condition.jsonata("$count($pageIds) > 0"), describeRunning)
        .otherwise(morePages);
    describeRunning.next(morePages);
    describeRunning.catchErrors(toFailure, reportFailure);
    morePages
        .when(Condition.jsonata("$nextToken ? true : false"), listSummaries)
        .otherwise(anyNonCompliant);
    anyNonCompliant
        .when(Condition.jsonata("$found > 0"), describeFindings)
        .otherwise(allCompliant);
    describeFindings.next(chooseFormat);
    chooseFormat
        .when(Condition.jsonata("$messageFormat = 'TEAMS_WORKFLOWS'"), adaptiveCard)
        .when(Condition.jsonata("$messageFormat = 'TEAMS_CONNECTOR'"), teamsText)
        .when(Condition.jsonata("$messageFormat = 'SLACK'"), slackText)
        .otherwise(genericJson);
    adaptiveCard.next(postToWebhook);
    teamsText.next(postToWebhook);
    slackText.next(postToWebhook);
    genericJson.next(postToWebhook);
    postToWebhook.next(notified);
    postToWebhook.catchErrors(toFailure, reportFailure);

    return StateMachine.startWith(configure)
        .comment("Posts the running EC2 instances that are not compliant with their patch baseline to a webhook")
        .queryLanguage(QueryLanguage.JSONATA)
        .timeoutSeconds(3600);
  }

  private static Jsonata js(String expression) {
    return Jsonata.of(expression);
  }
}
