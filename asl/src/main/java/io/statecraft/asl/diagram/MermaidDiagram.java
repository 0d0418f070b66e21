package io.statecraft.asl.diagram;

import io.statecraft.asl.json.JsonDocuments;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Value;
import io.statecraft.dsl.asl.AslBranch;
import io.statecraft.dsl.asl.AslCatcher;
import io.statecraft.dsl.asl.AslChoice;
import io.statecraft.dsl.asl.AslChoiceRule;
import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.dsl.asl.AslMap;
import io.statecraft.dsl.asl.AslParallel;
import io.statecraft.dsl.asl.AslState;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Draws a definition as a Mermaid flowchart ({@code diagram.mmd}), which GitHub, GitLab and most
 * documentation tools render: one node per state (its shape tells its type), one edge per
 * transition (Choice rules labelled with their test, catchers with their errors), and Parallel
 * branches and Map item processors as nested boxes. The same definition gives the same text.
 */
public final class MermaidDiagram {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private static final Pattern LINE_BREAK_OR_CONTROL = Pattern.compile("\\R|\\p{Cc}|\\p{Zl}|\\p{Zp}");

  /**
   * What a diagram marks as reached or not, such as the parts of a definition tests exercised.
   * A marked diagram also draws each retrier, as a loop on its state, and styles reached and
   * missed nodes and links apart.
   */
  public interface Marking {

    /** The kinds of link a diagram draws. */
    enum Link {
      /** From the start of the state machine, a branch or an item processor to its first state. */
      START,
      /** A state's {@code Next}. */
      NEXT,
      /** A Choice rule, by its index. */
      CHOICE_RULE,
      /** A Choice state's {@code Default}. */
      CHOICE_DEFAULT,
      /** A catcher, by its index. */
      CATCHER,
      /** A retrier, by its index, drawn as a loop. */
      RETRIER
    }

    /**
     * Whether the state was reached.
     *
     * @param state the state's name
     * @return true to style it as reached
     */
    boolean reached(String state);

    /**
     * Whether a link was taken.
     *
     * @param state the state the link leaves (for {@link Link#START}, the state it enters)
     * @param link the kind of link
     * @param index the rule, catcher or retrier's index; 0 for the others
     * @return true to style it as taken
     */
    boolean taken(String state, Link link, int index);
  }

  private static final String REACHED_STYLE = "fill:#dff5e1,stroke:#2e7d32,stroke-width:2px";
  private static final String MISSED_STYLE = "fill:#fdecea,stroke:#c62828,stroke-dasharray:4 2";
  private static final String TAKEN_LINK_STYLE = "stroke:#2e7d32,stroke-width:2px";
  private static final String MISSED_LINK_STYLE = "stroke:#c62828,stroke-dasharray:4 2";

  private final StringBuilder out = new StringBuilder();
  private final Map<String, String> ids = new HashMap<>();

  // Node ids in the order they were given: n0, n1, ..., n10 (by number, not by text).
  private static final java.util.Comparator<Map.Entry<String, String>> BY_ID_NUMBER = new ByIdNumber();

  private static final class ByIdNumber implements java.util.Comparator<Map.Entry<String, String>> {
    @Override
    public int compare(Map.Entry<String, String> a, Map.Entry<String, String> b) {
      return Integer.compare(Integer.parseInt(a.getValue().substring(1)), Integer.parseInt(b.getValue().substring(1)));
    }
  }
  private final Marking marking;
  private final java.util.List<Integer> takenLinks = new java.util.ArrayList<>();
  private final java.util.List<Integer> missedLinks = new java.util.ArrayList<>();
  private int links;
  private int counter;

  private MermaidDiagram(Marking marking) {
    this.marking = marking;
  }

  /**
   * The name of the drawing of a definition file: {@code flow.asl.json}, {@code flow.json},
   * {@code flow.yaml} and {@code flow.yml} become {@code flow.mmd}; any other name gets {@code .mmd}
   * added.
   */
  public static String fileNameFor(String definitionFileName) {
    for (String extension : JsonDocuments.DEFINITION_EXTENSIONS) {
      if (definitionFileName.endsWith(extension)) {
        return definitionFileName.substring(0, definitionFileName.length() - extension.length()) + ".mmd";
      }
    }
    return definitionFileName + ".mmd";
  }

  /** The Mermaid text of {@code definition}, ending with a newline. */
  public static String render(AslDefinition definition) {
    return render(definition, null);
  }

