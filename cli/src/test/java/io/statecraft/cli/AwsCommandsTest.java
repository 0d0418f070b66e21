package io.statecraft.cli;

import static io.statecraft.connect.LoopbackAws.json;
import static io.statecraft.connect.LoopbackAws.xml;
import static io.statecraft.connect.LoopbackAws.xmlError;
import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.connect.LoopbackAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --remote} and {@code deploy} end to end: the command line, the real SDK clients
 * and a loopback server that speaks AWS's wire protocols. What a user sees, and what AWS receives.
 */
final class AwsCommandsTest {

  private final LoopbackAws aws = LoopbackAws.start();

  @TempDir
  Path dir;

  @AfterEach
  void stop() {
    aws.close();
  }

  private Path generated() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("statecraft/greeting"));
    Files.writeString(folder.resolve("definition.asl.json"), """
        {
          "StartAt": "Notify",
          "States": {
            "Notify": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
              "Parameters": {"TopicArn": "${TopicArn}", "Message": "Hello from ${Team}"}, "End": true}
          }
        }
        """);
    Files.writeString(folder.resolve("template.json"), """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Parameters": {
            "Team": {"Type": "String", "Default": "platform"},
            "WebhookSecret": {"Type": "String", "NoEcho": true}
          },
          "Resources": {
            "Topic": {"Type": "AWS::SNS::Topic"},
            "StateMachine": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
              "Definition": {}, "DefinitionSubstitutions": {"TopicArn": {"Ref": "Topic"}, "Team": {"Ref": "Team"}}}}
          }
        }
        """);
    return dir.resolve("statecraft");
  }

  /** The generated greeting with a template over 51,200 bytes as compact JSON. */
  private Path generatedLarge() throws Exception {
    Path generated = generated();
    Path template = generated.resolve("greeting/template.json");
    Files.writeString(template, Files.readString(template).replaceFirst("\\{",
        "{\n  \"Metadata\": {\"Padding\": \"" + "x".repeat(52_000) + "\"},"));
    return generated;
  }

  private static String sha256(String text) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private CommandLine validate(String... args) {
    return CommandLine.runWith(List.of(new ValidateCommand(aws.settings())), args);
  }

  private CommandLine deploy(Map<String, String> environment, String... args) {
    return CommandLine.runWith(List.of(new DeployCommand(aws.settings(), environment::get, Duration.ofMillis(1))), args);
  }

  @Test
  void validateRemotePrintsEachDiagnosticAsLintDoesAndExitsOne() throws Exception {
    Path generated = generated();
    aws.on("ValidateStateMachineDefinition", json("""
        {"result":"FAIL","diagnostics":[{"severity":"ERROR","code":"SCHEMA_VALIDATION_FAILED",
          "message":"The field 'Parameters' is not supported","location":"/States/Notify/Parameters"}]}"""))
        .on("ValidateTemplate", xml("ValidateTemplate", ""));

    CommandLine result = validate("validate", "--remote", "--parameter", "Team=sre", generated.toString());

    assertThat(result.out()).isEqualTo(generated.resolve("greeting") + "/definition.asl.json: ERROR"
        + " SCHEMA_VALIDATION_FAILED /States/Notify/Parameters: Step Functions: The field 'Parameters' is not supported\n");
    assertThat(result.err()).isEqualTo("validated 1 definition and 1 template with AWS: 1 error, 0 warnings\n");
    assertThat(result.status()).isEqualTo(ExitStatus.PROBLEMS);
    assertThat(aws.requests().get(0).body()).contains("Hello from sre");
  }

  @Test
  void validateRemoteCleanIsExitZero() throws Exception {
    Path generated = generated();
    aws.on("ValidateStateMachineDefinition", json("{\"result\":\"OK\",\"diagnostics\":[]}"))
        .on("ValidateTemplate", xml("ValidateTemplate", ""));

    CommandLine result = validate("validate", "--remote", generated.resolve("greeting").toString());

    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("validated 1 definition and 1 template with AWS: 0 errors, 0 warnings\n");
    assertThat(result.status()).isEqualTo(ExitStatus.OK);
  }

  @Test
  void validateRemoteSendsALargeTemplateThroughTheBucket() throws Exception {
    Path generated = generatedLarge();
    aws.on("ValidateStateMachineDefinition", json("{\"result\":\"OK\",\"diagnostics\":[]}"))
        .on("PutObject", LoopbackAws.s3Ok())
        .on("ValidateTemplate", xml("ValidateTemplate", ""));

    CommandLine result = validate("validate", "--remote", "--s3-bucket", "acme-cfn-templates", "--s3-prefix",
        "statecraft", generated.toString());

    LoopbackAws.Request put = aws.requests().get(1);
    String key = "statecraft/greeting/" + sha256(put.body()) + ".json";
    assertThat(result.status()).isEqualTo(ExitStatus.OK);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("uploaded the template of greeting (" + put.body().length() + " bytes, over"
        + " CloudFormation's 51200 for a body) to s3://acme-cfn-templates/" + key + "\n"
        + "validated 1 definition and 1 template with AWS: 0 errors, 0 warnings\n");
    assertThat(aws.operations()).containsExactly("ValidateStateMachineDefinition", "PutObject", "ValidateTemplate");
    assertThat(put.bucket()).isEqualTo("acme-cfn-templates");
    assertThat(put.key()).isEqualTo(key);
    assertThat(aws.requests().get(2).form())
        .containsEntry("TemplateURL", "https://acme-cfn-templates.s3.eu-west-1.amazonaws.com/" + key)
        .doesNotContainKey("TemplateBody");
  }

  @Test
  void validateRemoteWithoutABucketWarnsAboutALargeTemplateAndNamesTheOption() throws Exception {
    Path generated = generatedLarge();
    aws.on("ValidateStateMachineDefinition", json("{\"result\":\"OK\",\"diagnostics\":[]}"));

    CommandLine result = validate("validate", "--remote", generated.toString());

    assertThat(result.status()).isEqualTo(ExitStatus.OK);
    assertThat(result.out()).startsWith(generated.resolve("greeting") + "/template.json: WARNING TEMPLATE_NOT_VALIDATED /:"
        + " the template is ").endsWith(" bytes as compact JSON, over ValidateTemplate's 51200 for a body, so"
        + " CloudFormation did not validate it; give an S3 bucket to go through (--s3-bucket NAME, plugin:"
        + " -Dstatecraft.s3Bucket=NAME)\n");
    assertThat(aws.operations()).containsExactly("ValidateStateMachineDefinition");
  }

  @Test
  void theBucketOptionsBelongToTheCommandsThatSendTemplates() throws Exception {
    CommandLine prefixOnly = validate("validate", "--remote", "--s3-prefix", "statecraft", generated().toString());
    CommandLine start = CommandLine.runWith(List.of(new StartCommand(aws.settings(), Duration.ofMillis(1))),
        "start", "--s3-bucket", "acme-cfn-templates");

    assertThat(prefixOnly.status()).isEqualTo(ExitStatus.USAGE);
    assertThat(prefixOnly.firstErrLine()).isEqualTo("statecraft validate: --s3-prefix needs --s3-bucket NAME");
    assertThat(start.status()).isEqualTo(ExitStatus.USAGE);
    assertThat(start.firstErrLine()).isEqualTo("statecraft start: unknown option --s3-bucket");
    assertThat(aws.requests()).isEmpty();
  }

  @Test
  void deploySendsALargeTemplateThroughTheBucketOrSaysWhichOptionItNeeds() throws Exception {
    Path generated = generatedLarge();
    aws.on("DescribeStacks", xmlError(400, "ValidationError", "Stack with id greeting does not exist"))
        .on("PutObject", LoopbackAws.s3Ok())
        .on("CreateChangeSet", xml("CreateChangeSet", "<Id>arn:aws:cloudformation:eu-west-1:111122223333:changeSet/x/1</Id>"))
        .on("DescribeChangeSet", xml("DescribeChangeSet", "<Status>CREATE_COMPLETE</Status><Changes/>"));
    Map<String, String> environment = Map.of("STATECRAFT_PARAMETER_WebhookSecret", "s3cr3t-value");

    CommandLine refused = deploy(environment, "deploy", "--dry-run", generated.toString());
    CommandLine planned = deploy(environment, "deploy", "--dry-run", "--s3-bucket", "acme-cfn-templates",
        generated.toString());

    assertThat(refused.status()).isEqualTo(ExitStatus.PROBLEMS);
    assertThat(refused.err()).startsWith("statecraft deploy: the template of greeting is ")
        .endsWith(" bytes as compact JSON, over CloudFormation's 51200 for a body; give an S3 bucket to go through"
            + " (--s3-bucket NAME, plugin: -Dstatecraft.s3Bucket=NAME)\n");
    assertThat(planned.status()).isEqualTo(ExitStatus.OK);
    LoopbackAws.Request put = aws.requests().stream().filter(request -> request.operation().equals("PutObject"))
        .findFirst().orElseThrow();
    String key = "greeting/" + sha256(put.body()) + ".json";
    assertThat(put.key()).isEqualTo(key);
    assertThat(planned.out().lines().findFirst().orElseThrow()).isEqualTo("uploaded the template of greeting ("
        + put.body().length() + " bytes, over CloudFormation's 51200 for a body) to s3://acme-cfn-templates/" + key);
    assertThat(aws.requests().stream().filter(request -> request.operation().equals("CreateChangeSet")).findFirst()
        .orElseThrow().form())
        .containsEntry("TemplateURL", "https://acme-cfn-templates.s3.eu-west-1.amazonaws.com/" + key)
        .doesNotContainKey("TemplateBody");
  }

  @Test
  void validateWithoutRemoteOrWithoutGeneratedFilesIsBadUsage() throws Exception {
    CommandLine noRemote = validate("validate", generated().toString());
    CommandLine nothing = validate("validate", "--remote", dir.resolve("empty").toString());

    assertThat(noRemote.status()).isEqualTo(ExitStatus.USAGE);
    assertThat(noRemote.firstErrLine())
        .isEqualTo("statecraft validate: validate calls AWS: add --remote (for offline checks use statecraft lint)");
    assertThat(nothing.status()).isEqualTo(ExitStatus.USAGE);
    assertThat(nothing.firstErrLine()).isEqualTo("statecraft validate: no generated workflow in " + dir.resolve("empty")
        + ": expected <id>/template.json and <id>/definition.asl.json; run generate first");
    assertThat(aws.requests()).isEmpty();
  }

  @Test
  void aDeniedCallIsOneLineAndExitOne() throws Exception {
    Path generated = generated();
    aws.on("ValidateStateMachineDefinition", LoopbackAws.jsonError(400, "AccessDeniedException",
        "User: arn:aws:sts::111122223333:assumed-role/ci/build is not authorized to perform:"
            + " states:ValidateStateMachineDefinition because no identity-based policy allows it"));

    CommandLine result = validate("validate", "--remote", generated.toString());

    assertThat(result.status()).isEqualTo(ExitStatus.PROBLEMS);
    assertThat(result.err()).isEqualTo("statecraft validate: access denied: arn:aws:sts::111122223333:assumed-role/ci/build"
        + " may not call states:ValidateStateMachineDefinition; grant it that action (docs/aws.md lists what each"
        + " command needs)\n");
  }

  @Test
  void deployDryRunPrintsThePlanForTheEnvironmentsStack() throws Exception {
    Path generated = generated();
    Path prod = Files.writeString(dir.resolve("prod.json"), "[{\"ParameterKey\": \"Team\", \"ParameterValue\": \"sre\"}]");
    aws.on("DescribeStacks", xmlError(400, "ValidationError", "Stack with id greeting-prod does not exist"))
        .on("CreateChangeSet", xml("CreateChangeSet", "<Id>arn:aws:cloudformation:eu-west-1:111122223333:changeSet/x/1</Id>"))
        .on("DescribeChangeSet", xml("DescribeChangeSet", "<Status>CREATE_COMPLETE</Status><Changes>"
            + "<member><Type>Resource</Type><ResourceChange><Action>Add</Action><LogicalResourceId>Topic</LogicalResourceId>"
            + "<ResourceType>AWS::SNS::Topic</ResourceType></ResourceChange></member></Changes>"));

    CommandLine result = deploy(Map.of("STATECRAFT_PARAMETER_WebhookSecret", "s3cr3t-value"),
        "deploy", "--dry-run", "--parameters", prod.toString(), "--tag", "team=sre", generated.toString());

    assertThat(result.status()).isEqualTo(ExitStatus.OK);
    List<String> lines = result.out().lines().toList();
    assertThat(lines.get(0)).startsWith("creating stack greeting-prod with change set statecraft-");
    assertThat(lines.subList(1, 3)).containsExactly("plan: 1 change",
        "  Add      Topic                            AWS::SNS::Topic                         ");
    assertThat(lines.get(3)).startsWith("dry run: change set statecraft-");
    assertThat(aws.requests().get(1).form()).containsEntry("StackName", "greeting-prod")
        .containsEntry("Parameters.member.1.ParameterValue", "sre")
        .containsEntry("Parameters.member.2.ParameterValue", "s3cr3t-value");
    assertThat(result.out() + result.err()).doesNotContain("s3cr3t-value");
  }

  @Test
  void deployPrintsTheAliasRoutingAndNamesTheAlarmThatRolledItBack() throws Exception {
    Path generated = generated();
    Path template = generated.resolve("greeting/template.json");
    // The alias as the generator writes it for .publishVersion().alias("live").deployment(canary...).
    Files.writeString(template, Files.readString(template).replace("\"Topic\": {\"Type\": \"AWS::SNS::Topic\"},", """
        "Topic": {"Type": "AWS::SNS::Topic"},
        "StateMachineVersion": {"Type": "AWS::StepFunctions::StateMachineVersion",
          "Properties": {"StateMachineArn": {"Ref": "StateMachine"}}},
        "StateMachineAlias": {"Type": "AWS::StepFunctions::StateMachineAlias", "Properties": {"Name": "live",
          "DeploymentPreference": {"StateMachineVersionArn": {"Ref": "StateMachineVersion"}, "Type": "CANARY",
            "Percentage": 10, "Interval": 5, "Alarms": ["GreetingFailures"]}}},"""));
    String stackId = "arn:aws:cloudformation:eu-west-1:111122223333:stack/greeting-prod/1";
    String machine = "arn:aws:states:eu-west-1:111122223333:stateMachine:StateMachine-abc";
    // AWS does not document the reason's wording for an alarm; this one names it.
    String reason = "Alarm GreetingFailures is in ALARM; rolled back";
    aws.on("DescribeStacks", xml("DescribeStacks", "<Stacks><member><StackName>greeting-prod</StackName><StackId>" + stackId
                + "</StackId><CreationTime>2026-01-01T00:00:00Z</CreationTime><StackStatus>UPDATE_COMPLETE</StackStatus>"
                + "</member></Stacks>"),
            xml("DescribeStacks", "<Stacks><member><StackName>greeting-prod</StackName><StackId>" + stackId
                + "</StackId><CreationTime>2026-01-01T00:00:00Z</CreationTime>"
                + "<StackStatus>UPDATE_ROLLBACK_COMPLETE</StackStatus></member></Stacks>"))
        .on("CreateChangeSet", xml("CreateChangeSet", "<Id>arn:aws:cloudformation:eu-west-1:111122223333:changeSet/x/1</Id>"))
        .on("DescribeChangeSet", xml("DescribeChangeSet", "<Status>CREATE_COMPLETE</Status><Changes>"
            + "<member><Type>Resource</Type><ResourceChange><Action>Modify</Action><LogicalResourceId>StateMachineAlias"
            + "</LogicalResourceId><ResourceType>AWS::StepFunctions::StateMachineAlias</ResourceType></ResourceChange>"
            + "</member></Changes>"))
        .on("ExecuteChangeSet", xml("ExecuteChangeSet", ""))
        .on("DescribeStackEvents", xml("DescribeStackEvents", "<StackEvents/>"),
            xml("DescribeStackEvents", "<StackEvents>"
                + stackEvent(stackId, "3", "greeting-prod", stackId, "AWS::CloudFormation::Stack", "UPDATE_ROLLBACK_COMPLETE", null)
                + stackEvent(stackId, "2", "StateMachineAlias", machine + ":live", "AWS::StepFunctions::StateMachineAlias",
                    "UPDATE_FAILED", reason)
                + stackEvent(stackId, "1", "StateMachineAlias", machine + ":live", "AWS::StepFunctions::StateMachineAlias",
                    "UPDATE_IN_PROGRESS", null)
                + "</StackEvents>"))
        .on("DescribeStateMachineAlias", json("{\"stateMachineAliasArn\":\"" + machine + ":live\",\"routingConfiguration\":"
            + "[{\"stateMachineVersionArn\":\"" + machine + ":3\",\"weight\":100}]}"));

    CommandLine result = deploy(Map.of("STATECRAFT_PARAMETER_WebhookSecret", "x"), "deploy", "--environment", "prod",
        generated.toString());

    assertThat(result.status()).isEqualTo(ExitStatus.PROBLEMS);
    List<String> lines = result.out().lines().toList();
    assertThat(lines.get(3)).startsWith("executing change set statecraft-");
    assertThat(lines.subList(4, lines.size())).containsExactly(
        "  StateMachineAlias AWS::StepFunctions::StateMachineAlias UPDATE_IN_PROGRESS",
        "  StateMachineAlias AWS::StepFunctions::StateMachineAlias UPDATE_FAILED: " + reason,
        "alias live is rolling back: alarm GreetingFailures went into ALARM",
        "  greeting-prod AWS::CloudFormation::Stack UPDATE_ROLLBACK_COMPLETE",
        "alias live: 100% to version 3",
        "stack greeting-prod failed: final status UPDATE_ROLLBACK_COMPLETE",
        "  failed: StateMachineAlias AWS::StepFunctions::StateMachineAlias UPDATE_FAILED: " + reason,
        "alias live was rolled back: alarm GreetingFailures went into ALARM; fix what the alarm caught and deploy again");
    assertThat(result.err()).isEqualTo("statecraft deploy: stack greeting-prod failed: alias live was rolled back:"
        + " alarm GreetingFailures went into ALARM\n");
  }

  private static String stackEvent(String stackId, String id, String logicalId, String physicalId, String type,
      String status, String reason) {
    return "<member><EventId>" + id + "</EventId><StackId>" + stackId + "</StackId><StackName>greeting-prod</StackName>"
        + "<LogicalResourceId>" + logicalId + "</LogicalResourceId><PhysicalResourceId>" + physicalId
        + "</PhysicalResourceId><ResourceType>" + type + "</ResourceType><Timestamp>2026-01-01T00:00:0" + id
        + "Z</Timestamp><ResourceStatus>" + status + "</ResourceStatus>"
        + (reason == null ? "" : "<ResourceStatusReason>" + LoopbackAws.escape(reason) + "</ResourceStatusReason>")
        + "</member>";
  }

  @Test
  void deployRefusesASecretOnTheCommandLine() throws Exception {
    CommandLine result = deploy(Map.of(), "deploy", "--parameter", "WebhookSecret=oops", generated().toString());

    assertThat(result.status()).isEqualTo(ExitStatus.USAGE);
    assertThat(result.firstErrLine()).isEqualTo("statecraft deploy: WebhookSecret is NoEcho: give its value only in the"
        + " environment variable STATECRAFT_PARAMETER_WebhookSecret or a Maven settings.xml server, never in a file or"
        + " on the command line");
    assertThat(aws.requests()).isEmpty();
  }

  @Test
  void startWaitsAndPrintsTheOutputOrTheErrorAndCause() {
    String machine = "arn:aws:states:eu-west-1:111122223333:stateMachine:StateMachine-abc";
    String execution = "arn:aws:states:eu-west-1:111122223333:execution:StateMachine-abc:run-1";
    aws.on("StartExecution", json("{\"executionArn\":\"" + execution + "\",\"startDate\":1767225600}"))
        .on("DescribeExecution", json("{\"executionArn\":\"" + execution + "\",\"stateMachineArn\":\"" + machine
            + "\",\"status\":\"FAILED\",\"startDate\":1767225600,\"error\":\"States.Timeout\",\"cause\":\"too slow\"}"));

    CommandLine result = CommandLine.runWith(List.of(new StartCommand(aws.settings(), Duration.ofMillis(1))),
        "start", "--state-machine-arn", machine, "--input", "{\"a\":1}", "--wait");

    assertThat(result.status()).isEqualTo(ExitStatus.PROBLEMS);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("started " + execution + "\n"
        + "  https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1#/v2/executions/details/" + execution + "\n"
        + "execution FAILED\n"
        + "error: States.Timeout\n"
        + "cause: too slow\n");
  }

  @Test
  void startNeedsExactlyOneWayToNameTheStateMachine() {
    CommandLine result = CommandLine.runWith(List.of(new StartCommand(aws.settings(), Duration.ofMillis(1))), "start");

    assertThat(result.status()).isEqualTo(ExitStatus.USAGE);
    assertThat(result.firstErrLine())
        .isEqualTo("statecraft start: name the state machine with either --stack-name or --state-machine-arn");
  }

  @Test
  void recordMocksReadsEveryPageAndWritesRedactedMocks() throws Exception {
    String execution = "arn:aws:states:eu-west-1:111122223333:execution:StateMachine-abc:run-1";
    aws.on("GetExecutionHistory",
        json("""
            {"nextToken": "page-2", "events": [
              {"id": 1, "type": "ExecutionStarted", "timestamp": 1767225600},
              {"id": 2, "previousEventId": 1, "type": "TaskStateEntered", "timestamp": 1767225600,
               "stateEnteredEventDetails": {"name": "Notify", "input": "{}"}},
              {"id": 3, "previousEventId": 2, "type": "TaskScheduled", "timestamp": 1767225600,
               "taskScheduledEventDetails": {"resourceType": "lambda", "resource": "invoke", "region": "eu-west-1", "parameters": "{}"}},
              {"id": 4, "previousEventId": 3, "type": "TaskStarted", "timestamp": 1767225600,
               "taskStartedEventDetails": {"resourceType": "lambda", "resource": "invoke"}},
              {"id": 5, "previousEventId": 4, "type": "TaskFailed", "timestamp": 1767225601,
               "taskFailedEventDetails": {"resourceType": "lambda", "resource": "invoke", "error": "Lambda.ServiceException", "cause": "boom"}}
            ]}"""),
        json("""
            {"events": [
              {"id": 6, "previousEventId": 5, "type": "TaskScheduled", "timestamp": 1767225603,
               "taskScheduledEventDetails": {"resourceType": "lambda", "resource": "invoke", "region": "eu-west-1", "parameters": "{}"}},
              {"id": 7, "previousEventId": 6, "type": "TaskStarted", "timestamp": 1767225603,
               "taskStartedEventDetails": {"resourceType": "lambda", "resource": "invoke"}},
              {"id": 8, "previousEventId": 7, "type": "TaskSucceeded", "timestamp": 1767225605,
               "taskSucceededEventDetails": {"resourceType": "lambda", "resource": "invoke", "output": "{\\"Payload\\":{\\"token\\":\\"abc\\",\\"n\\":1}}"}},
              {"id": 9, "previousEventId": 8, "type": "TaskStateExited", "timestamp": 1767225605,
               "stateExitedEventDetails": {"name": "Notify", "output": "{}"}},
              {"id": 10, "previousEventId": 9, "type": "ExecutionSucceeded", "timestamp": 1767225605}
            ]}"""));
    Path mocks = dir.resolve("notify.mocks.json");

    CommandLine result = CommandLine.runWith(List.of(new RecordMocksCommand(aws.settings())),
        "record-mocks", execution, "--redact", "$.Payload.token", "--output", mocks.toString());

    assertThat(result.status()).isEqualTo(ExitStatus.OK);
    assertThat(result.err()).isEqualTo("warning: the execution history holds real inputs and outputs; review the mocks"
        + " before committing them, and hide secrets with --redact\nwrote " + mocks + "\n");
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    assertThat(mapper.readTree(Files.readString(mocks))).isEqualTo(mapper.readTree("""
        {"Notify": {"$sequence": [
          {"$error": "Lambda.ServiceException", "$cause": "boom", "$seconds": 1},
          {"$result": {"Payload": {"token": "REDACTED", "n": 1}}, "$seconds": 2}
        ]}}"""));
    assertThat(aws.operations()).containsExactly("GetExecutionHistory", "GetExecutionHistory");
    var second = mapper.readTree(aws.requests().get(1).body());
    assertThat(second.get("executionArn").asText()).isEqualTo(execution);
    assertThat(second.get("nextToken").asText()).isEqualTo("page-2");
    assertThat(second.get("includeExecutionData").asBoolean()).isTrue();
  }

  @Test
  void bothCommandsAreListed() {
    CommandLine help = CommandLine.run("help");

    assertThat(help.out()).contains("  validate  Check generated definitions and templates with AWS itself (--remote)\n")
        .contains("  deploy    Create or update a generated workflow's stack through a change set\n");
  }
}
