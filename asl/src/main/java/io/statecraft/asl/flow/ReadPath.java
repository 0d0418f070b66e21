package io.statecraft.asl.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSONPath as the data flow reads it: what it starts from (the input, the context object or a
 * variable) and, when it is a plain chain of fields, indexes and {@code [*]}, its steps. Paths
 * with filters, slices, unions or deep scans have no steps: what they read is not followed, so
 * nothing is reported about them.
 *
 * @param root what the path starts from
 * @param variable the variable's name when the root is a variable, else null
 * @param steps the steps, or empty when the path is more than a plain chain
 */
record ReadPath(Root root, String variable, Optional<List<Step>> steps) {

  enum Root {
    INPUT,
    CONTEXT,
    VARIABLE
  }

  /** One step: a field by name, an index, or every item ({@code [*]}). */
  record Step(String field, int index, boolean all) {

    static Step field(String name) {
      return new Step(name, -1, false);
    }

    boolean isField() {
      return field != null;
    }
  }

  private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern DOT_FIELD = Pattern.compile("\\.([^.\\[\\]()*@?,:'\" ]+)");
  private static final Pattern BRACKET_FIELD = Pattern.compile("\\[\\s*(?:'([^']*)'|\"([^\"]*)\")\\s*]");
  private static final Pattern INDEX = Pattern.compile("\\[\\s*(\\d+)\\s*]");
  private static final Pattern ALL = Pattern.compile("\\[\\s*\\*\\s*]|\\.\\*");

  /** The path's reading, or empty when the text is not a path at all. */
  static Optional<ReadPath> parse(String text) {
    if (text == null || !text.startsWith("$")) {
      return Optional.empty();
    }
    if (text.startsWith("$$")) {
      return Optional.of(new ReadPath(Root.CONTEXT, null, Optional.empty()));
    }
    Matcher variable = VARIABLE.matcher(text);
    if (variable.lookingAt()) {
      return Optional.of(new ReadPath(Root.VARIABLE, variable.group(1), steps(text.substring(variable.end()))));
    }
    return Optional.of(new ReadPath(Root.INPUT, null, steps(text.substring(1))));
  }

  private static Optional<List<Step>> steps(String rest) {
    List<Step> steps = new ArrayList<>();
    int at = 0;
    while (at < rest.length()) {
      if (rest.startsWith("..", at)) {
        return Optional.empty();
      }
      Matcher all = ALL.matcher(rest).region(at, rest.length());
      Matcher dot = DOT_FIELD.matcher(rest).region(at, rest.length());
      Matcher bracket = BRACKET_FIELD.matcher(rest).region(at, rest.length());
      Matcher index = INDEX.matcher(rest).region(at, rest.length());
      if (all.lookingAt()) {
        steps.add(new Step(null, -1, true));
        at = all.end();
      } else if (dot.lookingAt()) {
        steps.add(Step.field(dot.group(1)));
        at = dot.end();
      } else if (bracket.lookingAt()) {
        steps.add(Step.field(bracket.group(1) != null ? bracket.group(1) : bracket.group(2)));
        at = bracket.end();
      } else if (index.lookingAt()) {
        steps.add(new Step(null, Integer.parseInt(index.group(1)), false));
        at = index.end();
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(List.copyOf(steps));
  }

  /** The path of the first {@code count} steps, for messages: {@code $.a.b}. */
  static String written(List<Step> steps, int count) {
    StringBuilder text = new StringBuilder("$");
    for (int i = 0; i < count; i++) {
      Step step = steps.get(i);
      if (step.isField()) {
        text.append('.').append(step.field());
      } else if (step.all()) {
        text.append("[*]");
      } else {
        text.append('[').append(step.index()).append(']');
      }
    }
    return text.toString();
  }
}
