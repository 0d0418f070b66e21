package io.statecraft.dsl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A call of an intrinsic function, such as {@code States.Format('Hi {}', $.name)}. Build calls
 * with the typed helpers of {@link States}; they nest, and a payload field holding one gets the
 * {@code .$} suffix by itself.
 *
 * @param function the function name as written, {@code States.Format}
 * @param arguments literal strings, numbers, booleans and null, {@link Path}s, or nested calls
 */
public record Intrinsic(String function, List<Value> arguments) implements Value {

  private static final java.util.regex.Pattern PLACEHOLDER =
      java.util.regex.Pattern.compile("\\$\\{[A-Za-z0-9_]+\\}");

  /**
   * Checks the arguments (only literals, paths and nested calls are allowed in an intrinsic call)
   * and writes a {@code States.Format} template in its canonical form, with {@code ${Name}}
   * placeholders kept.
   */
  public Intrinsic {
    Objects.requireNonNull(function, "function == null");
    arguments = List.copyOf(arguments);
    if (function.equals(IntrinsicFunction.FORMAT.functionName()) && !arguments.isEmpty()
        && arguments.get(0) instanceof StringValue template) {
      List<Value> canonical = new ArrayList<>(arguments);
      canonical.set(0, new StringValue(canonicalTemplate(template.value())));
      arguments = List.copyOf(canonical);
    }
    for (Value argument : arguments) {
      if (!(argument instanceof StringValue || argument instanceof NumberValue
          || argument instanceof BooleanValue || argument instanceof NullValue
          || argument instanceof Path || argument instanceof Intrinsic)) {
        throw new IllegalArgumentException(
            function + " takes literals, paths and intrinsic calls as arguments, not " + argument);
      }
    }
  }

  /** The function, when it is one the language defines. */
  public java.util.Optional<IntrinsicFunction> knownFunction() {
    return IntrinsicFunction.named(function);
  }

  /** The definition text of this call. */
  public String render() {
    StringBuilder text = new StringBuilder(function).append('(');
    for (int i = 0; i < arguments.size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      boolean formatTemplate = i == 0 && function.equals(IntrinsicFunction.FORMAT.functionName());
      renderArgument(arguments.get(i), formatTemplate, text);
    }
    return text.append(')').toString();
  }

  private static void renderArgument(Value argument, boolean formatTemplate, StringBuilder text) {
    if (argument instanceof StringValue s) {
      text.append('\'').append(escape(s.value(), formatTemplate)).append('\'');
    } else if (argument instanceof NumberValue n) {
      text.append(n.value().toPlainString());
    } else if (argument instanceof BooleanValue b) {
      text.append(b.value());
    } else if (argument instanceof NullValue) {
      text.append("null");
    } else if (argument instanceof Path p) {
      text.append(p.expression());
    } else if (argument instanceof Intrinsic call) {
      text.append(call.render());
    } else {
      throw new IllegalStateException("not an intrinsic argument: " + argument);
    }
  }

  // The service reserves ' { } and \ inside intrinsic string literals
  // (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#amazon-states-language-intrinsic-functions-escapes),
  // so they are escaped, except in a CloudFormation placeholder ${Name}, which is replaced before
  // the service reads the text. A Format template is kept in its escaped form (see
  // canonicalTemplate), so only its quotes are escaped here.
  private static String escape(String value, boolean formatTemplate) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      java.util.regex.Matcher placeholder = PLACEHOLDER.matcher(value).region(i, value.length());
      if (c == '$' && placeholder.lookingAt()) {
        out.append(placeholder.group());
        i = placeholder.end() - 1;
      } else if (c == '\'' || (!formatTemplate && (c == '{' || c == '}' || c == '\\'))) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A {@code States.Format} template in the form the model keeps it: {@code {}} is an argument
   * slot, and <code>\&#123;</code>, <code>\&#125;</code> and <code>\\</code> stand for a literal
   * brace and backslash, as in the definition text. So a literal brace pair
   * (<code>\&#123;\&#125;</code>) stays apart from a slot. Any other brace or backslash is literal
   * and gets its escape here, so that {@code "{id}"} and {@code "C:\\{}"} mean what they say.
   */
  private static String canonicalTemplate(String template) {
    StringBuilder out = new StringBuilder(template.length() + 8);
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      char next = i + 1 < template.length() ? template.charAt(i + 1) : 0;
      java.util.regex.Matcher placeholder = PLACEHOLDER.matcher(template).region(i, template.length());
      if (c == '$' && placeholder.lookingAt()) {
        out.append(placeholder.group());
        i = placeholder.end() - 1;
      } else if (c == '\\' && (next == '{' || next == '}' || next == '\\')) {
        out.append(c).append(next);
        i++;
      } else if (c == '{' && next == '}') {
        out.append("{}");
        i++;
      } else if (c == '{' || c == '}' || c == '\\') {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The literal texts around the argument slots of a {@code States.Format} template as the model
   * keeps it (escapes resolved): one more than there are slots, so {@code "a {} b"} gives
   * {@code ["a ", " b"]} and <code>"\&#123;\&#125;"</code> gives {@code ["{}"]}.
   */
  public static List<String> formatTemplateTexts(String template) {
    String canonical = canonicalTemplate(template);
    List<String> texts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < canonical.length(); i++) {
      char c = canonical.charAt(i);
      if (c == '\\' && i + 1 < canonical.length()) {
        text.append(canonical.charAt(++i));
      } else if (c == '{' && i + 1 < canonical.length() && canonical.charAt(i + 1) == '}') {
        texts.add(text.toString());
        text.setLength(0);
        i++;
      } else {
        text.append(c);
      }
    }
    texts.add(text.toString());
    return texts;
  }

  /**
   * Reads an intrinsic call as written in a definition.
   *
   * @throws IllegalArgumentException with the position and what was expected, when the text is
   *     not a well-formed call (the function name and arity are not checked here)
   */
  public static Intrinsic parse(String text) {
    Parser parser = new Parser(text);
    Intrinsic call = parser.call();
    parser.skipSpace();
    if (!parser.atEnd()) {
      throw parser.error("unexpected text after the closing parenthesis");
    }
    return call;
  }

  /** Whether {@code text} looks like an intrinsic call rather than a path. */
  public static boolean looksLikeCall(String text) {
    return text.strip().startsWith("States.");
  }

  @Override
  public String toString() {
    return render();
  }

  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    Intrinsic call() {
      skipSpace();
      int start = pos;
      while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '.' || peek() == '_')) {
        pos++;
      }
      String name = text.substring(start, pos);
      if (name.isEmpty()) {
        throw error("expected a function name such as States.Format");
      }
      skipSpace();
      expect('(');
      List<Value> arguments = new ArrayList<>();
      skipSpace();
      if (!atEnd() && peek() == ')') {
        pos++;
        return new Intrinsic(name, arguments);
      }
      while (true) {
        boolean formatTemplate = arguments.isEmpty() && name.equals(IntrinsicFunction.FORMAT.functionName());
        arguments.add(argument(formatTemplate));
        skipSpace();
        if (atEnd()) {
          throw error("missing ) to close " + name);
        }
        char c = text.charAt(pos++);
        if (c == ')') {
          return new Intrinsic(name, arguments);
        }
        if (c != ',') {
          pos--;
          throw error("expected , or ) in the arguments of " + name);
        }
      }
    }

