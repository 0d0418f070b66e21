package io.statecraft.asl.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.Problem;
import io.statecraft.asl.ProblemCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one depth bound of everything Statecraft reads from a definition: the JSON or YAML document
 * itself, and every JSONPath, intrinsic call and JSONata expression in it. Jayway JsonPath, the
 * JSONata parser and evaluator, and the intrinsic parser all recurse once per level, so past a
 * few thousand levels they overflow the stack, and near that the outcome depends on how much stack
 * is left. Checked before any of them runs, by {@code lint}, {@code import}, {@code render} and
 * {@code run} alike ({@code AslValidator} calls it first), the bound is a typed problem ({@link
 * ProblemCode#TOO_DEEP}) and the same everywhere. The limits are far above what a hand-written
 * definition needs; docs/validation-rules.md states them.
 */
public final class Nesting {

  /** The deepest a document may nest objects and arrays. */
  public static final int MAX_DEPTH = 500;
  /** The deepest an expression may nest parentheses, brackets and braces (intrinsic calls included). */
  public static final int MAX_EXPRESSION_NESTING = 100;
  /** The most steps (dots and operators) one expression may chain. */
  public static final int MAX_EXPRESSION_STEPS = 500;

  private Nesting() {}

  /** A problem for every expression of {@code tree} nested too deeply, and for the tree itself. */
  public static List<Problem> check(JsonNode tree) {
    List<Problem> problems = new ArrayList<>();
    // Iterative, so that the check itself cannot overflow whatever the depth of a tree built in Java.
    record Entry(JsonNode node, String pointer, int depth) {}
    Deque<Entry> pending = new ArrayDeque<>();
    pending.push(new Entry(tree, JsonPointers.ROOT, 0));
    boolean treeReported = false;
    while (!pending.isEmpty()) {
      Entry entry = pending.pop();
      JsonNode node = entry.node();
      if (node.isContainerNode() && entry.depth() >= MAX_DEPTH) {
        if (!treeReported) {
          problems.add(Problem.error(ProblemCode.TOO_DEEP, entry.pointer(), "objects and arrays nest more than "
              + MAX_DEPTH + " levels deep here; Statecraft reads no deeper, so flatten the value"));
          treeReported = true;
        }
        continue;
      }
      if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
          Map.Entry<String, JsonNode> field = fields.next();
          pending.push(new Entry(field.getValue(), JsonPointers.child(entry.pointer(), field.getKey()), entry.depth() + 1));
        }
      } else if (node.isArray()) {
        for (int i = node.size() - 1; i >= 0; i--) {
          pending.push(new Entry(node.get(i), JsonPointers.child(entry.pointer(), i), entry.depth() + 1));
        }
      } else if (node.isTextual()) {
        checkExpression(node.textValue(), entry.pointer(), problems);
      }
    }
    return problems;
  }

  /** Whether {@code value} nests objects and arrays deeper than {@link #MAX_DEPTH}; iterative. */
  public static boolean isTooDeep(JsonNode value) {
    record Entry(JsonNode node, int depth) {}
    Deque<Entry> pending = new ArrayDeque<>();
    pending.push(new Entry(value, 0));
    while (!pending.isEmpty()) {
      Entry entry = pending.pop();
      if (!entry.node().isContainerNode()) {
        continue;
      }
      if (entry.depth() >= MAX_DEPTH) {
        return true;
      }
      for (Iterator<JsonNode> children = entry.node().elements(); children.hasNext(); ) {
        pending.push(new Entry(children.next(), entry.depth() + 1));
      }
    }
    return false;
  }

  /** Whether {@code text} may be evaluated: a path, an intrinsic call or a JSONata expression. */
  static boolean isExpression(String text) {
    String start = text.stripLeading();
    return start.startsWith("$") || start.startsWith("@") || start.startsWith("{%") || start.startsWith("States.");
  }

  private static void checkExpression(String value, String pointer, List<Problem> problems) {
    if (!isExpression(value)) {
      return;
    }
    String stripped = value.strip();
    // The {% %} delimiters of a JSONata expression are no nesting of its own.
    String text = stripped.startsWith("{%") && stripped.endsWith("%}") && stripped.length() >= 4
        ? stripped.substring(2, stripped.length() - 2)
        : stripped;
    int nesting = 0;
    int deepest = 0;
    int steps = 0;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      switch (c) {
        case '\'', '"', '`' -> quote = c;
        case '(', '[', '{' -> deepest = Math.max(deepest, ++nesting);
        case ')', ']', '}' -> nesting--;
        case '.', '+', '-', '*', '/', '&', '=', '<', '>', '%', '?', ':' -> steps++;
        default -> { }
      }
    }
    if (deepest > MAX_EXPRESSION_NESTING) {
      problems.add(Problem.error(ProblemCode.TOO_DEEP, pointer, "this expression nests parentheses, brackets or "
          + "calls " + deepest + " levels deep; Statecraft evaluates at most " + MAX_EXPRESSION_NESTING
          + ", so split it over several states or variables"));
    } else if (steps > MAX_EXPRESSION_STEPS) {
      problems.add(Problem.error(ProblemCode.TOO_DEEP, pointer, "this expression chains " + steps + " steps "
          + "(dots and operators); Statecraft evaluates at most " + MAX_EXPRESSION_STEPS
          + ", so split it over several states or variables"));
    }
  }
}
