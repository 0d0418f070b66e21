package io.statecraft.workflows;

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
import io.statecraft.dsl.Wait;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import java.util.List;

/**
 * {@code patch-infrequent-instances}: started by an SSM maintenance window once per target
 * instance, with input {@code {"instanceId": "i-..."}}. Starts the instance if it was stopped,
 * waits until it runs and is online in Systems Manager, patches it with
 * {@code AWS-RunPatchBaseline}, and stops it again only if it was stopped before. After any
 * failure it still stops an instance it started, then fails with the cause. Every step is an AWS
 * SDK integration: no Lambda function. See {@code docs/workflows/patch-infrequent-instances.md}.
 */
public final class PatchInfrequentInstances implements Workflow {

  /** The workflow id: output folder and artifact classifier. */
  public static final String ID = "patch-infrequent-instances";

  static final Placeholder POLL_INITIAL_SECONDS = new Placeholder("PollInitialSeconds", Placeholder.Kind.NUMBER);
  static final Placeholder POLL_MAX_SECONDS = new Placeholder("PollMaxSeconds", Placeholder.Kind.NUMBER);
  static final Placeholder MAX_READY_CHECKS = new Placeholder("MaxReadyChecks", Placeholder.Kind.NUMBER);
  static final Placeholder MAX_COMMAND_CHECKS = new Placeholder("MaxCommandChecks", Placeholder.Kind.NUMBER);
  static final Placeholder PATCH_OPERATION = Placeholder.string("PatchOperation");
  static final Placeholder REBOOT_OPTION = Placeholder.string("RebootOption");

  static final String INSTANCE_ARNS = "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/*";
  static final String PATCH_DOCUMENT_ARN = "arn:${AWS::Partition}:ssm:${AWS::Region}::document/AWS-RunPatchBaseline";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public WorkflowSpec spec() {
    return WorkflowSpec.builder(stateMachine())
        .description("patch-infrequent-instances: a maintenance window starts stopped EC2 instances, patches "
            + "them with AWS-RunPatchBaseline and stops them again")
        .build();
  }

