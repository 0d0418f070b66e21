package io.statecraft.asl.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import io.statecraft.dsl.SourceLocation;
import io.statecraft.asl.Problem;
import io.statecraft.asl.flow.DataFlow;
import io.statecraft.asl.json.JsonDocuments;
import io.statecraft.asl.json.JsonPointers;
import io.statecraft.asl.json.Nesting;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Checks an Amazon States Language definition, given as a JSON tree, and reports every problem
 * found, not just the first: each with a severity, a stable code (see {@link io.statecraft.asl.ProblemCode}), a
 * JSON Pointer into the definition, a one-line message saying what to do, and the Java source
 * location of the offending state when the options know it.
 *
 * <pre>{@code
 * List<Problem> problems = AslValidator.validate(JsonDocuments.read(file), ValidationOptions.defaults());
 * }</pre>
 */
public final class AslValidator {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  /** The largest definition the service accepts, in bytes of JSON. */
  public static final int MAX_DEFINITION_BYTES = 1_048_576;

  private AslValidator() {}

  /**
   * Validates a definition.
   *
   * @param definition the definition's JSON tree, as {@link JsonDocuments} reads it
   * @param options what is known besides the definition
   * @return every problem, errors and warnings, sorted with {@link Problem#ORDER}
   */
  public static List<Problem> validate(JsonNode definition, ValidationOptions options) {
    Objects.requireNonNull(definition, "definition == null");
    Objects.requireNonNull(options, "options == null");
    Problems problems = new Problems();
    if (!definition.isObject() || !definition.has("States") && !definition.has("StartAt")) {
      problems.error(ProblemCode.NOT_A_STATE_MACHINE, JsonPointers.ROOT, "this is not a state machine definition: "
          + "expected an object with StartAt and States, got " + (definition.isObject() ? "an object without them"
          : FieldChecks.shown(definition)));
      return sorted(problems.all());
    }
    DefinitionIndex index = DefinitionIndex.of((ObjectNode) definition);
    List<Problem> tooDeep = Nesting.check(definition);
    if (!tooDeep.isEmpty()) {
      // Every other rule would parse the expressions that are too deep: these are the whole report.
      return sorted(withSources(tooDeep, index, options));
    }
    StructureRules.check(index, problems);
    GraphRules.check(index, problems);
    ChoiceRules.check(index, problems);
    ErrorHandlingRules.check(index, problems);
    StateFieldRules.check(index, problems);
    PathRules.check(index, problems);
    JsonataRules.check(index, problems);
    IntegrationRules.check(index, options, problems);
    ErrorNameRules.check(index, problems);
    PlaceholderRules.check(definition, problems);
    checkSize(definition, options, problems);
    if (!hasError(problems.all())) {
      // Following values needs a sound graph; on a broken one it would only echo the errors.
      DataFlow.check(definition, options.stateSources(), problems);
    }
    return sorted(withSources(problems.all(), index, options));
  }

  /** Validates with {@link ValidationOptions#defaults()}. */
  public static List<Problem> validate(JsonNode definition) {
    return validate(definition, ValidationOptions.defaults());
  }

  private static void checkSize(JsonNode definition, ValidationOptions options, Problems problems) {
    if (options.sizeAtMost() >= 0 && options.sizeAtMost() <= MAX_DEFINITION_BYTES) {
      return;
    }
    int size;
    try {
      size = JsonDocuments.compactWriter().writeValueAsBytes(definition).length;
    } catch (JsonProcessingException e) {
      return; // a tree read from JSON or YAML always serializes
    }
    if (size > MAX_DEFINITION_BYTES) {
      problems.error(ProblemCode.DEFINITION_TOO_LARGE, JsonPointers.ROOT, "the definition is " + size
          + " bytes as JSON; the service accepts at most " + MAX_DEFINITION_BYTES + " bytes, so move large "
          + "literals into the input or a child state machine");
    }
  }

  // The deepest state whose pointer contains the problem's pointer names the Java line to fix.
  private static List<Problem> withSources(List<Problem> problems, DefinitionIndex index, ValidationOptions options) {
    if (problems.isEmpty()) {
      return problems;
    }
    List<StateEntry> deepestFirst = new ArrayList<>(index.states());
    deepestFirst.sort(DEEPEST_FIRST);
    List<Problem> located = new ArrayList<>(problems.size());
    for (Problem problem : problems) {
      located.add(withSource(problem, deepestFirst, options));
    }
    return Collections.unmodifiableList(located);
  }

  private static Problem withSource(Problem problem, List<StateEntry> deepestFirst, ValidationOptions options) {
    for (StateEntry state : deepestFirst) {
      if (JsonPointers.isWithin(problem.pointer(), state.pointer())) {
        SourceLocation source = options.stateSources().apply(state.name());
        return source == null ? problem : problem.at(source);
      }
    }
    return problem;
  }

  private static boolean hasError(List<Problem> problems) {
    for (Problem problem : problems) {
      if (problem.isError()) {
        return true;
      }
    }
    return false;
  }

  private static final Comparator<StateEntry> DEEPEST_FIRST = new DeepestFirst();

  private static final class DeepestFirst implements Comparator<StateEntry> {
    @Override
    public int compare(StateEntry a, StateEntry b) {
      return Integer.compare(b.pointer().length(), a.pointer().length());
    }
  }

  private static List<Problem> sorted(List<Problem> problems) {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Problem.ORDER);
    return Collections.unmodifiableList(sorted);
  }
}