    private Value argument(boolean formatTemplate) {
      skipSpace();
      if (atEnd()) {
        throw error("expected an argument");
      }
      char c = peek();
      if (c == '\'') {
        return new StringValue(string(formatTemplate));
      }
      if (c == '$') {
        return new Path(path());
      }
      if (c == '-' || Character.isDigit(c)) {
        return number();
      }
      if (text.startsWith("true", pos) && !identifierContinues(pos + 4)) {
        pos += 4;
        return BooleanValue.TRUE;
      }
      if (text.startsWith("false", pos) && !identifierContinues(pos + 5)) {
        pos += 5;
        return BooleanValue.FALSE;
      }
      if (text.startsWith("null", pos) && !identifierContinues(pos + 4)) {
        pos += 4;
        return NullValue.INSTANCE;
      }
      if (Character.isLetter(c)) {
        return call();
      }
      throw error("expected a string, number, boolean, null, path or function call");
    }

    private boolean identifierContinues(int at) {
      return at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '.');
    }

    // A Format template keeps its brace and backslash escapes, so that an escaped {} pair stays
    // literal text rather than an argument slot (see canonicalTemplate).
    private String string(boolean formatTemplate) {
      expect('\'');
      StringBuilder value = new StringBuilder();
      while (true) {
        if (atEnd()) {
          throw error("string literal is not closed with '");
        }
        char c = text.charAt(pos++);
        if (c == '\\') {
          if (atEnd()) {
            throw error("a \\ must be followed by the character it escapes");
          }
          char escaped = text.charAt(pos++);
          if (formatTemplate && (escaped == '{' || escaped == '}' || escaped == '\\')) {
            value.append('\\');
          }
          value.append(escaped);
        } else if (c == '\'') {
          return value.toString();
        } else {
          value.append(c);
        }
      }
    }

    // A path ends at the first , or ) outside brackets and quotes: $.a['x,y'][0]
    private String path() {
      int start = pos;
      int depth = 0;
      boolean quoted = false;
      while (!atEnd()) {
        char c = peek();
        if (quoted) {
          if (c == '\\') {
            pos++;
          } else if (c == '\'') {
            quoted = false;
          }
        } else if (c == '\'') {
          quoted = true;
        } else if (c == '[' || c == '(') {
          depth++;
        } else if (c == ']' || (c == ')' && depth > 0)) {
          depth--;
        } else if (depth == 0 && (c == ',' || c == ')' || Character.isWhitespace(c))) {
          break;
        }
        pos++;
      }
      return text.substring(start, pos);
    }

    private Value number() {
      int start = pos;
      if (peek() == '-') {
        pos++;
      }
      while (!atEnd() && (Character.isDigit(peek()) || peek() == '.' || peek() == 'e'
          || peek() == 'E' || peek() == '+' || (peek() == '-' && pos > start))) {
        pos++;
      }
      try {
        return new NumberValue(new BigDecimal(text.substring(start, pos)));
      } catch (NumberFormatException e) {
        pos = start;
        throw error("not a number");
      }
    }

    void skipSpace() {
      while (!atEnd() && Character.isWhitespace(peek())) {
        pos++;
      }
    }

    boolean atEnd() {
      return pos >= text.length();
    }

    private char peek() {
      return text.charAt(pos);
    }

    private void expect(char c) {
      if (atEnd() || peek() != c) {
        throw error("expected " + c);
      }
      pos++;
    }

    IllegalArgumentException error(String what) {
      String where = atEnd() ? " at the end of: " : " at character " + (pos + 1) + " of: ";
      return new IllegalArgumentException(what + where + text);
    }
  }
}
