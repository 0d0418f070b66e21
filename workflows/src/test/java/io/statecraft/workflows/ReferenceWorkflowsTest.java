package io.statecraft.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.asl.Problem;
import io.statecraft.testing.GoldenFile;
import io.statecraft.generator.workflow.CompiledWorkflow;
import io.statecraft.generator.workflow.OutputFile;
import io.statecraft.generator.workflow.WorkflowCompiler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three workflows compile without a problem, are discovered through {@code META-INF/services},
 * and produce exactly the reviewed golden files ({@code -Dgolden.update=true} rewrites them).
 */
class ReferenceWorkflowsTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden");

  static Stream<Workflow> workflows() {
    return Stream.of(new PatchAlerts(), new PatchInfrequentInstances(), new ExposedAccessKey());
  }

  @Test
  void theServiceFileListsTheThreeWorkflows() {
    List<String> ids = ServiceLoader.load(Workflow.class).stream()
        .map(provider -> provider.get().id())
        .toList();
    assertThat(ids).containsExactly("patch-alerts", "patch-infrequent-instances", "exposed-access-key");
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void compilesWithoutProblems(Workflow workflow) {
    CompiledWorkflow compiled = WorkflowCompiler.compile(workflow);
    assertThat(compiled.problems()).extracting(Problem::describe).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void templatesNameNoResources(Workflow workflow) {
    JsonNode template = Templates.template(workflow);
    List<String> literalNames = new ArrayList<>();
    template.path("Resources").fields().forEachRemaining(resource -> resource.getValue().path("Properties").fields()
        .forEachRemaining(property -> {
          // A policy's name is local to its role, a metric's is AWS's: neither names a resource.
          boolean physical = !List.of("PolicyName", "MetricName").contains(property.getKey());
          if (property.getKey().endsWith("Name") && physical && property.getValue().isTextual()) {
            literalNames.add(resource.getKey() + "." + property.getKey() + " = " + property.getValue().asText());
          }
        }));
    assertThat(literalNames).as("physical names written into the template").isEmpty();
    String text = template.toString();
    assertThat(Pattern.compile("\\b\\d{12}\\b").matcher(text).find()).as("an account id in the template").isFalse();
    assertThat(Pattern.compile("\\b(us|eu|ap|sa|ca|me|af|il|mx)-(north|south|east|west|central|northeast|southeast)-\\d\\b")
        .matcher(text).find()).as("a Region in the template").isFalse();
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void templatesLogAndTrace(Workflow workflow) {
    JsonNode template = Templates.template(workflow);
    JsonNode machine = Templates.resource(template, "StateMachine").path("Properties");
    Expect.sameJson(machine.path("LoggingConfiguration"), """
        {"Level": "ERROR", "IncludeExecutionData": false,
         "Destinations": [{"CloudWatchLogsLogGroup": {"LogGroupArn": {"Fn::GetAtt": ["StateMachineLogGroup", "Arn"]}}}]}""");
    Expect.sameJson(machine.path("TracingConfiguration"), "{\"Enabled\": true}");
    // Under /aws/vendedlogs/, which the account's CloudWatch Logs resource policy need not list.
    Expect.sameJson(Templates.resource(template, "StateMachineLogGroup").path("Properties"), """
        {"RetentionInDays": {"Ref": "LogRetentionInDays"},
         "LogGroupName": {"Fn::Sub": "/aws/vendedlogs/states/${AWS::StackName}-StateMachineLogGroup"}}""");
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void failedTimedOutAndAbortedRunsAlarmToTheTopicGiven(Workflow workflow) {
    JsonNode template = Templates.template(workflow);
    for (String metric : List.of("ExecutionsFailed", "ExecutionsTimedOut", "ExecutionsAborted")) {
      JsonNode alarm = Templates.resource(template, metric + "Alarm").path("Properties");
      assertThat(alarm.path("MetricName").asText()).isEqualTo(metric);
      Expect.sameJson(alarm.path("AlarmActions"), "[{\"Ref\": \"AlarmTopicArn\"}]");
      Expect.sameJson(alarm.path("Dimensions"), "[{\"Name\": \"StateMachineArn\", \"Value\": {\"Ref\": \"StateMachine\"}}]");
    }
    // Every dead-letter queue is watched.
    template.path("Resources").fields().forEachRemaining(resource -> {
      if ("AWS::SQS::Queue".equals(resource.getValue().path("Type").asText())) {
        Expect.sameJson(Templates.resource(template, resource.getKey() + "Alarm").at("/Properties/Dimensions"),
            "[{\"Name\": \"QueueName\", \"Value\": {\"Fn::GetAtt\": [\"" + resource.getKey() + "\", \"QueueName\"]}}]");
      }
    });
    Pattern topic = Pattern.compile(template.at("/Parameters/AlarmTopicArn/AllowedPattern").asText());
    assertThat(topic.matcher("arn:aws:sns:eu-west-1:123456789012:ops-alarms").matches()).isTrue();
    assertThat(topic.matcher("arn:aws:sns:eu-west-1:123456789012:ops-alarms.fifo").matches()).isFalse();
  }

  /** No wildcard action anywhere; {@code *} resources only in statements whose reason the metadata gives. */
  static void assertWildcardsOnlyWithReasons(JsonNode template) {
    JsonNode reasons = template.at("/Metadata/Statecraft::IamWildcards");
    template.path("Resources").fields().forEachRemaining(resource -> {
      if (!resource.getValue().path("Type").asText().startsWith("AWS::IAM::")) {
        return;
      }
      for (JsonNode statement : resource.getValue().findValues("Statement")) {
        for (JsonNode item : statement) {
          item.path("Action").forEach(action -> assertThat(action.asText()).as("action").doesNotContain("*"));
          if (item.path("Resource").toString().contains("\"*\"")) {
            String sid = item.path("Sid").asText();
            assertThat(reasons.path(resource.getKey()).path(sid).asText())
                .as("the reason for %s of %s", sid, resource.getKey()).isNotBlank();
          }
        }
      }
    });
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void generatesTheGoldenFiles(Workflow workflow) {
    CompiledWorkflow compiled = WorkflowCompiler.compile(workflow);
    for (OutputFile file : List.of(OutputFile.DEFINITION, OutputFile.TEMPLATE_YAML, OutputFile.TEMPLATE_JSON)) {
      GoldenFile.verify(GOLDEN.resolve(workflow.id()).resolve(file.fileName()), compiled.files().get(file));
    }
  }
}
