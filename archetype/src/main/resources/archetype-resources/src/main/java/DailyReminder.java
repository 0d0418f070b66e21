package ${package};

import io.statecraft.aws.AwsSdk;
import io.statecraft.dsl.Choice;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.Retry;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Succeed;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.Schedule;
import io.statecraft.dsl.workflow.SnsTopic;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.ThrottledException;

/**
 * Every weekday morning, mails the team a reminder through an SNS topic. The build writes its
 * definition and CloudFormation template to {@code target/statecraft/daily-reminder/}.
 */
public final class DailyReminder implements Workflow {

  @Override
  public String id() {
    return "daily-reminder";
  }

  @Override
  public WorkflowSpec spec() {
    // A stack parameter: ${Team} in the definition, given when the template is deployed.
    Parameter team = Parameter.string("Team").defaultValue("platform");
    SnsTopic topic = SnsTopic.named("ReminderTopic");

    // A typed AWS SDK call: the SDK's own request class, so a misspelled member does not compile.
    Task remind = Task.named("Remind").call(AwsSdk.call(PublishRequest.builder()
            .topicArn(AwsSdk.text(topic.arn()))
            .subject(AwsSdk.text(team.ref()))
            .message(AwsSdk.text(Jsonata.of("$states.input.message")))
            .build())
        .permissions(topic.publishStatements().toArray(IamStatement[]::new)))
        .retry(Retry.on(AwsSdk.error(ThrottledException.class)).intervalSeconds(2).maxAttempts(3).backoffRate(2));
    Succeed done = Succeed.named("Done");
    remind.next(done);

    Choice anythingToSay = Choice.named("AnythingToSay")
        .when(Condition.jsonata("$exists($states.input.message)"), remind)
        .otherwise(done);

    return WorkflowSpec.builder(StateMachine.startWith(anythingToSay).queryLanguage(QueryLanguage.JSONATA))
        .description("Mails the team a reminder every weekday morning")
        .parameters(team)
        .resources(topic)
        .triggers(Schedule.named("EveryWeekday")
            .expression("cron(0 9 ? * MON-FRI *)")
            .timeZone("Europe/Berlin")
            .input(Json.object().put("message", "Stand-up in five minutes").build()))
        .build();
  }
}
