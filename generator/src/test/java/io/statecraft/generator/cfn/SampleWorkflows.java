package io.statecraft.generator.cfn;

import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Errors;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Retry;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.States;
import io.statecraft.dsl.Succeed;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.Wait;
import io.statecraft.dsl.Choice;
import io.statecraft.dsl.workflow.EventRule;
import io.statecraft.dsl.workflow.Deployment;
import io.statecraft.dsl.workflow.Encryption;
import io.statecraft.dsl.workflow.KmsKey;
import io.statecraft.dsl.workflow.HttpConnection;
import io.statecraft.dsl.workflow.LambdaFunction;
import io.statecraft.dsl.workflow.LogGroup;
import io.statecraft.dsl.workflow.LogLevel;
import io.statecraft.dsl.workflow.MaintenanceWindow;
import io.statecraft.dsl.workflow.MaintenanceWindowTarget;
import io.statecraft.dsl.workflow.Output;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.Schedule;
import io.statecraft.dsl.workflow.SnsTopic;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import java.util.Map;

/** One sample workflow per trigger kind, whose templates are kept as golden files. */
final class SampleWorkflows {

  private SampleWorkflows() {}

  /** A weekly schedule in a time zone; posts to a webhook through a connection holding its secret. */
  public static final class ScheduledWebhook implements Workflow {
    @Override
    public String id() {
      return "scheduled-webhook";
    }

    @Override
    public WorkflowSpec spec() {
      Parameter webhookUrl = Parameter.string("WebhookUrl")
          .description("HTTPS URL of the webhook, without its secret signature")
          .allowedPattern("https://[^@\\s]+")
          .constraintDescription("an https:// URL; write @ as %40")
          .label("Webhook URL");
      Parameter signature = Parameter.string("WebhookSignature")
          .description("Secret signature of the webhook (its sig query parameter)")
          .noEcho()
          .minLength(1)
          .label("Webhook signature");
      Parameter instanceState = Parameter.string("InstanceState")
          .description("State of the instances to report")
          .allowedValues("running", "stopped")
          .defaultValue("running");
      Parameter expression = Parameter.string("ScheduleExpression")
          .description("When to report")
          .defaultValue("cron(0 8 ? * MON *)");
      Parameter timeZone = Parameter.string("ScheduleTimeZone")
          .description("Time zone of the schedule")
          .defaultValue("Europe/Bucharest");
      HttpConnection webhook = HttpConnection.named("WebhookConnection")
          .description("Credentials of the webhook")
          .apiKey("x-statecraft-unused", signature)
          .secretQueryParameter("sig", signature);

      Task describe = Task.named("DescribeInstances")
          .resource("arn:aws:states:::aws-sdk:ec2:describeInstances")
          .parameters(Json.object().put("Filters", Json.array(Json.object()
              .put("Name", "instance-state-name")
              .put("Values", Json.array(instanceState.ref())).build())))
          .resultSelector(Json.object().put("ids", Path.of("$.Reservations[*].Instances[*].InstanceId")))
          .resultPath(Path.of("$.instances"))
          .permissions(IamStatement.allowOnAnyResource(java.util.List.of("ec2:DescribeInstances"),
              "EC2 Describe actions support no resource-level permissions"));
      Choice any = Choice.named("AnyInstances");
      Task post = Task.named("PostToWebhook")
          .resource("arn:aws:states:::http:invoke")
          .parameters(Json.object()
              .put("ApiEndpoint", webhookUrl.ref())
              .put("Method", "POST")
              .put("Authentication", Json.object().put("ConnectionArn", webhook.arn()))
              .put("RequestBody", Json.object().put("text",
                  States.format("Instances: {}", States.jsonToString(Path.of("$.instances.ids"))))))
          .retry(Retry.on("States.Http.StatusCode.429", "States.Http.StatusCode.503")
              .intervalSeconds(2).maxAttempts(3).backoffRate(2))
          .permissions(webhook.iamStatementsForInvoke(webhookUrl.ref(), "POST").toArray(IamStatement[]::new));
      Succeed done = Succeed.named("Done");
      describe.next(any);
      any.when(Condition.isPresent(Path.of("$.instances.ids[0]"), true), post).otherwise(done);

      return WorkflowSpec.builder(StateMachine.startWith(describe))
          .description("Posts the instances in a given state to a webhook every week")
          .parameterGroup("Webhook", webhookUrl, signature)
          .parameterGroup("Report", instanceState)
          .resources(webhook)
          .triggers(Schedule.named("WeeklySchedule")
              .description("Starts the report")
              .expression(expression)
              .timeZone(timeZone)
              .flexibleWindowMinutes(15)
              .input(Json.object().put("source", "schedule").build())
              .deadLetterQueue())
          .build();
    }
  }

