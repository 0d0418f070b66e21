package io.statecraft.cli;

import static io.statecraft.connect.LoopbackAws.json;
import static io.statecraft.connect.LoopbackAws.jsonError;
import static io.statecraft.connect.LoopbackAws.xml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.connect.LoopbackAws;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adopt --state-machine} and {@code adopt --generated-template} against the loopback server,
 * in Step Functions' AWS JSON 1.0 and CloudFormation's Query protocol.
 */
final class AdoptFromAwsTest {

  private static final String MACHINE = "arn:aws:states:eu-west-1:111122223333:stateMachine:NightlyReport";
  private static final String DEFINITION = "{\"StartAt\":\"Notify\",\"States\":{\"Notify\":{\"Type\":\"Task\","
      + "\"Resource\":\"arn:aws:states:::sns:publish\",\"Parameters\":{\"TopicArn\":"
      + "\"arn:aws:sns:eu-west-1:111122223333:reports\",\"Message\":\"done\"},\"End\":true}}}";

  private final LoopbackAws aws = LoopbackAws.start();

  @TempDir
  Path dir;

  @AfterEach
  void stop() {
    aws.close();
  }

  private CommandLine adopt(String... args) {
    return CommandLine.runWith(List.of(new AdoptCommand(aws.settings())), args);
  }

