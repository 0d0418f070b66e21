package io.statecraft.generator.validate;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.internal.Path;
import com.jayway.jsonpath.internal.path.PathCompiler;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks JSONPath expressions by compiling them with Jayway JsonPath, the library the service's
 * JSONPath dialect follows, rather than by matching patterns.
 *
 * <p>Jayway knows only the {@code $} root. ASL adds two more: {@code $$} (the context object) and
 * {@code $name} (a variable). Both are mapped onto {@code $} before compiling, so {@code
 * $$.Execution.Id} compiles as {@code $.Execution.Id}.
 */
final class JsonPathSyntax {

  private JsonPathSyntax() {}

  /** What a field requires of its path. */
  enum Kind {
    /** Any path, as in InputPath or a payload's {@code .$} value: may select many values. */
    PATH,
    /** A path that selects exactly one value: no wildcard, filter, slice, union or deep scan. */
    REFERENCE_PATH,
    /** A reference path into the state's input, which ResultPath writes: no context, no variable. */
    RESULT_PATH
  }

  /** What is wrong with a path. */
  record Failure(String code, String reason) {}

  private static final Pattern VARIABLE_ROOT = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)(.*)", Pattern.DOTALL);

  /**
   * Checks {@code expression} for a field; {@code what} names the field in the message ("InputPath").
   *
   * @return what is wrong, or empty when the path is fine
   */
  static Optional<Failure> check(String expression, Kind kind, String what) {
    if (Placeholders.isWhole(expression)) {
      return Optional.empty();
    }
    String text = Placeholders.neutralize(expression);
    String rest;
    int rootLength = 1;
    if (text.startsWith("$$")) {
      rootLength = 2;
      if (kind == Kind.RESULT_PATH) {
        return fail(ValidationCodes.INVALID_REFERENCE_PATH, what + " '" + expression
            + "' writes into the context object, which is read-only; write into the state's input with $...");
      }
      rest = text.substring(2);
    } else if (text.startsWith("$")) {
      Matcher variable = VARIABLE_ROOT.matcher(text);
      if (variable.matches()) {
        if (kind == Kind.RESULT_PATH) {
          return fail(ValidationCodes.INVALID_REFERENCE_PATH, what + " '" + expression
              + "' names a variable; ResultPath writes into the state's input, so start it with $. and set "
              + "variables with Assign");
        }
        rest = variable.group(2);
        rootLength = 1 + variable.group(1).length();
      } else {
        rest = text.substring(1);
      }
    } else {
      return fail(ValidationCodes.INVALID_JSONPATH, what + " '" + expression
          + "' is not a JSONPath: a path starts with $ (input), $$ (context object) or $name (variable)");
    }
    Path compiled;
    try {
      compiled = PathCompiler.compile("$" + rest);
    } catch (InvalidPathException | StringIndexOutOfBoundsException e) {
      String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return fail(ValidationCodes.INVALID_JSONPATH, what + " '" + expression + "' is not a valid JSONPath: "
          + shiftPositions(detail.replaceAll("\\s+", " ").strip(), rootLength - 1));
    }
    if (kind != Kind.PATH && (!compiled.isDefinite() || compiled.isFunctionPath())) {
      return fail(ValidationCodes.INVALID_REFERENCE_PATH, what + " '" + expression
          + "' may select several values; it must be a reference path to one value, without [*], "
          + "filters [?()], slices [a:b], unions [a,b], deep scan .. or functions");
    }
    return Optional.empty();
  }

  private static final Pattern POSITION = Pattern.compile("(position:? )(\\d+)");

  // Jayway counts positions in the path it compiled, whose root is one character; the author
  // wrote $$ or $name, so positions after the root move by the difference.
  private static String shiftPositions(String message, int shift) {
    if (shift == 0) {
      return message;
    }
    return POSITION.matcher(message).replaceAll(match ->
        match.group(1) + (Integer.parseInt(match.group(2)) + shift));
  }

  private static Optional<Failure> fail(String code, String reason) {
    return Optional.of(new Failure(code, reason));
  }

  private static final Pattern VARIABLE_PATH = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*([.\\[].*)?", Pattern.DOTALL);

  /**
   * Whether a string would be read as a path or intrinsic call if its key ended in {@code .$}: the
   * test behind the NO_DOLLAR warning. A lone placeholder ({@code ${Arn}}) is not.
   */
  static boolean looksDynamic(String value) {
    if (Placeholders.isWhole(value)) {
      return false;
    }
    String text = Placeholders.neutralize(value);
    return text.equals("$") || text.startsWith("$.") || text.startsWith("$[") || text.startsWith("$$")
        || VARIABLE_PATH.matcher(text).matches() || looksLikeCall(text);
  }

  /** Whether a string reads as an intrinsic call, {@code States.Name(...)}. */
  static boolean looksLikeCall(String value) {
    String text = value.strip();
    return text.startsWith("States.") && text.contains("(") && text.endsWith(")");
  }
}
