package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The states of one graph (the top level, a Parallel branch or a Map's item processor) prepared
 * once per definition, so that a run looks up little per transition: each state's type, its
 * event names and where it goes next.
 */
final class CompiledGraph {

  /** One state, with what the interpreter needs on every visit. */
  static final class Node {
    final String name;
    final JsonNode json;
    final String type;
    final String enteredEvent;
    final String exitedEvent;
    final String next;
    /** A Pass state with only Type, Next/End and Comment: its output is its input. */
    final boolean plainPass;
    final String queryLanguage;
    final int index;
    /** The state named by Next, resolved once. */
    Node nextNode;

    Node(String name, JsonNode json, int index) {
      this.name = name;
      this.json = json;
      this.index = index;
      this.type = json.path("Type").asText();
      this.enteredEvent = type + "StateEntered";
      this.exitedEvent = type + "StateExited";
      this.next = json.has("Next") ? json.get("Next").asText() : null;
      int fields = json.size() - (json.has("Comment") ? 1 : 0);
      this.plainPass = type.equals("Pass") && fields == 2;
      this.queryLanguage = json.has("QueryLanguage") ? json.get("QueryLanguage").asText() : null;
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

  void forEach(java.util.function.Consumer<Node> action) {
    nodes.values().forEach(action);
  }

  /** Every graph of a definition, by the identity of its JSON object; and how many states there are. */
  record All(Map<JsonNode, CompiledGraph> graphs, int stateCount) {

    CompiledGraph of(JsonNode graph) {
      return graphs.get(graph);
    }
  }

  static All compile(JsonNode definition) {
    Map<JsonNode, CompiledGraph> graphs = new IdentityHashMap<>();
    int[] count = {0};
    compile(definition, graphs, count);
    return new All(graphs, count[0]);
  }

  private static void compile(JsonNode graph, Map<JsonNode, CompiledGraph> graphs, int[] count) {
    Map<String, Node> nodes = new HashMap<>();
    graph.path("States").fields().forEachRemaining(entry -> {
      JsonNode state = entry.getValue();
      nodes.put(entry.getKey(), new Node(entry.getKey(), state, count[0]++));
      if (state.has("Branches")) {
        state.get("Branches").forEach(branch -> compile(branch, graphs, count));
      }
      if (state.has("ItemProcessor")) {
        compile(state.get("ItemProcessor"), graphs, count);
      } else if (state.has("Iterator")) {
        compile(state.get("Iterator"), graphs, count);
      }
    });
    nodes.values().forEach(node -> node.nextNode = node.next == null ? null : nodes.get(node.next));
    graphs.put(graph, new CompiledGraph(nodes.get(graph.path("StartAt").asText()), nodes));
  }
}
