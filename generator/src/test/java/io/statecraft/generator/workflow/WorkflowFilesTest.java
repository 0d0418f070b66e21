package io.statecraft.generator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import io.statecraft.asl.ProblemException;
import io.statecraft.asl.json.CanonicalJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowFilesTest {

  @TempDir
  Path dir;

  private static Workflow workflow(String id, Placeholder placeholder, Parameter... parameters) {
    return new Workflow() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public WorkflowSpec spec() {
        return WorkflowSpec.builder(StateMachine.startWith(Pass.named("Use")
                .parameters(Json.object().put("value", placeholder))))
            .description("Uses a value: with a colon, 'quotes', #hash, and 2010-09-09")
            .parameters(parameters)
            .build();
      }
    };
  }

  @Test
  void writingTwiceTouchesNothingTheSecondTime() throws IOException {
    Parameter value = Parameter.string("Value").defaultValue("yes");
    CompiledWorkflow compiled = WorkflowCompiler.compile(workflow("files", value.ref(), value));

    assertThat(compiled.writeTo(dir, EnumSet.allOf(OutputFile.class))).containsExactly(OutputFile.values());
    Path template = dir.resolve("template.yaml");
    FileTime written = FileTime.fromMillis(1_000_000_000L);
    Files.setLastModifiedTime(template, written);

    assertThat(WorkflowCompiler.compile(workflow("files", value.ref(), value)).writeTo(dir, EnumSet.allOf(OutputFile.class)))
        .isEmpty();
    assertThat(Files.getLastModifiedTime(template)).isEqualTo(written);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("definition.asl.json", "diagram.mmd", "template.json", "template.yaml");
    }
  }

  @Test
  void aFailingGenerationLeavesTheEarlierFilesUntouched() throws IOException {
    Parameter value = Parameter.string("Value");
    WorkflowCompiler.compile(workflow("files", value.ref(), value)).writeTo(dir, EnumSet.allOf(OutputFile.class));
    Map<String, String> before = Map.of(
        "template.yaml", Files.readString(dir.resolve("template.yaml")),
        "template.json", Files.readString(dir.resolve("template.json")),
        "definition.asl.json", Files.readString(dir.resolve("definition.asl.json")));

    CompiledWorkflow broken = WorkflowCompiler.compile(workflow("files", Placeholder.string("Missing"), value));

    assertThatThrownBy(() -> broken.writeTo(dir, EnumSet.allOf(OutputFile.class)))
        .isInstanceOf(ProblemException.class)
        .hasMessage("workflow files: 1 error, 1 warning\n"
            + "  WARNING UNUSED_PARAMETER /Parameters/Value: parameter Value is declared but used nowhere; use it with ref() "
            + "in the state machine or in a resource, or remove it\n"
            + "  ERROR MISSING_SUBSTITUTION /States/Use/Parameters/value: placeholder ${Missing} is filled in by no "
            + "parameter or resource of the workflow; declare the Parameter in WorkflowSpec.parameters(...) or the "
            + "resource in WorkflowSpec.resources(...) (io/statecraft/generator/workflow/WorkflowFilesTest.java:41)");
    for (Map.Entry<String, String> file : before.entrySet()) {
      assertThat(Files.readString(dir.resolve(file.getKey()))).isEqualTo(file.getValue());
    }
  }

  @Test
  void theYamlTemplateReadsBackAsTheJsonTemplate() throws IOException {
    Parameter value = Parameter.string("Value").allowedValues("yes", "no", "on", "1.5", "0x1F", "-", "*", "a: b", "#x", " x", "")
        .defaultValue("yes");
    CompiledWorkflow compiled = WorkflowCompiler.compile(workflow("yaml", value.ref(), value));

    JsonNode fromYaml = new YAMLMapper().readTree(compiled.files().get(OutputFile.TEMPLATE_YAML));
    JsonNode fromJson = CanonicalJson.mapper().readTree(compiled.files().get(OutputFile.TEMPLATE_JSON));
    assertThat(fromYaml).isEqualTo(fromJson);
    assertThat(compiled.files().get(OutputFile.TEMPLATE_YAML)).contains("""
            AllowedValues:
              - "yes"
              - "no"
              - "on"
              - "1.5"
              - "0x1F"
              - "-"
              - "*"
              - "a: b"
              - "#x"
              - " x"
              - ""
        """).contains("\nAWSTemplateFormatVersion: \"2010-09-09\"\n".substring(1))
        .contains("Fn::GetAtt:\n");
    assertThat(List.of(compiled.files().get(OutputFile.TEMPLATE_YAML).split("\n")))
        .noneMatch(line -> line.contains("!Ref") || line.contains("!GetAtt") || line.contains("!Sub"));
  }
}
