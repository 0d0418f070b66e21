package io.statecraft.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.generator.Problem;
import io.statecraft.generator.golden.GoldenFile;
import io.statecraft.generator.workflow.CompiledWorkflow;
import io.statecraft.generator.workflow.OutputFile;
import io.statecraft.generator.workflow.WorkflowCompiler;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
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
  void generatesTheGoldenFiles(Workflow workflow) {
    CompiledWorkflow compiled = WorkflowCompiler.compile(workflow);
    for (OutputFile file : List.of(OutputFile.DEFINITION, OutputFile.TEMPLATE_YAML, OutputFile.TEMPLATE_JSON)) {
      GoldenFile.verify(GOLDEN.resolve(workflow.id()).resolve(file.fileName()), compiled.files().get(file));
    }
  }
}
