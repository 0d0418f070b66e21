package io.statecraft.asl.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Workflow variables along every path: which are assigned on every path into a state ("must"),
 * which on some path ("may"), to a fixed point over loops; then every read is checked against
 * them, and every assignment against the reads that can follow it.
 *
 * <p>The scope rules are the ones of "Passing data between states with variables"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html, "Variable scope"):
 * the states of a Parallel branch or an inline Map iteration see the variables of the scopes
 * around them as they were when the Parallel or Map state was entered; the states of a
 * distributed Map see none of them (each iteration is a child workflow execution); no state sees
 * a variable assigned inside a branch or an iteration it is not in. A state's {@code Assign},
 * {@code Output} and its catchers' and choice rules' fields all see the values from before the
 * state: new values take effect once the state is left.
 */
final class VariableAnalysis {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private final FlowGraph graph;
  private final Problems problems;
  private final Map<FlowGraph.State, List<VariableReads.Read>> reads = new IdentityHashMap<>();
  private final Map<FlowGraph.State, Set<String>> mustIn = new IdentityHashMap<>();
  private final Map<FlowGraph.State, Set<String>> mayIn = new IdentityHashMap<>();
  // Every name assigned in each scope, for telling "never assigned" from "assigned elsewhere".
  private final Map<FlowGraph.Scope, Set<String>> assignedIn = new IdentityHashMap<>();
  // The names each way out assigns, found once: the fixed-point loop follows an edge many times.
  private final Map<FlowGraph.Edge, Set<String>> assignedOn = new IdentityHashMap<>();

  private VariableAnalysis(FlowGraph graph, Problems problems) {
    this.graph = graph;
    this.problems = problems;
  }

  static void check(FlowGraph graph, Problems problems) {
    VariableAnalysis analysis = new VariableAnalysis(graph, problems);
    for (FlowGraph.State state : graph.states()) {
      analysis.reads.put(state, VariableReads.of(state));
      Set<String> names = analysis.assignedIn.get(state.scope);
      if (names == null) {
        names = new HashSet<>();
        analysis.assignedIn.put(state.scope, names);
      }
      names.addAll(names(VariableReads.assigned(state.get("Assign"), state.pointer("Assign"))));
      for (FlowGraph.Edge edge : state.edges) {
        Set<String> assigned = names(VariableReads.assigned(edge.assign(), edge.assignPointer()));
        analysis.assignedOn.put(edge, assigned);
        names.addAll(assigned);
      }
    }
    // Scopes are listed outside in, so a scope's entry values are known before its states are.
    for (FlowGraph.Scope scope : graph.scopes()) {
      analysis.solve(scope);
    }
    for (FlowGraph.State state : graph.states()) {
      analysis.checkReads(state);
    }
    analysis.checkUnused();
  }

  private static Set<String> names(List<VariableReads.Read> assigned) {
    Set<String> names = new LinkedHashSet<>();
    for (VariableReads.Read read : assigned) {
      names.add(read.name());
    }
    return names;
  }

  private void solve(FlowGraph.Scope scope) {
    if (scope.start == null) {
      return;
    }
    Set<String> entryMust = Set.of();
    Set<String> entryMay = Set.of();
    if (scope.kind != FlowGraph.ScopeKind.TOP_LEVEL && scope.kind != FlowGraph.ScopeKind.DISTRIBUTED_MAP) {
      entryMust = mustIn.getOrDefault(scope.owner, Set.of());
      entryMay = mayIn.getOrDefault(scope.owner, Set.of());
    }
    mustIn.put(scope.start, new HashSet<>(entryMust));
    mayIn.put(scope.start, new HashSet<>(entryMay));
    Deque<FlowGraph.State> work = new ArrayDeque<>(List.of(scope.start));
    Set<FlowGraph.State> reached = Collections.newSetFromMap(new IdentityHashMap<>());
    reached.add(scope.start);
    while (!work.isEmpty()) {
      FlowGraph.State state = work.poll();
      for (FlowGraph.Edge edge : state.edges) {
        Set<String> assigned = assignedOn.get(edge);
        Set<String> must = new HashSet<>(mustIn.get(state));
        must.addAll(assigned);
        Set<String> may = new HashSet<>(mayIn.get(state));
        may.addAll(assigned);
        boolean changed;
        if (reached.add(edge.target())) {
          // The start state is also entered from the scope's entry, which the loop cannot add to.
          mustIn.put(edge.target(), must);
          mayIn.put(edge.target(), may);
          changed = true;
        } else {
          changed = mustIn.get(edge.target()).retainAll(must) | mayIn.get(edge.target()).addAll(may);
        }
        if (changed) {
          work.add(edge.target());
        }
      }
    }
  }

