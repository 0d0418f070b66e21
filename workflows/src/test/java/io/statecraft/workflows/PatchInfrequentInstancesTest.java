package io.statecraft.workflows;

import static io.statecraft.testing.WorkflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.generator.workflow.WorkflowCompiler;
import io.statecraft.testing.Coverage;
import io.statecraft.testing.Execution;
import io.statecraft.testing.LocalExecutor;
import io.statecraft.testing.Mock;
import io.statecraft.testing.WorkflowCoverageExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * patch-infrequent-instances run offline, as the maintenance window starts it: input
 * {@code {"instanceId": ...}}, EC2 and SSM answering as their APIs do, waits on the virtual clock.
 */
@ExtendWith(WorkflowCoverageExtension.class)
class PatchInfrequentInstancesTest {

  static final String ID = "i-0123456789abcdef0";
  static final String INPUT = "{\"instanceId\": \"" + ID + "\"}";
  static final String COMMAND_ID = "0b1f5c3e-8d2a-4f6b-9c7e-1a2b3c4d5e6f";

  final Calls calls = new Calls();

  LocalExecutor executor() {
    return LocalExecutor.of(new PatchInfrequentInstances())
        .substitutions(Map.of(
            "PollInitialSeconds", 15, "PollMaxSeconds", 120, "MaxReadyChecks", 20, "MaxCommandChecks", 45,
            "PatchOperation", "Install", "RebootOption", "RebootIfNeeded"));
  }

  /** An instance found stopped that starts, comes online in SSM and patches successfully. */
  LocalExecutor stoppedInstancePatchedFine() {
    return executor()
        .mock("RecordInitialState", calls.answering(describe("stopped")))
        .mock("StartInstance", calls.answering(starting()))
        .mock("CheckInstanceRunning", calls.answering(describe("pending"), describe("running")))
        .mock("CheckManagedBySsm", calls.answering("{\"InstanceInformationList\": []}", information("Online")))
        .mock("SendPatchCommand", calls.answering(commandSent()))
        .mock("GetCommandStatus", calls.answering(invocation("InProgress"), invocation("Success")))
        .mock("StopInstance", calls.answering(stopping()))
        .mock("StopAfterFailure", calls.answering(stopping()))
        .mock("CancelPatchCommand", calls.answering("{}"));
  }

  @Test
  void startsPatchesAndStopsAStoppedInstance() {
    Execution execution = stoppedInstancePatchedFine().run(INPUT);

    assertThat(execution).succeeded()
        .hasOutput("{\"instanceId\": \"" + ID + "\", \"commandId\": \"" + COMMAND_ID + "\", \"initialState\": \"stopped\"}")
        .hasPath("RecordInitialState", "CheckInitialState", "StartInstance",
            "WaitUntilReady", "CheckInstanceRunning", "IsInstanceRunning",
            "WaitUntilReady", "CheckInstanceRunning", "IsInstanceRunning", "CheckManagedBySsm", "IsManagedBySsm",
            "WaitUntilReady", "CheckInstanceRunning", "IsInstanceRunning", "CheckManagedBySsm", "IsManagedBySsm",
            "SendPatchCommand", "WaitForCommand", "GetCommandStatus", "IsCommandFinished",
            "WaitForCommand", "GetCommandStatus", "IsCommandFinished", "RestoreInitialState", "StopInstance", "Patched")
        // Waits double from 15 s up to 120 s, and start again at 15 s for the command: 15+30+120 + 15+30.
        .tookVirtualTime(Duration.ofSeconds(210));
    Expect.sameJson(calls.only("StartInstance"), "{\"InstanceIds\": [\"" + ID + "\"]}");
    Expect.sameJson(calls.only("SendPatchCommand"), """
        {"DocumentName": "AWS-RunPatchBaseline", "InstanceIds": ["%s"],
         "Parameters": {"Operation": ["Install"], "RebootOption": ["RebootIfNeeded"]},
         "Comment": "Step Functions execution test-execution", "TimeoutSeconds": 5400}""".formatted(ID));
    Expect.sameJson(calls.payloads("GetCommandStatus").get(1), """
        {"CommandId": "%s", "InstanceId": "%s"}""".formatted(COMMAND_ID, ID));
    Expect.sameJson(calls.only("StopInstance"), "{\"InstanceIds\": [\"" + ID + "\"]}");
  }

