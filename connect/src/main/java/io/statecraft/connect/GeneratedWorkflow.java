package io.statecraft.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.json.DocumentException;
import io.statecraft.asl.json.JsonDocuments;
import io.statecraft.dsl.SourceLocation;
import io.statecraft.generator.workflow.CompiledWorkflow;
import io.statecraft.generator.workflow.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One workflow as generated: its definition (with {@code ${Name}} placeholders) and its template,
 * read from {@code target/statecraft/<id>/} or taken from a workflow compiled in memory.
 *
 * @param id the workflow id, which names its folder and the default stack name
 * @param shownAs how reports name the workflow's files: its folder, such as {@code target/statecraft/patch-alerts}
 * @param definition the definition text
 * @param template the CloudFormation template
 * @param stateSources where each state was built in Java, by state name; returns null when unknown
 */
public record GeneratedWorkflow(
    String id, String shownAs, String definition, ObjectNode template, Function<String, SourceLocation> stateSources) {

  /** The logical id the generator gives the state machine in every template. */
  public static final String STATE_MACHINE = "StateMachine";

  public GeneratedWorkflow {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(shownAs, "shownAs == null");
    Objects.requireNonNull(definition, "definition == null");
    Objects.requireNonNull(template, "template == null");
    Objects.requireNonNull(stateSources, "stateSources == null");
  }

  /** A workflow compiled in memory, with the Java line of each state. */
  public static GeneratedWorkflow of(CompiledWorkflow compiled, String shownAs, Function<String, SourceLocation> sources) {
    try {
      JsonNode template = JsonDocuments.parse(compiled.files().get(OutputFile.TEMPLATE_JSON), "template.json");
      return new GeneratedWorkflow(compiled.id(), shownAs, compiled.files().get(OutputFile.DEFINITION),
          (ObjectNode) template, sources);
    } catch (DocumentException e) {
      throw new IllegalStateException("the generator wrote a template that is not JSON", e);
    }
  }

  /**
   * The workflows under {@code directory}: the directory itself when it holds {@code
   * template.json}, else each of its subfolders that does, in name order.
   *
   * @throws AwsException never; a folder without a generated workflow is an {@link IllegalArgumentException}
   */
  public static List<GeneratedWorkflow> read(Path directory) throws IOException {
    List<Path> folders = new ArrayList<>();
    if (Files.isRegularFile(directory.resolve(OutputFile.TEMPLATE_JSON.fileName()))) {
      folders.add(directory);
    } else if (Files.isDirectory(directory)) {
      try (Stream<Path> children = Files.list(directory)) {
        children.filter(child -> Files.isRegularFile(child.resolve(OutputFile.TEMPLATE_JSON.fileName())))
            .sorted().forEach(folders::add);
      }
    }
    if (folders.isEmpty()) {
      throw new IllegalArgumentException("no generated workflow in " + directory
          + ": expected <id>/template.json and <id>/definition.asl.json; run generate first");
    }
    List<GeneratedWorkflow> workflows = new ArrayList<>();
    for (Path folder : folders) {
      Path definition = folder.resolve(OutputFile.DEFINITION.fileName());
      if (!Files.isRegularFile(definition)) {
        throw new IllegalArgumentException("no " + OutputFile.DEFINITION.fileName() + " next to the template in "
            + folder + "; generate it again with the definition format");
      }
      JsonNode template;
      try {
        template = JsonDocuments.read(folder.resolve(OutputFile.TEMPLATE_JSON.fileName()));
      } catch (DocumentException e) {
        throw new IllegalArgumentException(folder.resolve(OutputFile.TEMPLATE_JSON.fileName()) + " is not JSON: "
            + e.getMessage());
      }
      if (!(template instanceof ObjectNode object)) {
        throw new IllegalArgumentException(folder.resolve(OutputFile.TEMPLATE_JSON.fileName()) + " is not a template");
      }
      workflows.add(new GeneratedWorkflow(folder.getFileName().toString(), folder.toString(),
          Files.readString(definition), object, name -> null));
    }
    return workflows;
  }

  /** The state machine's type as the template deploys it: {@code STANDARD} or {@code EXPRESS}. */
  public String stateMachineType() {
    return template.path("Resources").path(STATE_MACHINE).path("Properties").path("StateMachineType")
        .asText("STANDARD");
  }

  /** The template's parameters, by name. */
  public Map<String, JsonNode> parameters() {
    Map<String, JsonNode> parameters = new java.util.LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = template.path("Parameters").fields();
    fields.forEachRemaining(field -> parameters.put(field.getKey(), field.getValue()));
    return parameters;
  }

  /** Whether a parameter's value must stay secret ({@code NoEcho: true}). */
  public boolean isNoEcho(String parameter) {
    return template.path("Parameters").path(parameter).path("NoEcho").asBoolean(false);
  }
}
