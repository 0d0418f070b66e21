package io.statecraft.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.dsl.Json;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import io.statecraft.generator.workflow.OutputFile;
import io.statecraft.generator.workflow.WorkflowLoader.LoadedWorkflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class GenerationTest {

  @TempDir
  Path dir;

  private Generation.Options options(boolean failOnWarning) {
    return new Generation.Options(dir, EnumSet.of(OutputFile.TEMPLATE_YAML, OutputFile.DEFINITION), failOnWarning,
        "the classpath");
  }

  private static LoadedWorkflow workflow(String className, String id, Placeholder value, Parameter... parameters) {
    return new LoadedWorkflow(className, new Workflow() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public WorkflowSpec spec() {
        return WorkflowSpec.builder(StateMachine.startWith(Pass.named("Use")
                .parameters(Json.object().put("value", value))))
            .parameters(parameters)
            .build();
      }
    });
  }

  private static LoadedWorkflow sound(String className, String id) {
    Parameter value = Parameter.string("Value").defaultValue("yes");
    return workflow(className, id, value.ref(), value);
  }

  private List<Path> written() throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }

  @Test
  void writesTheChosenFilesOfEveryWorkflowOnlyWhenTheyChange() throws IOException {
    Generation.Report first = Generation.generate(List.of(sound("com.acme.B", "b-flow"), sound("com.acme.A", "a-flow")),
        options(false));

    assertThat(first.written()).isTrue();
    assertThat(first.compiled()).extracting(compiled -> compiled.workflow().id()).containsExactly("a-flow", "b-flow");
    assertThat(first.compiled()).allSatisfy(compiled ->
        assertThat(compiled.written()).containsExactly(OutputFile.DEFINITION, OutputFile.TEMPLATE_YAML));
    assertThat(written()).containsExactly(Path.of("a-flow/definition.asl.json"), Path.of("a-flow/template.yaml"),
        Path.of("b-flow/definition.asl.json"), Path.of("b-flow/template.yaml"));

    Generation.Report again = Generation.generate(List.of(sound("com.acme.A", "a-flow")), options(false));
    assertThat(again.compiled()).singleElement().satisfies(compiled -> assertThat(compiled.written()).isEmpty());
  }

  @Test
  void oneWorkflowWithAnErrorStopsEveryWorkflowFromBeingWritten() throws IOException {
    Generation.Report report = Generation.generate(List.of(
        sound("com.acme.Good", "good"),
        workflow("com.acme.Broken", "broken", Placeholder.string("Nmae"))), options(false));

    assertThat(report.written()).isFalse();
    assertThat(report.failures(false)).singleElement().satisfies(failure -> {
      assertThat(failure.className()).isEqualTo("com.acme.Broken");
      assertThat(((Generation.Compiled) failure).workflow().problems()).extracting(problem -> problem.code())
          .containsExactly("MISSING_SUBSTITUTION");
    });
    assertThat(written()).isEmpty();
  }

  @Test
  void twoWorkflowsWithOneIdAreRefusedBecauseTheIdNamesTheirFolder() throws IOException {
    Generation.Report report = Generation.generate(
        List.of(sound("com.acme.First", "same"), sound("com.acme.Second", "same")), options(false));

    assertThat(report.written()).isFalse();
    assertThat(report.failures(false)).containsExactly(new Generation.DuplicateId("com.acme.Second", "same", "com.acme.First"));
    assertThat(written()).isEmpty();
  }

  @Test
  void aWorkflowWhoseOwnCodeFailsIsReportedWithTheReasonAndNothingIsWritten() throws IOException {
    LoadedWorkflow throwing = new LoadedWorkflow("com.acme.Throwing", new Workflow() {
      @Override
      public String id() {
        return "throwing";
      }

      @Override
      public WorkflowSpec spec() {
        throw new IllegalStateException("no state machine yet");
      }
    });

    Generation.Report report = Generation.generate(List.of(sound("com.acme.Good", "good"), throwing), options(false));

    assertThat(report.failures(false)).containsExactly(
        new Generation.NotBuilt("com.acme.Throwing", "IllegalStateException: no state machine yet", List.of()));
    assertThat(written()).isEmpty();
  }

  @Test
  void warningsStopTheWritingOnlyWithFailOnWarning() throws IOException {
    Parameter unused = Parameter.string("Unused").defaultValue("x");
    Parameter value = Parameter.string("Value").defaultValue("yes");
    LoadedWorkflow warned = workflow("com.acme.Warned", "warned", value.ref(), value, unused);

    assertThat(Generation.generate(List.of(warned), options(true)).written()).isFalse();
    assertThat(written()).isEmpty();
    Generation.Report lenient = Generation.generate(List.of(warned), options(false));
    assertThat(lenient.written()).isTrue();
    assertThat(lenient.compiled().get(0).workflow().warnings()).extracting(problem -> problem.code())
        .containsExactly("UNUSED_PARAMETER");
  }
}
