package io.statecraft.asl.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.json.JsonPointers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The states of a definition as the data flow walks them: each scope (the top level, a Parallel
 * branch, a Map's item processor) with its states, and each state's ways out with what each way
 * assigns. Built only from a definition the other rules found no error in, so it may assume that
 * names resolve and fields have their types, and skips what does not.
 */
final class FlowGraph {

  enum ScopeKind {
    TOP_LEVEL,
    BRANCH,
    INLINE_MAP,
    DISTRIBUTED_MAP
  }

  /** How a state is left: which kind of way decides whose {@code Assign} applies. */
  enum Via {
    NEXT,
    CHOICE_RULE,
    DEFAULT,
    CATCH
  }

  /** A scope: an object with StartAt and States, and the Parallel or Map state that holds it. */
  static final class Scope {
    final String pointer;
    final ScopeKind kind;
    final State owner;
    final Scope parent;
    final Map<String, State> states = new LinkedHashMap<>();
    State start;

    Scope(String pointer, ScopeKind kind, State owner, Scope parent) {
      this.pointer = pointer;
      this.kind = kind;
      this.owner = owner;
      this.parent = parent;
    }

    /** Whether {@code other} is this scope or one that holds it. */
    boolean isWithin(Scope other) {
      for (Scope scope = this; scope != null; scope = scope.parent) {
        if (scope == other) {
          return true;
        }
      }
      return false;
    }

    /** How a message names the scope: "branch 0 of Parallel state 'P'". */
    String describe() {
      switch (kind) {
        case TOP_LEVEL:
          return "the top level";
        case BRANCH:
          return "branch " + pointer.substring(pointer.lastIndexOf('/') + 1) + " of Parallel state '" + owner.name + "'";
        default:
          return "the iterations of Map state '" + owner.name + "'";
      }
    }
  }

  /**
   * One way out of a state.
   *
   * @param target the state it leads to
   * @param via what kind of way it is
   * @param assign the {@code Assign} object applied on the way (null for none)
   * @param assignPointer where that object is
   * @param pointer where the way is written ({@code /States/A/Catch/0}), for the catcher's fields
   */
  record Edge(State target, Via via, JsonNode assign, String assignPointer, String pointer) {}

  /** A state and its ways out. */
  static final class State {
    final String name;
    final String pointer;
    final ObjectNode node;
    final String type;
    final boolean jsonata;
    final Scope scope;
    final List<Scope> inner = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();

    State(String name, String pointer, ObjectNode node, boolean jsonata, Scope scope) {
      this.name = name;
      this.pointer = pointer;
      this.node = node;
      this.type = node.path("Type").asText("");
      this.jsonata = jsonata;
      this.scope = scope;
    }

    boolean is(String wanted) {
      return type.equals(wanted);
    }

    JsonNode get(String field) {
      return node.get(field);
    }

    String pointer(String field) {
      return JsonPointers.child(pointer, field);
    }
  }

  private final List<Scope> scopes = new ArrayList<>();
  private final List<State> states = new ArrayList<>();
  private final boolean topLevelJsonata;

  private FlowGraph(ObjectNode root) {
    this.topLevelJsonata = "JSONata".equals(root.path("QueryLanguage").asText(""));
  }

  static FlowGraph of(ObjectNode root) {
    FlowGraph graph = new FlowGraph(root);
    graph.addScope(root, new Scope(JsonPointers.ROOT, ScopeKind.TOP_LEVEL, null, null));
    for (State state : graph.states) {
      graph.addEdges(state);
    }
    return graph;
  }

  List<Scope> scopes() {
    return scopes;
  }

  List<State> states() {
    return states;
  }

  Scope top() {
    return scopes.get(0);
  }

  private void addScope(ObjectNode node, Scope scope) {
    scopes.add(scope);
    JsonNode statesNode = node.path("States");
    for (Iterator<Map.Entry<String, JsonNode>> it = statesNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (entry.getValue().isObject()) {
        ObjectNode stateNode = (ObjectNode) entry.getValue();
        String language = stateNode.path("QueryLanguage").asText("");
        boolean jsonata = language.isEmpty() ? topLevelJsonata : language.equals("JSONata");
        State state = new State(entry.getKey(), JsonPointers.child(scope.pointer + "/States", entry.getKey()),
            stateNode, jsonata, scope);
        scope.states.put(state.name, state);
        states.add(state);
        addInnerScopes(state);
      }
    }
    scope.start = scope.states.get(node.path("StartAt").asText(""));
  }

  private void addInnerScopes(State state) {
    if (state.is("Parallel")) {
      JsonNode branches = state.get("Branches");
      for (int i = 0; branches != null && i < branches.size(); i++) {
        if (branches.get(i).isObject()) {
          Scope branch = new Scope(JsonPointers.child(state.pointer("Branches"), i), ScopeKind.BRANCH, state,
              state.scope);
          state.inner.add(branch);
          addScope((ObjectNode) branches.get(i), branch);
        }
      }
    } else if (state.is("Map")) {
      for (String field : List.of("ItemProcessor", "Iterator")) {
        JsonNode processor = state.get(field);
        if (processor != null && processor.isObject()) {
          boolean distributed = "DISTRIBUTED".equals(processor.path("ProcessorConfig").path("Mode").asText(""));
          Scope iterations = new Scope(state.pointer(field),
              distributed ? ScopeKind.DISTRIBUTED_MAP : ScopeKind.INLINE_MAP, state, state.scope);
          state.inner.add(iterations);
          addScope((ObjectNode) processor, iterations);
        }
      }
    }
  }

  private void addEdges(State state) {
    Map<String, State> scopeStates = state.scope.states;
    JsonNode stateAssign = state.get("Assign");
    String stateAssignPointer = state.pointer("Assign");
    if (state.is("Choice")) {
      JsonNode rules = state.get("Choices");
      for (int i = 0; rules != null && i < rules.size(); i++) {
        JsonNode rule = rules.get(i);
        State target = scopeStates.get(rule.path("Next").asText(""));
        if (target != null) {
          String rulePointer = JsonPointers.child(state.pointer("Choices"), i);
          // A rule's own Assign replaces the state's (as the offline executor runs it).
          boolean own = rule.has("Assign");
          state.edges.add(new Edge(target, Via.CHOICE_RULE, own ? rule.get("Assign") : stateAssign,
              own ? JsonPointers.child(rulePointer, "Assign") : stateAssignPointer, rulePointer));
        }
      }
      State fallback = scopeStates.get(state.node.path("Default").asText(""));
      if (fallback != null) {
        state.edges.add(new Edge(fallback, Via.DEFAULT, stateAssign, stateAssignPointer, state.pointer("Default")));
      }
    } else {
      State next = scopeStates.get(state.node.path("Next").asText(""));
      if (next != null) {
        state.edges.add(new Edge(next, Via.NEXT, stateAssign, stateAssignPointer, state.pointer("Next")));
      }
    }
    JsonNode catchers = state.get("Catch");
    for (int i = 0; catchers != null && i < catchers.size(); i++) {
      JsonNode catcher = catchers.get(i);
      State target = scopeStates.get(catcher.path("Next").asText(""));
      if (target != null) {
        String catcherPointer = JsonPointers.child(state.pointer("Catch"), i);
        state.edges.add(new Edge(target, Via.CATCH, catcher.get("Assign"), JsonPointers.child(catcherPointer, "Assign"),
            catcherPointer));
      }
    }
  }
}
