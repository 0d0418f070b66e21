package io.statecraft.asl.flow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JSONata expression reads, found by scanning its tokens (string literals, comments and
 * back-quoted names skipped): the workflow variables ({@code $name}) and the plain field chains
 * after {@code $states.input} and {@code $states.result}. Names the expression binds itself
 * ({@code $x := ...}, {@code function($a)}, {@code #$i}, {@code @$v}) and function calls
 * ({@code $count(...)}) are not variables of the workflow.
 */
final class JsonataText {

  private final String text;
  private final List<Token> tokens = new ArrayList<>();

  /** A {@code $name} token, where it starts and ends. */
  private record Token(String name, int start, int end) {}

  private JsonataText(String text) {
    this.text = text;
    scan();
  }

  /** The expression inside {@code {% %}}, or null when {@code value} is not one. */
  static JsonataText ofTemplate(String value) {
    String trimmed = value.strip();
    if (trimmed.length() < 4 || !trimmed.startsWith("{%") || !trimmed.endsWith("%}")) {
      return null;
    }
    return new JsonataText(trimmed.substring(2, trimmed.length() - 2));
  }

  /**
   * The workflow variables read, in order of first appearance.
   *
   * @param guarded whether to list the names read only as the argument of {@code $exists(...)}
   *     (a read that tests whether the variable is there, which works where it is not), or the others
   */
  Set<String> variables(boolean guarded) {
    Set<String> bound = new LinkedHashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      char before = previousNonSpace(token.start);
      if (before == '#' || before == '@' || nextStartsWith(token.end, ":=") || isParameter(token)) {
        bound.add(token.name);
      }
    }
    Set<String> read = new LinkedHashSet<>();
    for (Token token : tokens) {
      if (!token.name.isEmpty() && !token.name.equals("states") && !bound.contains(token.name)
          && !nextStartsWith(token.end, "(") && !nextStartsWith(token.end, ":=")
          && isExistsArgument(token) == guarded) {
        read.add(token.name);
      }
    }
    return read;
  }

  /**
   * A field chain read after {@code $states.<root>}.
   *
   * @param names the fields, in order; empty for the whole value
   * @param function the JSONata function the chain is the whole first argument of
   *     ({@code uppercase} in {@code $uppercase($states.input.name)}), or null
   */
  record Chain(List<String> names, String function) {}

  private static final Pattern CALL_OPENING = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)\\s*\\($");

  /**
   * The field chains read after {@code $states.<root>} ({@code input} or {@code result}), each
   * stopping where the chain stops being plain names: {@code $states.input.order.items[0]} gives
   * {@code [order, items]}.
   */
  List<Chain> chains(String root) {
    List<Chain> chains = new ArrayList<>();
    for (Token token : tokens) {
      if (!token.name.equals("states")) {
        continue;
      }
      int at = skipSpace(token.end);
      List<String> names = new ArrayList<>();
      at = name(at, names);
      if (names.size() != 1 || !names.get(0).equals(root)) {
        continue;
      }
      names.clear();
      int before;
      do {
        before = at;
        at = name(at, names);
      } while (at != before);
      String function = null;
      if (nextStartsWith(at, ")") || nextStartsWith(at, ",")) {
        Matcher call = CALL_OPENING.matcher(text.substring(0, token.start).stripTrailing());
        function = call.find() ? call.group(1) : null;
      }
      // A name right before a call or an operator that makes it something else is not read as a field.
      if (!names.isEmpty() && (nextStartsWith(at, "(") || nextStartsWith(at, "{"))) {
        names.remove(names.size() - 1);
      }
      chains.add(new Chain(List.copyOf(names), function));
    }
    return chains;
  }

  // Reads ". name" (or ". `name`") at `at`; returns where it ends, or `at` when there is none.
  private int name(int at, List<String> names) {
    int dot = skipSpace(at);
    if (dot >= text.length() || text.charAt(dot) != '.') {
      return at;
    }
    int start = skipSpace(dot + 1);
    if (start < text.length() && text.charAt(start) == '`') {
      int close = text.indexOf('`', start + 1);
      if (close < 0) {
        return at;
      }
      names.add(text.substring(start + 1, close));
      return close + 1;
    }
    int end = start;
    while (end < text.length() && isNameChar(text.charAt(end))) {
      end++;
    }
    if (end == start || Character.isDigit(text.charAt(start))) {
      return at;
    }
    names.add(text.substring(start, end));
    return end;
  }

  private void scan() {
    int at = 0;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '"' || c == '\'') {
        at = skipString(at, c);
      } else if (c == '`') {
        int close = text.indexOf('`', at + 1);
        at = close < 0 ? text.length() : close + 1;
      } else if (c == '/' && at + 1 < text.length() && text.charAt(at + 1) == '*') {
        int close = text.indexOf("*/", at + 2);
        at = close < 0 ? text.length() : close + 2;
      } else if (c == '$') {
        int end = at + 1;
        if (end < text.length() && text.charAt(end) == '$') {
          at = end + 1; // $$: the input root
          continue;
        }
        while (end < text.length() && isNameChar(text.charAt(end))) {
          end++;
        }
        tokens.add(new Token(text.substring(at + 1, end), at, end));
        at = end;
      } else {
        at++;
      }
    }
  }

  private int skipString(int at, char quote) {
    int i = at + 1;
    while (i < text.length() && text.charAt(i) != quote) {
      i += text.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }

  // Whether the token is the whole argument of $exists: `$exists($name)`.
  private boolean isExistsArgument(Token token) {
    return text.substring(0, token.start).stripTrailing().endsWith("$exists(") && nextStartsWith(token.end, ")");
  }

  // Whether the token is in the parameter list of `function(...)` (or its short form `λ(...)`).
  private boolean isParameter(Token token) {
    int open = text.lastIndexOf('(', token.start);
    if (open < 0 || text.indexOf(')', open) < token.start) {
      return false;
    }
    String before = text.substring(0, open).stripTrailing();
    return before.endsWith("function") || before.endsWith("λ");
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private char previousNonSpace(int at) {
    int i = at - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    return i < 0 ? ' ' : text.charAt(i);
  }

  private int skipSpace(int at) {
    int i = at;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private boolean nextStartsWith(int at, String expected) {
    return text.startsWith(expected, skipSpace(at));
  }
}