  /**
   * The Mermaid text of {@code definition} with what {@code marking} says was reached styled apart
   * from what was not, and its retriers drawn; ending with a newline.
   *
   * @param definition the definition
   * @param marking what was reached; null for a plain diagram
   * @return the diagram
   */
  public static String render(AslDefinition definition, Marking marking) {
    MermaidDiagram diagram = new MermaidDiagram(marking);
    diagram.out.append("flowchart TD\n");
    if (definition.comment() != null) {
      diagram.out.append("  %% ").append(oneLine(definition.comment())).append('\n');
    }
    diagram.out.append("  start((\"start\"))\n");
    diagram.scope(definition.states(), "  ");
    diagram.edge("  ", "start", definition.startAt(), Marking.Link.START, 0, null);
    diagram.edges(definition.states(), "  ");
    diagram.styles();
    return diagram.out.toString();
  }

  // Nodes take classes; links are styled by their number in the order they were written.
  private void styles() {
    if (marking == null) {
      return;
    }
    out.append("  classDef reached ").append(REACHED_STYLE).append('\n');
    out.append("  classDef missed ").append(MISSED_STYLE).append('\n');
    java.util.List<String> reached = new java.util.ArrayList<>();
    java.util.List<String> missed = new java.util.ArrayList<>();
    java.util.List<Map.Entry<String, String>> byId = new java.util.ArrayList<>(ids.entrySet());
    byId.sort(BY_ID_NUMBER);
    for (Map.Entry<String, String> entry : byId) {
      (marking.reached(entry.getKey()) ? reached : missed).add(entry.getValue());
    }
    if (!reached.isEmpty()) {
      out.append("  class ").append(String.join(",", reached)).append(" reached\n");
    }
    if (!missed.isEmpty()) {
      out.append("  class ").append(String.join(",", missed)).append(" missed\n");
    }
    linkStyle(takenLinks, TAKEN_LINK_STYLE);
    linkStyle(missedLinks, MISSED_LINK_STYLE);
  }

  private void linkStyle(java.util.List<Integer> numbers, String style) {
    if (!numbers.isEmpty()) {
      out.append("  linkStyle ");
      for (int i = 0; i < numbers.size(); i++) {
        out.append(i == 0 ? "" : ",").append(numbers.get(i));
      }
      out.append(' ').append(style).append('\n');
    }
  }

  private void scope(Map<String, AslState> states, String indent) {
    for (Map.Entry<String, AslState> entry : states.entrySet()) {
      String name = entry.getKey();
      AslState state = entry.getValue();
      if (state instanceof AslParallel parallel) {
        out.append(indent).append("subgraph ").append(id(name)).append("[\"").append(label(name))
            .append(" (Parallel)\"]\n");
        int index = 0;
        for (AslBranch branch : parallel.branches()) {
          nested(branch, name + " branch " + (++index), indent + "  ");
        }
        out.append(indent).append("end\n");
      } else if (state instanceof AslMap map && map.processor() != null) {
        String mode = map.isDistributed() ? "Distributed Map" : "Map";
        out.append(indent).append("subgraph ").append(id(name)).append("[\"").append(label(name))
            .append(" (").append(mode).append(")\"]\n");
        nested(map.processor(), name + " items", indent + "  ");
        out.append(indent).append("end\n");
      } else {
        out.append(indent).append(id(name)).append(shape(name, state)).append('\n');
      }
    }
  }

  private void nested(AslBranch branch, String title, String indent) {
    String start = "s" + (++counter);
    out.append(indent).append("subgraph ").append(start).append("_scope[\"").append(label(title)).append("\"]\n");
    out.append(indent).append("  ").append(start).append("((\" \"))\n");
    scope(branch.states(), indent + "  ");
    edge(indent + "  ", start, branch.startAt(), Marking.Link.START, 0, null);
    edges(branch.states(), indent + "  ");
    out.append(indent).append("end\n");
  }