  static StateMachine stateMachine() {
    Catch toRestore = Catch.on(Errors.ALL).assign(Json.object().put("failure", js("$states.errorOutput")).build());

    Fail failWithCause = Fail.named("FailWithCause")
        .comment("The instance is back in the state it was found in (or the cause says why not)")
        .error(js("$failure.Error"))
        .cause(js("$exists($failure.Cause) ? $failure.Cause : 'The failing state gave no cause.'"));

    Task recordInitialState = Task.named("RecordInitialState")
        .comment("Remembers whether the instance was running, so that it is left as it was found")
        .resource("arn:aws:states:::aws-sdk:ec2:describeInstances")
        .arguments(Json.object().put("InstanceIds", Json.array(js("$states.input.instanceId"))).build())
        .assign(Json.object()
            .put("instanceId", js("$states.input.instanceId"))
            .put("initialState", js("$states.result.Reservations[0].Instances[0].State.Name"))
            .put("wait", POLL_INITIAL_SECONDS)
            .put("pollInitialSeconds", POLL_INITIAL_SECONDS)
            .put("pollMaxSeconds", POLL_MAX_SECONDS)
            .put("maxReadyChecks", MAX_READY_CHECKS)
            .put("maxCommandChecks", MAX_COMMAND_CHECKS)
            .put("checks", 0)
            .build())
        .permissions(describeInstances())
        .retry(ec2Retry());
    // Nothing has changed yet: fail straight away.
    recordInitialState.catchErrors(toRestore, failWithCause);

    Choice checkInitialState = Choice.named("CheckInitialState");
    Fail notPatchable = Fail.named("InstanceNotPatchable")
        .comment("Pending, stopping, shutting-down or terminated: leave it alone")
        .error("InstanceNotPatchable")
        .cause(js("'Instance ' & $instanceId & ' is ' & $initialState & '; only running or stopped instances are patched.'"));

    Task startInstance = Task.named("StartInstance")
        .resource("arn:aws:states:::aws-sdk:ec2:startInstances")
        .arguments(Json.object().put("InstanceIds", Json.array(js("$instanceId"))).build())
        .permissions(IamStatement.allow("ec2:StartInstances", INSTANCE_ARNS))
        .retry(ec2Retry());

    Wait waitUntilReady = Wait.named("WaitUntilReady")
        .comment("Backs off: each check doubles the wait, up to PollMaxSeconds")
        .seconds(js("$wait"));
    Task checkRunning = Task.named("CheckInstanceRunning")
        .resource("arn:aws:states:::aws-sdk:ec2:describeInstances")
        .arguments(Json.object().put("InstanceIds", Json.array(js("$instanceId"))).build())
        .assign(Json.object()
            .put("currentState", js("$states.result.Reservations[0].Instances[0].State.Name"))
            .put("checks", js("$checks + 1"))
            .put("wait", js("$min([$wait * 2, $pollMaxSeconds])"))
            .build())
        .permissions(describeInstances())
        .retry(ec2Retry());
    Choice isRunning = Choice.named("IsInstanceRunning");
    Task checkManaged = Task.named("CheckManagedBySsm")
        .comment("Running is not enough: SendCommand needs the SSM Agent online")
        .resource("arn:aws:states:::aws-sdk:ssm:describeInstanceInformation")
        .arguments(Json.object().put("Filters", Json.array(Json.object()
            .put("Key", "InstanceIds")
            .put("Values", Json.array(js("$instanceId")))
            .build())).build())
        .assign(Json.object()
            .put("pingStatus", js("$exists($states.result.InstanceInformationList[0].PingStatus) "
                + "? $states.result.InstanceInformationList[0].PingStatus : 'NotRegistered'"))
            .put("checks", js("$checks + 1"))
            .put("wait", js("$min([$wait * 2, $pollMaxSeconds])"))
            .build())
        .permissions(IamStatement.allowOnAnyResource(List.of("ssm:DescribeInstanceInformation"),
            "ssm:DescribeInstanceInformation supports no resource-level permission"))
        .retry(ssmRetry());
    Choice isManaged = Choice.named("IsManagedBySsm");
    Pass notReady = Pass.named("InstanceNotReady")
        .assign(Json.object().put("failure", Json.object()
            .put("Error", "InstanceNotReady")
            .put("Cause", js("'Instance ' & $instanceId & ' was not running and online in Systems Manager after ' "
                + "& $checks & ' checks (last EC2 state ' & $currentState & ').'"))
            .build()).build());

    Task sendPatchCommand = Task.named("SendPatchCommand")
        .comment("Patch Manager scans or installs per the instance's patch baseline")
        .resource("arn:aws:states:::aws-sdk:ssm:sendCommand")
        .arguments(Json.object()
            .put("DocumentName", "AWS-RunPatchBaseline")
            .put("InstanceIds", Json.array(js("$instanceId")))
            .put("Parameters", Json.object()
                .put("Operation", Json.array(PATCH_OPERATION))
                .put("RebootOption", Json.array(REBOOT_OPTION))
                .build())
            .put("Comment", js("$substring('Step Functions execution ' & $states.context.Execution.Name, 0, 100)"))
            .build())
        .assign(Json.object()
            .put("commandId", js("$states.result.Command.CommandId"))
            .put("checks", 0)
            .put("wait", js("$pollInitialSeconds"))
            .build())
        .permissions(IamStatement.allow(List.of("ssm:SendCommand"), List.of(PATCH_DOCUMENT_ARN, INSTANCE_ARNS)))
        // Just after the agent comes online, SSM may still call the instance unknown for a moment.
        .retry(Retry.on("Ssm.InvalidInstanceIdException")
                .intervalSeconds(10).maxAttempts(3).backoffRate(2).jitterStrategy(Retry.Jitter.FULL),
            ssmRetry());
    Wait waitForCommand = Wait.named("WaitForCommand").seconds(js("$wait"));
    Task getCommandStatus = Task.named("GetCommandStatus")
        .resource("arn:aws:states:::aws-sdk:ssm:getCommandInvocation")
        .arguments(Json.object()
            .put("CommandId", js("$commandId"))
            .put("InstanceId", js("$instanceId"))
            .build())
        .assign(Json.object()
            .put("commandStatus", js("$states.result.Status"))
            .put("statusDetails", js("$states.result.StatusDetails"))
            .put("checks", js("$checks + 1"))
            .put("wait", js("$min([$wait * 2, $pollMaxSeconds])"))
            .build())
        .permissions(IamStatement.allowOnAnyResource(List.of("ssm:GetCommandInvocation"),
            "ssm:GetCommandInvocation supports no resource-level permission"))
        // The invocation is not visible for a few seconds after SendCommand returns.
        .retry(Retry.on("Ssm.InvocationDoesNotExistException")
                .intervalSeconds(5).maxAttempts(5).backoffRate(2).jitterStrategy(Retry.Jitter.FULL),
            ssmRetry());
    Choice isCommandFinished = Choice.named("IsCommandFinished");
    Pass commandNotFinished = Pass.named("CommandNotFinished")
        .assign(Json.object().put("failure", Json.object()
            .put("Error", "PatchCommandNotFinished")
            .put("Cause", js("'AWS-RunPatchBaseline command ' & $commandId & ' on ' & $instanceId & ' was still ' "
                + "& $commandStatus & ' after ' & $checks & ' checks.'"))
            .build()).build());
    Pass commandFailed = Pass.named("PatchCommandFailed")
        .assign(Json.object().put("failure", Json.object()
            .put("Error", "PatchCommandFailed")
            .put("Cause", js("'AWS-RunPatchBaseline command ' & $commandId & ' on ' & $instanceId & ' ended ' "
                + "& $commandStatus & ' (' & $statusDetails & '); see its output in Run Command.'"))
            .build()).build());

    Choice restoreInitialState = Choice.named("RestoreInitialState");
    Task stopInstance = Task.named("StopInstance")
        .comment("Only reached when the instance was stopped before patching")
        .resource("arn:aws:states:::aws-sdk:ec2:stopInstances")
        .arguments(Json.object().put("InstanceIds", Json.array(js("$instanceId"))).build())
        .permissions(IamStatement.allow("ec2:StopInstances", INSTANCE_ARNS))
        .retry(ec2Retry());
    Succeed patched = Succeed.named("Patched")
        .output(js("{'instanceId': $instanceId, 'commandId': $commandId, 'initialState': $initialState}"));

    Choice restoreAfterFailure = Choice.named("RestoreAfterFailure");
    Task stopAfterFailure = Task.named("StopAfterFailure")
        .resource("arn:aws:states:::aws-sdk:ec2:stopInstances")
        .arguments(Json.object().put("InstanceIds", Json.array(js("$instanceId"))).build())
        .permissions(IamStatement.allow("ec2:StopInstances", INSTANCE_ARNS))
        .retry(ec2Retry());

    recordInitialState.next(checkInitialState);
    checkInitialState
        .when(Condition.jsonata("$initialState = 'stopped'"), startInstance)
        .when(Condition.jsonata("$initialState = 'running'"), waitUntilReady)
        .otherwise(notPatchable);
    startInstance.next(waitUntilReady);
    startInstance.catchErrors(toRestore, restoreAfterFailure);
    waitUntilReady.next(checkRunning);
    checkRunning.next(isRunning);
    checkRunning.catchErrors(toRestore, restoreAfterFailure);
    isRunning
        .when(Condition.jsonata("$currentState = 'running'"), checkManaged)
        .when(Condition.jsonata("$checks >= $maxReadyChecks"), notReady)
        .otherwise(waitUntilReady);
    checkManaged.next(isManaged);
    checkManaged.catchErrors(toRestore, restoreAfterFailure);
    isManaged
        .when(Condition.jsonata("$pingStatus = 'Online'"), sendPatchCommand)
        .when(Condition.jsonata("$checks >= $maxReadyChecks"), notReady)
        .otherwise(waitUntilReady);
    notReady.next(restoreAfterFailure);
    sendPatchCommand.next(waitForCommand);
    sendPatchCommand.catchErrors(toRestore, restoreAfterFailure);
    waitForCommand.next(getCommandStatus);
    getCommandStatus.next(isCommandFinished);
    getCommandStatus.catchErrors(toRestore, restoreAfterFailure);
    isCommandFinished
        .when(Condition.jsonata("$commandStatus = 'Success'"), restoreInitialState)
        .when(Condition.jsonata("$commandStatus in ['Pending', 'InProgress', 'Delayed'] and $checks >= $maxCommandChecks"),
            commandNotFinished)
        .when(Condition.jsonata("$commandStatus in ['Pending', 'InProgress', 'Delayed']"), waitForCommand)
        .otherwise(commandFailed);
    commandNotFinished.next(restoreAfterFailure);
    commandFailed.next(restoreAfterFailure);
    restoreInitialState
        .when(Condition.jsonata("$initialState = 'stopped'"), stopInstance)
        .otherwise(patched);
    stopInstance.next(patched);
    // Patched, but left running: that is a failure someone must see.
    stopInstance.catchErrors(Catch.on(Errors.ALL).assign(Json.object().put("failure", Json.object()
        .put("Error", js("$states.errorOutput.Error"))
        .put("Cause", js("'Instance ' & $instanceId & ' was patched but could not be stopped again: ' "
            + "& $states.errorOutput.Cause"))
        .build()).build()), failWithCause);
    restoreAfterFailure
        .when(Condition.jsonata("$initialState = 'stopped'"), stopAfterFailure)
        .otherwise(failWithCause);
    stopAfterFailure.next(failWithCause);
    stopAfterFailure.catchErrors(Catch.on(Errors.ALL).assign(Json.object().put("failure", Json.object()
        .put("Error", js("$failure.Error"))
        .put("Cause", js("$failure.Cause & ' Instance ' & $instanceId & ' could not be stopped again: ' "
            + "& $states.errorOutput.Cause"))
        .build()).build()), failWithCause);

    return StateMachine.startWith(recordInitialState)
        .comment("Starts a stopped EC2 instance, patches it with AWS-RunPatchBaseline and leaves it as it was found")
        .queryLanguage(QueryLanguage.JSONATA)
        .timeoutSeconds(6 * 3600);
  }

  private static IamStatement describeInstances() {
    return IamStatement.allowOnAnyResource(List.of("ec2:DescribeInstances"),
        "ec2:DescribeInstances supports no resource-level permission");
  }

  // EC2 reports every error, throttling included, as Ec2.Ec2Exception: a few retries only.
  private static Retry ec2Retry() {
    return Retry.on("Ec2.Ec2Exception")
        .intervalSeconds(2).maxAttempts(3).backoffRate(2).maxDelaySeconds(20).jitterStrategy(Retry.Jitter.FULL);
  }

  private static Retry ssmRetry() {
    return Retry.on("Ssm.ThrottlingException", "Ssm.InternalServerErrorException")
        .intervalSeconds(2).maxAttempts(5).backoffRate(2).maxDelaySeconds(30).jitterStrategy(Retry.Jitter.FULL);
  }

  private static Jsonata js(String expression) {
    return Jsonata.of(expression);
  }
}
