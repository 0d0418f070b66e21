package io.statecraft.workflows.dsl;

import io.statecraft.aws.AwsSdk;
import io.statecraft.aws.SdkCall;
import io.statecraft.aws.SdkErrors;
import io.statecraft.dsl.Choice;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Context;
import io.statecraft.dsl.Fail;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Retry;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.States;
import io.statecraft.dsl.Succeed;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.Wait;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationRequest;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;
import software.amazon.awssdk.services.ssm.model.SendCommandResponse;

/**
 * Recipe of docs/dsl.md, polling until done (JSONPath): runs a shell command on an instance with
 * Systems Manager, then checks every 30 seconds, at most 20 times, until it has finished.
 */
public final class PollUntilDone implements Workflow {

  @Override
  public String id() {
    return "poll-until-done";
  }

  @Override
  public WorkflowSpec spec() {
    SdkCall send = AwsSdk.call(SendCommandRequest.builder()
        .documentName("AWS-RunShellScript")
        .instanceIds(AwsSdk.list(States.array(Path.input().field("instanceId"))))
        .parameters(Map.of("commands", List.of("yum -y update")))
        .build());
    Task start = Task.named("RunCommand").call(send)
        .assign(Json.object()
            .put("instanceId", Context.executionInput().field("instanceId"))   // $ is the result here
            .put("commandId", send.result(SendCommandResponse.class).get(SendCommandResponse::command)
                .get(Command::commandId).path())
            .put("checks", 0)
            .build());

    SdkCall get = AwsSdk.call(GetCommandInvocationRequest.builder()
        .commandId(AwsSdk.text(Path.variable("commandId")))
        .instanceId(AwsSdk.text(Path.variable("instanceId")))
        .build());
    Wait pause = Wait.named("WaitForCommand").seconds(30);
    Task check = Task.named("CheckCommand").call(get)
        .resultSelector(Json.object().put("status", get.result(GetCommandInvocationResponse.class)
            .get(GetCommandInvocationResponse::status).path()))
        .assign("checks", States.mathAdd(Path.variable("checks"), 1))
        .retry(Retry.on(SdkErrors.Ssm.INVOCATION_DOES_NOT_EXIST).intervalSeconds(2).maxAttempts(5).backoffRate(2));

    Path status = Path.input().field("status");
    Choice done = Choice.named("Finished")
        .when(Condition.stringEquals(status, "Success"), Succeed.named("Done"))
        .when(Condition.and(
            Condition.or(Condition.stringEquals(status, "Pending"), Condition.stringEquals(status, "InProgress"),
                Condition.stringEquals(status, "Delayed")),
            Condition.numericLessThan(Path.variable("checks"), 20)), pause)
        .otherwise(Fail.named("CommandFailed").error("Command.Failed")
            .causePath(States.format("command {} ended {} after {} checks", Path.variable("commandId"), status,
                Path.variable("checks"))));

    start.next(pause).next(check).next(done);

    return WorkflowSpec.builder(StateMachine.startWith(start))
        .description("Runs a command on an instance and waits until it has finished")
        .build();
  }
}
