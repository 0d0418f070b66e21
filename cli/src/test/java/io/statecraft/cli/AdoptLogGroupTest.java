package io.statecraft.cli;

import static io.statecraft.cli.AdoptCommandTest.compileAndLoad;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.json.CanonicalJson;
import io.statecraft.generator.workflow.CompiledWorkflow;
import io.statecraft.generator.workflow.OutputFile;
import io.statecraft.generator.workflow.WorkflowCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adopt} of a state machine that logs to a log group its template does not create: the
 * destination is carried over as {@code LogGroup.existing(...)} with the old ARN as the parameter's
 * default; one the template creates stays the workflow's own.
 */
final class AdoptLogGroupTest {

  private static final String ARN = "arn:aws:logs:eu-west-1:111122223333:log-group:/aws/vendedlogs/states/report:*";
  private static final String DEFINITION = """
      "Definition": {"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}""";

  @TempDir
  Path dir;

  @Test
  void aLiteralLogGroupArnBecomesTheExistingLogGroupParameter() throws Exception {
    Path template = write("literal.json", "{\"Resources\": {\"Flow\": {\"Type\": \"AWS::StepFunctions::StateMachine\", "
        + "\"Properties\": {" + DEFINITION + ", \"LoggingConfiguration\": {\"Level\": \"ALL\", \"IncludeExecutionData\": true, "
        + "\"Destinations\": [{\"CloudWatchLogsLogGroup\": {\"LogGroupArn\": \"" + ARN + "\"}}]}}}}}");
    Path src = dir.resolve("src/main/java");

    CommandLine run = CommandLine.run("adopt", "--output", src.toString(), "--id", "flow", template.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("Adopted " + template + " as workflow flow (Flow):\n"
        + "  LoggingConfiguration/Destinations/0/CloudWatchLogsLogGroup/LogGroupArn: the log group " + ARN
        + " -> the existing log group LogGroup.existing(LogGroupArn), parameter LogGroupArn (default: the old value)\n"
        + "  LoggingConfiguration: level ALL, execution data included -> kept\n");
    assertThat(src.resolve("Flow.java")).content()
        .contains("static final Parameter LOG_GROUP_ARN = Parameter.string(\"LogGroupArn\")\n"
            + "      .description(\"The existing log group the state machine logs to (adopted with " + ARN + ")\")\n"
            + "      .defaultValue(\"" + ARN + "\");")
        .contains("        .logging(LogLevel.ALL, true)\n        .logGroup(LogGroup.existing(LOG_GROUP_ARN))\n");
    JsonNode built = built(src, "Flow");
    assertThat(built.at("/Resources/StateMachine/Properties/LoggingConfiguration")).isEqualTo(CanonicalJson.mapper().readTree("""
        {"Level": "ALL", "IncludeExecutionData": true, "Destinations": [{"CloudWatchLogsLogGroup":
          {"LogGroupArn": {"Ref": "LogGroupArn"}}}]}"""));
    assertThat(built.at("/Parameters/LogGroupArn/Default").asText()).isEqualTo(ARN);
    assertThat(built.path("Resources").has("StateMachineLogGroup")).isFalse();
  }

  @Test
  void aTemplateParameterStaysTheParameterAndSamLoggingIsRead() throws Exception {
    Path template = write("sam.yaml", """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          ReportLogsArn:
            Type: String
            Description: Where the report logs
            Default: %s
        Resources:
          Flow:
            Type: AWS::Serverless::StateMachine
            Properties:
              Definition: {StartAt: Done, States: {Done: {Type: Succeed}}}
              Logging:
                Level: ERROR
                IncludeExecutionData: false
                Destinations:
                  - CloudWatchLogsLogGroup:
                      LogGroupArn: !Ref ReportLogsArn
        """.formatted(ARN));
    Path src = dir.resolve("src/main/java");

    CommandLine run = CommandLine.run("adopt", "--output", src.toString(), "--id", "flow", template.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("Adopted " + template + " as workflow flow (Flow):\n"
        + "  Logging/Destinations/0/CloudWatchLogsLogGroup/LogGroupArn: Ref ReportLogsArn -> the existing log group "
        + "LogGroup.existing(ReportLogsArn), parameter ReportLogsArn\n"
        + "  Logging: level ERROR, execution data not included -> kept\n");
    JsonNode built = built(src, "Flow");
    assertThat(built.at("/Resources/StateMachine/Properties/LoggingConfiguration/Destinations/0/CloudWatchLogsLogGroup/LogGroupArn"))
        .isEqualTo(CanonicalJson.mapper().readTree("{\"Ref\": \"ReportLogsArn\"}"));
    assertThat(built.at("/Parameters/ReportLogsArn")).isEqualTo(CanonicalJson.mapper().readTree(
        "{\"Type\": \"String\", \"Description\": \"Where the report logs\", \"Default\": \"" + ARN + "\"}"));
  }

  @Test
  void aLogGroupTheTemplateCreatesStaysTheWorkflowsOwn() throws Exception {
    Path template = write("own.json", "{\"Resources\": {\"Logs\": {\"Type\": \"AWS::Logs::LogGroup\"}, "
        + "\"Flow\": {\"Type\": \"AWS::StepFunctions::StateMachine\", \"Properties\": {" + DEFINITION
        + ", \"LoggingConfiguration\": {\"Level\": \"ERROR\", \"IncludeExecutionData\": false, "
        + "\"Destinations\": [{\"CloudWatchLogsLogGroup\": {\"LogGroupArn\": {\"Fn::GetAtt\": [\"Logs\", \"Arn\"]}}}]}}}}}");
    Path src = dir.resolve("src/main/java");

    CommandLine run = CommandLine.run("adopt", "--output", src.toString(), "--id", "flow", template.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("Adopted " + template + " as workflow flow (Flow):\n"
        + "  LoggingConfiguration/Destinations: not kept; the workflow logs to the log group Statecraft creates\n"
        + "  LoggingConfiguration: level ERROR, execution data not included -> kept\n");
    assertThat(src.resolve("Flow.java")).content().doesNotContain("logGroup(");
    assertThat(built(src, "Flow").at("/Resources/StateMachine/Properties/LoggingConfiguration/Destinations/0"
        + "/CloudWatchLogsLogGroup/LogGroupArn")).isEqualTo(CanonicalJson.mapper().readTree(
            "{\"Fn::GetAtt\": [\"StateMachineLogGroup\", \"Arn\"]}"));
  }

  private JsonNode built(Path src, String className) throws Exception {
    CompiledWorkflow compiled = WorkflowCompiler.compile(compileAndLoad(src, className));
    assertThat(compiled.problems()).as("%s", compiled.problems()).isEmpty();
    return CanonicalJson.mapper().readTree(compiled.files().get(OutputFile.TEMPLATE_JSON));
  }

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }
}