  private void checkReads(FlowGraph.State state) {
    Set<String> must = mustIn.get(state);
    if (must == null) {
      return; // not reachable: reported by the graph rules
    }
    Set<String> may = mayIn.get(state);
    for (VariableReads.Read read : reads.get(state)) {
      String name = read.name();
      // $exists($name) works where name is not set; $string where no state sets `string` is the function.
      if (must.contains(name) || read.guarded() || read.mayBeFunction() && !assignedAnywhere(name)) {
        continue;
      }
      if (may.contains(name)) {
        problems.warning(ProblemCode.UNASSIGNED_VARIABLE, read.pointer(), "$" + name + " is read here, but "
            + "some path to " + state.name + " does not assign it, so the read fails there; assign it on "
            + "every path (an initial value in an earlier state) or read it only where it is set");
        continue;
      }
      String elsewhere = scopeAssigning(name, state.scope);
      if (elsewhere != null) {
        problems.error(ProblemCode.VARIABLE_OUT_OF_SCOPE, read.pointer(), "$" + name + " is assigned only in "
            + elsewhere + ", which " + state.name + " cannot see; " + outOfScopeAdvice(state.scope));
      } else {
        problems.error(ProblemCode.UNASSIGNED_VARIABLE, read.pointer(), "$" + name + " is read here, but no path "
            + "to " + state.name + " assigns it; assign it with Assign in an earlier state, or fix the name");
      }
    }
  }

  private boolean assignedAnywhere(String name) {
    for (Set<String> names : assignedIn.values()) {
      if (names.contains(name)) {
        return true;
      }
    }
    return false;
  }

  // A scope (other than those `reader` is within) that assigns `name`, described; null if none.
  private String scopeAssigning(String name, FlowGraph.Scope reader) {
    for (FlowGraph.Scope scope : graph.scopes()) {
      boolean visible = reader.isWithin(scope) && !crossesDistributedMap(reader, scope);
      if (!visible && assignedIn.getOrDefault(scope, Set.of()).contains(name)) {
        return scope.describe();
      }
    }
    return null;
  }

  // Whether a distributed Map's iterations lie between `reader` and the outer `scope`.
  private static boolean crossesDistributedMap(FlowGraph.Scope reader, FlowGraph.Scope scope) {
    for (FlowGraph.Scope at = reader; at != null && at != scope; at = at.parent) {
      if (at.kind == FlowGraph.ScopeKind.DISTRIBUTED_MAP) {
        return true;
      }
    }
    return false;
  }

  private static String outOfScopeAdvice(FlowGraph.Scope reader) {
    for (FlowGraph.Scope at = reader; at != null; at = at.parent) {
      if (at.kind == FlowGraph.ScopeKind.DISTRIBUTED_MAP) {
        return "a distributed Map's iterations do not see the variables around the Map: pass the value to "
            + "them with ItemSelector";
      }
    }
    return "variables assigned inside a Parallel branch or Map iteration stay there: return the value in "
        + "its output and read it from the Parallel or Map state's result";
  }

  /** Every assignment that no read can follow. */
  private void checkUnused() {
    for (FlowGraph.State state : graph.states()) {
      if (!mustIn.containsKey(state)) {
        continue;
      }
      // The state's own Assign goes along every way that applies it (none for End: true) ...
      JsonNode own = state.get("Assign");
      List<FlowGraph.State> ownTargets = new ArrayList<>();
      for (FlowGraph.Edge edge : state.edges) {
        if (own != null && edge.assign() == own) {
          ownTargets.add(edge.target());
        } else if (edge.assign() != null) {
          // ... a choice rule's or catcher's own Assign along its one way.
          reportUnread(edge.assign(), edge.assignPointer(), List.of(edge.target()));
        }
      }
      reportUnread(own, state.pointer("Assign"), ownTargets);
    }
  }

  private void reportUnread(JsonNode assign, String pointer, List<FlowGraph.State> targets) {
    for (VariableReads.Read assigned : VariableReads.assigned(assign, pointer)) {
      if (!readFrom(targets, assigned.name())) {
        problems.warning(ProblemCode.UNUSED_VARIABLE, assigned.pointer(), "$" + assigned.name() + " is assigned "
            + "here but no state after this one reads it; remove it, or read it where it was meant to be used");
      }
    }
  }

  // Whether a state reachable from `targets` reads the name, in itself or in its inner scopes.
  private boolean readFrom(List<FlowGraph.State> targets, String name) {
    Deque<FlowGraph.State> work = new ArrayDeque<>(targets);
    Set<FlowGraph.State> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    while (!work.isEmpty()) {
      FlowGraph.State next = work.poll();
      if (!seen.add(next)) {
        continue;
      }
      if (readsWithin(next, name)) {
        return true;
      }
      for (FlowGraph.Edge edge : next.edges) {
        work.add(edge.target());
      }
    }
    return false;
  }

  private boolean readsWithin(FlowGraph.State state, String name) {
    for (VariableReads.Read read : reads.get(state)) {
      if (read.name().equals(name)) {
        return true;
      }
    }
    for (FlowGraph.Scope inner : state.inner) {
      for (FlowGraph.State innerState : inner.states.values()) {
        if (readsWithin(innerState, name)) {
          return true;
        }
      }
    }
    return false;
  }
}
