package io.statecraft.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.dsl.Catch;
import io.statecraft.dsl.Choice;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Context;
import io.statecraft.dsl.Errors;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.Retry;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.States;
import io.statecraft.dsl.Succeed;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.Wait;
import io.statecraft.testing.GoldenFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.ssm.model.ComplianceStringFilter;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationRequest;
import software.amazon.awssdk.services.ssm.model.ListResourceComplianceSummariesRequest;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;
import software.amazon.awssdk.services.ssm.model.SendCommandResponse;
import software.amazon.awssdk.services.ssm.model.Command;

/**
 * Whole state machines made of typed integrations, compiled and validated like a workflow build,
 * against reviewed golden files (regenerate with -Dgolden.update=true).
 */
class WholeDefinitionsTest {

  private static final java.nio.file.Path GOLDEN = java.nio.file.Path.of("src/test/resources/golden");

  /** Patch running instances, wait for the command, and tell the team: JSONPath. */
  static StateMachine patchRunningInstances() {
    SdkCall describe = AwsSdk.call(DescribeInstancesRequest.builder()
        .filters(Filter.builder().name("instance-state-name").values("running").build())
        .build());
    Path ids = describe.result(DescribeInstancesResponse.class)
        .each(DescribeInstancesResponse::reservations).each(Reservation::instances).get(Instance::instanceId).path();

    SdkCall compliance = AwsSdk.call(ListResourceComplianceSummariesRequest.builder()
        .filters(
            ComplianceStringFilter.builder().key("ComplianceType").values("Patch").build(),
            ComplianceStringFilter.builder().key("OverallSeverity").values("CRITICAL").build())
        .build())
        .with("Filters[1].Values[0]", Path.input().field("severity"))
        .with("MaxResults", Path.input().field("pageSize"));

    SdkCall send = AwsSdk.call(SendCommandRequest.builder()
        .documentName("AWS-RunPatchBaseline")
        .instanceIds(AwsSdk.list(Path.input().fields("running", "instanceIds")))
        .build())
        .with("Parameters", Json.object().put("Operation", Json.strings("Install")).build());
    Path commandId = send.result(SendCommandResponse.class).get(SendCommandResponse::command).get(Command::commandId)
        .pathFrom(Path.input().field("sent"));

    SdkCall poll = AwsSdk.call(GetCommandInvocationRequest.builder()
        .commandId(AwsSdk.text(commandId))
        .instanceId(AwsSdk.text(States.arrayGetItem(Path.input().fields("running", "instanceIds"), 0)))
        .build());

    OptimizedCall notify = AwsSdk.optimized(PublishRequest.builder()
        .topicArn(AwsSdk.text(Placeholder.string("AlertsTopic")))
        .subject("Patching")
        .message(AwsSdk.text(States.format("Patched {}", States.jsonToString(Path.input().fields("running", "instanceIds")))))
        .build());

    Task describeTask = Task.named("DescribeInstances").call(describe)
        .resultSelector(Json.object().put("instanceIds", ids))
        .resultPath(Path.input().field("running"));
    Task complianceTask = Task.named("ListNonCompliant").call(compliance).resultPath(Path.input().field("compliance"));
    Choice any = Choice.named("AnyInstances");
    Task sendTask = Task.named("Patch").call(send).resultPath(Path.input().field("sent"))
        .retry(Retry.on(SdkErrors.Ssm.SERVICE).intervalSeconds(5).maxAttempts(3).backoffRate(2));
    Wait wait = Wait.named("WaitForCommand").seconds(30);
    Task pollTask = Task.named("GetCommandInvocation").call(poll).resultPath(Path.input().field("invocation"))
        .retry(Retry.on(SdkErrors.Ssm.INVOCATION_DOES_NOT_EXIST).intervalSeconds(2).maxAttempts(5).backoffRate(2));
    Task notifyTask = Task.named("Notify").call(notify);
    Succeed done = Succeed.named("Done");
    pollTask.catchErrors(Catch.on(Errors.ALL).resultPath(Path.input().field("error")), notifyTask);

    describeTask.next(complianceTask).next(any);
    any.when(Condition.isPresent(Path.input().fields("running", "instanceIds").index(0)), sendTask).otherwise(done);
    sendTask.next(wait).next(pollTask).next(notifyTask).next(done);
    return StateMachine.startWith(describeTask);
  }

