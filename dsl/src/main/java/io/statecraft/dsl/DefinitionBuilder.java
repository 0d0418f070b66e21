package io.statecraft.dsl;

import io.statecraft.dsl.asl.AslBranch;
import io.statecraft.dsl.asl.AslProcessorConfig;
import io.statecraft.dsl.asl.AslState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a graph of {@link State} objects into ASL values: walks each scope from its start,
 * names states, and collects what went wrong instead of stopping at the first problem.
 */
final class DefinitionBuilder {

  private final QueryLanguage defaultLanguage;
  private final Map<String, State<?>> byName = new LinkedHashMap<>();
  private final Map<State<?>, State<?>> scopeOf = new IdentityHashMap<>();
  private final Map<String, List<IamStatement>> permissions = new LinkedHashMap<>();
  private final Map<String, Integration> integrations = new LinkedHashMap<>();
  private final List<BuildIssue> issues = new ArrayList<>();

  DefinitionBuilder(QueryLanguage defaultLanguage) {
    this.defaultLanguage = defaultLanguage;
  }

  QueryLanguage defaultLanguage() {
    return defaultLanguage;
  }

  void issue(State<?> state, BuildIssue.Code code, String message) {
    issues.add(new BuildIssue(code.name(), state.name(), message, state.source()));
  }

  /**
   * The states reachable from {@code start}, in walk order (the main line first: {@code Next},
   * then choice targets, default and catch targets), each turned into ASL.
   */
  Map<String, AslState> states(State<?> start) {
    List<State<?>> members = walk(start);
    Map<String, AslState> built = new LinkedHashMap<>();
    for (State<?> state : members) {
      built.put(state.name(), state.toAsl(this));
    }
    return built;
  }

  AslBranch scope(State<?> start, AslProcessorConfig config) {
    Map<String, AslState> states = states(start);
    return new AslBranch(null, null, config, start.name(), states, Map.of());
  }

  private List<State<?>> walk(State<?> start) {
    List<State<?>> members = new ArrayList<>();
    Deque<State<?>> stack = new ArrayDeque<>();
    Map<State<?>, Boolean> seen = new IdentityHashMap<>();
    stack.push(start);
    while (!stack.isEmpty()) {
      State<?> state = stack.pop();
      if (seen.put(state, Boolean.TRUE) != null) {
        continue;
      }
      if (register(state, start)) {
        members.add(state);
      }
      List<State<?>> successors = state.successors();
      for (int i = successors.size() - 1; i >= 0; i--) {
        stack.push(successors.get(i));
      }
    }
    return members;
  }

  // Records a state under its name; reports a second object with the same name, and a state
  // reached from two scopes (a transition into or out of a branch). Returns whether to build it.
  private boolean register(State<?> state, State<?> scopeStart) {
    State<?> earlierScope = scopeOf.putIfAbsent(state, scopeStart);
    if (earlierScope != null && earlierScope != scopeStart) {
      issue(state, BuildIssue.Code.TRANSITION_OUT_OF_SCOPE, "state is reached both from the scope starting at '"
          + earlierScope.name() + "' and from the scope starting at '" + scopeStart.name()
          + "'; a transition cannot enter or leave a Parallel branch or a Map item processor");
      return false;
    }
    State<?> named = byName.putIfAbsent(state.name(), state);
    if (named != null && named != state) {
      String where = named.source() == null ? "" : " (the other one is built at " + named.source() + ")";
      issue(state, BuildIssue.Code.DUPLICATE_STATE_NAME, "two different states are named '" + state.name()
          + "'" + where + "; state names must be unique in the whole state machine");
      return false;
    }
    if (state instanceof Task task) {
      permissions.put(task.name(), task.requiredPermissions());
      if (task.integration() != null) {
        integrations.put(task.name(), task.integration());
      }
    } else if (!state.permissions.isEmpty()) {
      permissions.put(state.name(), List.copyOf(state.permissions));
    }
    return true;
  }

  /**
   * Reports each state that was chained to a built state (a {@code Next}, a Choice rule or default,
   * a Catch) but is not reachable from any start, and the states chained to those in turn: they
   * are not in the definition, which is rarely what the author meant.
   */
  void reportDropped() {
    Map<State<?>, Boolean> dropped = new IdentityHashMap<>();
    Deque<State<?>> pending = new ArrayDeque<>(byName.values());
    while (!pending.isEmpty()) {
      State<?> target = pending.removeFirst();
      for (State<?> from : target.predecessors) {
        boolean stillLinked = false;
        for (State<?> successor : from.successors()) {
          stillLinked |= successor == target;
        }
        if (stillLinked && !scopeOf.containsKey(from) && dropped.put(from, Boolean.TRUE) == null) {
          pending.addLast(from);
          issue(from, BuildIssue.Code.DROPPED_STATE, "state '" + from.name() + "' moves on to '" + target.name()
              + "', but no state reachable from the start moves to it, so it is left out of the definition; "
              + "link it in with next(...), a Choice rule or a Catch, or remove it");
        }
      }
    }
  }

  StateSources sources() {
    return new StateSources(byName);
  }

  Map<String, List<IamStatement>> permissions() {
    return permissions;
  }

  Map<String, Integration> integrations() {
    return integrations;
  }

  List<BuildIssue> issues() {
    return issues;
  }
}
