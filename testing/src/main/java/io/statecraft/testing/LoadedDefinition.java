package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.AslReader;
import io.statecraft.asl.CompiledDefinition;
import io.statecraft.asl.DefinitionCompiler;
import io.statecraft.asl.Problem;
import io.statecraft.asl.flow.DataFlow;
import io.statecraft.asl.json.DocumentException;
import io.statecraft.asl.json.JsonDocuments;
import io.statecraft.asl.validate.AslValidator;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.dsl.workflow.WorkflowType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A definition ready to run: its text with the CloudFormation placeholders substituted, validated,
 * and read into the typed model that the interpreter runs.
 *
 * <p>A state machine built with the DSL goes through its text too: placeholders are substituted
 * in the text, as CloudFormation does, so a test runs exactly what would be deployed.
 *
 * @param name the state machine's name in context objects and reports
 * @param definition the definition
 * @param text the substituted text, which identifies the definition in coverage reports
 * @param graphs the definition's graphs, prepared for running
 * @param dataFlowWarnings what lint's data-flow check warned about the definition, so that a run
 *     that fails where it warned can say so
 */
record LoadedDefinition(String name, AslDefinition definition, String text, CompiledGraph.All graphs,
    List<Problem> dataFlowWarnings) {

  // ${Name} is replaced; ${!Name} stands for the literal text ${Name}, as in Fn::Sub.
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(!?)([^}]*)}");

  /**
   * The definition text of a state machine built with the DSL, for a workflow of {@code type}.
   *
   * @throws DefinitionException when the machine has errors: two states with one name, which the
   *     definition would silently merge, a transition out of a branch, and whatever the validator
   *     reports
   */
  static String textOf(StateMachine machine, WorkflowType type, String source) {
    CompiledDefinition compiled = DefinitionCompiler.compile(machine, type);
    List<String> errors = compiled.problems().stream().filter(Problem::isError).map(Problem::reportLine).toList();
    if (!errors.isEmpty()) {
      throw new DefinitionException("The definition " + source + " is not valid, so it cannot run", errors);
    }
    return compiled.text();
  }

  static LoadedDefinition load(String name, String source, String text, Map<String, String> substitutions) {
    String substituted = substitute(text, substitutions);
    JsonNode json;
    try {
      json = JsonDocuments.parse(substituted, source);
    } catch (DocumentException e) {
      throw new DefinitionException("The definition " + source + " cannot be read",
          e.problems().stream().map(Problem::reportLine).toList());
    }
    List<Problem> problems = AslValidator.validate(json);
    List<String> errors = problems.stream()
        .filter(Problem::isError)
        .map(Problem::reportLine)
        .toList();
    if (!errors.isEmpty()) {
      throw new DefinitionException("The definition " + source + " is not valid, so it cannot run", errors);
    }
    AslDefinition definition;
    try {
      definition = AslReader.read(json);
    } catch (IllegalArgumentException e) {
      throw new DefinitionException("The definition " + source + " cannot be read", List.of(e.getMessage()));
    }
    List<Problem> dataFlowWarnings = problems.stream()
        .filter(problem -> DataFlow.CODES.contains(problem.problemCode()))
        .toList();
    return new LoadedDefinition(name, definition, substituted, CompiledGraph.compile(definition), dataFlowWarnings);
  }

  /**
   * The data-flow warnings about the state {@code stateName}: those whose pointer lies inside it.
   * State names are unique in a definition that loaded, so the name alone finds the state.
   */
  List<Problem> dataFlowWarningsAt(String stateName) {
    String inState = "/States/" + stateName.replace("~", "~0").replace("/", "~1");
    return dataFlowWarnings.stream()
        .filter(problem -> problem.pointer().equals(inState) || problem.pointer().contains(inState + "/"))
        .toList();
  }

  /**
   * Replaces {@code ${Name}} placeholders in the definition text exactly as CloudFormation's
   * DefinitionSubstitutions do: as text, before the JSON is read.
   */
  static String substitute(String text, Map<String, String> substitutions) {
    Set<String> missing = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String replacement;
      if (!matcher.group(1).isEmpty()) {
        replacement = "${" + matcher.group(2) + "}";
      } else {
        replacement = substitutions.get(matcher.group(2));
        if (replacement == null) {
          missing.add(matcher.group(2));
          replacement = matcher.group();
        }
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    if (!missing.isEmpty()) {
      List<String> lines = new ArrayList<>();
      for (String name : missing) {
        lines.add("${" + name + "} has no value; give it with .substitution(\"" + name + "\", \"...\")");
      }
      throw new DefinitionException("The definition has placeholders without values: "
          + String.join(", ", missing), lines);
    }
    return out.toString();
  }
}
