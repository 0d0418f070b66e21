package io.statecraft.generator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.generator.json.JsonPointers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state graph: names unique across the whole definition and valid, every transition
 * target in its own scope, every state reachable from StartAt, and every state able to reach a
 * terminal state. Each scope (top level, Parallel branch, Map item processor) is its own graph.
 */
final class GraphRules {

  /** The most characters a state name may have (Unicode code points). */
  static final int MAX_NAME_LENGTH = 80;

  // Characters the Step Functions API forbids in the names of state machines, executions and
  // activities. The service accepts most of them in state names (and the statelint corpus uses
  // spaces), so they are a warning there, except control characters, which are an error.
  private static final String API_FORBIDDEN = "<>{}[]?*\"#%\\^|~`$&,;:/";

  /** One transition out of a state: the field holding the target and the target's name. */
  private record Edge(String pointer, String field, String target) {}

  private final Problems problems;
  private final DefinitionIndex index;

  private GraphRules(DefinitionIndex index, Problems problems) {
    this.index = index;
    this.problems = problems;
  }

  static void check(DefinitionIndex index, Problems problems) {
    GraphRules rules = new GraphRules(index, problems);
    rules.checkNames();
    for (Scope scope : index.scopes()) {
      rules.checkScope(scope);
    }
  }

  private void checkNames() {
    Map<String, StateEntry> first = new HashMap<>();
    for (StateEntry state : index.states()) {
      StateEntry earlier = first.putIfAbsent(state.name(), state);
      if (earlier != null) {
        problems.error(ValidationCodes.DUPLICATE_STATE_NAME, state.pointer(), "state name '" + state.name()
            + "' is also used at " + earlier.pointer() + "; names must be unique across the whole state machine, "
            + "branches and item processors included, so rename one of them");
      }
      checkName(state);
    }
  }

  private void checkName(StateEntry state) {
    String name = state.name();
    int length = name.codePointCount(0, name.length());
    if (length == 0) {
      problems.error(ValidationCodes.INVALID_STATE_NAME, state.pointer(), "a state name cannot be empty; name the state");
      return;
    }
    if (length > MAX_NAME_LENGTH) {
      problems.error(ValidationCodes.INVALID_STATE_NAME, state.pointer(), "state name '" + name + "' has " + length
          + " characters; the service allows at most " + MAX_NAME_LENGTH + ", so shorten it");
    }
    int control = name.codePoints().filter(GraphRules::isControl).findFirst().orElse(-1);
    if (control >= 0) {
      problems.error(ValidationCodes.INVALID_STATE_NAME, state.pointer(), "state name '" + name.replaceAll("\\p{Cc}", "?")
          + "' contains the control character U+" + String.format("%04X", control) + "; remove it");
    }
    int forbidden = name.codePoints().filter(c -> API_FORBIDDEN.indexOf(c) >= 0).findFirst().orElse(-1);
    if (forbidden >= 0) {
      problems.warning(ValidationCodes.STATE_NAME_CHARACTERS, state.pointer(), "state name '" + name + "' contains '"
          + Character.toString(forbidden) + "', which the Step Functions API forbids in its other names; it can break "
          + "tools and substitutions that use the name, so prefer letters, digits, spaces, - and _");
    }
  }

  static boolean isControl(int c) {
    return c <= 0x1F || c >= 0x7F && c <= 0x9F;
  }

  private void checkScope(Scope scope) {
    JsonNode statesNode = scope.node().get("States");
    if (statesNode == null || !statesNode.isObject() || statesNode.isEmpty()) {
      return;
    }
    Map<String, StateEntry> byName = new LinkedHashMap<>();
    for (StateEntry state : index.statesOf(scope)) {
      byName.put(state.name(), state);
    }
    Map<String, List<String>> successors = new HashMap<>();
    Set<String> dangling = new HashSet<>();
    for (StateEntry state : byName.values()) {
      List<String> targets = new ArrayList<>();
      for (Edge edge : edgesOf(state)) {
        if (byName.containsKey(edge.target())) {
          targets.add(edge.target());
        } else {
          missingTarget(scope, edge);
          dangling.add(state.name());
        }
      }
      successors.put(state.name(), targets);
    }
    JsonNode startAt = scope.node().get("StartAt");
    Set<String> reachable = new HashSet<>();
    if (startAt != null && startAt.isTextual()) {
      if (byName.containsKey(startAt.textValue())) {
        reachable = walk(List.of(startAt.textValue()), successors);
      } else {
        missingTarget(scope, new Edge(JsonPointers.child(scope.pointer(), "StartAt"), "StartAt", startAt.textValue()));
      }
      for (StateEntry state : byName.values()) {
        if (!reachable.isEmpty() && !reachable.contains(state.name())) {
          problems.error(ValidationCodes.UNREACHABLE_STATE, state.pointer(), "state '" + state.name()
              + "' is never reached from StartAt '" + startAt.textValue() + "' of " + scope.describe()
              + "; add a transition to it or remove it");
        }
      }
    }
    checkTerminals(scope, byName, successors, reachable, dangling);
  }

