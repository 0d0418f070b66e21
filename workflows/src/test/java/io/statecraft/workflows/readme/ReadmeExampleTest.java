package io.statecraft.workflows.readme;

import static io.statecraft.testing.WorkflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.statecraft.generator.workflow.CompiledWorkflow;
import io.statecraft.generator.workflow.WorkflowCompiler;
import io.statecraft.testing.Execution;
import io.statecraft.testing.LocalExecutor;
import io.statecraft.testing.Mock;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What the README promises about its first example. */
class ReadmeExampleTest {

  @Test
  void compilesWithoutProblems() {
    CompiledWorkflow compiled = WorkflowCompiler.compile(new RunningInstancesReport());

    assertThat(compiled.problems()).isEmpty();
    assertThat(compiled.definition().text())
        .contains("\"Resource\": \"arn:aws:states:::aws-sdk:ec2:describeInstances\"")
        .contains("\"${Environment}\"");
  }

  @Test
  void reportsTheRunningInstances() {
    AtomicReference<String> published = new AtomicReference<>();
    Execution execution = LocalExecutor.of(new RunningInstancesReport())
        .substitution("Environment", "dev")
        .substitution("ReportTopicArn", "arn:aws:sns:eu-central-1:111122223333:report")
        .mock("FindRunningInstances", Mock.result(
            "{\"Reservations\": [{\"Instances\": [{\"InstanceId\": \"i-0a\"}, {\"InstanceId\": \"i-0b\"}]}]}"))
        .mock("Report", Mock.of(request -> {
          published.set(request.toString());
          return JsonNodeFactory.instance.objectNode().put("MessageId", "m-1");
        }))
        .run("{}");

    assertThat(execution).succeeded().passedThrough("Report");
    assertThat(published.get()).isEqualTo("{\"TopicArn\":\"arn:aws:sns:eu-central-1:111122223333:report\","
        + "\"Message\":\"i-0a, i-0b\",\"Subject\":\"2 running instances\"}");
  }
}
