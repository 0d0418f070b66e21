package io.statecraft.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import io.statecraft.asl.Spelling;
import io.statecraft.asl.json.JsonPointers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state graph: names unique across the whole definition and valid, every transition
 * target in its own scope, every state reachable from StartAt, and every state able to reach a
 * terminal state. Each scope (top level, Parallel branch, Map item processor) is its own graph.
 */
final class GraphRules {

  /** The most characters a state name may have (Unicode code points). */
  static final int MAX_NAME_LENGTH = 80;

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  // Characters the Step Functions API forbids in the names of state machines, executions and
  // activities. The service accepts most of them in state names (and the statelint corpus uses
  // spaces), so they are a warning there, except control characters, which are an error.
  private static final String API_FORBIDDEN = "<>{}[]?*\"#%\\^|~`$&,;:/";

  /**
   * One transition: field {@code field} of the object at {@code owner}, or of item {@code item}
   * of its array {@code array} (Choices, Catch), naming {@code target}. The pointer is built only
   * when the transition is reported.
   */
  private record Edge(String owner, String array, int item, String field, String target) {

    String pointer() {
      String object = array == null ? owner : JsonPointers.child(JsonPointers.child(owner, array), item);
      return JsonPointers.child(object, field);
    }
  }

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
        problems.error(ProblemCode.DUPLICATE_STATE_NAME, state.pointer(), "state name '" + state.name()
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
      problems.error(ProblemCode.INVALID_STATE_NAME, state.pointer(), "a state name cannot be empty; name the state");
      return;
    }
    if (length > MAX_NAME_LENGTH) {
      problems.error(ProblemCode.INVALID_STATE_NAME, state.pointer(), "state name '" + name + "' has " + length
          + " characters; the service allows at most " + MAX_NAME_LENGTH + ", so shorten it");
    }
    int control = firstCodePoint(name, CONTROL);
    if (control >= 0) {
      problems.error(ProblemCode.INVALID_STATE_NAME, state.pointer(), "state name '" + name.replaceAll("\\p{Cc}", "?")
          + "' contains the control character U+" + String.format("%04X", control) + "; remove it");
    }
    // A lone surrogate (a JSON escape of half a pair) is no character at all: UTF-8 cannot encode it, and
    // tools that replace it with '?' would merge two such names into one.
    int lone = firstCodePoint(name, LONE_SURROGATE);
    if (lone >= 0) {
      problems.error(ProblemCode.INVALID_STATE_NAME, state.pointer(), "state name '" + name.replaceAll("\\p{Cs}", "?")
          + "' contains the unpaired surrogate U+" + String.format("%04X", lone) + ", which is not a character; "
          + "remove it or write the whole character");
    }
    int forbidden = firstCodePoint(name, API_FORBIDDEN_CHARACTER);
    if (forbidden >= 0) {
      problems.warning(ProblemCode.STATE_NAME_CHARACTERS, state.pointer(), "state name '" + name + "' contains '"
          + Character.toString(forbidden) + "', which the Step Functions API forbids in its other names; it can break "
          + "tools and substitutions that use the name, so prefer letters, digits, spaces, - and _");
    }
  }

  // A loop rather than a code-point stream: every state name of every definition comes here.
  private static int firstCodePoint(String text, int wanted) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (is(wanted, c)) {
        return c;
      }
      i += Character.charCount(c);
    }
    return -1;
  }

  private static final int CONTROL = 0;
  private static final int LONE_SURROGATE = 1;
  private static final int API_FORBIDDEN_CHARACTER = 2;

  private static boolean is(int kind, int c) {
    if (kind == CONTROL) {
      return isControl(c);
    }
    if (kind == LONE_SURROGATE) {
      return Character.isSurrogate((char) c) && c <= 0xFFFF;
    }
    return API_FORBIDDEN.indexOf(c) >= 0;
  }

  static boolean isControl(int c) {
    return c <= 0x1F || c >= 0x7F && c <= 0x9F;
  }

  // The graph of a scope as arrays indexed by the states' positions: this runs for every scope of
  // every definition, and edge pointers are built only for the problems that need them.
  private void checkScope(Scope scope) {
    JsonNode statesNode = scope.node().get("States");
    if (statesNode == null || !statesNode.isObject() || statesNode.isEmpty()) {
      return;
    }
    List<StateEntry> states = index.statesOf(scope);
    int count = states.size();
    Map<String, Integer> positions = new HashMap<>(count * 2);
    for (int i = 0; i < count; i++) {
      positions.put(states.get(i).name(), i);
    }
    int[][] successors = new int[count][];
    BitSet dangling = new BitSet(count);
    for (int i = 0; i < count; i++) {
      StateEntry state = states.get(i);
      List<Edge> edges = edgesOf(state);
      int[] targets = new int[edges.size()];
      int found = 0;
      for (Edge edge : edges) {
        Integer target = positions.get(edge.target());
        if (target != null) {
          targets[found++] = target;
        } else {
          missingTarget(scope, edge);
          dangling.set(i);
        }
      }
      successors[i] = found == targets.length ? targets : Arrays.copyOf(targets, found);
    }
    JsonNode startAt = scope.node().get("StartAt");
    BitSet reachable = new BitSet(count);
    if (startAt != null && startAt.isTextual()) {
      Integer start = positions.get(startAt.textValue());
      if (start != null) {
        BitSet starts = new BitSet(count);
        starts.set(start);
        reachable = walk(starts, successors);
      } else {
        missingTarget(scope, new Edge(scope.pointer(), null, 0, "StartAt", startAt.textValue()));
      }
      for (int i = 0; i < count; i++) {
        if (!reachable.isEmpty() && !reachable.get(i)) {
          StateEntry state = states.get(i);
          problems.error(ProblemCode.UNREACHABLE_STATE, state.pointer(), "state '" + state.name()
              + "' is never reached from StartAt '" + startAt.textValue() + "' of " + scope.describe()
              + "; add a transition to it or remove it");
        }
      }
    }
    checkTerminals(scope, states, successors, reachable, dangling);
  }

  /**
   * Reports a scope without any terminal state, and each reachable state with no way to one. A
   * state with a missing target counts as finishing: its fix will say where it goes.
   */
  private void checkTerminals(Scope scope, List<StateEntry> states, int[][] successors, BitSet reachable,
      BitSet dangling) {
    int count = states.size();
    BitSet exits = (BitSet) dangling.clone();
    boolean anyTerminal = false;
    for (int i = 0; i < count; i++) {
      if (states.get(i).isTerminal()) {
        exits.set(i);
        anyTerminal = true;
      }
    }
    if (!anyTerminal) {
      problems.error(ProblemCode.MISSING_END_STATE, scope.statesPointer(), scope.describe().substring(0, 1)
          .toUpperCase() + scope.describe().substring(1) + " has no terminal state, so it can never finish; "
          + "end a path with a Succeed or Fail state or \"End\": true");
      return;
    }
    BitSet canFinish = walk(exits, reversed(successors));
    for (int i = 0; i < count; i++) {
      if (reachable.get(i) && !canFinish.get(i)) {
        StateEntry state = states.get(i);
        problems.error(ProblemCode.NO_PATH_TO_END, state.pointer(), "no path from state '" + state.name()
            + "' leads to a terminal state, so an execution that gets here loops forever; add a way out to a "
            + "Succeed or Fail state or a state with \"End\": true");
      }
    }
  }

  private static int[][] reversed(int[][] edges) {
    int[] incoming = new int[edges.length];
    for (int[] targets : edges) {
      for (int to : targets) {
        incoming[to]++;
      }
    }
    int[][] reversed = new int[edges.length][];
    for (int i = 0; i < edges.length; i++) {
      reversed[i] = new int[incoming[i]];
    }
    int[] filled = new int[edges.length];
    for (int from = 0; from < edges.length; from++) {
      for (int to : edges[from]) {
        reversed[to][filled[to]++] = from;
      }
    }
    return reversed;
  }

  /** Every position reachable from {@code starts} (included) along {@code edges}. */
  private static BitSet walk(BitSet starts, int[][] edges) {
    BitSet seen = (BitSet) starts.clone();
    int[] queue = new int[edges.length];
    int head = 0;
    int tail = 0;
    for (int i = starts.nextSetBit(0); i >= 0; i = starts.nextSetBit(i + 1)) {
      queue[tail++] = i;
    }
    while (head < tail) {
      for (int next : edges[queue[head++]]) {
        if (!seen.get(next)) {
          seen.set(next);
          queue[tail++] = next;
        }
      }
    }
    return seen;
  }

  private void missingTarget(Scope scope, Edge edge) {
    StateEntry elsewhere = null;
    for (StateEntry state : index.states()) {
      if (state.name().equals(edge.target())) {
        elsewhere = state;
        break;
      }
    }
    String message;
    if (elsewhere != null) {
      message = edge.field() + " names '" + edge.target() + "', a state of " + elsewhere.scope().describe()
          + "; a transition cannot leave or enter a Parallel branch or Map item processor, so target a state of "
          + scope.describe();
    } else {
      message = edge.field() + " names '" + edge.target() + "', but " + scope.describe()
          + " has no state of that name (names are case-sensitive)" + suggestion(scope, edge.target());
    }
    problems.error(ProblemCode.MISSING_TRANSITION_TARGET, edge.pointer(), message);
  }

  // A close spelling ("Handle" for "Handler", "notify" for "Notify") gets a "did you mean".
  // One spelling index per scope, so that thousands of missing targets cost one pass each.
  private final java.util.Map<String, Spelling.Index> spellingIndexes = new java.util.HashMap<>();

  private String suggestion(Scope scope, String target) {
    Spelling.Index spelling = spellingIndexes.get(scope.pointer());
    if (spelling == null) {
      List<String> names = new ArrayList<>();
      for (StateEntry state : index.statesOf(scope)) {
        names.add(state.name());
      }
      spelling = Spelling.index(Collections.unmodifiableList(names));
      spellingIndexes.put(scope.pointer(), spelling);
    }
    Optional<String> nearest = spelling.nearest(target);
    return nearest.isPresent() ? "; did you mean '" + nearest.get() + "'?" : "";
  }

  private static List<Edge> edgesOf(StateEntry state) {
    List<Edge> edges = new ArrayList<>();
    if (state.node() == null) {
      return edges;
    }
    addEdge(edges, state.node(), state.pointer(), null, 0, "Next");
    addEdge(edges, state.node(), state.pointer(), null, 0, "Default");
    addEdgesOf(edges, state, "Choices");
    addEdgesOf(edges, state, "Catch");
    return edges;
  }

  private static void addEdgesOf(List<Edge> edges, StateEntry state, String arrayField) {
    JsonNode array = state.get(arrayField);
    if (array == null || !array.isArray()) {
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      addEdge(edges, array.get(i), state.pointer(), arrayField, i, "Next");
    }
  }

  private static void addEdge(List<Edge> edges, JsonNode object, String owner, String array, int item, String field) {
    JsonNode target = object.get(field);
    if (target != null && target.isTextual()) {
      edges.add(new Edge(owner, array, item, field, target.textValue()));
    }
  }
}