  @Test
  void leavesARunningInstanceRunning() {
    Execution execution = stoppedInstancePatchedFine()
        .mock("RecordInitialState", calls.answering(describe("running")))
        .mock("CheckInstanceRunning", calls.answering(describe("running")))
        .mock("CheckManagedBySsm", calls.answering(information("Online")))
        .run(INPUT);

    assertThat(execution).succeeded()
        .hasOutput("{\"instanceId\": \"" + ID + "\", \"commandId\": \"" + COMMAND_ID + "\", \"initialState\": \"running\"}")
        .didNotPassThrough("StartInstance", "StopInstance", "StopAfterFailure");
  }

  @Test
  void waitsForTheSsmAgentBeforePatching() {
    Execution execution = stoppedInstancePatchedFine()
        .mock("RecordInitialState", calls.answering(describe("running")))
        .mock("CheckInstanceRunning", calls.answering(describe("running")))
        .mock("CheckManagedBySsm", calls.answering(information("ConnectionLost"), information("ConnectionLost"),
            information("Online")))
        .run(INPUT);

    assertThat(execution).succeeded();
    assertThat(execution.path()).containsSubsequence("CheckManagedBySsm", "CheckManagedBySsm", "CheckManagedBySsm",
        "SendPatchCommand");
    assertThat(execution.visits("CheckManagedBySsm")).hasSize(3);
  }

  @Test
  void refusesAnInstanceInTransition() {
    Execution execution = executor().mock("RecordInitialState", calls.answering(describe("stopping"))).run(INPUT);

    assertThat(execution).failed()
        .hasError("InstanceNotPatchable", "Instance " + ID + " is stopping; only running or stopped instances are patched.")
        .hasPath("RecordInitialState", "CheckInitialState", "InstanceNotPatchable");
  }

  @Test
  void failsWithoutTouchingAnInstanceThatCannotBeDescribed() {
    Execution execution = executor()
        .mock("RecordInitialState", calls.failing("Ec2.Ec2Exception",
            "The instance ID '" + ID + "' does not exist (Service: Ec2, Status Code: 400, Request ID: 9d1c)"))
        .run(INPUT);

    assertThat(execution).failed()
        .hasError("Ec2.Ec2Exception", "The instance ID '" + ID + "' does not exist (Service: Ec2, Status Code: 400, Request ID: 9d1c)")
        .hasPath("RecordInitialState", "FailWithCause");
    assertThat(calls.calls("RecordInitialState")).hasSize(4);
  }

  @Test
  void givesUpWhenTheInstanceNeverGetsReady() {
    Execution execution = stoppedInstancePatchedFine()
        .substitution("MaxReadyChecks", "3")
        .mock("CheckInstanceRunning", calls.answering(describe("pending")))
        .run(INPUT);

    assertThat(execution).failed()
        .hasError("InstanceNotReady", "Instance " + ID + " was not running and online in Systems Manager after 3 checks "
            + "(last EC2 state pending).")
        .passedThrough("InstanceNotReady", "RestoreAfterFailure", "StopAfterFailure", "FailWithCause")
        .tookVirtualTime(Duration.ofSeconds(15 + 30 + 60));
    assertThat(execution.visits("CheckInstanceRunning")).hasSize(3);
  }

  @Test
  void givesUpWhenTheSsmAgentNeverComesOnline() {
    Execution execution = stoppedInstancePatchedFine()
        .substitution("MaxReadyChecks", "4")
        .mock("CheckInstanceRunning", calls.answering(describe("running")))
        .mock("CheckManagedBySsm", calls.answering(information("ConnectionLost")))
        .run(INPUT);

    assertThat(execution).failed()
        .hasError("InstanceNotReady", "Instance " + ID + " was not running and online in Systems Manager after 4 checks "
            + "(last EC2 state running).")
        .passedThrough("StopAfterFailure");
  }

