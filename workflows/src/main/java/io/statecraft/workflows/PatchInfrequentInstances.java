package io.statecraft.workflows;

import io.statecraft.aws.AwsSdk;
import io.statecraft.aws.SdkCall;
import io.statecraft.aws.SdkErrors;
import io.statecraft.aws.SdkResult;
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
import io.statecraft.dsl.workflow.MaintenanceWindow;
import io.statecraft.dsl.workflow.MaintenanceWindowTarget;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.TemplateCondition;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.StartInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StopInstancesRequest;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationRequest;
import software.amazon.awssdk.services.ssm.model.CancelCommandRequest;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationRequest;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;
import software.amazon.awssdk.services.ssm.model.SendCommandResponse;

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

  /** Where the failure alarms go. */
  static final Parameter ALARM_TOPIC = Operations.alarmTopic();

  /**
   * The tag that marks the instances to patch. A fixed key (its value is a parameter) lets the
   * execution role start, stop and patch only instances that carry it: an IAM condition key
   * cannot come from a template parameter.
   */
  public static final String TARGET_TAG_KEY = "InfrequentPatching";

  static final Parameter TARGET_TAG_VALUE = Parameter.string("TargetTagValue")
      .label("Value of the InfrequentPatching tag")
      .description("Instances tagged InfrequentPatching with this value are patched, and only they may be started "
          + "and stopped by the workflow")
      .defaultValue("enabled")
      .allowedPattern("[\\w .:/=+@-]{1,256}")
      .constraintDescription("1 to 256 letters, digits, spaces and _ . : / = + - @");
  static final Parameter WINDOW_SCHEDULE = Parameter.string("WindowSchedule")
      .label("Maintenance window schedule")
      .description("cron or rate expression of the maintenance window")
      .defaultValue("cron(0 3 ? * SUN *)")
      .allowedPattern("(cron|rate)\\(.+\\)");
  static final Parameter WINDOW_TIME_ZONE = Parameter.string("WindowTimeZone")
      .label("Maintenance window time zone")
      .description("IANA time zone of the schedule, such as Europe/Bucharest")
      .defaultValue("Etc/UTC");
  static final Parameter WINDOW_DURATION_HOURS = Parameter.number("WindowDurationHours")
      .label("Maintenance window duration (hours)")
      .description("Hours the maintenance window stays open, 1 to 24; more than WindowCutoffHours")
      .defaultValue(4)
      .minValue(1)
      .maxValue(24);
  static final Parameter WINDOW_CUTOFF_HOURS = Parameter.number("WindowCutoffHours")
      .label("Maintenance window cutoff (hours)")
      .description("Hours before the window closes when no new instance is started, 0 to 23; less than "
          + "WindowDurationHours")
      .defaultValue(1)
      .minValue(0)
      .maxValue(23);
  static final Parameter WINDOW_MAX_CONCURRENCY = Parameter.string("WindowMaxConcurrency")
      .label("Instances patched at once")
      .description("How many instances the window patches at once: a number, or a percentage of the targets such as 10%")
      .defaultValue("5")
      .allowedPattern("[1-9][0-9]*|[1-9][0-9]?%|100%")
      .constraintDescription("a number from 1, or a percentage from 1% to 100%");
  static final Parameter WINDOW_MAX_ERRORS = Parameter.string("WindowMaxErrors")
      .label("Failed instances before the window stops")
      .description("After this many failed instances (a number, or a percentage of the targets) the window starts no more")
      .defaultValue("5")
      .allowedPattern("0|[1-9][0-9]*|[0-9]%|[1-9][0-9]%|100%")
      .constraintDescription("a number from 0, or a percentage from 0% to 100%");
  static final Parameter PATCH_OPERATION_PARAMETER = Parameter.string("PatchOperation")
      .label("Patch operation")
      .description("Install missing patches, or only Scan and report compliance")
      .allowedValues("Install", "Scan")
      .defaultValue("Install");
  static final Parameter REBOOT_OPTION_PARAMETER = Parameter.string("RebootOption")
      .label("Reboot option")
      .description("RebootIfNeeded after installing patches, or NoReboot")
      .allowedValues("RebootIfNeeded", "NoReboot")
      .defaultValue("RebootIfNeeded");
  static final Parameter POLL_INITIAL_SECONDS_PARAMETER = Parameter.number("PollInitialSeconds")
      .label("First wait between checks (seconds)")
      .description("Seconds before the first check of the instance or the command; each later wait doubles")
      .defaultValue(15)
      .minValue(5)
      .maxValue(300);
  /**
   * The execution's timeout. No catcher sees it, so an instance the workflow started would be left
   * running: the parameters' ranges keep the longest polling (every check at the longest wait)
   * within it, with {@link #CALLS_MARGIN_SECONDS} to spare for the calls and their retries.
   */
  static final int TIMEOUT_SECONDS = 6 * 3600;
  static final int CALLS_MARGIN_SECONDS = 35 * 60;
  static final int MAX_POLL_SECONDS = 300;
  static final int MAX_READY_CHECKS = 20;
  static final int MAX_COMMAND_CHECKS = 45;

  static final Parameter POLL_MAX_SECONDS_PARAMETER = Parameter.number("PollMaxSeconds")
      .label("Longest wait between checks (seconds)")
      .description("The doubling waits stop growing here, 5 to " + MAX_POLL_SECONDS + "; polling stays within the "
          + "execution's 6 hours")
      .defaultValue(120)
      .minValue(5)
      .maxValue(MAX_POLL_SECONDS);
  static final Parameter MAX_READY_CHECKS_PARAMETER = Parameter.number("MaxReadyChecks")
      .label("Checks until the instance is ready")
      .description("How many times to check that the instance runs and is online in Systems Manager before giving up, "
          + "1 to " + MAX_READY_CHECKS)
      .defaultValue(20)
      .minValue(1)
      .maxValue(MAX_READY_CHECKS);
  static final Parameter MAX_COMMAND_CHECKS_PARAMETER = Parameter.number("MaxCommandChecks")
      .label("Checks until patching finishes")
      .description("How many times to check the AWS-RunPatchBaseline command before cancelling it, 1 to "
          + MAX_COMMAND_CHECKS)
      .defaultValue(45)
      .minValue(1)
      .maxValue(MAX_COMMAND_CHECKS);

  /**
   * The customer managed KMS key of the instances' EBS volumes, if any: starting an instance with
   * such volumes needs grants on the key for the caller, or EC2 stops it again at once.
   */
  static final Parameter EBS_KMS_KEY = Parameter.string("EbsKmsKeyArn")
      .label("KMS key of encrypted EBS volumes (optional)")
      .description("ARN of the customer managed KMS key that encrypts the instances' EBS volumes; leave empty when "
          + "they are unencrypted or use the AWS managed key aws/ebs")
      .defaultValue("")
      .allowedPattern("|arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+")
      .constraintDescription("empty, or a KMS key ARN: arn:aws:kms:REGION:ACCOUNT:key/KEY-ID")
      .maxLength(2048);
  static final TemplateCondition HAS_EBS_KMS_KEY = TemplateCondition.notEmpty("HasEbsKmsKey", EBS_KMS_KEY);

  static final Placeholder POLL_INITIAL_SECONDS = POLL_INITIAL_SECONDS_PARAMETER.ref();
  static final Placeholder POLL_MAX_SECONDS = POLL_MAX_SECONDS_PARAMETER.ref();
  static final Placeholder READY_CHECKS = MAX_READY_CHECKS_PARAMETER.ref();
  static final Placeholder COMMAND_CHECKS = MAX_COMMAND_CHECKS_PARAMETER.ref();
  static final Placeholder PATCH_OPERATION = PATCH_OPERATION_PARAMETER.ref();
  static final Placeholder REBOOT_OPTION = REBOOT_OPTION_PARAMETER.ref();

  static final String INSTANCE_ARNS = "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/*";
  static final String PATCH_DOCUMENT_ARN = "arn:${AWS::Partition}:ssm:${AWS::Region}::document/AWS-RunPatchBaseline";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public WorkflowSpec spec() {
    return WorkflowSpec.builder(stateMachine())
        .description("A maintenance window starts stopped EC2 instances, patches "
            + "them with AWS-RunPatchBaseline and stops them again")
        .parameterGroup("Instances and window", TARGET_TAG_VALUE, WINDOW_SCHEDULE, WINDOW_TIME_ZONE,
            WINDOW_DURATION_HOURS, WINDOW_CUTOFF_HOURS, WINDOW_MAX_CONCURRENCY, WINDOW_MAX_ERRORS)
        .parameterGroup("Patching", PATCH_OPERATION_PARAMETER, REBOOT_OPTION_PARAMETER, EBS_KMS_KEY)
        .parameterGroup("Polling", POLL_INITIAL_SECONDS_PARAMETER, POLL_MAX_SECONDS_PARAMETER,
            MAX_READY_CHECKS_PARAMETER, MAX_COMMAND_CHECKS_PARAMETER)
        .parameterGroup("Operations", ALARM_TOPIC)
        .alarms(ALARM_TOPIC)
        .permissions(HAS_EBS_KMS_KEY, ebsKeyGrants())
        .triggers(MaintenanceWindow.named("PatchWindow")
            .description("Starts patch-infrequent-instances once per tagged instance")
            .schedule(WINDOW_SCHEDULE)
            .timeZone(WINDOW_TIME_ZONE)
            .durationHours(WINDOW_DURATION_HOURS)
            .cutoffHours(WINDOW_CUTOFF_HOURS)
            .target(MaintenanceWindowTarget.named("PatchTargets")
                .description("Instances tagged " + TARGET_TAG_KEY)
                .instancesTagged(TARGET_TAG_KEY, TARGET_TAG_VALUE))
            .taskInput(Json.object().put("instanceId", MaintenanceWindow.TARGET_ID).build())
            .maxConcurrency(WINDOW_MAX_CONCURRENCY)
            .maxErrors(WINDOW_MAX_ERRORS))
        .build();
  }

  static StateMachine stateMachine() {
    Catch toRestore = Catch.on(Errors.ALL).assign(Json.object().put("failure", js("$states.errorOutput")).build());

    Fail failWithCause = Fail.named("FailWithCause")
        .comment("The instance is back in the state it was found in (or the cause says why not)")
        .error(js("$failure.Error"))
        .cause(js("$exists($failure.Cause) ? $failure.Cause : 'The failing state gave no cause.'"));

    SdkCall describeInitial = describe("$states.input.instanceId");
    Task recordInitialState = Task.named("RecordInitialState")
        .comment("Remembers whether the instance was running, so that it is left as it was found")
        .call(describeInitial)
        .assign(Json.object()
            .put("instanceId", js("$states.input.instanceId"))
            .put("initialState", instanceState(describeInitial))
            .put("wait", POLL_INITIAL_SECONDS)
            .put("pollInitialSeconds", POLL_INITIAL_SECONDS)
            .put("pollMaxSeconds", POLL_MAX_SECONDS)
            .put("maxReadyChecks", READY_CHECKS)
            .put("maxCommandChecks", COMMAND_CHECKS)
            .put("checks", 0)
            .put("commandId", false)
            .put("commandStatus", "NotSent")
            .build())
        .retry(Retries.ec2());
    // Nothing has changed yet: fail straight away.
    recordInitialState.catchErrors(toRestore, failWithCause);

    Choice checkInitialState = Choice.named("CheckInitialState");
    Fail notPatchable = Fail.named("InstanceNotPatchable")
        .comment("Pending, stopping, shutting-down or terminated: leave it alone")
        .error("InstanceNotPatchable")
        .cause(js("'Instance ' & $instanceId & ' is ' & $initialState & '; only running or stopped instances are patched.'"));

    Task startInstance = Task.named("StartInstance")
        .call(AwsSdk.call(StartInstancesRequest.builder().instanceIds(AwsSdk.text(js("$instanceId"))).build())
            .permissions(taggedInstances("ec2:StartInstances")))
        .retry(Retries.ec2());

    Wait waitUntilReady = Wait.named("WaitUntilReady")
        .comment("Backs off: each check doubles the wait, up to PollMaxSeconds")
        .seconds(js("$wait"));
    SdkCall describeCurrent = describe("$instanceId");
    Task checkRunning = Task.named("CheckInstanceRunning")
        .call(describeCurrent)
        .assign(Json.object()
            .put("currentState", instanceState(describeCurrent))
            .put("checks", js("$checks + 1"))
            .put("wait", js("$min([$wait * 2, $pollMaxSeconds])"))
            .build())
        .retry(Retries.ec2());
    Choice isRunning = Choice.named("IsInstanceRunning");
    Task checkManaged = Task.named("CheckManagedBySsm")
        .comment("Running is not enough: SendCommand needs the SSM Agent online")
        .call(AwsSdk.call(DescribeInstanceInformationRequest.builder()
            .filters(InstanceInformationStringFilter.builder().key("InstanceIds").values(AwsSdk.text(js("$instanceId"))).build())
            .build()))
        .assign(Json.object()
            .put("pingStatus", js("$exists($states.result.InstanceInformationList[0].PingStatus) "
                + "? $states.result.InstanceInformationList[0].PingStatus : 'NotRegistered'"))
            .put("checks", js("$checks + 1"))
            .put("wait", js("$min([$wait * 2, $pollMaxSeconds])"))
            .build())
        .retry(Retries.ssm());
    Choice isManaged = Choice.named("IsManagedBySsm");
    Pass notReady = Pass.named("InstanceNotReady")
        .assign(Json.object().put("failure", Json.object()
            .put("Error", "InstanceNotReady")
            .put("Cause", js("'Instance ' & $instanceId & ' was not running and online in Systems Manager after ' "
                + "& $checks & ' checks (last EC2 state ' & $currentState & ').'"))
            .build()).build());

    SdkCall send = AwsSdk.call(SendCommandRequest.builder()
                .documentName("AWS-RunPatchBaseline")
                .instanceIds(AwsSdk.text(js("$instanceId")))
                .parameters(patchParameters())
                .comment(AwsSdk.text(js("$substring('Step Functions execution ' & $states.context.Execution.Name, 0, 100)")))
                .build())
            .permissions(IamStatement.allow("ssm:SendCommand", PATCH_DOCUMENT_ARN), taggedManagedInstances("ssm:SendCommand"));
    Task sendPatchCommand = Task.named("SendPatchCommand")
        .comment("Patch Manager scans or installs per the instance's patch baseline")
        .call(send)
        // The same request, plus TimeoutSeconds: the command may wait to start only as long as it
        // is polled for (SendCommand allows 30 to 2,592,000 seconds).
        .arguments(js("{'InstanceIds': [$instanceId], 'DocumentName': 'AWS-RunPatchBaseline', "
            + "'Comment': $substring('Step Functions execution ' & $states.context.Execution.Name, 0, 100), "
            + "'Parameters': {'Operation': ['" + PATCH_OPERATION.token() + "'], 'RebootOption': ['" + REBOOT_OPTION.token()
            + "']}, 'TimeoutSeconds': $max([30, $maxCommandChecks * $pollMaxSeconds])}"))
        .assign(Json.object()
            .put("commandId", send.result(SendCommandResponse.class).get(SendCommandResponse::command).get(Command::commandId).jsonata())
            .put("commandStatus", "Pending")
            .put("checks", 0)
            .put("wait", js("$pollInitialSeconds"))
            .build())
        // Just after the agent comes online, SSM may still call the instance unknown for a moment.
        .retry(Retry.on(SdkErrors.Ssm.INVALID_INSTANCE_ID)
                .intervalSeconds(10).maxAttempts(3).backoffRate(2).jitterStrategy(Retry.Jitter.FULL),
            Retries.ssm());
    Wait waitForCommand = Wait.named("WaitForCommand").seconds(js("$wait"));
    SdkCall poll = AwsSdk.call(GetCommandInvocationRequest.builder()
        .commandId(AwsSdk.text(js("$commandId")))
        .instanceId(AwsSdk.text(js("$instanceId")))
        .build());
    SdkResult<GetCommandInvocationResponse> invocation = poll.result(GetCommandInvocationResponse.class);
    Task getCommandStatus = Task.named("GetCommandStatus")
        .call(poll)
        .assign(Json.object()
            .put("commandStatus", invocation.get(GetCommandInvocationResponse::status).jsonata())
            .put("statusDetails", invocation.get(GetCommandInvocationResponse::statusDetails).jsonata())
            .put("checks", js("$checks + 1"))
            .put("wait", js("$min([$wait * 2, $pollMaxSeconds])"))
            .build())
        // The invocation is not visible for a few seconds after SendCommand returns.
        .retry(Retry.on(SdkErrors.Ssm.INVOCATION_DOES_NOT_EXIST)
                .intervalSeconds(5).maxAttempts(5).backoffRate(2).jitterStrategy(Retry.Jitter.FULL),
            Retries.ssm());
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
        .call(stop())
        .retry(Retries.ec2());
    Succeed patched = Succeed.named("Patched")
        .output(js("{'instanceId': $instanceId, 'commandId': $commandId, 'initialState': $initialState}"));

    Choice mustCancel = Choice.named("MustCancelCommand");
    Task cancelCommand = Task.named("CancelPatchCommand")
        .comment("Patching must not go on while the instance is stopped under it")
        .call(AwsSdk.call(CancelCommandRequest.builder()
            .commandId(AwsSdk.text(js("$commandId")))
            .instanceIds(AwsSdk.text(js("$instanceId")))
            .build()))
        .retry(Retries.ssm());
    Choice restoreAfterFailure = Choice.named("RestoreAfterFailure");
    Task stopAfterFailure = Task.named("StopAfterFailure")
        .call(stop())
        .retry(Retries.ec2());

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
    notReady.next(mustCancel);
    sendPatchCommand.next(waitForCommand);
    sendPatchCommand.catchErrors(toRestore, mustCancel);
    waitForCommand.next(getCommandStatus);
    getCommandStatus.next(isCommandFinished);
    getCommandStatus.catchErrors(toRestore, mustCancel);
    isCommandFinished
        .when(Condition.jsonata("$commandStatus = 'Success'"), restoreInitialState)
        .when(Condition.jsonata("$commandStatus in ['Pending', 'InProgress', 'Delayed'] and $checks >= $maxCommandChecks"),
            commandNotFinished)
        .when(Condition.jsonata("$commandStatus in ['Pending', 'InProgress', 'Delayed']"), waitForCommand)
        .otherwise(commandFailed);
    commandNotFinished.next(mustCancel);
    commandFailed.next(restoreAfterFailure);
    // A command that was sent and has not ended: cancel it before the instance is stopped. A
    // failed cancel does not stop the restore; the command ends by its own timeout then.
    mustCancel
        .when(Condition.jsonata("$commandStatus in ['Pending', 'InProgress', 'Delayed']"), cancelCommand)
        .otherwise(restoreAfterFailure);
    cancelCommand.next(restoreAfterFailure);
    cancelCommand.catchErrors(Catch.on(Errors.ALL), restoreAfterFailure);
    restoreInitialState
        .when(Condition.jsonata("$initialState = 'stopped'"), stopInstance)
        .otherwise(patched);
    stopInstance.next(patched);
    // Patched, but left running: that is a failure someone must see.
    stopInstance.catchErrors(failureCatch("$states.errorOutput.Error",
        "'Instance ' & $instanceId & ' was patched but could not be stopped again: ' & $states.errorOutput.Cause"),
        failWithCause);
    restoreAfterFailure
        .when(Condition.jsonata("$initialState = 'stopped'"), stopAfterFailure)
        .otherwise(failWithCause);
    stopAfterFailure.next(failWithCause);
    stopAfterFailure.catchErrors(failureCatch("$failure.Error",
        "$failure.Cause & ' Instance ' & $instanceId & ' could not be stopped again: ' & $states.errorOutput.Cause"),
        failWithCause);

    return StateMachine.startWith(recordInitialState)
        .comment("Starts a stopped EC2 instance, patches it with AWS-RunPatchBaseline and leaves it as it was found")
        .queryLanguage(QueryLanguage.JSONATA)
        .timeoutSeconds(TIMEOUT_SECONDS);
  }

  /**
   * What a principal needs on a customer managed key to use EBS volumes encrypted with it (and so
   * to start an instance that has them), as the EBS guide lists it, with CreateGrant limited to
   * grants AWS services create on its behalf
   * (https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption-requirements.html).
   */
  static IamStatement[] ebsKeyGrants() {
    String key = "${" + EBS_KMS_KEY.name() + "}";
    return new IamStatement[] {
        IamStatement.allow("kms:CreateGrant", key).withCondition("Bool", "kms:GrantIsForAWSResource", List.of("true")),
        IamStatement.allow(List.of("kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKeyWithoutPlaintext",
            "kms:ReEncryptFrom", "kms:ReEncryptTo"), List.of(key))
    };
  }

  // Only the instances the maintenance window targets: tagged InfrequentPatching=<TargetTagValue>.
  private static IamStatement taggedInstances(String action) {
    return IamStatement.allow(action, INSTANCE_ARNS)
        .withCondition("StringEquals", "aws:ResourceTag/" + TARGET_TAG_KEY, List.of(TARGET_TAG_VALUE.ref().token()));
  }

  // SendCommand on an instance is conditioned on Systems Manager's own key, ssm:resourceTag/<key>,
  // as its guide and examples do; a global aws:ResourceTag key there needs an aws:ViaAWSService
  // statement besides (Service Authorization Reference, Systems Manager:
  // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssystemsmanager.html).
  private static IamStatement taggedManagedInstances(String action) {
    return IamStatement.allow(action, INSTANCE_ARNS)
        .withCondition("StringEquals", "ssm:resourceTag/" + TARGET_TAG_KEY, List.of(TARGET_TAG_VALUE.ref().token()));
  }

  private static SdkCall describe(String instanceIdExpression) {
    return AwsSdk.call(DescribeInstancesRequest.builder().instanceIds(AwsSdk.text(js(instanceIdExpression))).build());
  }

  // {% $states.result.Reservations[0].Instances[0].State.Name %}, checked against the EC2 model.
  private static Jsonata instanceState(SdkCall describe) {
    return describe.result(DescribeInstancesResponse.class)
        .at(DescribeInstancesResponse::reservations, 0)
        .at(Reservation::instances, 0)
        .get(Instance::state)
        .get(InstanceState::name)
        .jsonata();
  }

  private static SdkCall stop() {
    return AwsSdk.call(StopInstancesRequest.builder().instanceIds(AwsSdk.text(js("$instanceId"))).build())
        .permissions(taggedInstances("ec2:StopInstances"));
  }

  // AWS-RunPatchBaseline's parameters, in a stable order.
  private static Map<String, List<String>> patchParameters() {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    parameters.put("Operation", List.of(AwsSdk.text(PATCH_OPERATION)));
    parameters.put("RebootOption", List.of(AwsSdk.text(REBOOT_OPTION)));
    return parameters;
  }

  /** Catches every error and sets {@code $failure} to the given Error and Cause expressions. */
  private static Catch failureCatch(String error, String cause) {
    return Catch.on(Errors.ALL).assign(Json.object().put("failure", Json.object()
        .put("Error", js(error))
        .put("Cause", js(cause))
        .build()).build());
  }

  private static Jsonata js(String expression) {
    return Jsonata.of(expression);
  }
}
