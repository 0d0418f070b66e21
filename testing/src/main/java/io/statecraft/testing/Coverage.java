package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which states, Choice rules (and Defaults), catchers and retriers of the definitions run some
 * executions exercised. A state counts when entered; a rule when it matched; a catcher when it
 * caught; a retrier when it matched an error. Assert with {@code
 * WorkflowAssertions.assertThat(coverage).isComplete()}.
 */
public final class Coverage {

  private final Map<String, Definition> definitions;

  /** The items of one definition and those exercised. */
  private record Definition(String name, List<CoverageItem> items, Set<CoverageItem> covered) {}

  private Coverage(Map<String, Definition> definitions) {
    this.definitions = definitions;
  }

  /** The coverage of these executions, grouped by the definition they ran. */
  public static Coverage of(Collection<Execution> executions) {
    Map<String, Definition> definitions = new LinkedHashMap<>();
    for (Execution execution : executions) {
      LoadedDefinition loaded = execution.definition();
      Definition definition = definitions.computeIfAbsent(loaded.text(),
          text -> new Definition(loaded.name(), itemsOf(loaded.json()), new LinkedHashSet<>()));
      definition.covered().addAll(execution.covered());
    }
    return new Coverage(definitions);
  }

  /** The coverage of these executions. */
  public static Coverage of(Execution... executions) {
    return of(List.of(executions));
  }

  /** Every item of every definition run, in definition order. */
  public List<CoverageItem> items() {
    List<CoverageItem> all = new ArrayList<>();
    definitions.values().forEach(definition -> all.addAll(definition.items()));
    return all;
  }

  /** The items no execution exercised. */
  public List<CoverageItem> missed() {
    List<CoverageItem> missed = new ArrayList<>();
    for (Definition definition : definitions.values()) {
      for (CoverageItem item : definition.items()) {
        if (!definition.covered().contains(item)) {
          missed.add(item);
        }
      }
    }
    return missed;
  }

  /** Whether executions ran and exercised every item. */
  public boolean isComplete() {
    return !definitions.isEmpty() && missed().isEmpty();
  }

  /** Whether no execution was recorded. */
  public boolean isEmpty() {
    return definitions.isEmpty();
  }

  /** A report: per definition, the share covered and each item marked covered or missed. */
  public String report() {
    StringBuilder out = new StringBuilder();
    if (definitions.isEmpty()) {
      return "No workflow executions were recorded.\n";
    }
    for (Definition definition : definitions.values()) {
      int covered = (int) definition.items().stream().filter(definition.covered()::contains).count();
      out.append("Workflow coverage of ").append(definition.name()).append(": ").append(covered).append('/')
          .append(definition.items().size()).append(" items\n");
      for (CoverageItem item : definition.items()) {
        out.append(definition.covered().contains(item) ? "  covered " : "  MISSED  ").append(item).append('\n');
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return report();
  }

  /** Every coverage item of a definition, nested states included, in document order. */
  static List<CoverageItem> itemsOf(JsonNode definition) {
    List<CoverageItem> items = new ArrayList<>();
    collect(definition, items);
    return items;
  }

  private static void collect(JsonNode graph, List<CoverageItem> items) {
    graph.path("States").fields().forEachRemaining(entry -> {
      String name = entry.getKey();
      JsonNode state = entry.getValue();
      items.add(CoverageItem.state(name));
      JsonNode choices = state.get("Choices");
      if (choices != null) {
        for (int i = 0; i < choices.size(); i++) {
          items.add(CoverageItem.choiceRule(name, i, choices.get(i).path("Next").asText()));
        }
        if (state.has("Default")) {
          items.add(CoverageItem.choiceDefault(name, state.get("Default").asText()));
        }
      }
      JsonNode retriers = state.get("Retry");
      if (retriers != null) {
        for (int i = 0; i < retriers.size(); i++) {
          items.add(CoverageItem.retrier(name, i, names(retriers.get(i).get("ErrorEquals"))));
        }
      }
      JsonNode catchers = state.get("Catch");
      if (catchers != null) {
        for (int i = 0; i < catchers.size(); i++) {
          items.add(CoverageItem.catcher(name, i, names(catchers.get(i).get("ErrorEquals")),
              catchers.get(i).path("Next").asText()));
        }
      }
      if (state.has("Branches")) {
        state.get("Branches").forEach(branch -> collect(branch, items));
      }
      if (state.has("ItemProcessor")) {
        collect(state.get("ItemProcessor"), items);
      } else if (state.has("Iterator")) {
        collect(state.get("Iterator"), items);
      }
    });
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    if (array != null) {
      array.forEach(item -> names.add(item.asText()));
    }
    return names;
  }
}
