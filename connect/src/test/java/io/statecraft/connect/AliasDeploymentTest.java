package io.statecraft.connect;

import static io.statecraft.connect.DeploymentTest.STACK_ID;
import static io.statecraft.connect.DeploymentTest.change;
import static io.statecraft.connect.DeploymentTest.changeSet;
import static io.statecraft.connect.DeploymentTest.events;
import static io.statecraft.connect.LoopbackAws.json;
import static io.statecraft.connect.LoopbackAws.jsonError;
import static io.statecraft.connect.LoopbackAws.xml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Deployment} of a template whose alias has a gradual deployment, against the loopback
 * server: the alias's routing as CloudFormation shifts it, and a rollback caused by an alarm. The
 * waiting is recorded, not slept.
 */
final class AliasDeploymentTest {

  static final String STATE_MACHINE = "arn:aws:states:eu-west-1:111122223333:stateMachine:StateMachine-abc";
  static final String ALIAS = STATE_MACHINE + ":live";

  private final LoopbackAws aws = LoopbackAws.start();
  private final List<String> log = new ArrayList<>();
  private final List<Duration> sleeps = new ArrayList<>();

  @AfterEach
  void stop() {
    aws.close();
  }

  /**
   * The greeting workflow published as a version behind alias {@code live} with a canary
   * deployment watched by the alarm named in parameter {@code CanaryAlarmName}, as the generator
   * writes it (ReleaseTemplateTest).
   */
  static GeneratedWorkflow aliasedGreeting() throws Exception {
    GeneratedWorkflow read = RemoteValidationTest.greeting().get(0);
    ObjectNode template = read.template().deepCopy();
    ObjectMapper mapper = new ObjectMapper();
    ((ObjectNode) template.get("Parameters")).set("CanaryAlarmName", mapper.readTree("""
        {"Type": "String", "Description": "The alarm that rolls the canary back"}"""));
    ObjectNode resources = (ObjectNode) template.get("Resources");
    resources.set("StateMachineVersion", mapper.readTree("""
        {"Type": "AWS::StepFunctions::StateMachineVersion", "Properties": {
          "StateMachineArn": {"Ref": "StateMachine"},
          "StateMachineRevisionId": {"Fn::GetAtt": ["StateMachine", "StateMachineRevisionId"]}}}"""));
    resources.set("StateMachineAlias", mapper.readTree("""
        {"Type": "AWS::StepFunctions::StateMachineAlias", "Properties": {"Name": "live",
          "DeploymentPreference": {"StateMachineVersionArn": {"Ref": "StateMachineVersion"}, "Type": "CANARY",
            "Percentage": 10, "Interval": 5, "Alarms": [{"Ref": "CanaryAlarmName"}]}}}"""));
    return new GeneratedWorkflow(read.id(), read.shownAs(), read.definition(), template, read.stateSources());
  }

  static String event(int id, String logicalId, String physicalId, String type, String status, String reason) {
    return "<member><EventId>" + id + "</EventId><StackId>" + STACK_ID + "</StackId><StackName>greeting-prod</StackName>"
        + "<LogicalResourceId>" + logicalId + "</LogicalResourceId>"
        + (physicalId == null ? "" : "<PhysicalResourceId>" + physicalId + "</PhysicalResourceId>")
        + "<ResourceType>" + type + "</ResourceType>"
        + "<Timestamp>2026-01-01T00:00:" + String.format("%02d", id) + "Z</Timestamp><ResourceStatus>" + status
        + "</ResourceStatus>"
        + (reason == null ? "" : "<ResourceStatusReason>" + LoopbackAws.escape(reason) + "</ResourceStatusReason>")
        + "</member>";
  }

  static String stackEvent(int id, String status, String reason) {
    return event(id, "greeting-prod", STACK_ID, "AWS::CloudFormation::Stack", status, reason);
  }