  @Test
  void givesUpOnACommandThatNeverFinishes() {
    Execution execution = stoppedInstancePatchedFine()
        .substitution("MaxCommandChecks", "2")
        .mock("GetCommandStatus", calls.answering(invocation("InProgress")))
        .run(INPUT);

    assertThat(execution).failed()
        .hasError("PatchCommandNotFinished", "AWS-RunPatchBaseline command " + COMMAND_ID + " on " + ID
            + " was still InProgress after 2 checks.")
        .passedThrough("CommandNotFinished", "MustCancelCommand", "CancelPatchCommand", "StopAfterFailure");
    // The command is cancelled before the instance is stopped under it.
    Expect.sameJson(calls.only("CancelPatchCommand"), """
        {"CommandId": "%s", "InstanceIds": ["%s"]}""".formatted(COMMAND_ID, ID));
  }

  @Test
  void stopsTheInstanceEvenWhenTheCommandCannotBeCancelled() {
    Execution execution = stoppedInstancePatchedFine()
        .substitution("MaxCommandChecks", "1")
        .mock("GetCommandStatus", calls.answering(invocation("InProgress")))
        .mock("CancelPatchCommand", 1, Mock.error("Ssm.ThrottlingException", "Rate exceeded (Service: Ssm, Status Code: 400)"))
        .mock("CancelPatchCommand", 2, Mock.error("Ssm.InvalidCommandIdException", "The command is no longer running"))
        .run(INPUT);

    assertThat(execution).failed().hasError("PatchCommandNotFinished")
        .passedThrough("CancelPatchCommand", "RestoreAfterFailure", "StopAfterFailure", "FailWithCause");
  }

  @Test
  void aCommandThatEndedOrWasNeverSentIsNotCancelled() {
    Execution failed = stoppedInstancePatchedFine()
        .mock("GetCommandStatus", calls.answering(invocation("Failed")))
        .run(INPUT);
    Execution notSent = stoppedInstancePatchedFine()
        .mock("SendPatchCommand", Mock.error("States.Permissions", "The role is not allowed to call SendPatchCommand"))
        .run(INPUT);

    assertThat(failed).failed().didNotPassThrough("CancelPatchCommand");
    assertThat(notSent).failed().passedThrough("MustCancelCommand", "StopAfterFailure").didNotPassThrough("CancelPatchCommand");
  }

  @Test
  void stopsTheInstanceAgainWhenPatchingFails() {
    Execution execution = stoppedInstancePatchedFine()
        .mock("GetCommandStatus", calls.answering(invocation("InProgress"), invocation("Failed")))
        .run(INPUT);

    assertThat(execution).failed()
        .hasError("PatchCommandFailed", "AWS-RunPatchBaseline command " + COMMAND_ID + " on " + ID
            + " ended Failed (Failed); see its output in Run Command.")
        .passedThrough("PatchCommandFailed", "RestoreAfterFailure", "StopAfterFailure", "FailWithCause")
        .didNotPassThrough("StopInstance");
    Expect.sameJson(calls.only("StopAfterFailure"), "{\"InstanceIds\": [\"" + ID + "\"]}");
  }

  @Test
  void leavesARunningInstanceRunningWhenPatchingFails() {
    Execution execution = stoppedInstancePatchedFine()
        .mock("RecordInitialState", calls.answering(describe("running")))
        .mock("CheckInstanceRunning", calls.answering(describe("running")))
        .mock("CheckManagedBySsm", calls.answering(information("Online")))
        .mock("GetCommandStatus", calls.answering(invocation("TimedOut")))
        .run(INPUT);

    assertThat(execution).failed().hasError("PatchCommandFailed")
        .hasPath("RecordInitialState", "CheckInitialState", "WaitUntilReady", "CheckInstanceRunning", "IsInstanceRunning",
            "CheckManagedBySsm", "IsManagedBySsm", "SendPatchCommand", "WaitForCommand", "GetCommandStatus",
            "IsCommandFinished", "PatchCommandFailed", "RestoreAfterFailure", "FailWithCause");
  }

