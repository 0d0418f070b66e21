package io.statecraft.testing;

import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.asl.AslBranch;
import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.dsl.asl.AslPass;
import io.statecraft.dsl.asl.AslState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The states of one graph (the top level, a Parallel branch or a Map's item processor) prepared
 * once per definition, so that a run looks up little per transition: each state's event names
 * and where it goes next.
 */
final class CompiledGraph {

  /** One state, with what the interpreter needs on every visit. */
  static final class Node {
    final String name;
    final AslState state;
    final String type;
    final String enteredEvent;
    final String exitedEvent;
    final String next;
    /** A Pass state with nothing but Next/End (and a Comment): its output is its input. */
    final boolean plainPass;
    final QueryLanguage queryLanguage;
    final int index;
    /** The state named by Next, resolved once. */
    Node nextNode;

    Node(String name, AslState state, int index) {
      this.name = name;
      this.state = state;
      this.index = index;
      this.type = state.type();
      this.enteredEvent = type + "StateEntered";
      this.exitedEvent = type + "StateExited";
      this.next = state.next();
      this.plainPass = state instanceof AslPass pass && pass.io().isEmpty() && pass.result() == null
          && pass.queryLanguage() == null && pass.extensions().isEmpty();
      this.queryLanguage = state.queryLanguage();
    }
  }

  final Node start;
  private final Map<String, Node> nodes;

  private CompiledGraph(Node start, Map<String, Node> nodes) {
    this.start = start;
    this.nodes = nodes;
  }

  Node node(String name) {
    return nodes.get(name);
  }

  Collection<Node> nodes() {
    return nodes.values();
  }

  /**
   * Every graph of a definition: the top level, and each branch and item processor by its
   * identity (two branches may be equal as values, yet are different graphs); and how many
   * states there are in all.
   */
  record All(CompiledGraph top, Map<AslBranch, CompiledGraph> nested, int stateCount) {

    CompiledGraph of(AslBranch branch) {
      return nested.get(branch);
    }

    List<CompiledGraph> all() {
      List<CompiledGraph> all = new ArrayList<>();
      all.add(top);
      all.addAll(nested.values());
      return all;
    }
  }

  static All compile(AslDefinition definition) {
    Map<AslBranch, CompiledGraph> nested = new IdentityHashMap<>();
    int[] count = {0};
    CompiledGraph top = compile(definition.startAt(), definition.states(), nested, count);
    return new All(top, nested, count[0]);
  }

  private static CompiledGraph compile(String startAt, Map<String, AslState> states,
      Map<AslBranch, CompiledGraph> nested, int[] count) {
    Map<String, Node> nodes = new HashMap<>();
    states.forEach((name, state) -> {
      nodes.put(name, new Node(name, state, count[0]++));
      for (AslBranch branch : AslDefinition.nestedScopes(state)) {
        nested.put(branch, compile(branch.startAt(), branch.states(), nested, count));
      }
    });
    nodes.values().forEach(node -> node.nextNode = node.next == null ? null : nodes.get(node.next));
    return new CompiledGraph(nodes.get(startAt), nodes);
  }
}
