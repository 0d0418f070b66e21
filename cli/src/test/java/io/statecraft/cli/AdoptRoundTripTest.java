package io.statecraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.Problem;
import io.statecraft.asl.json.CanonicalJson;
import io.statecraft.asl.validate.AslValidator;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.generator.workflow.CompiledWorkflow;
import io.statecraft.generator.workflow.OutputFile;
import io.statecraft.generator.workflow.WorkflowCompiler;
import io.statecraft.importer.AdoptedWorkflow;
import io.statecraft.importer.JavaSourceImporter;
import io.statecraft.importer.TemplateAdopter;
import io.statecraft.importer.WorkflowSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adopt, build, compare: every definition of the conformance corpus (and the DSL's golden
 * definitions), put into a template as its state machine's {@code Definition}, is adopted; the
 * workflow classes compile; and each builds the definition it came from once its parameters take
 * their defaults (after the importer's documented Map renames).
 */
final class AdoptRoundTripTest {

  @TempDir
  Path dir;

  // AWS statelint's valid definitions, beside the repository (absent on a machine without ../shared).
  private static final Path CONFORMANCE = Path.of(System.getProperty("statecraft.sharedDir", "../../shared"),
      "conformance", "statelint-awslabs", "valid");

  static List<Path> definitions() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> golden = Files.list(Path.of("../generator/src/test/resources/golden/asl"))) {
      golden.filter(p -> !p.getFileName().toString().startsWith("dynamic")).sorted().forEach(files::add);
    }
    if (Files.isDirectory(CONFORMANCE)) {
      try (Stream<Path> valid = Files.list(CONFORMANCE)) {
        valid.sorted().forEach(files::add);
      }
    }
    return files;
  }

  @Test
  void everyAdoptedDefinitionBuildsItselfWithItsParametersAtTheirDefaults() throws Exception {
    Path src = dir.resolve("src");
    Map<String, JsonNode> originals = new LinkedHashMap<>();
    Map<String, Integer> lifted = new LinkedHashMap<>();
    for (Path file : definitions()) {
      JsonNode original = CanonicalJson.mapper().readTree(file.toFile());
      if (AslValidator.validate(original).stream().anyMatch(Problem::isError)) {
        continue; // adopt refuses what lint refuses (AdoptCommandTest); a few golden files pin such combinations
      }
      ObjectNode template = CanonicalJson.mapper().createObjectNode();
      template.putObject("Resources").putObject("Flow").put("Type", "AWS::StepFunctions::StateMachine")
          .putObject("Properties").set("Definition", original);
      Path templateFile = dir.resolve(file.getFileName() + ".template.json");
      Files.writeString(templateFile, CanonicalJson.write(template));
      String className = JavaSourceImporter.classNameFor(file.getFileName().toString());

      AdoptedWorkflow adopted = TemplateAdopter.fromTemplate(templateFile,
          new TemplateAdopter.Options(null, "adopted-" + className.toLowerCase(java.util.Locale.ROOT), null));
      WorkflowSource.Written written = WorkflowSource.write(adopted, "com.example.adopted", className);
      Path target = src.resolve(written.relativePath());
      Files.createDirectories(target.getParent());
      Files.writeString(target, written.source());
      originals.put(written.qualifiedName(), original);
      lifted.put(written.qualifiedName(), adopted.parameters().size());
    }

    // 38 conformance files and distributed-map. Lint refuses both every-*-field files: one mixes query
    // languages, the other sets a field the language lacks through raw(), which lint of a file
    // reports as the error the service gives (only a Java build keeps it a warning).
    boolean withCorpus = Files.isDirectory(CONFORMANCE);
    assertThat(originals).hasSizeGreaterThanOrEqualTo(withCorpus ? 39 : 1);
    List<Workflow> workflows = AdoptCommandTest.compileAndLoadAll(src, originals.keySet());
    for (Workflow workflow : workflows) {
      String name = workflow.getClass().getName();
      CompiledWorkflow compiled = WorkflowCompiler.compile(workflow);
      assertThat(compiled.hasErrors()).as("%s: %s", name, compiled.problems()).isFalse();
      assertThat(AdoptCommandTest.withDefaults(compiled.definition().json(), workflow)).as(name)
          .isEqualTo(modernized(originals.get(name)));
    }
    // The corpus names a Region in an activity ARN: it is lifted, and the round trip still holds.
    if (withCorpus) {
      assertThat(lifted.values().stream().mapToInt(Integer::intValue).sum()).isPositive();
    }
  }

  @Test
  void typedTasksBuildTheSameDefinitionAndDeriveTheirPermissions() throws Exception {
    // The command line carries the SDK's s3 and sfn models, so these two tasks are typed.
    ObjectNode original = (ObjectNode) CanonicalJson.mapper().readTree("""
        {"StartAt": "List", "States": {
          "List": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:listObjectsV2",
            "Parameters": {"Bucket": "acme-reports-prod", "Prefix.$": "$.prefix", "MaxKeys": 10},
            "ResultPath": "$.listing", "Next": "Start"},
          "Start": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution",
            "Parameters": {"StateMachineArn": "arn:aws:states:eu-west-1:123456789012:stateMachine:archive",
              "Input.$": "States.JsonToString($.listing)"},
            "End": true}}}
        """);
    ObjectNode template = CanonicalJson.mapper().createObjectNode();
    template.putObject("Resources").putObject("Flow").put("Type", "AWS::StepFunctions::StateMachine")
        .putObject("Properties").set("Definition", original);
    Path templateFile = dir.resolve("typed.template.json");
    Files.writeString(templateFile, CanonicalJson.write(template));

    AdoptedWorkflow adopted = TemplateAdopter.fromTemplate(templateFile, new TemplateAdopter.Options(null, "typed", null));
    WorkflowSource.Written written = WorkflowSource.write(adopted, "com.example.adopted", "Typed");
    Path src = dir.resolve("typed-src");
    Path target = src.resolve(written.relativePath());
    Files.createDirectories(target.getParent());
    Files.writeString(target, written.source());

    assertThat(written.source()).contains("""
            Task list = Task.named("List")
                .call(AwsSdk.call(ListObjectsV2Request.builder()
                    .bucket(AwsSdk.text(Placeholder.string("ListBucketName")))
                    .prefix(AwsSdk.text(Path.of("$.prefix")))
                    .maxKeys(10)
                    .build()))
                .resultPath(Path.of("$.listing"));
            Task start = Task.named("Start")
                .call(AwsSdk.optimized(StartExecutionRequest.builder()
                    .stateMachineArn(AwsSdk.text(Placeholder.string("StartStateMachineArn")))
                    .input(AwsSdk.text(Intrinsic.parse("States.JsonToString($.listing)")))
                    .build()));
        """);
    assertThat(written.dependencies()).containsExactly("software.amazon.awssdk:s3", "software.amazon.awssdk:sfn");
    Workflow workflow = AdoptCommandTest.compileAndLoad(src, "com.example.adopted.Typed");
    CompiledWorkflow compiled = WorkflowCompiler.compile(workflow);
    assertThat(compiled.hasErrors()).as("%s", compiled.problems()).isFalse();
    assertThat(AdoptCommandTest.withDefaults(compiled.definition().json(), workflow)).isEqualTo(original);
    // Typed, the tasks bring their statements: the build no longer warns that they have none.
    assertThat(compiled.warnings()).noneMatch(p -> p.code().equals("MISSING_TASK_PERMISSIONS"));
    assertThat(compiled.files().get(OutputFile.TEMPLATE_YAML)).contains("s3:ListBucket").contains("states:StartExecution");
  }

  // The importer writes legacy Map fields in their current form (docs/cli.md).
  private static JsonNode modernized(JsonNode original) {
    JsonNode copy = original.deepCopy();
    copy.findParents("Type").forEach(state -> {
      if ("Map".equals(state.path("Type").asText()) && state instanceof ObjectNode map) {
        if (map.has("Iterator")) {
          map.set("ItemProcessor", map.remove("Iterator"));
        }
        if (map.has("Parameters")) {
          map.set("ItemSelector", map.remove("Parameters"));
        }
      }
    });
    return copy;
  }
}