  static String aliasEvent(int id, String status, String reason) {
    return event(id, "StateMachineAlias", ALIAS, "AWS::StepFunctions::StateMachineAlias", status, reason);
  }

  /** DescribeStateMachineAlias's answer (AWS JSON 1.0, dates as epoch seconds). */
  static LoopbackAws.Response routing(int... versionAndWeight) {
    StringBuilder routes = new StringBuilder();
    for (int i = 0; i < versionAndWeight.length; i += 2) {
      routes.append(i == 0 ? "" : ",").append("{\"stateMachineVersionArn\":\"").append(STATE_MACHINE).append(':')
          .append(versionAndWeight[i]).append("\",\"weight\":").append(versionAndWeight[i + 1]).append('}');
    }
    return json("{\"stateMachineAliasArn\":\"" + ALIAS + "\",\"name\":\"live\",\"routingConfiguration\":[" + routes
        + "],\"creationDate\":1767225600.0,\"updateDate\":1767225660.0}");
  }

  static LoopbackAws.Response stack(String status) {
    return DeploymentTest.stack(status, "<Parameters>"
        + "<member><ParameterKey>Team</ParameterKey><ParameterValue>SRE</ParameterValue></member>"
        + "<member><ParameterKey>WebhookSecret</ParameterKey><ParameterValue>****</ParameterValue></member>"
        + "<member><ParameterKey>CanaryAlarmName</ParameterKey><ParameterValue>GreetingFailures</ParameterValue></member>"
        + "</Parameters>");
  }

  private LoopbackAws scriptTheChangeSet() {
    return aws.on("CreateChangeSet", xml("CreateChangeSet", "<Id>" + DeploymentTest.CHANGE_SET_ID + "</Id>"))
        .on("DescribeChangeSet", changeSet("CREATE_COMPLETE", null,
            change("Modify", "StateMachine", "AWS::StepFunctions::StateMachine", "False")
                + change("Add", "StateMachineVersion", "AWS::StepFunctions::StateMachineVersion", null)
                + change("Modify", "StateMachineAlias", "AWS::StepFunctions::StateMachineAlias", "False")))
        .on("ExecuteChangeSet", xml("ExecuteChangeSet", ""));
  }

  private Deployment.Outcome deploy(GeneratedWorkflow workflow) {
    return Deployment.deploy(new Deployment.Request(workflow, "greeting-prod", Map.of(), Map.of(),
        List.of("CAPABILITY_IAM"), Map.of(), false, Duration.ofSeconds(5)), aws.settings(), log::add, sleeps::add);
  }

  /** The lines after the plan: from "executing change set" on, that line's generated name left out. */
  private List<String> afterThePlan() {
    int executing = 0;
    while (!log.get(executing).startsWith("executing change set statecraft-")) {
      executing++;
    }
    return log.subList(executing + 1, log.size());
  }

