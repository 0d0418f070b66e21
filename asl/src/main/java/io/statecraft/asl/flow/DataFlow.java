package io.statecraft.asl.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import io.statecraft.dsl.SourceLocation;
import java.util.Set;
import java.util.function.Function;

/**
 * Data-flow checking: follows values along every path of the state graph (Choice rules, catchers,
 * Parallel branches, Map iterations, loops to a fixed point) and reports a variable read where it
 * is not assigned, a variable out of scope or never read, a path that reads a field an earlier
 * state dropped, a comparison or function given a value of the wrong type, and a read of an AWS
 * SDK result that its response model does not have. Sound: where a value cannot be known (the
 * execution input, an untyped task's result, paths it does not follow) nothing is reported.
 *
 * <p>Run on a definition the other rules found no error in: names resolve and fields have their
 * types, so the analysis need not guess about a broken graph.
 */
public final class DataFlow {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  /** The codes this check reports, so that others (the offline executor) can point at its findings. */
  public static final Set<ProblemCode> CODES = Set.of(ProblemCode.UNASSIGNED_VARIABLE,
      ProblemCode.VARIABLE_OUT_OF_SCOPE, ProblemCode.UNUSED_VARIABLE, ProblemCode.FIELD_NOT_IN_INPUT,
      ProblemCode.TYPE_MISMATCH, ProblemCode.UNKNOWN_RESULT_FIELD);

  private DataFlow() {}

  /**
   * Checks a definition.
   *
   * @param definition the definition's JSON tree, an object with StartAt and States
   * @param stateSources where each state was built in Java, by name; may return null
   * @param problems where to report
   */
  public static void check(JsonNode definition, Function<String, SourceLocation> stateSources, Problems problems) {
    if (!definition.isObject()) {
      return;
    }
    FlowGraph graph = FlowGraph.of((ObjectNode) definition);
    VariableAnalysis.check(graph, problems);
    ShapeAnalysis.check(graph, new ShapeChecks(problems, new NameWithSource(stateSources)));
  }

  private static final class NameWithSource implements Function<String, String> {
    private final Function<String, SourceLocation> stateSources;

    NameWithSource(Function<String, SourceLocation> stateSources) {
      this.stateSources = stateSources;
    }

    @Override
    public String apply(String name) {
      SourceLocation source = stateSources.apply(name);
      return source == null ? name : name + " (" + source + ")";
    }
  }
}
