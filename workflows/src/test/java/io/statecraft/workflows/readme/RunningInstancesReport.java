package io.statecraft.workflows.readme;

import io.statecraft.aws.AwsSdk;
import io.statecraft.aws.SdkCall;
import io.statecraft.aws.SdkErrors;
import io.statecraft.dsl.Choice;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Jsonata;
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
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** The README's first example, kept here so that it always compiles and works. */
public final class RunningInstancesReport implements Workflow {

  @Override
  public String id() {
    return "running-instances-report";
  }

  @Override
  public WorkflowSpec spec() {
    Parameter environment = Parameter.string("Environment").allowedValues("dev", "prod").defaultValue("dev");
    SnsTopic topic = SnsTopic.named("ReportTopic");

    SdkCall describe = AwsSdk.call(DescribeInstancesRequest.builder()
        .filters(
            Filter.builder().name("tag:Environment").values(AwsSdk.text(environment.ref())).build(),
            Filter.builder().name("instance-state-name").values("running").build())
        .build());
    Task find = Task.named("FindRunningInstances").call(describe)
        .assign("ids", describe.result(DescribeInstancesResponse.class)
            .each(DescribeInstancesResponse::reservations)
            .each(Reservation::instances)
            .get(Instance::instanceId)
            .jsonata())
        .retry(Retry.on(SdkErrors.Ec2.SERVICE).intervalSeconds(2).maxAttempts(3).backoffRate(2));

    Task report = Task.named("Report").call(AwsSdk.optimized(PublishRequest.builder()
            .topicArn(AwsSdk.text(topic.arn()))
            .subject(AwsSdk.text(Jsonata.of("$count($ids) & ' running instances'")))
            .message(AwsSdk.text(Jsonata.of("$join($ids, ', ')")))
            .build())
        .permissions(topic.publishStatements().toArray(IamStatement[]::new)));
    Succeed done = Succeed.named("Done");

    find.next(Choice.named("AnyRunning")
        .when(Condition.jsonata("$count($ids) > 0"), report)
        .otherwise(done));
    report.next(done);

    return WorkflowSpec.builder(StateMachine.startWith(find).queryLanguage(QueryLanguage.JSONATA))
        .description("Mails the ids of the running instances of an environment every morning")
        .parameters(environment)
        .resources(topic)
        .triggers(Schedule.named("EveryMorning").expression("cron(0 7 * * ? *)").timeZone("Europe/Berlin"))
        .build();
  }
}
