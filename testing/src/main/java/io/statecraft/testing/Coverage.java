package io.statecraft.testing;

import io.statecraft.asl.diagram.MermaidDiagram;
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

  /**
   * The items of one definition and those exercised.
   *
   * @param leftByNext the states some execution left by their {@code Next} (they succeeded and
   *     no catcher took over), which the diagram marks as taken transitions
   */
  private record Definition(String name, AslDefinition definition, List<CoverageItem> items, Set<CoverageItem> covered,
      Set<String> leftByNext) implements MermaidDiagram.Marking {

    @Override
    public boolean reached(String state) {
      return covered.contains(CoverageItem.state(state));
    }

    @Override
    public boolean taken(String state, Link link, int index) {
      switch (link) {
        case START: return reached(state);
        case NEXT: return leftByNext.contains(state);
        case CHOICE_RULE: return has(CoverageItem.Kind.CHOICE_RULE, state, index);
        case CHOICE_DEFAULT: return has(CoverageItem.Kind.CHOICE_DEFAULT, state, -1);
        case CATCHER: return has(CoverageItem.Kind.CATCHER, state, index);
        case RETRIER: return has(CoverageItem.Kind.RETRIER, state, index);
        default: throw new IllegalStateException("unknown link " + link);
      }
    }

    private boolean has(CoverageItem.Kind kind, String state, int index) {
      for (CoverageItem item : covered) {
        if (item.kind() == kind && item.state().equals(state) && item.index() == index) {
          return true;
        }
      }
      return false;
    }

    int coveredCount() {
      return (int) items.stream().filter(covered::contains).count();
    }
  }

  private Coverage(Map<String, Definition> definitions) {
    this.definitions = definitions;
  }

  /**
   * The coverage of these executions, grouped by the definition they ran.
   *
   * @param executions the executions; those of one definition are counted together
   * @return the coverage of these executions, grouped by the definition they ran
   */
  public static Coverage of(Collection<Execution> executions) {
    Map<String, Definition> definitions = new LinkedHashMap<>();
    for (Execution execution : executions) {
      LoadedDefinition loaded = execution.definition();
      Definition definition = definitions.computeIfAbsent(loaded.text(), text -> new Definition(loaded.name(),
          loaded.definition(), itemsOf(loaded.definition()), new LinkedHashSet<>(), new LinkedHashSet<>()));
      definition.covered().addAll(execution.covered());
      for (StateVisit visit : execution.visits()) {
        if (!visit.failed()) {
          definition.leftByNext().add(visit.name());
        }
      }
    }
    return new Coverage(definitions);
  }

  /**
   * The coverage of these executions.
   *
   * @param executions the executions; those of one definition are counted together
   * @return the coverage of these executions
   */
  public static Coverage of(Execution... executions) {
    return of(List.of(executions));
  }

  /**
   * Every item of every definition run, in definition order.
   *
   * @return every item of every definition run, in definition order
   */
  public List<CoverageItem> items() {
    List<CoverageItem> all = new ArrayList<>();
    definitions.values().forEach(definition -> all.addAll(definition.items()));
    return all;
  }

  /**
   * The items no execution exercised.
   *
   * @return the items no execution exercised
   */
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

  /**
   * Whether executions ran and exercised every item.
   *
   * @return whether executions ran and exercised every item
   */
  public boolean isComplete() {
    return !definitions.isEmpty() && missed().isEmpty();
  }

  /**
   * Whether no execution was recorded.
   *
   * @return whether no execution was recorded
   */
  public boolean isEmpty() {
    return definitions.isEmpty();
  }

  /**
   * A report: per definition, the share covered and each item marked covered or missed.
   *
   * @return a report: per definition, the share covered and each item marked covered or missed
   */
  public String report() {
    StringBuilder out = new StringBuilder();
    if (definitions.isEmpty()) {
      return "No workflow executions were recorded.\n";
    }
    for (Definition definition : definitions.values()) {
      out.append("Workflow coverage of ").append(definition.name()).append(": ").append(definition.coveredCount()).append('/')
          .append(definition.items().size()).append(" items\n");
      for (CoverageItem item : definition.items()) {
        out.append(definition.covered().contains(item) ? "  covered " : "  MISSED  ").append(item).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Each definition run drawn as a Mermaid flowchart, states and links that the executions
   * reached styled apart from those they missed, retriers drawn as loops: by file name, the
   * definition's name ({@code patch-alerts.mmd}; {@code -2}, {@code -3} after it when two
   * definitions of one name were run, such as one workflow with different substitutions).
   *
   * @return the Mermaid text of each definition, by file name, in the order they were first run
   */
  public Map<String, String> diagrams() {
    Map<String, String> diagrams = new LinkedHashMap<>();
    fileNames().forEach((fileName, definition) ->
        diagrams.put(fileName + ".mmd", MermaidDiagram.render(definition.definition(), definition)));
    return diagrams;
  }

  /**
   * A Markdown summary: for each definition, the share covered, its coverage diagram (which
   * GitHub and most Markdown viewers draw) and the list of what was missed.
   *
   * @param title the heading, such as the test class
   * @return the Markdown text, ending with a newline
   */
  public String markdown(String title) {
    StringBuilder out = new StringBuilder("# Workflow coverage: ").append(title).append("\n");
    if (definitions.isEmpty()) {
      return out.append("\nNo workflow executions were recorded.\n").toString();
    }
    fileNames().forEach((fileName, definition) -> {
      out.append("\n## ").append(definition.name()).append("\n\n")
          .append(definition.coveredCount()).append('/').append(definition.items().size())
          .append(" items covered. Green was reached, red dashed was not.\n\n")
          .append("```mermaid\n").append(MermaidDiagram.render(definition.definition(), definition)).append("```\n");
      List<CoverageItem> missed = definition.items().stream().filter(item -> !definition.covered().contains(item)).toList();
      if (!missed.isEmpty()) {
        out.append("\nMissed:\n\n");
        missed.forEach(item -> out.append("- ").append(item).append('\n'));
      }
    });
    return out.toString();
  }

  private Map<String, Definition> fileNames() {
    Map<String, Definition> byFileName = new LinkedHashMap<>();
    for (Definition definition : definitions.values()) {
      String fileName = definition.name();
      for (int n = 2; byFileName.containsKey(fileName); n++) {
        fileName = definition.name() + "-" + n;
      }
      byFileName.put(fileName, definition);
    }
    return byFileName;
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
