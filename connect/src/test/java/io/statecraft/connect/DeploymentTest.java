package io.statecraft.connect;

import static io.statecraft.connect.LoopbackAws.xml;
import static io.statecraft.connect.LoopbackAws.xmlError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Deployment} against the loopback server: every path a change set can take. */
final class DeploymentTest {

  static final String STACK_ID = "arn:aws:cloudformation:eu-west-1:111122223333:stack/greeting-prod/1";
  static final String CHANGE_SET_ID = "arn:aws:cloudformation:eu-west-1:111122223333:changeSet/statecraft-x/2";

  private final LoopbackAws aws = LoopbackAws.start();
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void stop() {
    aws.close();
  }

  static LoopbackAws.Response noSuchStack() {
    return xmlError(400, "ValidationError", "Stack with id greeting-prod does not exist");
  }

  static LoopbackAws.Response stack(String status, String extra) {
    return xml("DescribeStacks", "<Stacks><member><StackName>greeting-prod</StackName><StackId>" + STACK_ID
        + "</StackId><CreationTime>2026-01-01T00:00:00Z</CreationTime><StackStatus>" + status + "</StackStatus>"
        + extra + "</member></Stacks>");
  }

  static LoopbackAws.Response changeSet(String status, String reason, String changes) {
    return xml("DescribeChangeSet", "<ChangeSetName>statecraft-x</ChangeSetName><ChangeSetId>" + CHANGE_SET_ID
        + "</ChangeSetId><StackName>greeting-prod</StackName><Status>" + status + "</Status>"
        + (reason == null ? "" : "<StatusReason>" + LoopbackAws.escape(reason) + "</StatusReason>")
        + "<Changes>" + changes + "</Changes>");
  }

  static String change(String action, String logicalId, String type, String replacement) {
    return "<member><Type>Resource</Type><ResourceChange><Action>" + action + "</Action><LogicalResourceId>" + logicalId
        + "</LogicalResourceId><ResourceType>" + type + "</ResourceType>"
        + (replacement == null ? "" : "<Replacement>" + replacement + "</Replacement>") + "</ResourceChange></member>";
  }

  static String event(String id, String logicalId, String type, String status, String reason) {
    return "<member><EventId>" + id + "</EventId><StackId>" + STACK_ID + "</StackId><StackName>greeting-prod</StackName>"
        + "<LogicalResourceId>" + logicalId + "</LogicalResourceId><ResourceType>" + type + "</ResourceType>"
        + "<Timestamp>2026-01-01T00:00:0" + id + "Z</Timestamp><ResourceStatus>" + status + "</ResourceStatus>"
        + (reason == null ? "" : "<ResourceStatusReason>" + LoopbackAws.escape(reason) + "</ResourceStatusReason>")
        + "</member>";
  }

  static LoopbackAws.Response events(String... newestFirst) {
    return xml("DescribeStackEvents", "<StackEvents>" + String.join("", newestFirst) + "</StackEvents>");
  }

  Deployment.Request request(boolean dryRun, Map<String, String> parameters, Map<String, String> secrets) throws Exception {
    return new Deployment.Request(RemoteValidationTest.greeting().get(0), "greeting-prod", parameters, secrets,
        List.of("CAPABILITY_IAM"), Map.of("team", "sre"), dryRun, Duration.ofMillis(1));
  }