  @Test
  void stopsTheInstanceAgainWhenACallFails() {
    List<String> failing = List.of("StartInstance", "CheckInstanceRunning", "CheckManagedBySsm", "GetCommandStatus");
    List<String> errors = new ArrayList<>();
    for (String state : failing) {
      Execution execution = stoppedInstancePatchedFine()
          .mock(state, Mock.error("States.Permissions", "The role is not allowed to call " + state))
          .run(INPUT);
      assertThat(execution).failed().passedThrough("RestoreAfterFailure", "StopAfterFailure", "FailWithCause");
      errors.add(execution.error() + ": " + execution.cause());
    }
    assertThat(errors).containsExactly(
        "States.Permissions: The role is not allowed to call StartInstance",
        "States.Permissions: The role is not allowed to call CheckInstanceRunning",
        "States.Permissions: The role is not allowed to call CheckManagedBySsm",
        "States.Permissions: The role is not allowed to call GetCommandStatus");
  }

  @Test
  void reportsBothCausesWhenTheStopFailsToo() {
    Execution execution = stoppedInstancePatchedFine()
        .mock("SendPatchCommand", calls.failing("Ssm.InvalidInstanceIdException",
            "Instances [[" + ID + "]] not in a valid state for account 123456789012 (Service: Ssm, Status Code: 400)"))
        .mock("StopAfterFailure", calls.failing("Ec2.Ec2Exception", "Request limit exceeded. (Service: Ec2, Status Code: 503)"))
        .run(INPUT);

    assertThat(execution).failed()
        .hasError("Ssm.InvalidInstanceIdException", "Instances [[" + ID + "]] not in a valid state for account 123456789012 "
            + "(Service: Ssm, Status Code: 400) Instance " + ID + " could not be stopped again: Request limit exceeded. "
            + "(Service: Ec2, Status Code: 503)");
    assertThat(calls.calls("SendPatchCommand")).hasSize(4);
    assertThat(calls.calls("StopAfterFailure")).hasSize(4);
  }

  @Test
  void failsWhenThePatchedInstanceCannotBeStopped() {
    Execution execution = stoppedInstancePatchedFine()
        .mock("StopInstance", calls.failing("Ec2.Ec2Exception", "You are not authorized to perform this operation."))
        .run(INPUT);

    assertThat(execution).failed()
        .hasError("Ec2.Ec2Exception", "Instance " + ID + " was patched but could not be stopped again: "
            + "You are not authorized to perform this operation.")
        .passedThrough("StopInstance", "FailWithCause");
  }

  @Test
  void retriesTransientErrorsOfEveryCall() {
    Execution execution = stoppedInstancePatchedFine()
        .mock("RecordInitialState", 1, Mock.error("Ec2.Ec2Exception", "Request limit exceeded. (Service: Ec2, Status Code: 503)"))
        .mock("StartInstance", 1, Mock.error("Ec2.Ec2Exception", "Request limit exceeded. (Service: Ec2, Status Code: 503)"))
        .mock("CheckInstanceRunning", 1, Mock.error("Ec2.Ec2Exception", "Request limit exceeded. (Service: Ec2, Status Code: 503)"))
        .mock("CheckManagedBySsm", 1, Mock.error("Ssm.ThrottlingException", "Rate exceeded (Service: Ssm, Status Code: 400)"))
        .mock("SendPatchCommand", 1, Mock.error("Ssm.InvalidInstanceIdException", "Instances not in a valid state"))
        .mock("SendPatchCommand", 2, Mock.error("Ssm.ThrottlingException", "Rate exceeded (Service: Ssm, Status Code: 400)"))
        .mock("GetCommandStatus", 1, Mock.error("Ssm.InvocationDoesNotExistException", "(Service: Ssm, Status Code: 400)"))
        .mock("GetCommandStatus", 2, Mock.error("Ssm.InternalServerErrorException", "(Service: Ssm, Status Code: 500)"))
        .mock("StopInstance", 1, Mock.error("Ec2.Ec2Exception", "Request limit exceeded. (Service: Ec2, Status Code: 503)"))
        .run(INPUT);

    assertThat(execution).succeeded().passedThrough("Patched");
    assertThat(execution.history()).filteredOn(event -> event.type().equals("TaskFailed")).hasSize(9);
  }

  @Test
  void retriesAStopThatFailsOnce() {
    Execution execution = stoppedInstancePatchedFine()
        .mock("GetCommandStatus", calls.answering(invocation("Cancelled")))
        .mock("StopAfterFailure", 1, Mock.error("Ec2.Ec2Exception", "Request limit exceeded. (Service: Ec2, Status Code: 503)"))
        .run(INPUT);

    assertThat(execution).failed().hasError("PatchCommandFailed");
    assertThat(execution.visits("StopAfterFailure")).hasSize(1);
  }