  @Test
  void aDeployedStateMachineIsDescribedAndAdopted() throws Exception {
    aws.on("DescribeStateMachine", json(new ObjectMapper().createObjectNode()
        .put("stateMachineArn", MACHINE).put("name", "NightlyReport").put("status", "ACTIVE")
        .put("definition", DEFINITION).put("roleArn", "arn:aws:iam::111122223333:role/report").put("type", "EXPRESS")
        .put("creationDate", 1767225600)
        .set("loggingConfiguration", new ObjectMapper().readTree("{\"level\": \"ERROR\", \"includeExecutionData\": true, "
            + "\"destinations\": [{\"cloudWatchLogsLogGroup\": {\"logGroupArn\": "
            + "\"arn:aws:logs:eu-west-1:111122223333:log-group:/aws/vendedlogs/states/report:*\"}}]}"))
        .toString()))
        .on("ListTagsForResource", json("{\"tags\": [{\"key\": \"team\", \"value\": \"reports\"}, "
            + "{\"key\": \"cost-center\", \"value\": \"\\\"42\\\" */\"}]}"));
    Path src = dir.resolve("src/main/java");

    CommandLine run = adopt("adopt", "--state-machine", MACHINE, "--output", src.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("Adopted " + MACHINE + " as workflow nightly-report (NightlyReport):\n"
        + "  /States/Notify/Parameters/TopicArn: the ARN arn:aws:sns:eu-west-1:111122223333:reports -> ${NotifyTopicArn}, "
        + "parameter NotifyTopicArn (default: the old value)\n"
        + "  loggingConfiguration/destinations/0: the log group "
        + "arn:aws:logs:eu-west-1:111122223333:log-group:/aws/vendedlogs/states/report:* -> the existing log group "
        + "LogGroup.existing(LogGroupArn), parameter LogGroupArn (default: the old value)\n"
        + "  loggingConfiguration: level ERROR, execution data included -> kept\n"
        + "  tags: cost-center, team -> kept\n"
        + "  roleArn: not copied; Statecraft derives the execution role from the states\n"
        + "  States/Notify: arn:aws:states:::sns:publish -> raw resource: the SDK model of sns (software.amazon.awssdk:sns) "
        + "is not on the class path\n"
        + "  Permissions: no policy of the original role was read, so none is compared; pass its documents with "
        + "--role-policy FILE\n"
        + "    not derived: state Notify (arn:aws:states:::sns:publish) stays a raw resource: the SDK model of sns "
        + "(software.amazon.awssdk:sns) is not on the class path; it is granted nothing until you type it or add "
        + "Task.permissions(...)\n");
    assertThat(aws.operations()).containsExactly("DescribeStateMachine", "ListTagsForResource");
    assertThat(new ObjectMapper().readTree(aws.requests().get(1).body()).path("resourceArn").asText()).isEqualTo(MACHINE);
    assertThat(new ObjectMapper().readTree(aws.requests().get(0).body()).path("stateMachineArn").asText()).isEqualTo(MACHINE);
    assertThat(aws.requests().get(0).headers().get("x-amz-target")).isEqualTo("AWSStepFunctions.DescribeStateMachine");
    assertThat(src.resolve("NightlyReport.java")).content()
        .contains(".type(WorkflowType.EXPRESS)")
        .contains(".logging(LogLevel.ERROR, true)\n        .logGroup(LogGroup.existing(LOG_GROUP_ARN))")
        .contains(".defaultValue(\"arn:aws:logs:eu-west-1:111122223333:log-group:/aws/vendedlogs/states/report:*\")")
        .contains(".put(\"TopicArn\", Value.of(\"${NotifyTopicArn}\"))")
        .contains(".tag(\"cost-center\", \"\\\"42\\\" */\")\n        .tag(\"team\", \"reports\")");
  }

  @Test
  void aStateMachineGivenByNameIsLookedUpFirst() {
    aws.on("ListStateMachines", json("{\"stateMachines\":[{\"name\":\"Other\",\"stateMachineArn\":\"" + MACHINE
            + "x\",\"type\":\"STANDARD\",\"creationDate\":1767225600},{\"name\":\"NightlyReport\",\"stateMachineArn\":\""
            + MACHINE + "\",\"type\":\"STANDARD\",\"creationDate\":1767225600}]}"))
        .on("DescribeStateMachine", json("{\"stateMachineArn\":\"" + MACHINE + "\",\"name\":\"NightlyReport\","
            + "\"definition\":" + new ObjectMapper().createObjectNode().textNode(DEFINITION) + ",\"roleArn\":\"r\","
            + "\"type\":\"STANDARD\",\"creationDate\":1767225600}"))
        .on("ListTagsForResource", json("{\"tags\": []}"));

    CommandLine run = adopt("adopt", "--state-machine", "NightlyReport", "--output", dir.resolve("src").toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(aws.operations()).containsExactly("ListStateMachines", "DescribeStateMachine", "ListTagsForResource");
  }

  @Test
  void anIacGeneratorTemplateIsFetchedByName() {
    String template = "{\"Resources\":{\"Flow\":{\"Type\":\"AWS::StepFunctions::StateMachine\",\"Properties\":{"
        + "\"DefinitionString\":" + new ObjectMapper().createObjectNode().textNode(DEFINITION)
        + ",\"RoleArn\":\"arn:aws:iam::111122223333:role/report\"}}}}";
    aws.on("GetGeneratedTemplate", xml("GetGeneratedTemplate",
        "<Status>COMPLETE</Status><TemplateBody>" + LoopbackAws.escape(template) + "</TemplateBody>"));

    CommandLine run = adopt("adopt", "--generated-template", "console-export", "--id", "nightly-report",
        "--output", dir.resolve("src").toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Adopted generated template console-export as workflow nightly-report (NightlyReport):\n"
        + "  /States/Notify/Parameters/TopicArn: the ARN arn:aws:sns:eu-west-1:111122223333:reports -> ${NotifyTopicArn}");
    assertThat(aws.requests().get(0).form()).containsEntry("Action", "GetGeneratedTemplate")
        .containsEntry("GeneratedTemplateName", "console-export").containsEntry("Format", "JSON");
  }

  @Test
  void accessDeniedIsOneLineAndNothingIsWritten() {
    aws.on("DescribeStateMachine", jsonError(400, "AccessDeniedException", "User: "
        + "arn:aws:sts::111122223333:assumed-role/dev/jane is not authorized to perform: states:DescribeStateMachine "
        + "on resource: " + MACHINE + " because no identity-based policy allows the states:DescribeStateMachine action"));

    CommandLine run = adopt("adopt", "--state-machine", MACHINE, "--output", dir.resolve("src").toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("statecraft adopt: access denied: arn:aws:sts::111122223333:assumed-role/dev/jane "
        + "may not call states:DescribeStateMachine; grant it that action (docs/aws.md lists what each command needs)\n");
    assertThat(dir.resolve("src")).doesNotExist();
  }

  @Test
  void aGeneratedTemplateNeverCompletedIsRefused() {
    aws.on("GetGeneratedTemplate", xml("GetGeneratedTemplate", "<Status>CREATE_IN_PROGRESS</Status><TemplateBody></TemplateBody>"));

    CommandLine run = adopt("adopt", "--generated-template", "console-export", "--output", dir.resolve("src").toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("statecraft adopt: the generated template console-export is CREATE_IN_PROGRESS and has "
        + "no content yet; wait until the IaC generator has finished it\n");
    assertThat(dir.resolve("src")).doesNotExist();
  }
}