  @Test
  void createsThroughAChangeSetPrintsThePlanTheEventsAndTheOutputs() throws Exception {
    aws.on("DescribeStacks", noSuchStack(),
            stack("CREATE_IN_PROGRESS", ""),
            stack("CREATE_COMPLETE", "<Outputs><member><OutputKey>StateMachineArn</OutputKey><OutputValue>"
                + "arn:aws:states:eu-west-1:111122223333:stateMachine:StateMachine-abc</OutputValue></member></Outputs>"))
        .on("CreateChangeSet", xml("CreateChangeSet", "<Id>" + CHANGE_SET_ID + "</Id><StackId>" + STACK_ID + "</StackId>"))
        .on("DescribeChangeSet", changeSet("CREATE_PENDING", null, ""),
            changeSet("CREATE_COMPLETE", null,
                change("Add", "Topic", "AWS::SNS::Topic", null) + change("Add", "StateMachine",
                    "AWS::StepFunctions::StateMachine", null)))
        .on("DescribeStackEvents",
            events(event("1", "greeting-prod", "AWS::CloudFormation::Stack", "REVIEW_IN_PROGRESS", "User Initiated")),
            events(event("2", "Topic", "AWS::SNS::Topic", "CREATE_IN_PROGRESS", null),
                event("1", "greeting-prod", "AWS::CloudFormation::Stack", "REVIEW_IN_PROGRESS", "User Initiated")),
            events(event("4", "greeting-prod", "AWS::CloudFormation::Stack", "CREATE_COMPLETE", null),
                event("3", "Topic", "AWS::SNS::Topic", "CREATE_COMPLETE", null),
                event("2", "Topic", "AWS::SNS::Topic", "CREATE_IN_PROGRESS", null)))
        .on("ExecuteChangeSet", xml("ExecuteChangeSet", ""));

    Deployment.Outcome outcome = Deployment.deploy(
        request(false, Map.of("Team", "SRE"), Map.of("WebhookSecret", "s3cr3t-value")), aws.settings(), log::add);

    assertThat(outcome.result()).isEqualTo(Deployment.Result.DEPLOYED);
    assertThat(outcome.outputs()).containsExactly(
        Map.entry("StateMachineArn", "arn:aws:states:eu-west-1:111122223333:stateMachine:StateMachine-abc"));
    assertThat(log.get(0)).matches("creating stack greeting-prod with change set statecraft-\\d{8}-\\d{6}");
    assertThat(log.subList(1, log.size())).containsExactly(
        "plan: 2 changes",
        "  Add      Topic                            AWS::SNS::Topic                         ",
        "  Add      StateMachine                     AWS::StepFunctions::StateMachine        ",
        log.get(4),
        "  Topic AWS::SNS::Topic CREATE_IN_PROGRESS",
        "  Topic AWS::SNS::Topic CREATE_COMPLETE",
        "  greeting-prod AWS::CloudFormation::Stack CREATE_COMPLETE",
        "stack greeting-prod is CREATE_COMPLETE",
        "  StateMachineArn = arn:aws:states:eu-west-1:111122223333:stateMachine:StateMachine-abc");
    assertThat(log.get(4)).startsWith("executing change set statecraft-");
    assertThat(aws.operations()).containsExactly("DescribeStacks", "CreateChangeSet", "DescribeChangeSet",
        "DescribeChangeSet", "DescribeStackEvents", "ExecuteChangeSet", "DescribeStackEvents", "DescribeStacks",
        "DescribeStackEvents", "DescribeStacks");

    Map<String, String> create = aws.requests().get(1).form();
    assertThat(create).containsEntry("StackName", "greeting-prod").containsEntry("ChangeSetType", "CREATE")
        .containsEntry("Capabilities.member.1", "CAPABILITY_IAM")
        .containsEntry("Parameters.member.1.ParameterKey", "Team")
        .containsEntry("Parameters.member.1.ParameterValue", "SRE")
        .containsEntry("Parameters.member.2.ParameterKey", "WebhookSecret")
        .containsEntry("Parameters.member.2.ParameterValue", "s3cr3t-value")
        .containsEntry("Tags.member.1.Key", "team").containsEntry("Tags.member.1.Value", "sre");
    assertThat(create.get("TemplateBody")).startsWith("{\"AWSTemplateFormatVersion\"");
    // The secret goes to CloudFormation and nowhere else.
    assertThat(log).noneMatch(line -> line.contains("s3cr3t-value"));
  }

