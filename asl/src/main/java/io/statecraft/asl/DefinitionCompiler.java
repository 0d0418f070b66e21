package io.statecraft.asl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.BuildIssue;
import io.statecraft.dsl.BuiltStateMachine;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.workflow.WorkflowType;
import io.statecraft.dsl.asl.AslBranch;
import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.dsl.asl.AslMap;
import io.statecraft.dsl.asl.AslParallel;
import io.statecraft.dsl.asl.AslState;
import io.statecraft.asl.json.CanonicalJson;
import io.statecraft.asl.json.JsonPointers;
import io.statecraft.asl.validate.AslValidator;
import io.statecraft.asl.validate.ValidationOptions;
import io.statecraft.dsl.SourceLocation;
import io.statecraft.dsl.StateSources;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds, writes and validates a state machine made with the DSL: the problems of how the graph
 * was put together and the validator's, each pointing at the Java line that built the state.
 */
public final class DefinitionCompiler {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).

  // When the Java graph could not be written as built (two states with one name, a transition out
  // of a branch), the written graph differs from the author's, and graph problems found in it only
  // echo the build issue; they are left out until it is fixed.
  private static final Set<ProblemCode> GRAPH_CODES = EnumSet.of(ProblemCode.MISSING_END_STATE,
      ProblemCode.NO_PATH_TO_END, ProblemCode.UNREACHABLE_STATE, ProblemCode.MISSING_TRANSITION_TARGET);

  private DefinitionCompiler() {}

  /** Compiles a state machine for a workflow of the given type. */
  public static CompiledDefinition compile(StateMachine machine, WorkflowType type) {
    return compile(machine.build(), type);
  }

  /** Compiles a state machine already built. */
  public static CompiledDefinition compile(BuiltStateMachine built, WorkflowType type) {
    AslDefinition definition = built.definition();
    ObjectNode json = AslWriter.toJson(definition);
    Problems problems = new Problems();
    Map<String, String> pointers = built.issues().isEmpty() ? Map.of() : statePointers(definition);
    boolean rewritten = false;
    for (BuildIssue issue : built.issues()) {
      String pointer = pointers.getOrDefault(issue.stateName(), JsonPointers.ROOT);
      // BuildIssue.Code mirrors the registry (ProblemCodeTest checks it), so valueOf always finds it.
      ProblemCode code = ProblemCode.valueOf(issue.code());
      boolean warning = BuildIssue.Code.valueOf(issue.code()).isWarning();
      rewritten |= !warning;
      problems.add((warning ? Problem.warning(code, pointer, issue.message()) : Problem.error(code, pointer, issue.message()))
          .at(issue.source()));
    }
    String text = CanonicalJson.write(json);
    // The canonical text is indented, so the compact JSON the size limit counts is no longer;
    // knowing that spares the validator writing the definition a second time.
    ValidationOptions options = ValidationOptions.defaults()
        .withType(type)
        .withStateSources(new SourcesByName(built.sources()))
        .withSizeAtMost(3L * text.length());
    Set<String> rawFields = rawFieldPointers(definition);
    for (Problem problem : AslValidator.validate(json, options)) {
      if (!rewritten || !GRAPH_CODES.contains(problem.problemCode())) {
        problems.add(rawFields.contains(problem.pointer()) ? asRawField(problem) : problem);
      }
    }
    return new CompiledDefinition(definition, json, text, problems.sorted());
  }

  // A field the author set on purpose with raw(...), the escape hatch for what the language adds
  // next: the service may know it although Statecraft does not, so it is a warning, not an error.
  private static Problem asRawField(Problem problem) {
    if (problem.problemCode() != ProblemCode.UNKNOWN_FIELD) {
      return problem;
    }
    String field = JsonPointers.lastToken(problem.pointer());
    return new Problem(Severity.WARNING, ProblemCode.UNKNOWN_FIELD, problem.pointer(), field
        + " was set with raw(...) and is not a field Statecraft knows; the service rejects it unless the language "
        + "has added it since", problem.source());
  }

  /** The pointers of the fields set with {@code raw(...)} on the state machine and its states. */
  private static Set<String> rawFieldPointers(AslDefinition definition) {
    Set<String> pointers = new HashSet<>();
    for (String field : definition.extensions().keySet()) {
      pointers.add(JsonPointers.child(JsonPointers.ROOT, field));
    }
    for (StateAt at : allStates(definition)) {
      for (String field : at.state().extensions().keySet()) {
        pointers.add(JsonPointers.child(at.pointer(), field));
      }
    }
    return pointers;
  }

  /** The JSON Pointer of every state, nested ones included, by name. */
  public static Map<String, String> statePointers(AslDefinition definition) {
    Map<String, String> pointers = new HashMap<>();
    for (StateAt at : allStates(definition)) {
      pointers.putIfAbsent(at.name(), at.pointer());
    }
    return pointers;
  }

  private record StateAt(String name, String pointer, AslState state) {}

  private static final class SourcesByName implements Function<String, SourceLocation> {
    private final StateSources sources;

    SourcesByName(StateSources sources) {
      this.sources = sources;
    }

    @Override
    public SourceLocation apply(String stateName) {
      return sources.get(stateName);
    }
  }

  private static List<StateAt> allStates(AslDefinition definition) {
    List<StateAt> found = new ArrayList<>();
    walk(definition.states(), "/States", found);
    return found;
  }

  // Every state, nested ones included, with its pointer, in walk order.
  private static void walk(Map<String, AslState> states, String prefix, List<StateAt> found) {
    for (Map.Entry<String, AslState> entry : states.entrySet()) {
      String name = entry.getKey();
      AslState state = entry.getValue();
      String pointer = prefix + "/" + JsonPointers.escape(name);
      found.add(new StateAt(name, pointer, state));
      if (state instanceof AslParallel parallel) {
        for (int i = 0; i < parallel.branches().size(); i++) {
          walk(parallel.branches().get(i).states(), pointer + "/Branches/" + i + "/States", found);
        }
      } else if (state instanceof AslMap map && map.processor() != null) {
        AslBranch processor = map.processor();
        String field = map.itemProcessor() != null ? "ItemProcessor" : "Iterator";
        walk(processor.states(), pointer + "/" + field + "/States", found);
      }
    }
  }
}
