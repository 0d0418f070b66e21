package io.statecraft.dsl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The structural checks the value factories ({@link Path#of}, {@link Jsonata#of}) make on the text
 * they are given, so that a mistake fails on the author's line with a message naming it, instead
 * of later with a parser's exception. The DSL has no dependencies, so this is not a parser: it
 * finds what every parser refuses (a bracket, parenthesis or quote never closed, a closing one
 * with nothing open, a step without a name) and leaves the rest to the build's validator.
 */
final class ValueText {

  private ValueText() {}

  /** What is wrong with JSONPath {@code text}, starting after its root ({@code $}, {@code $$}, {@code $name}). */
  static Optional<String> jsonPathProblem(String text) {
    if (text.startsWith("${")) {
      // A whole placeholder, or a path rooted in one: the template decides what it becomes.
      return Optional.empty();
    }
    int i = rootLength(text);
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        int dots = text.startsWith("..", i) ? 2 : 1;
        int name = i + dots;
        if (name >= text.length() || text.charAt(name) == '.' || (dots == 1 && text.charAt(name) == '[')) {
          return Optional.of("'" + text.substring(i, Math.min(name + 1, text.length())) + "' at position " + i
              + " is not followed by a field name");
        }
        i = name;
        if (text.charAt(i) == '[' && dots == 2) {
          continue;
        }
        int end = i;
        while (end < text.length() && ".[])".indexOf(text.charAt(end)) < 0) {
          if (text.charAt(end) == '(') {
            Optional<Integer> closed = closing(text, end);
            if (closed.isEmpty()) {
              return unclosed(text, end);
            }
            end = closed.get();
          }
          end++;
        }
        i = end;
      } else if (c == '[') {
        Optional<Integer> closed = closing(text, i);
        if (closed.isEmpty()) {
          return unclosed(text, i);
        }
        if (closed.get() == i + 1 || text.substring(i + 1, closed.get()).isBlank()) {
          return Optional.of("the brackets at position " + i + " are empty; write a field name in quotes, an index or *");
        }
        i = closed.get() + 1;
      } else if (c == ']' || c == ')') {
        return Optional.of("'" + c + "' at position " + i + " closes nothing");
      } else {
        return Optional.of("'" + c + "' at position " + i + " follows no '.' or '['; write .name or ['name']");
      }
    }
    return Optional.empty();
  }

  /** What is wrong with JSONATA expression {@code text}, written without its {@code {% %}}. */
  static Optional<String> jsonataProblem(String text) {
    String expression = text.strip();
    if (expression.isEmpty()) {
      return Optional.of("the expression is empty");
    }
    if (expression.startsWith("{%") && expression.endsWith("%}")) {
      return Optional.of("write the expression without its {% %}, which the definition adds");
    }
    Deque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        int end = endOfQuoted(expression, i);
        if (end < 0) {
          return Optional.of("the quote " + c + " at position " + i + " is never closed");
        }
        i = end;
      } else if (c == '/' && startsRegex(expression, i)) {
        int end = endOfQuoted(expression, i);
        if (end < 0) {
          return Optional.of("the regular expression / at position " + i + " is never closed");
        }
        i = end;
      } else if (c == '/' && expression.startsWith("/*", i)) {
        int end = expression.indexOf("*/", i + 2);
        if (end < 0) {
          return Optional.of("the comment /* at position " + i + " is never closed");
        }
        i = end + 1;
      } else if (c == '(' || c == '[' || c == '{') {
        open.push(i);
      } else if (c == ')' || c == ']' || c == '}') {
        if (open.isEmpty() || expression.charAt(open.peek()) != opening(c)) {
          return Optional.of("'" + c + "' at position " + i + " closes nothing"
              + (open.isEmpty() ? "" : "; the '" + expression.charAt(open.peek()) + "' at position " + open.peek()
                  + " is still open"));
        }
        open.pop();
      }
    }
    if (!open.isEmpty()) {
      int at = open.peek();
      return Optional.of("the '" + expression.charAt(at) + "' at position " + at + " is never closed");
    }
    return Optional.empty();
  }

  // A / starts a regular expression where a value is expected (first, or after an opening
  // bracket, a comma, a colon or ~>), and is a division or a comment elsewhere.
  private static boolean startsRegex(String text, int at) {
    if (text.startsWith("/*", at)) {
      return false;
    }
    String before = text.substring(0, at).stripTrailing();
    return before.isEmpty() || "([{,:".indexOf(before.charAt(before.length() - 1)) >= 0 || before.endsWith("~>");
  }

  // $$ (context object), $name (variable) or $ (input).
  private static int rootLength(String text) {
    if (text.startsWith("$$")) {
      return 2;
    }
    int i = 1;
    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
      i++;
    }
    return i;
  }

  // The index of what closes the bracket or parenthesis at `start`, skipping quoted text and
  // nested pairs; empty when it is never closed.
  private static Optional<Integer> closing(String text, int start) {
    Deque<Character> open = new ArrayDeque<>();
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        int end = endOfQuoted(text, i);
        if (end < 0) {
          return Optional.empty();
        }
        i = end;
      } else if (c == '[' || c == '(') {
        open.push(c);
      } else if (c == ']' || c == ')') {
        if (open.isEmpty() || open.peek() != opening(c)) {
          return Optional.empty();
        }
        open.pop();
        if (open.isEmpty()) {
          return Optional.of(i);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> unclosed(String text, int at) {
    int quote = unclosedQuote(text, at);
    if (quote >= 0) {
      return Optional.of("the quote " + text.charAt(quote) + " at position " + quote + " is never closed");
    }
    return Optional.of("the '" + text.charAt(at) + "' at position " + at + " is never closed");
  }

  // The first quote from `from` on that is never closed; -1 when every quote is.
  private static int unclosedQuote(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        int end = endOfQuoted(text, i);
        if (end < 0) {
          return i;
        }
        i = end;
      }
    }
    return -1;
  }

  // The index of the quote that closes the one at `start` (a backslash escapes); -1 when none does.
  private static int endOfQuoted(String text, int start) {
    char quote = text.charAt(start);
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return -1;
  }

  private static char opening(char closing) {
    return closing == ')' ? '(' : closing == ']' ? '[' : '{';
  }

  /** " (at com/acme/Flow.java:12)", the author's line that called the factory; empty when unknown. */
  static String authorLine() {
    SourceLocation location = new CapturedCall().location();
    return location == null ? "" : " (at " + location + ")";
  }
}