  /** An EventBridge rule on AWS Health events; a function summarizes, an encrypted topic tells people. */
  public static final class EventNotify implements Workflow {
    @Override
    public String id() {
      return "event-notify";
    }

    @Override
    public WorkflowSpec spec() {
      Parameter keyArn = Parameter.string("TopicKeyArn")
          .description("ARN of the KMS key that encrypts the topic")
          .allowedPattern("arn:aws[a-z-]*:kms:.+");
      Parameter email = Parameter.string("AlertEmail").description("Who receives the alerts");
      Parameter retention = Parameter.number("AlertLogRetentionInDays")
          .description("Days to keep the state machine's logs")
          .allowedValues(30, 90, 365)
          .defaultValue(90);
      Parameter environment = Parameter.string("Environment").allowedValues("dev", "prod").defaultValue("prod");
      SnsTopic topic = SnsTopic.named("AlertsTopic").kmsKey(keyArn).subscription("email", email);
      LambdaFunction summarize = LambdaFunction.named("SummarizeFunction")
          .description("Turns a Health event into one line")
          .inlineCode("def handler(event, context):\n    return {'summary': event.get('eventTypeCode', 'unknown')}\n")
          .environment("ENVIRONMENT", environment);
      LogGroup logs = LogGroup.named("AlertLogs").retentionInDays(retention);

      Task call = Task.named("Summarize")
          .resource("arn:aws:states:::lambda:invoke")
          .parameters(Json.object().put("FunctionName", summarize.arn()).put("Payload", Path.of("$")))
          .resultSelector(Json.object().put("summary", Path.of("$.Payload.summary")))
          .resultPath(Path.of("$.result"))
          .retry(Retry.on("Lambda.ServiceException", "Lambda.TooManyRequestsException").maxAttempts(2))
          .permissions(summarize.invokeStatement());
      Task publish = Task.named("Publish")
          .resource("arn:aws:states:::sns:publish")
          .parameters(Json.object()
              .put("TopicArn", topic.arn())
              .put("Subject", "AWS Health event")
              .put("Message", Path.of("$.result.summary")))
          .permissions(topic.publishStatements().toArray(IamStatement[]::new));
      call.next(publish);

      return WorkflowSpec.builder(StateMachine.startWith(call))
          .description("Tells people about AWS Health events")
          .resources(topic, summarize)
          .triggers(EventRule.named("HealthEventRule")
              .eventPattern(Json.object()
                  .put("source", Json.strings("aws.health"))
                  .put("detail-type", Json.strings("AWS Health Event")).build())
              .inputTransformer(Map.of("type", "$.detail.eventTypeCode", "account", "$.account"),
                  "{\"eventTypeCode\": <type>, \"account\": <account>}")
              .retryPolicy(20, 3600)
              .deadLetterQueue())
          .logGroup(logs)
          .logging(LogLevel.ALL, false)
          .tag("Environment", environment)
          .outputs(Output.named("AlertsTopicArn", topic.templateArn()).description("Topic the alerts go to"))
          .build();
    }
  }

  /** A maintenance window starts one execution per tagged instance; an existing topic is told. */
  public static final class WindowTask implements Workflow {
    @Override
    public String id() {
      return "window-task";
    }

