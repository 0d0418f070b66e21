package io.statecraft.maven;

import static io.statecraft.connect.LoopbackAws.json;
import static io.statecraft.connect.LoopbackAws.xml;
import static io.statecraft.connect.LoopbackAws.xmlError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.connect.LoopbackAws;
import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validate-remote and deploy goals over the loopback AWS server: thin over connect, Maven's way of failing. */
final class AwsGoalsTest {

  private final LoopbackAws aws = LoopbackAws.start();
  private final List<String> info = new ArrayList<>();

  @TempDir
  Path dir;

  @AfterEach
  void stop() {
    aws.close();
  }

  private File generated() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("statecraft/greeting"));
    Files.writeString(folder.resolve("definition.asl.json"),
        "{\"StartAt\": \"Done\", \"States\": {\"Done\": {\"Type\": \"Succeed\"}}}\n");
    Files.writeString(folder.resolve("template.json"), """
        {"Parameters": {"WebhookSecret": {"Type": "String", "NoEcho": true}},
         "Resources": {"StateMachine": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"Definition": {}}}}}
        """);
    return dir.resolve("statecraft").toFile();
  }

  private static void set(Object mojo, String field, Object value) throws Exception {
    Field f = mojo.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(mojo, value);
  }

  @Test
  void validateRemoteFailsTheBuildWithEveryProblem() throws Exception {
    aws.on("ValidateStateMachineDefinition", json("{\"result\":\"OK\",\"diagnostics\":[]}"))
        .on("ValidateTemplate", xmlError(400, "ValidationError", "Template format error: Unrecognized resource types"));
    ValidateRemoteMojo mojo = new ValidateRemoteMojo();
    mojo.base = aws.settings();
    set(mojo, "outputDirectory", generated());

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("statecraft validate-remote: validated 1 definition and 1 template with AWS: 1 error, 0 warnings\n  "
            + dir.resolve("statecraft/greeting") + "/template.json: ERROR TEMPLATE_VALIDATION_ERROR /: CloudFormation:"
            + " Template format error: Unrecognized resource types");
  }

  @Test
  void validateRemoteSendsALargeTemplateThroughTheBucketOfTheGoalsParameters() throws Exception {
    File generated = generated();
    Path template = generated.toPath().resolve("greeting/template.json");
    Files.writeString(template, Files.readString(template).replaceFirst("\\{",
        "{\"Metadata\": {\"Padding\": \"" + "x".repeat(52_000) + "\"}, "));
    aws.on("ValidateStateMachineDefinition", json("{\"result\":\"OK\",\"diagnostics\":[]}"))
        .on("PutObject", LoopbackAws.s3Ok())
        .on("ValidateTemplate", xml("ValidateTemplate", ""));
    ValidateRemoteMojo mojo = new ValidateRemoteMojo();
    mojo.base = aws.settings();
    mojo.setLog(new SystemStreamLog() {
      @Override
      public void info(CharSequence content) {
        info.add(content.toString());
      }
    });
    set(mojo, "outputDirectory", generated);
    set(mojo, "s3Bucket", "acme-cfn-templates");
    set(mojo, "s3Prefix", "ci");

    mojo.execute();

    LoopbackAws.Request put = aws.requests().get(1);
    assertThat(put.operation()).isEqualTo("PutObject");
    assertThat(put.bucket()).isEqualTo("acme-cfn-templates");
    assertThat(put.key()).matches("ci/greeting/[0-9a-f]{64}\\.json");
    assertThat(aws.requests().get(2).form())
        .containsEntry("TemplateURL", "https://acme-cfn-templates.s3.eu-west-1.amazonaws.com/" + put.key());
    assertThat(info).containsExactly(
        "uploaded the template of greeting (" + put.body().length() + " bytes, over CloudFormation's 51200 for a body)"
            + " to s3://acme-cfn-templates/" + put.key(),
        "statecraft validate-remote: validated 1 definition and 1 template with AWS: 0 errors, 0 warnings");
  }

  @Test
  void validateRemoteWithoutGeneratedFilesSaysToGenerate() {
    ValidateRemoteMojo mojo = new ValidateRemoteMojo();
    mojo.base = aws.settings();

    assertThatThrownBy(() -> {
      set(mojo, "outputDirectory", dir.resolve("none").toFile());
      mojo.execute();
    }).isInstanceOf(MojoExecutionException.class)
        .hasMessage("no generated workflow in " + dir.resolve("none") + ": expected <id>/template.json and"
            + " <id>/definition.asl.json; run generate first (mvn generate-resources, or the generate goal)");
  }

  @Test
  void startFailsTheBuildWithTheExecutionsErrorAndCause() throws Exception {
    String machine = "arn:aws:states:eu-west-1:111122223333:stateMachine:StateMachine-abc";
    String execution = "arn:aws:states:eu-west-1:111122223333:execution:StateMachine-abc:run-1";
    aws.on("StartExecution", json("{\"executionArn\":\"" + execution + "\",\"startDate\":1767225600}"))
        .on("DescribeExecution", json("{\"executionArn\":\"" + execution + "\",\"stateMachineArn\":\"" + machine
            + "\",\"status\":\"TIMED_OUT\",\"startDate\":1767225600,\"error\":\"States.Timeout\",\"cause\":\"too slow\"}"));
    StartMojo mojo = new StartMojo();
    mojo.base = aws.settings();
    set(mojo, "stateMachineArn", machine);
    set(mojo, "input", "{}");
    set(mojo, "waitForEnd", true);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("statecraft start: execution TIMED_OUT: States.Timeout: too slow");
  }

  @Test
  void deployTakesANoEchoValueFromASettingsServerAndNeverLogsIt() throws Exception {
    aws.on("DescribeStacks", xmlError(400, "ValidationError", "Stack with id greeting-prod does not exist"))
        .on("CreateChangeSet", xml("CreateChangeSet", "<Id>arn:aws:cloudformation:eu-west-1:111122223333:changeSet/x/1</Id>"))
        .on("DescribeChangeSet", xml("DescribeChangeSet", "<Status>FAILED</Status><StatusReason>The submitted"
            + " information didn't contain changes. Submit different information to create a change set.</StatusReason>"))
        .on("DeleteChangeSet", xml("DeleteChangeSet", ""));
    DeployMojo mojo = new DeployMojo();
    mojo.base = aws.settings();
    mojo.environmentVariables = name -> null;
    mojo.setLog(new SystemStreamLog() {
      @Override
      public void info(CharSequence content) {
        info.add(content.toString());
      }
    });
    Server server = new Server();
    server.setId("prod-webhook");
    server.setPassword("s3cr3t-value");
    Settings settings = new Settings();
    settings.addServer(server);
    set(mojo, "outputDirectory", generated());
    set(mojo, "settings", settings);
    set(mojo, "secretServers", Map.of("WebhookSecret", "prod-webhook"));
    set(mojo, "environment", "prod");
    set(mojo, "capabilities", List.of("CAPABILITY_IAM"));
    set(mojo, "pollSeconds", 1);

    mojo.execute();

    assertThat(info.get(info.size() - 1)).isEqualTo("stack greeting-prod is up to date: no changes");
    assertThat(aws.requests().get(1).form()).containsEntry("StackName", "greeting-prod")
        .containsEntry("Parameters.member.1.ParameterValue", "s3cr3t-value");
    assertThat(info).noneMatch(line -> line.contains("s3cr3t-value"));
  }

  @Test
  void deployFailsTheBuildNamingTheAlarmThatRolledTheAliasBack() throws Exception {
    File output = generated();
    Files.writeString(output.toPath().resolve("greeting/template.json"), """
        {"Parameters": {"AlarmName": {"Type": "String", "Default": "GreetingFailures"}},
         "Resources": {"StateMachine": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"Definition": {}}},
          "StateMachineAlias": {"Type": "AWS::StepFunctions::StateMachineAlias", "Properties": {"Name": "live",
            "DeploymentPreference": {"StateMachineVersionArn": "v", "Type": "LINEAR", "Percentage": 20, "Interval": 1,
              "Alarms": [{"Ref": "AlarmName"}]}}}}}
        """);
    String stackId = "arn:aws:cloudformation:eu-west-1:111122223333:stack/greeting-prod/1";
    String alias = "arn:aws:states:eu-west-1:111122223333:stateMachine:StateMachine-abc:live";
    String stack = "<Stacks><member><StackName>greeting-prod</StackName><StackId>" + stackId + "</StackId>"
        + "<CreationTime>2026-01-01T00:00:00Z</CreationTime><StackStatus>%s</StackStatus></member></Stacks>";
    // AWS does not document the reason's wording for an alarm; this one quotes it.
    String failed = "<member><EventId>2</EventId><StackId>" + stackId + "</StackId><StackName>greeting-prod</StackName>"
        + "<LogicalResourceId>StateMachineAlias</LogicalResourceId><PhysicalResourceId>" + alias + "</PhysicalResourceId>"
        + "<ResourceType>AWS::StepFunctions::StateMachineAlias</ResourceType><Timestamp>2026-01-01T00:00:02Z</Timestamp>"
        + "<ResourceStatus>UPDATE_FAILED</ResourceStatus><ResourceStatusReason>alarm &quot;GreetingFailures&quot; fired"
        + "</ResourceStatusReason></member>";
    aws.on("DescribeStacks", xml("DescribeStacks", String.format(stack, "UPDATE_COMPLETE")),
            xml("DescribeStacks", String.format(stack, "UPDATE_ROLLBACK_COMPLETE")))
        .on("CreateChangeSet", xml("CreateChangeSet", "<Id>arn:aws:cloudformation:eu-west-1:111122223333:changeSet/x/1</Id>"))
        .on("DescribeChangeSet", xml("DescribeChangeSet", "<Status>CREATE_COMPLETE</Status>"))
        .on("ExecuteChangeSet", xml("ExecuteChangeSet", ""))
        .on("DescribeStackEvents", xml("DescribeStackEvents", "<StackEvents/>"),
            xml("DescribeStackEvents", "<StackEvents>" + failed + "</StackEvents>"))
        .on("DescribeStateMachineAlias", json("{\"stateMachineAliasArn\":\"" + alias + "\",\"routingConfiguration\":"
            + "[{\"stateMachineVersionArn\":\"arn:aws:states:eu-west-1:111122223333:stateMachine:StateMachine-abc:3\","
            + "\"weight\":100}]}"));
    DeployMojo mojo = new DeployMojo();
    mojo.base = aws.settings();
    mojo.environmentVariables = name -> "s3cr3t-value";
    mojo.setLog(new SystemStreamLog() {
      @Override
      public void info(CharSequence content) {
        info.add(content.toString());
      }
    });
    set(mojo, "outputDirectory", output);
    set(mojo, "environment", "prod");
    set(mojo, "capabilities", List.of("CAPABILITY_IAM"));
    set(mojo, "pollSeconds", 1);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("statecraft deploy: stack greeting-prod failed: alias live was rolled back: alarm GreetingFailures"
            + " went into ALARM; the events are logged above");
    assertThat(info).contains("alias live: 100% to version 3",
        "alias live is rolling back: alarm GreetingFailures went into ALARM");
  }
}