  @Test
  void aCanaryDeploymentPrintsTheAliasRoutingAsItMovesToTheNewVersion() throws Exception {
    scriptTheChangeSet()
        .on("DescribeStacks", stack("UPDATE_COMPLETE"), stack("UPDATE_IN_PROGRESS"), stack("UPDATE_IN_PROGRESS"),
            DeploymentTest.stack("UPDATE_COMPLETE", "<Outputs><member><OutputKey>StateMachineAliasArn</OutputKey>"
                + "<OutputValue>" + ALIAS + "</OutputValue></member></Outputs>"))
        .on("DescribeStackEvents",
            events(stackEvent(1, "UPDATE_COMPLETE", null)),
            events(aliasEvent(6, "UPDATE_IN_PROGRESS", null),
                event(5, "StateMachineVersion", STATE_MACHINE + ":4", "AWS::StepFunctions::StateMachineVersion",
                    "CREATE_COMPLETE", null),
                event(4, "StateMachineVersion", null, "AWS::StepFunctions::StateMachineVersion", "CREATE_IN_PROGRESS", null),
                event(3, "StateMachine", STATE_MACHINE, "AWS::StepFunctions::StateMachine", "UPDATE_COMPLETE", null),
                stackEvent(2, "UPDATE_IN_PROGRESS", "User Initiated")),
            events(aliasEvent(6, "UPDATE_IN_PROGRESS", null)),
            events(stackEvent(9, "UPDATE_COMPLETE", null),
                stackEvent(8, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", null),
                aliasEvent(7, "UPDATE_COMPLETE", null),
                aliasEvent(6, "UPDATE_IN_PROGRESS", null)))
        // Between two looks CloudFormation shifts the rest: the last look sees all of it on version 4.
        .on("DescribeStateMachineAlias", routing(4, 10, 3, 90), routing(3, 90, 4, 10), routing(4, 100));

    Deployment.Outcome outcome = deploy(aliasedGreeting());

    assertThat(outcome.result()).isEqualTo(Deployment.Result.DEPLOYED);
    assertThat(outcome.rollback()).isNull();
    assertThat(afterThePlan()).containsExactly(
        "  greeting-prod AWS::CloudFormation::Stack UPDATE_IN_PROGRESS: User Initiated",
        "  StateMachine AWS::StepFunctions::StateMachine UPDATE_COMPLETE",
        "  StateMachineVersion AWS::StepFunctions::StateMachineVersion CREATE_IN_PROGRESS",
        "  StateMachineVersion AWS::StepFunctions::StateMachineVersion CREATE_COMPLETE",
        "  StateMachineAlias AWS::StepFunctions::StateMachineAlias UPDATE_IN_PROGRESS",
        "alias live: 10% to version 4, 90% to version 3",
        "  StateMachineAlias AWS::StepFunctions::StateMachineAlias UPDATE_COMPLETE",
        "  greeting-prod AWS::CloudFormation::Stack UPDATE_COMPLETE_CLEANUP_IN_PROGRESS",
        "  greeting-prod AWS::CloudFormation::Stack UPDATE_COMPLETE",
        "alias live: 100% to version 4",
        "stack greeting-prod is UPDATE_COMPLETE",
        "  StateMachineAliasArn = " + ALIAS);
    assertThat(aws.operations()).containsExactly("DescribeStacks", "CreateChangeSet", "DescribeChangeSet",
        "DescribeStackEvents", "ExecuteChangeSet",
        "DescribeStackEvents", "DescribeStateMachineAlias", "DescribeStacks",
        "DescribeStackEvents", "DescribeStateMachineAlias", "DescribeStacks",
        "DescribeStackEvents", "DescribeStateMachineAlias", "DescribeStacks");
    LoopbackAws.Request describe = aws.requests().get(6);
    assertThat(describe.headers()).containsEntry("x-amz-target", "AWSStepFunctions.DescribeStateMachineAlias");
    assertThat(new ObjectMapper().readTree(describe.body()))
        .isEqualTo(new ObjectMapper().readTree("{\"stateMachineAliasArn\":\"" + ALIAS + "\"}"));
    // Waited between looks at the stack's pace, and never slept for real.
    assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @Test
  void anAlarmThatRollsTheAliasBackIsNamedWithCloudFormationsReasonVerbatim() throws Exception {
    // AWS does not document how the reason words an alarm; this one names it, as the alarm's name.
    String reason = "Alarm(s) GreetingFailures in ALARM state during deployment of " + ALIAS + "; rolling back";
    scriptTheChangeSet()
        .on("DescribeStacks", stack("UPDATE_COMPLETE"), stack("UPDATE_IN_PROGRESS"),
            stack("UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS"), stack("UPDATE_ROLLBACK_COMPLETE"))
        .on("DescribeStackEvents",
            events(stackEvent(1, "UPDATE_COMPLETE", null)),
            events(aliasEvent(3, "UPDATE_IN_PROGRESS", null), stackEvent(2, "UPDATE_IN_PROGRESS", "User Initiated")),
            events(aliasEvent(7, "UPDATE_COMPLETE", null),
                aliasEvent(6, "UPDATE_IN_PROGRESS", null),
                stackEvent(5, "UPDATE_ROLLBACK_IN_PROGRESS",
                    "The following resource(s) failed to update: [StateMachineAlias]. "),
                aliasEvent(4, "UPDATE_FAILED", reason),
                aliasEvent(3, "UPDATE_IN_PROGRESS", null)),
            events(stackEvent(8, "UPDATE_ROLLBACK_COMPLETE", null)))
        .on("DescribeStateMachineAlias", routing(4, 10, 3, 90), routing(3, 100));

    Deployment.Outcome outcome = deploy(aliasedGreeting());

    assertThat(outcome.result()).isEqualTo(Deployment.Result.FAILED);
    assertThat(outcome.rollback()).isEqualTo(new AliasRollback("live", "GreetingFailures", reason));
    assertThat(afterThePlan()).containsExactly(
        "  greeting-prod AWS::CloudFormation::Stack UPDATE_IN_PROGRESS: User Initiated",
        "  StateMachineAlias AWS::StepFunctions::StateMachineAlias UPDATE_IN_PROGRESS",
        "alias live: 10% to version 4, 90% to version 3",
        "  StateMachineAlias AWS::StepFunctions::StateMachineAlias UPDATE_FAILED: " + reason,
        "alias live is rolling back: alarm GreetingFailures went into ALARM",
        "  greeting-prod AWS::CloudFormation::Stack UPDATE_ROLLBACK_IN_PROGRESS: The following resource(s) failed to"
            + " update: [StateMachineAlias]. ",
        "  StateMachineAlias AWS::StepFunctions::StateMachineAlias UPDATE_IN_PROGRESS",
        "  StateMachineAlias AWS::StepFunctions::StateMachineAlias UPDATE_COMPLETE",
        "alias live: 100% to version 3",
        "  greeting-prod AWS::CloudFormation::Stack UPDATE_ROLLBACK_COMPLETE",
        "stack greeting-prod failed: final status UPDATE_ROLLBACK_COMPLETE",
        "  failed: StateMachineAlias AWS::StepFunctions::StateMachineAlias UPDATE_FAILED: " + reason,
        "alias live was rolled back: alarm GreetingFailures went into ALARM; fix what the alarm caught and deploy again");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @Test
  void aReasonThatNamesNoKnownAlarmIsPrintedAsItIs() throws Exception {
    String reason = "Deployment failed: an alarm went off";
    scriptTheChangeSet()
        .on("DescribeStacks", stack("UPDATE_COMPLETE"), stack("UPDATE_ROLLBACK_COMPLETE"))
        .on("DescribeStackEvents", events(stackEvent(1, "UPDATE_COMPLETE", null)),
            events(stackEvent(4, "UPDATE_ROLLBACK_COMPLETE", null), aliasEvent(3, "UPDATE_FAILED", reason),
                aliasEvent(2, "UPDATE_IN_PROGRESS", null)))
        .on("DescribeStateMachineAlias", routing(3, 100));

    Deployment.Outcome outcome = deploy(aliasedGreeting());

    assertThat(outcome.rollback()).isEqualTo(new AliasRollback("live", null, reason));
    assertThat(afterThePlan()).containsExactly(
        "  StateMachineAlias AWS::StepFunctions::StateMachineAlias UPDATE_IN_PROGRESS",
        "  StateMachineAlias AWS::StepFunctions::StateMachineAlias UPDATE_FAILED: " + reason,
        "alias live is rolling back: " + reason,
        "  greeting-prod AWS::CloudFormation::Stack UPDATE_ROLLBACK_COMPLETE",
        "alias live: 100% to version 3",
        "stack greeting-prod failed: final status UPDATE_ROLLBACK_COMPLETE",
        "  failed: StateMachineAlias AWS::StepFunctions::StateMachineAlias UPDATE_FAILED: " + reason,
        "alias live was rolled back: " + reason + "; fix what failed and deploy again");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void withoutDescribeStateMachineAliasTheEventsGoOnAndTheMissingGrantIsSaidOnce() throws Exception {
    scriptTheChangeSet()
        .on("DescribeStacks", stack("UPDATE_COMPLETE"), stack("UPDATE_IN_PROGRESS"), stack("UPDATE_COMPLETE"))
        .on("DescribeStackEvents", events(stackEvent(1, "UPDATE_COMPLETE", null)),
            events(aliasEvent(2, "UPDATE_IN_PROGRESS", null)),
            events(stackEvent(4, "UPDATE_COMPLETE", null), aliasEvent(3, "UPDATE_COMPLETE", null),
                aliasEvent(2, "UPDATE_IN_PROGRESS", null)))
        .on("DescribeStateMachineAlias", jsonError(400, "AccessDeniedException", "User: arn:aws:iam::111122223333:user/ci"
            + " is not authorized to perform: states:DescribeStateMachineAlias on resource: " + ALIAS));

    Deployment.Outcome outcome = deploy(aliasedGreeting());

    assertThat(outcome.result()).isEqualTo(Deployment.Result.DEPLOYED);
    assertThat(afterThePlan()).containsExactly(
        "  StateMachineAlias AWS::StepFunctions::StateMachineAlias UPDATE_IN_PROGRESS",
        "alias live: cannot follow its routing (access denied: arn:aws:iam::111122223333:user/ci may not call"
            + " states:DescribeStateMachineAlias; grant it that action (docs/aws.md lists what each command needs))",
        "  StateMachineAlias AWS::StepFunctions::StateMachineAlias UPDATE_COMPLETE",
        "  greeting-prod AWS::CloudFormation::Stack UPDATE_COMPLETE",
        "stack greeting-prod is UPDATE_COMPLETE");
    assertThat(aws.operations().stream().filter("DescribeStateMachineAlias"::equals)).hasSize(1);
  }

  @Test
  void aDeployWithoutAnAliasCallsNoStepFunctionsAndPrintsWhatItAlwaysDid() throws Exception {
    scriptTheChangeSet()
        .on("DescribeStacks", stack("UPDATE_COMPLETE"), stack("UPDATE_IN_PROGRESS"), stack("UPDATE_COMPLETE"))
        .on("DescribeStackEvents", events(stackEvent(1, "UPDATE_COMPLETE", null)),
            events(event(2, "StateMachine", STATE_MACHINE, "AWS::StepFunctions::StateMachine", "UPDATE_IN_PROGRESS", null)),
            events(stackEvent(4, "UPDATE_COMPLETE", null),
                event(3, "StateMachine", STATE_MACHINE, "AWS::StepFunctions::StateMachine", "UPDATE_COMPLETE", null),
                event(2, "StateMachine", STATE_MACHINE, "AWS::StepFunctions::StateMachine", "UPDATE_IN_PROGRESS", null)));

    Deployment.Outcome outcome = deploy(RemoteValidationTest.greeting().get(0));

    assertThat(outcome.result()).isEqualTo(Deployment.Result.DEPLOYED);
    assertThat(afterThePlan()).containsExactly(
        "  StateMachine AWS::StepFunctions::StateMachine UPDATE_IN_PROGRESS",
        "  StateMachine AWS::StepFunctions::StateMachine UPDATE_COMPLETE",
        "  greeting-prod AWS::CloudFormation::Stack UPDATE_COMPLETE",
        "stack greeting-prod is UPDATE_COMPLETE");
    assertThat(aws.operations()).containsExactly("DescribeStacks", "CreateChangeSet", "DescribeChangeSet",
        "DescribeStackEvents", "ExecuteChangeSet", "DescribeStackEvents", "DescribeStacks", "DescribeStackEvents",
        "DescribeStacks");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
  }
}