    @Override
    public WorkflowSpec spec() {
      Parameter name = Parameter.string("StateMachineName")
          .description("Name of the state machine, for tools that need a known one")
          .allowedPattern("[A-Za-z0-9_-]{1,80}");
      Parameter topicArn = Parameter.string("NotificationTopicArn")
          .description("ARN of an existing SNS topic to tell")
          .allowedPattern("arn:aws[a-z-]*:sns:.+");
      Parameter waitSeconds = Parameter.number("WaitSeconds")
          .description("Seconds to leave the instance running")
          .minValue(0).maxValue(3600).defaultValue(300);
      Parameter patchGroups = Parameter.commaDelimitedList("PatchGroups")
          .description("Values of the Patch tag of the instances to start")
          .defaultValue(java.util.List.of("infrequent"));
      Parameter windowSchedule = Parameter.string("WindowSchedule").defaultValue("cron(0 2 ? * SUN *)");
      SnsTopic topic = SnsTopic.existing(topicArn);

      Task start = Task.named("StartInstance")
          .resource("arn:aws:states:::aws-sdk:ec2:startInstances")
          .parameters(Json.object().put("InstanceIds", Json.array(Path.of("$.InstanceId"))))
          .resultPath(Path.of("$.started"))
          .permissions(IamStatement.allow("ec2:StartInstances",
              "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/*"));
      Pass settings = Pass.named("Settings")
          .parameters(Json.object().put("seconds", waitSeconds.ref()))
          .resultPath(Path.of("$.settings"));
      Wait wait = Wait.named("LetItPatch").secondsPath(Path.of("$.settings.seconds"));
      Task notify = Task.named("Notify")
          .resource("arn:aws:states:::sns:publish")
          .parameters(Json.object().put("TopicArn", topic.arn()).put("Message", Path.of("$.InstanceId")))
          .permissions(topic.publishStatements().toArray(IamStatement[]::new));
      start.next(settings).next(wait).next(notify);

      return WorkflowSpec.builder(StateMachine.startWith(start))
          .description("Starts each tagged instance in a maintenance window so that it gets patched")
          .name(name)
          .parameters(waitSeconds)
          .resources(topic)
          .triggers(MaintenanceWindow.named("PatchWindow")
              .description("Weekly patching of infrequently used instances")
              .schedule(windowSchedule)
              .timeZone("Etc/UTC")
              .durationHours(Parameter.number("WindowDurationHours").minValue(1).maxValue(24).defaultValue(4))
              .cutoffHours(1)
              .target(MaintenanceWindowTarget.named("PatchTargets")
                  .instancesTagged(Parameter.string("PatchTagKey").defaultValue("Patch"), patchGroups))
              .taskInput(Json.object().put("InstanceId", MaintenanceWindow.TARGET_ID).build()))
          .outputs(Output.named("PatchWindowId", new TemplateValue.Attribute("PatchWindow", null)).notExported())
          .build();
    }
  }

  /**
   * Released safely: each change publishes a version, the alias "live" moves to it as a canary
   * (10% for 5 minutes) rolled back by an alarm given as a parameter, and the schedule starts the
   * workflow through the alias.
   */
  public static final class ReleasedReport implements Workflow {
    @Override
    public String id() {
      return "released-report";
    }

    @Override
    public WorkflowSpec spec() {
      Parameter canaryAlarm = Parameter.string("CanaryAlarmName")
          .description("CloudWatch alarm that rolls a deployment back when it goes into ALARM");
      Task describe = Task.named("DescribeInstances")
          .resource("arn:aws:states:::aws-sdk:ec2:describeInstances")
          .parameters(Json.object().put("MaxResults", 5))
          .permissions(IamStatement.allowOnAnyResource(java.util.List.of("ec2:DescribeInstances"),
              "EC2 Describe actions support no resource-level permissions"));
      return WorkflowSpec.builder(StateMachine.startWith(describe))
          .description("Describes instances, released through an alias with a canary deployment")
          .publishVersion("Published by the released-report stack")
          .alias("live")
          .deployment(Deployment.canary(10, java.time.Duration.ofMinutes(5)).alarms(canaryAlarm))
          .encryption(Encryption.with(KmsKey.named("WorkflowKey")).dataKeyReusePeriod(java.time.Duration.ofMinutes(5))
              .encryptLogs())
          .triggers(Schedule.named("DailySchedule").expression("rate(1 day)").timeZone("Europe/Bucharest"))
          .build();
    }
  }
}
