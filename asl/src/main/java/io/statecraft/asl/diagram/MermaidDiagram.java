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
import java.util.stream.Collectors;

/**
 * Draws a definition as a Mermaid flowchart ({@code diagram.mmd}), which GitHub, GitLab and most
 * documentation tools render: one node per state (its shape tells its type), one edge per
 * transition (Choice rules labelled with their test, catchers with their errors), and Parallel
 * branches and Map item processors as nested boxes. The same definition gives the same text.
 */
public final class MermaidDiagram {

  private static final Pattern LINE_BREAK_OR_CONTROL = Pattern.compile("\\R|\\p{Cc}|\\p{Zl}|\\p{Zp}");

  private final StringBuilder out = new StringBuilder();
  private final Map<String, String> ids = new HashMap<>();
  private int counter;

  private MermaidDiagram() {}

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
    MermaidDiagram diagram = new MermaidDiagram();
    diagram.out.append("flowchart TD\n");
    if (definition.comment() != null) {
      diagram.out.append("  %% ").append(oneLine(definition.comment())).append('\n');
    }
    diagram.out.append("  start((\"start\"))\n");
    diagram.scope(definition.states(), "  ");
    diagram.out.append("  start --> ").append(diagram.id(definition.startAt())).append('\n');
    diagram.edges(definition.states(), "  ");
    return diagram.out.toString();
  }

  private void scope(Map<String, AslState> states, String indent) {
    states.forEach((name, state) -> {
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
    });
  }

  private void nested(AslBranch branch, String title, String indent) {
    String start = "s" + (++counter);
    out.append(indent).append("subgraph ").append(start).append("_scope[\"").append(label(title)).append("\"]\n");
    out.append(indent).append("  ").append(start).append("((\" \"))\n");
    scope(branch.states(), indent + "  ");
    out.append(indent).append("  ").append(start).append(" --> ").append(id(branch.startAt())).append('\n');
    edges(branch.states(), indent + "  ");
    out.append(indent).append("end\n");
  }

  private void edges(Map<String, AslState> states, String indent) {
    states.forEach((name, state) -> {
      String from = id(name);
      if (state instanceof AslChoice choice) {
        for (AslChoiceRule rule : choice.choices()) {
          edge(indent, from, id(rule.next()), describe(rule.condition()));
        }
        if (choice.defaultState() != null) {
          edge(indent, from, id(choice.defaultState()), "otherwise");
        }
      }
      String next = state.next();
      if (next != null) {
        edge(indent, from, id(next), null);
      }
      for (AslCatcher catcher : state.catchers()) {
        out.append(indent).append(from).append(" -. \"").append(label("catch " + String.join(", ", catcher.errorEquals())))
            .append("\" .-> ").append(id(catcher.next())).append('\n');
      }
    });
  }

  private void edge(String indent, String from, String to, String label) {
    out.append(indent).append(from).append(" -->");
    if (label != null) {
      out.append("|\"").append(label(label)).append("\"|");
    }
    out.append(' ').append(to).append('\n');
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
      return and.conditions().stream().map(MermaidDiagram::describe).collect(Collectors.joining(" and ", "(", ")"));
    }
    if (condition instanceof Condition.Or or) {
      return or.conditions().stream().map(MermaidDiagram::describe).collect(Collectors.joining(" or ", "(", ")"));
    }
    if (condition instanceof Condition.Not not) {
      return "not " + describe(not.condition());
    }
    return text(((Condition.JsonataCondition) condition).condition());
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
    return ids.computeIfAbsent(stateName, name -> "n" + ids.size());
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