  @Test
  void aTemplateOverTheBodyLimitIsUploadedAndTheChangeSetTakesItsUrl() throws Exception {
    aws.on("DescribeStacks", stack("UPDATE_COMPLETE", ""))
        .on("PutObject", LoopbackAws.s3Ok())
        .on("CreateChangeSet", xml("CreateChangeSet", "<Id>" + CHANGE_SET_ID + "</Id>"))
        .on("DescribeChangeSet", changeSet("CREATE_COMPLETE", null,
            change("Modify", "StateMachine", "AWS::StepFunctions::StateMachine", "False")));
    GeneratedWorkflow large = RemoteValidationTest.largeGreeting();
    Deployment.Request request = new Deployment.Request(large, "greeting-prod", Map.of(), Map.of("WebhookSecret", "x"),
        List.of("CAPABILITY_IAM"), Map.of(), true, Duration.ofMillis(1))
        .withTemplateBucket(new TemplateBucket("acme-cfn-templates", "statecraft"));

    Deployment.Outcome outcome = Deployment.deploy(request, aws.settings(), log::add);

    assertThat(outcome.result()).isEqualTo(Deployment.Result.PLANNED);
    assertThat(aws.operations()).containsExactly("DescribeStacks", "PutObject", "CreateChangeSet", "DescribeChangeSet");
    LoopbackAws.Request put = aws.requests().get(1);
    String key = "statecraft/greeting/" + RemoteValidationTest.sha256(put.body()) + ".json";
    assertThat(put.bucket()).isEqualTo("acme-cfn-templates");
    assertThat(put.key()).isEqualTo(key);
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(put.body())).isEqualTo(large.template());
    assertThat(aws.requests().get(2).form())
        .containsEntry("TemplateURL", "https://acme-cfn-templates.s3.eu-west-1.amazonaws.com/" + key)
        .doesNotContainKey("TemplateBody");
    assertThat(log.get(0)).isEqualTo("uploaded the template of greeting (" + put.body().length() + " bytes, over"
        + " CloudFormation's 51200 for a body) to s3://acme-cfn-templates/" + key);
    assertThat(log.get(1)).startsWith("updating stack greeting-prod with change set statecraft-");
  }

  @Test
  void aTemplateOverTheBodyLimitWithoutABucketIsRefusedNamingTheOption() throws Exception {
    aws.on("DescribeStacks", stack("UPDATE_COMPLETE", ""));
    GeneratedWorkflow large = RemoteValidationTest.largeGreeting();
    int bytes = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(large.template()).length();

    assertThatThrownBy(() -> Deployment.deploy(new Deployment.Request(large, "greeting-prod", Map.of(), Map.of("WebhookSecret", "x"),
            List.of("CAPABILITY_IAM"), Map.of(), false, Duration.ofMillis(1)), aws.settings(), log::add))
        .isInstanceOf(AwsException.class)
        .hasMessage("the template of greeting is " + bytes + " bytes as compact JSON, over CloudFormation's 51200 for"
            + " a body; give an S3 bucket to go through (--s3-bucket NAME, plugin: -Dstatecraft.s3Bucket=NAME)");
    assertThat(aws.operations()).containsExactly("DescribeStacks");
  }

  @Test
  void aChangeSetWithoutChangesIsUpToDateAndDeleted() throws Exception {
    aws.on("DescribeStacks", stack("UPDATE_COMPLETE",
            "<Parameters><member><ParameterKey>Team</ParameterKey><ParameterValue>SRE</ParameterValue></member>"
                + "<member><ParameterKey>WebhookSecret</ParameterKey><ParameterValue>****</ParameterValue></member></Parameters>"))
        .on("CreateChangeSet", xml("CreateChangeSet", "<Id>" + CHANGE_SET_ID + "</Id>"))
        .on("DescribeChangeSet", changeSet("FAILED",
            "The submitted information didn't contain changes. Submit different information to create a change set.", ""))
        .on("DeleteChangeSet", xml("DeleteChangeSet", ""));

    Deployment.Outcome outcome = Deployment.deploy(request(false, Map.of(), Map.of()), aws.settings(), log::add);

    assertThat(outcome.result()).isEqualTo(Deployment.Result.UP_TO_DATE);
    assertThat(log.get(log.size() - 1)).isEqualTo("stack greeting-prod is up to date: no changes");
    assertThat(aws.operations()).containsExactly("DescribeStacks", "CreateChangeSet", "DescribeChangeSet", "DeleteChangeSet");
    // An update keeps the values it is not given, the secret included.
    assertThat(aws.requests().get(1).form()).containsEntry("ChangeSetType", "UPDATE")
        .containsEntry("Parameters.member.1.ParameterKey", "Team")
        .containsEntry("Parameters.member.1.UsePreviousValue", "true")
        .containsEntry("Parameters.member.2.ParameterKey", "WebhookSecret")
        .containsEntry("Parameters.member.2.UsePreviousValue", "true");
  }

  @Test
  void aDryRunPrintsThePlanAndExecutesNothing() throws Exception {
    aws.on("DescribeStacks", stack("UPDATE_COMPLETE", ""))
        .on("CreateChangeSet", xml("CreateChangeSet", "<Id>" + CHANGE_SET_ID + "</Id>"))
        .on("DescribeChangeSet", changeSet("CREATE_COMPLETE", null,
            change("Modify", "StateMachine", "AWS::StepFunctions::StateMachine", "False")
                + change("Modify", "Topic", "AWS::SNS::Topic", "True")));

    Deployment.Outcome outcome = Deployment.deploy(
        request(true, Map.of(), Map.of("WebhookSecret", "s3cr3t-value")), aws.settings(), log::add);

    assertThat(outcome.result()).isEqualTo(Deployment.Result.PLANNED);
    assertThat(log.subList(1, log.size())).containsExactly(
        "plan: 2 changes",
        "  Modify   StateMachine                     AWS::StepFunctions::StateMachine         replacement: False",
        "  Modify   Topic                            AWS::SNS::Topic                          replacement: True",
        log.get(4));
    assertThat(log.get(4)).matches("dry run: change set statecraft-\\S+ is left for review; deploy without --dry-run"
        + " \\(-Dstatecraft.dryRun=false\\) to apply the changes");
    assertThat(aws.operations()).doesNotContain("ExecuteChangeSet");
  }

  @Test
  void aFailedChangeSetSaysWhy() throws Exception {
    aws.on("DescribeStacks", stack("UPDATE_COMPLETE", ""))
        .on("CreateChangeSet", xml("CreateChangeSet", "<Id>" + CHANGE_SET_ID + "</Id>"))
        .on("DescribeChangeSet", changeSet("FAILED", "Parameter 'Team' must match pattern [a-z]+", ""));

    assertThatThrownBy(() -> Deployment.deploy(request(false, Map.of("Team", "SRE"), Map.of("WebhookSecret", "x")),
            aws.settings(), log::add))
        .isInstanceOf(AwsException.class)
        .hasMessageMatching("change set statecraft-\\S+ of stack greeting-prod failed:"
            + " Parameter 'Team' must match pattern \\[a-z\\]\\+");
  }

  @Test
  void aRolledBackFirstCreateListsTheFailuresAndWhatToDo() throws Exception {
    aws.on("DescribeStacks", noSuchStack(), stack("ROLLBACK_COMPLETE", ""))
        .on("CreateChangeSet", xml("CreateChangeSet", "<Id>" + CHANGE_SET_ID + "</Id>"))
        .on("DescribeChangeSet", changeSet("CREATE_COMPLETE", null, change("Add", "Topic", "AWS::SNS::Topic", null)))
        .on("ExecuteChangeSet", xml("ExecuteChangeSet", ""))
        .on("DescribeStackEvents", events(),
            events(event("3", "greeting-prod", "AWS::CloudFormation::Stack", "ROLLBACK_COMPLETE", null),
                event("2", "Topic", "AWS::SNS::Topic", "CREATE_FAILED",
                    "User: arn:aws:iam::111122223333:user/ci is not authorized to perform: SNS:CreateTopic"),
                event("1", "Topic", "AWS::SNS::Topic", "CREATE_IN_PROGRESS", null)));

    Deployment.Outcome outcome = Deployment.deploy(
        request(false, Map.of(), Map.of("WebhookSecret", "x")), aws.settings(), log::add);

    assertThat(outcome.result()).isEqualTo(Deployment.Result.FAILED);
    assertThat(log.subList(log.size() - 3, log.size())).containsExactly(
        "stack greeting-prod failed: final status ROLLBACK_COMPLETE",
        "  failed: Topic AWS::SNS::Topic CREATE_FAILED: User: arn:aws:iam::111122223333:user/ci is not authorized"
            + " to perform: SNS:CreateTopic",
        "the first create of greeting-prod failed, so the stack cannot be updated: fix the cause above, delete it"
            + " (aws cloudformation delete-stack --stack-name greeting-prod) and deploy again");
  }

  @Test
  void aStackLeftInRollbackCompleteIsReportedWithWhatToDo() throws Exception {
    aws.on("DescribeStacks", stack("ROLLBACK_COMPLETE", ""));

    assertThatThrownBy(() -> Deployment.deploy(request(false, Map.of(), Map.of()), aws.settings(), log::add))
        .isInstanceOf(AwsException.class)
        .hasMessage("stack greeting-prod is in ROLLBACK_COMPLETE: its first create failed and it cannot be updated;"
            + " delete it (aws cloudformation delete-stack --stack-name greeting-prod) and deploy again");
  }

  @Test
  void aNoEchoValueOnTheCommandLineOrInAFileIsRefused() {
    assertThatThrownBy(() -> Deployment.deploy(request(false, Map.of("WebhookSecret", "s3cr3t"), Map.of()),
            aws.settings(), log::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WebhookSecret is NoEcho: give its value only in the environment variable"
            + " STATECRAFT_PARAMETER_WebhookSecret or a Maven settings.xml server, never in a file or on the command line");
    assertThat(aws.requests()).isEmpty();
  }

  @Test
  void aMissingRequiredValueOfANewStackIsNamed() throws Exception {
    aws.on("DescribeStacks", noSuchStack());

    assertThatThrownBy(() -> Deployment.deploy(request(false, Map.of(), Map.of()), aws.settings(), log::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no value for WebhookSecret, which has no default: give it in the parameters file or one by one"
            + " (NoEcho WebhookSecret: only from the environment variable STATECRAFT_PARAMETER_WebhookSecret"
            + " or a Maven settings.xml server)");
  }

  @Test
  void anUnknownParameterIsRefused() {
    assertThatThrownBy(() -> Deployment.deploy(request(false, Map.of("Teem", "x"), Map.of()), aws.settings(), log::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the template of greeting has no parameter Teem; it has Team, WebhookSecret");
  }
}