  private void edges(Map<String, AslState> states, String indent) {
    for (Map.Entry<String, AslState> entry : states.entrySet()) {
      String name = entry.getKey();
      AslState state = entry.getValue();
      String from = id(name);
      if (state instanceof AslChoice choice) {
        for (int i = 0; i < choice.choices().size(); i++) {
          AslChoiceRule rule = choice.choices().get(i);
          edge(indent, from, rule.next(), Marking.Link.CHOICE_RULE, i, describe(rule.condition()), name);
        }
        if (choice.defaultState() != null) {
          edge(indent, from, choice.defaultState(), Marking.Link.CHOICE_DEFAULT, 0, "otherwise", name);
        }
      }
      String next = state.next();
      if (next != null) {
        edge(indent, from, next, Marking.Link.NEXT, 0, null, name);
      }
      if (marking != null) {
        for (int i = 0; i < state.retry().size(); i++) {
          dotted(indent, from, name, "retry " + String.join(", ", state.retry().get(i).errorEquals()),
              Marking.Link.RETRIER, i, name);
        }
      }
      for (int i = 0; i < state.catchers().size(); i++) {
        AslCatcher catcher = state.catchers().get(i);
        dotted(indent, from, catcher.next(), "catch " + String.join(", ", catcher.errorEquals()),
            Marking.Link.CATCHER, i, name);
      }
    }
  }

  // A link into the first state of a scope; it is marked by the state it enters.
  private void edge(String indent, String from, String toState, Marking.Link link, int index, String label) {
    edge(indent, from, toState, link, index, label, toState);
  }

  private void edge(String indent, String from, String toState, Marking.Link link, int index, String label,
      String markedState) {
    out.append(indent).append(from).append(" -->");
    if (label != null) {
      out.append("|\"").append(label(label)).append("\"|");
    }
    out.append(' ').append(id(toState)).append('\n');
    mark(markedState, link, index);
  }

  private void dotted(String indent, String from, String toState, String label, Marking.Link link, int index,
      String markedState) {
    out.append(indent).append(from).append(" -. \"").append(label(label)).append("\" .-> ").append(id(toState))
        .append('\n');
    mark(markedState, link, index);
  }

  private void mark(String state, Marking.Link link, int index) {
    int number = links++;
    if (marking != null) {
      (marking.taken(state, link, index) ? takenLinks : missedLinks).add(number);
    }
  }

  private String shape(String name, AslState state) {
    String text = label(name);
    switch (state.type()) {
      case "Choice":
        return "{\"" + text + "\"}";
      case "Wait":
        return "[/\"" + text + "\"/]";
      case "Succeed":
        return "([\"" + text + "\"])";
      case "Fail":
        return "[[\"" + text + " (Fail)\"]]";
      default:
        return "[\"" + text + "\"]";
    }
  }

  private static String describe(Condition condition) {
    if (condition instanceof Condition.Comparison c) {
      return c.variable().expression() + " " + c.operator().written() + " " + text(c.operand());
    }
    if (condition instanceof Condition.And and) {
      return joined(and.conditions(), " and ");
    }
    if (condition instanceof Condition.Or or) {
      return joined(or.conditions(), " or ");
    }
    if (condition instanceof Condition.Not not) {
      return "not " + describe(not.condition());
    }
    return text(((Condition.JsonataCondition) condition).condition());
  }

  private static String joined(java.util.List<Condition> conditions, String separator) {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < conditions.size(); i++) {
      text.append(i == 0 ? "" : separator).append(describe(conditions.get(i)));
    }
    return text.append(')').toString();
  }

  private static String text(Value value) {
    if (value instanceof io.statecraft.dsl.StringValue s) {
      return "'" + s.value() + "'";
    }
    if (value instanceof io.statecraft.dsl.NumberValue n) {
      return n.value().toPlainString();
    }
    if (value instanceof io.statecraft.dsl.BooleanValue b) {
      return String.valueOf(b.value());
    }
    if (value instanceof io.statecraft.dsl.Jsonata j) {
      return j.text();
    }
    return value.toString();
  }

  private String id(String stateName) {
    String id = ids.get(stateName);
    if (id == null) {
      id = "n" + ids.size();
      ids.put(stateName, id);
    }
    return id;
  }

  // Mermaid labels are quoted; quotes and a few markup characters become entities.
  private static String label(String text) {
    return oneLine(text.replace("&", "#amp;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;"));
  }

  // Mermaid ends a comment or a statement at any line break, so a CR, NEL, U+2028 or U+2029 left in
  // a comment would start a statement of the text's choosing (a node, a link): every line break
  // (\R) and every other control character becomes a space.
  private static String oneLine(String text) {
    return LINE_BREAK_OR_CONTROL.matcher(text).replaceAll(" ");
  }
}