  @Test
  void usesSdkIntegrationsOnly() {
    JsonNode definition = WorkflowCompiler.compile(new PatchInfrequentInstances()).definition().json();
    List<String> resources = definition.findValuesAsText("Resource");
    assertThat(resources).isNotEmpty().allMatch(resource -> resource.startsWith("arn:aws:states:::aws-sdk:"));
  }

  @AfterAll
  static void coversEveryStateRuleAndCatcher(Coverage coverage) {
    Expect.everyItemExercised(coverage);
  }

  // --- responses shaped as the EC2 and SSM APIs return them ------------------------------------

  static String describe(String state) {
    return PatchAlertsTest.reservations(PatchAlertsTest.instance(ID, state,
        "{\"Key\": \"InfrequentPatching\", \"Value\": \"enabled\"}, {\"Key\": \"Name\", \"Value\": \"reporting-1\"}"));
  }

  static String starting() {
    return """
        {"StartingInstances": [{"CurrentState": {"Code": 0, "Name": "pending"}, "InstanceId": "%s",
                                "PreviousState": {"Code": 80, "Name": "stopped"}}]}""".formatted(ID);
  }

  static String stopping() {
    return """
        {"StoppingInstances": [{"CurrentState": {"Code": 64, "Name": "stopping"}, "InstanceId": "%s",
                                "PreviousState": {"Code": 16, "Name": "running"}}]}""".formatted(ID);
  }

  static String information(String pingStatus) {
    return """
        {"InstanceInformationList": [{"InstanceId": "%s", "PingStatus": "%s", "LastPingDateTime": "2026-12-06T03:04:11.52Z",
          "AgentVersion": "3.3.1142.0", "IsLatestVersion": false, "PlatformType": "Linux", "PlatformName": "Amazon Linux",
          "PlatformVersion": "2023", "ResourceType": "EC2Instance", "IPAddress": "10.0.1.23",
          "ComputerName": "ip-10-0-1-23.ec2.internal", "AssociationStatus": "Success",
          "SourceId": "%s", "SourceType": "AWS::EC2::Instance"}]}""".formatted(ID, pingStatus, ID);
  }

  static String commandSent() {
    return """
        {"Command": {"CommandId": "%s", "DocumentName": "AWS-RunPatchBaseline", "DocumentVersion": "$DEFAULT",
          "Comment": "Step Functions execution test-execution",
          "Parameters": {"Operation": ["Install"], "RebootOption": ["RebootIfNeeded"]},
          "InstanceIds": ["%s"], "Targets": [], "RequestedDateTime": "2026-12-06T03:05:00.1Z",
          "Status": "Pending", "StatusDetails": "Pending", "TimeoutSeconds": 3600, "MaxConcurrency": "50", "MaxErrors": "0",
          "TargetCount": 1, "CompletedCount": 0, "ErrorCount": 0, "DeliveryTimedOutCount": 0, "ServiceRole": "",
          "NotificationConfig": {"NotificationArn": "", "NotificationEvents": [], "NotificationType": ""},
          "CloudWatchOutputConfig": {"CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": false}}}"""
        .formatted(COMMAND_ID, ID);
  }

  static String invocation(String status) {
    return """
        {"CommandId": "%s", "InstanceId": "%s", "Comment": "Step Functions execution test-execution",
         "DocumentName": "AWS-RunPatchBaseline", "DocumentVersion": "$DEFAULT", "PluginName": "PatchLinux",
         "ResponseCode": %d, "ExecutionStartDateTime": "2026-12-06T03:05:02.4Z", "ExecutionElapsedTime": "PT4M12.3S",
         "ExecutionEndDateTime": "2026-12-06T03:09:14.7Z", "Status": "%s", "StatusDetails": "%s",
         "StandardOutputContent": "Installing patches...", "StandardOutputUrl": "", "StandardErrorContent": "",
         "StandardErrorUrl": "", "CloudWatchOutputConfig": {"CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": false}}"""
        .formatted(COMMAND_ID, ID, status.equals("Success") ? 0 : status.equals("InProgress") ? -1 : 1, status, status);
  }
}
