package io.statecraft.generator.cfn;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.testing.GoldenFile;
import io.statecraft.generator.workflow.CompiledWorkflow;
import io.statecraft.generator.workflow.OutputFile;
import io.statecraft.generator.workflow.WorkflowCompiler;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The templates of one sample workflow per trigger kind, compared with reviewed golden files
 * (regenerate with {@code -Dgolden.update=true}); scripts/check-templates.sh runs cfn-lint and the
 * ASL validators over the same files.
 */
class TemplateGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/cfn");

  static Stream<Workflow> samples() {
    return Stream.of(new SampleWorkflows.ScheduledWebhook(), new SampleWorkflows.EventNotify(),
        new SampleWorkflows.WindowTask());
  }

  @ParameterizedTest
  @MethodSource("samples")
  void templatesMatchTheGoldenFiles(Workflow workflow) {
    CompiledWorkflow compiled = WorkflowCompiler.compile(workflow);

    assertThat(compiled.problems()).extracting(Object::toString).isEmpty();
    Path folder = GOLDEN.resolve(workflow.id());
    GoldenFile.verify(folder.resolve("template.yaml"), compiled.files().get(OutputFile.TEMPLATE_YAML));
    GoldenFile.verify(folder.resolve("template.json"), compiled.files().get(OutputFile.TEMPLATE_JSON));
    GoldenFile.verify(folder.resolve("definition.asl.json"), compiled.files().get(OutputFile.DEFINITION));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void theTemplateHoldsTheDefinitionFileAsALiteralObject(Workflow workflow) throws Exception {
    CompiledWorkflow compiled = WorkflowCompiler.compile(workflow);
    var mapper = io.statecraft.asl.json.CanonicalJson.mapper();
    var template = mapper.readTree(compiled.files().get(OutputFile.TEMPLATE_JSON));

    assertThat(template.at("/Resources/StateMachine/Properties/Definition"))
        .isEqualTo(mapper.readTree(compiled.files().get(OutputFile.DEFINITION)));
    assertThat(template.at("/Resources/StateMachine/Properties").has("DefinitionString")).isFalse();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void generatingTwiceGivesTheSameBytes(Workflow workflow) {
    assertThat(WorkflowCompiler.compile(workflow).files()).isEqualTo(WorkflowCompiler.compile(workflow).files());
  }
}