  /**
   * Reports a scope without any terminal state, and each reachable state with no way to one. A
   * state with a missing target counts as finishing: its fix will say where it goes.
   */
  private void checkTerminals(Scope scope, Map<String, StateEntry> byName, Map<String, List<String>> successors,
      Set<String> reachable, Set<String> dangling) {
    List<String> terminals = byName.values().stream().filter(StateEntry::isTerminal).map(StateEntry::name).toList();
    if (terminals.isEmpty()) {
      problems.error(ValidationCodes.MISSING_END_STATE, scope.statesPointer(), scope.describe().substring(0, 1)
          .toUpperCase() + scope.describe().substring(1) + " has no terminal state, so it can never finish; "
          + "end a path with a Succeed or Fail state or \"End\": true");
      return;
    }
    Map<String, List<String>> predecessors = new HashMap<>();
    successors.forEach((from, targets) ->
        targets.forEach(to -> predecessors.computeIfAbsent(to, k -> new ArrayList<>()).add(from)));
    List<String> exits = new ArrayList<>(terminals);
    exits.addAll(dangling);
    Set<String> canFinish = walk(exits, predecessors);
    for (StateEntry state : byName.values()) {
      if (reachable.contains(state.name()) && !canFinish.contains(state.name())) {
        problems.error(ValidationCodes.NO_PATH_TO_END, state.pointer(), "no path from state '" + state.name()
            + "' leads to a terminal state, so an execution that gets here loops forever; add a way out to a "
            + "Succeed or Fail state or a state with \"End\": true");
      }
    }
  }

  private static Set<String> walk(List<String> starts, Map<String, List<String>> edges) {
    Set<String> seen = new HashSet<>(starts);
    Deque<String> queue = new ArrayDeque<>(starts);
    while (!queue.isEmpty()) {
      for (String next : edges.getOrDefault(queue.pop(), List.of())) {
        if (seen.add(next)) {
          queue.add(next);
        }
      }
    }
    return seen;
  }

  private void missingTarget(Scope scope, Edge edge) {
    StateEntry elsewhere = index.states().stream()
        .filter(state -> state.name().equals(edge.target()))
        .findFirst()
        .orElse(null);
    String message;
    if (elsewhere != null) {
      message = edge.field() + " names '" + edge.target() + "', a state of " + elsewhere.scope().describe()
          + "; a transition cannot leave or enter a Parallel branch or Map item processor, so target a state of "
          + scope.describe();
    } else {
      message = edge.field() + " names '" + edge.target() + "', but " + scope.describe()
          + " has no state of that name (names are case-sensitive)" + suggestion(scope, edge.target());
    }
    problems.error(ValidationCodes.MISSING_TRANSITION_TARGET, edge.pointer(), message);
  }

  // A close spelling ("Handle" for "Handler", "notify" for "Notify") gets a "did you mean".
  private String suggestion(Scope scope, String target) {
    int allowed = Math.min(2, target.length() / 3);
    return index.statesOf(scope).stream()
        .map(StateEntry::name)
        .min(java.util.Comparator.comparingInt(name -> Spelling.distance(name.toLowerCase(), target.toLowerCase())))
        .filter(name -> Spelling.distance(name.toLowerCase(), target.toLowerCase()) <= allowed)
        .map(name -> "; did you mean '" + name + "'?")
        .orElse("");
  }

  private static List<Edge> edgesOf(StateEntry state) {
    List<Edge> edges = new ArrayList<>();
    if (state.node() == null) {
      return edges;
    }
    addEdge(edges, state.get("Next"), state.pointer("Next"), "Next");
    addEdge(edges, state.get("Default"), state.pointer("Default"), "Default");
    addEdgesOf(edges, state, "Choices", "Next");
    addEdgesOf(edges, state, "Catch", "Next");
    return edges;
  }

  private static void addEdgesOf(List<Edge> edges, StateEntry state, String arrayField, String field) {
    JsonNode array = state.get(arrayField);
    if (array == null || !array.isArray()) {
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      String pointer = JsonPointers.child(JsonPointers.child(state.pointer(arrayField), i), field);
      addEdge(edges, array.get(i).get(field), pointer, field);
    }
  }

  private static void addEdge(List<Edge> edges, JsonNode target, String pointer, String field) {
    if (target != null && target.isTextual()) {
      edges.add(new Edge(pointer, field, target.textValue()));
    }
  }
}
