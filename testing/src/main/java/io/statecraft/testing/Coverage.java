package io.statecraft.testing;

import io.statecraft.dsl.asl.AslCatcher;
import io.statecraft.dsl.asl.AslChoice;
import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.dsl.asl.AslRetrier;
import io.statecraft.dsl.asl.AslState;
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
          text -> new Definition(loaded.name(), itemsOf(loaded.definition()), new LinkedHashSet<>()));
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
  static List<CoverageItem> itemsOf(AslDefinition definition) {
    List<CoverageItem> items = new ArrayList<>();
    collect(definition.states(), items);
    return items;
  }

  private static void collect(Map<String, AslState> states, List<CoverageItem> items) {
    states.forEach((name, state) -> {
      items.add(CoverageItem.state(name));
      if (state instanceof AslChoice choice) {
        for (int i = 0; i < choice.choices().size(); i++) {
          items.add(CoverageItem.choiceRule(name, i, choice.choices().get(i).next()));
        }
        if (choice.defaultState() != null) {
          items.add(CoverageItem.choiceDefault(name, choice.defaultState()));
        }
      }
      List<AslRetrier> retriers = state.retry();
      for (int i = 0; i < retriers.size(); i++) {
        items.add(CoverageItem.retrier(name, i, retriers.get(i).errorEquals()));
      }
      List<AslCatcher> catchers = state.catchers();
      for (int i = 0; i < catchers.size(); i++) {
        items.add(CoverageItem.catcher(name, i, catchers.get(i).errorEquals(), catchers.get(i).next()));
      }
      AslDefinition.nestedScopes(state).forEach(scope -> collect(scope.states(), items));
    });
  }
}