  /** Disable an exposed access key and report what it did lately: JSONata. */
  static StateMachine disableExposedKey() {
    SdkCall delete = AwsSdk.call(DeleteAccessKeyRequest.builder()
        .userName(AwsSdk.text(Jsonata.of("$states.input.detail.userName")))
        .accessKeyId(AwsSdk.text(Jsonata.of("$states.input.detail.accessKeyId")))
        .build());
    SdkCall lookup = AwsSdk.call(LookupEventsRequest.builder()
        .lookupAttributes(LookupAttribute.builder()
            .attributeKey(LookupAttributeKey.ACCESS_KEY_ID)
            .attributeValue(AwsSdk.text(Jsonata.of("$key")))
            .build())
        .build())
        .with("MaxResults", Jsonata.of("$pageSize"));
    SdkResult<String> eventNames = lookup.result(LookupEventsResponse.class)
        .each(LookupEventsResponse::events).get(Event::eventName);
    OptimizedCall notify = AwsSdk.optimized(PublishRequest.builder()
        .topicArn(AwsSdk.text(Placeholder.string("SecurityTopic")))
        .message(AwsSdk.text(Jsonata.of("'Deleted ' & $key & ' after: ' & $join($events, ', ')")))
        .build());

    Task deleteTask = Task.named("DeleteAccessKey").call(delete)
        .assign(Json.object()
            .put("key", Jsonata.of("$states.input.detail.accessKeyId"))
            .put("pageSize", Value_of(50))
            .build())
        .retry(Retry.on(SdkErrors.Iam.SERVICE_FAILURE).maxAttempts(2));
    Task lookupTask = Task.named("LookupEvents").call(lookup)
        .assign("events", eventNames.jsonata());
    Task notifyTask = Task.named("Notify").call(notify);
    deleteTask.next(lookupTask).next(notifyTask);
    return StateMachine.startWith(deleteTask).queryLanguage(QueryLanguage.JSONATA);
  }

  private static io.statecraft.dsl.Value Value_of(long number) {
    return io.statecraft.dsl.Value.of(number);
  }

  @Test
  void patchRunningInstancesCompilesValidatesAndMatchesItsGoldenFile() {
    GoldenFile.verify(GOLDEN.resolve("patch-running-instances.asl.json"), Definitions.of(patchRunningInstances()));
  }

  @Test
  void disableExposedKeyCompilesValidatesAndMatchesItsGoldenFile() {
    GoldenFile.verify(GOLDEN.resolve("disable-exposed-key.asl.json"), Definitions.of(disableExposedKey()));
  }

  @Test
  void theExecutionRoleGetsEachTasksStatements() {
    Map<String, List<IamStatement>> permissions = disableExposedKey().build().permissions();
    assertThat(permissions.get("DeleteAccessKey")).containsExactly(
        IamStatement.allow("iam:DeleteAccessKey", "arn:${AWS::Partition}:iam::${AWS::AccountId}:user/*"));
    assertThat(permissions.get("LookupEvents")).extracting(IamStatement::resources).containsExactly(List.of("*"));
    assertThat(permissions.get("Notify")).containsExactly(IamStatement.allow("sns:Publish", "${SecurityTopic}"));
    assertThat(patchRunningInstances().build().permissions().get("Patch")).extracting(IamStatement::resources)
        .containsExactly(List.of("arn:${AWS::Partition}:ssm:${AWS::Region}::document/AWS-RunPatchBaseline",
            "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/*",
            "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:managed-instance/*"));
  }
}
