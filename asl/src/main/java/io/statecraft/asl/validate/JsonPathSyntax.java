package io.statecraft.asl.validate;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.internal.Path;
import com.jayway.jsonpath.internal.path.PathCompiler;
import io.statecraft.asl.Problem;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import io.statecraft.asl.Severity;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
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

  /**
   * What is wrong with a path or call: a code, and the message once the caller says how the field
   * is named. The name is asked for only when there is a problem, because building it for every
   * value of every definition costs more than the checks themselves.
   */
  record Failure(ProblemCode code, UnaryOperator<String> reasonFor, Severity severity) {

    Failure(ProblemCode code, UnaryOperator<String> reasonFor) {
      this(code, reasonFor, Severity.ERROR);
    }

    /** The message, with {@code what} naming the field ("InputPath", "'ids.$' value"). */
    String reason(String what) {
      return reasonFor.apply(what);
    }

    /** This failure found inside something larger, which {@code where} names given the field. */
    Failure within(UnaryOperator<String> where) {
      return new Failure(code, new Within(reasonFor, where), severity);
    }

    /** Reports this failure at {@code pointer}, {@code what} naming the field. */
    void reportTo(Problems problems, String pointer, String what) {
      problems.add(new Problem(severity, code, pointer, reason(what), null));
    }
  }

  // Reasons as small classes, not lambdas: each lambda is a class spun at run time in every cold
  // generate (issue 19, bench/RESULTS.md).

  /**
   * The text {@code before + what + after}: a reason ({@code what} followed by why it is wrong) or
   * the name of a failure found within something larger ({@code "argument 2 of States.Format in "}
   * followed by {@code what}).
   */
  static final class Around implements UnaryOperator<String> {
    private final String before;
    private final String after;

    private Around(String before, String after) {
      this.before = before;
      this.after = after;
    }

    /** The reason {@code what + suffix}. */
    static Around suffix(String suffix) {
      return new Around("", suffix);
    }

    /** The name {@code prefix + what}. */
    static Around prefix(String prefix) {
      return new Around(prefix, "");
    }

    @Override
    public String apply(String what) {
      return before + what + after;
    }
  }

  private static final class Within implements UnaryOperator<String> {
    private final UnaryOperator<String> reasonFor;
    private final UnaryOperator<String> where;

    Within(UnaryOperator<String> reasonFor, UnaryOperator<String> where) {
      this.reasonFor = reasonFor;
      this.where = where;
    }

    @Override
    public String apply(String what) {
      return reasonFor.apply(where.apply(what));
    }
  }

  private static final Map<Kind, Verdicts<Optional<Failure>>> VERDICTS = new EnumMap<>(Map.of(
      Kind.PATH, new Verdicts<>(), Kind.REFERENCE_PATH, new Verdicts<>(), Kind.RESULT_PATH, new Verdicts<>()));

  private static final Pattern VARIABLE_ROOT = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)(.*)", Pattern.DOTALL);

  /**
   * Checks {@code expression} for a field of the given kind.
   *
   * @return what is wrong, or empty when the path is fine
   */
  static Optional<Failure> check(String expression, Kind kind) {
    Verdicts<Optional<Failure>> verdicts = VERDICTS.get(kind);
    Optional<Failure> verdict = verdicts.known(expression);
    if (verdict == null) {
      verdict = verdictOf(expression, kind);
      verdicts.remember(expression, verdict);
    }
    return verdict;
  }

  private static Optional<Failure> verdictOf(String expression, Kind kind) {
    if (Placeholders.isWhole(expression)) {
      return Optional.empty();
    }
    String text = Placeholders.neutralize(expression);
    String rest;
    int rootLength = 1;
    if (text.startsWith("$$")) {
      rootLength = 2;
      if (kind == Kind.RESULT_PATH) {
        return fail(ProblemCode.INVALID_REFERENCE_PATH, Around.suffix(" '" + expression
            + "' writes into the context object, which is read-only; write into the state's input with $..."));
      }
      rest = text.substring(2);
    } else if (text.startsWith("$")) {
      Matcher variable = startsWithVariable(text) ? VARIABLE_ROOT.matcher(text) : null;
      if (variable != null && variable.matches()) {
        if (kind == Kind.RESULT_PATH) {
          return fail(ProblemCode.INVALID_REFERENCE_PATH, Around.suffix(" '" + expression
              + "' names a variable; ResultPath writes into the state's input, so start it with $. and set "
              + "variables with Assign"));
        }
        rest = variable.group(2);
        rootLength = 1 + variable.group(1).length();
      } else {
        rest = text.substring(1);
      }
    } else {
      return fail(ProblemCode.INVALID_JSONPATH, Around.suffix(" '" + expression
          + "' is not a JSONPath: a path starts with $ (input), $$ (context object) or $name (variable)"));
    }
    Path compiled;
    try {
      compiled = PathCompiler.compile(rootLength == 1 ? text : "$" + rest);
    } catch (InvalidPathException | StringIndexOutOfBoundsException e) {
      Optional<Failure> unquoted = unquotedWords(expression, kind);
      if (unquoted.isPresent()) {
        return unquoted;
      }
      String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      String shifted = shiftPositions(detail.replaceAll("\\s+", " ").strip(), rootLength - 1);
      return fail(ProblemCode.INVALID_JSONPATH, Around.suffix(" '" + expression + "' is not a valid JSONPath: "
          + shifted));
    }
    if (kind != Kind.PATH && (!compiled.isDefinite() || compiled.isFunctionPath())) {
      return fail(ProblemCode.INVALID_REFERENCE_PATH, Around.suffix(" '" + expression
          + "' may select several values; it must be a reference path to one value, without [*], "
          + "filters [?()], slices [a:b], unions [a,b], deep scan .. or functions"));
    }
    return Optional.empty();
  }

  // A comparison in a filter whose right side is a bare word: "@.status==active".
  private static final Pattern UNQUOTED_WORD = Pattern.compile(
      "(==|!=|<=|>=|<|>)(\\s*)(?!(?:true|false|null)\\b)([A-Za-z_][A-Za-z0-9_-]*)(?=\\s*(?:\\)|&&|\\|\\|))");

  /**
   * A filter that compares with an unquoted word ({@code $[?(@.status==active)]}): Jayway rejects
   * it, but the service accepts it and compares with the word as a string, as AWS's samples and
   * users rely on (https://github.com/nibble-4bits/aws-local-stepfunctions/issues/79). A warning
   * when the path compiles with the words quoted.
   */
  private static Optional<Failure> unquotedWords(String expression, Kind kind) {
    if (!expression.contains("[?")) {
      return Optional.empty();
    }
    Matcher word = UNQUOTED_WORD.matcher(expression);
    if (!word.find()) {
      return Optional.empty();
    }
    String first = word.group(3);
    String quoted = word.replaceAll("$1$2'$3'");
    Optional<Failure> asQuoted = check(quoted, kind);
    if (asQuoted.isPresent()) {
      return asQuoted.get().code() == ProblemCode.INVALID_JSONPATH ? Optional.empty() : asQuoted;
    }
    return Optional.of(new Failure(ProblemCode.UNQUOTED_FILTER_WORD, Around.suffix(" '" + expression
        + "' compares with the unquoted word " + first + ", which the service reads as the string '" + first
        + "'; quote it to say so: '" + quoted + "'"), Severity.WARNING));
  }

  private static final Pattern POSITION = Pattern.compile("(position:? )(\\d+)");

  // Jayway counts positions in the path it compiled, whose root is one character; the author
  // wrote $$ or $name, so positions after the root move by the difference.
  private static String shiftPositions(String message, int shift) {
    if (shift == 0) {
      return message;
    }
    Matcher match = POSITION.matcher(message);
    StringBuilder shifted = new StringBuilder();
    int end = 0;
    while (match.find()) {
      shifted.append(message, end, match.start()).append(match.group(1))
          .append(Integer.parseInt(match.group(2)) + shift);
      end = match.end();
    }
    return shifted.append(message, end, message.length()).toString();
  }

  private static Optional<Failure> fail(ProblemCode code, UnaryOperator<String> reasonFor) {
    return Optional.of(new Failure(code, reasonFor));
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
    if (text.startsWith("$")) {
      return text.length() == 1 || text.charAt(1) == '.' || text.charAt(1) == '[' || text.charAt(1) == '$'
          || startsWithVariable(text) && VARIABLE_PATH.matcher(text).matches();
    }
    return looksLikeCall(text);
  }

  // "$" then a letter or _: the only texts the variable patterns can match, tested first because
  // every path and payload value comes through here.
  private static boolean startsWithVariable(String text) {
    if (text.length() < 2) {
      return false;
    }
    char first = text.charAt(1);
    return first == '_' || first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z';
  }

  /** Whether a string reads as an intrinsic call, {@code States.Name(...)}. */
  static boolean looksLikeCall(String value) {
    String text = value.strip();
    return text.startsWith("States.") && text.contains("(") && text.endsWith(")");
  }
}
