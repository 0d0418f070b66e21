package io.statecraft.asl.validate;

import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Spelling;
import io.statecraft.dsl.Intrinsic;
import io.statecraft.dsl.IntrinsicFunction;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Checks intrinsic function calls ({@code States.Format('{}', $.name)}) with the DSL's parser:
 * syntax, function names, argument counts, and the paths passed as arguments, nested calls
 * included.
 */
final class IntrinsicSyntax {

  private IntrinsicSyntax() {}

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private static final String KNOWN_FUNCTIONS = String.join(", ", functionNames());

  private static final Verdicts<Optional<JsonPathSyntax.Failure>> VERDICTS = new Verdicts<>();

  /**
   * Checks one call; the failure's message names the field as its caller says.
   *
   * @return what is wrong, or empty when the call is fine
   */
  static Optional<JsonPathSyntax.Failure> check(String text) {
    Optional<JsonPathSyntax.Failure> verdict = VERDICTS.known(text);
    if (verdict == null) {
      verdict = verdictOf(text);
      VERDICTS.remember(text, verdict);
    }
    return verdict;
  }

  private static Optional<JsonPathSyntax.Failure> verdictOf(String text) {
    if (!text.equals(text.strip())) {
      // The service reads the name from the first character, so ' States.Array' is an unknown
      // function rather than States.Array.
      return fail(ProblemCode.INVALID_FUNCTION, JsonPathSyntax.Around.suffix(" '" + text + "' has white space around the "
          + "call, so the service reads an unknown function name; remove the spaces"));
    }
    Intrinsic call;
    try {
      call = Intrinsic.parse(Placeholders.neutralize(text));
    } catch (IllegalArgumentException e) {
      String detail = e.getMessage();
      return fail(ProblemCode.INVALID_INTRINSIC, JsonPathSyntax.Around.suffix(" is not a valid intrinsic function call: "
          + detail));
    }
    return checkCall(call);
  }

  private static Optional<JsonPathSyntax.Failure> checkCall(Intrinsic call) {
    Optional<IntrinsicFunction> function = call.knownFunction();
    if (function.isEmpty()) {
      String reason = " calls " + call.function() + ", which is not an intrinsic function"
          + suggestion(call.function()) + "; the functions are " + KNOWN_FUNCTIONS;
      return fail(ProblemCode.INVALID_FUNCTION, JsonPathSyntax.Around.suffix(reason));
    }
    IntrinsicFunction known = function.get();
    int count = call.arguments().size();
    if (!known.accepts(count)) {
      String reason = " calls " + known.functionName() + " with " + count + " argument" + (count == 1 ? "" : "s")
          + ", but it takes " + arity(known);
      return fail(ProblemCode.WRONG_ARGUMENT_COUNT, JsonPathSyntax.Around.suffix(reason));
    }
    for (int i = 0; i < count; i++) {
      Value argument = call.arguments().get(i);
      int number = i + 1;
      Optional<String> wrongType = IntrinsicArguments.problem(known, i, argument);
      if (wrongType.isPresent()) {
        String reason = " calls " + known.functionName() + ", whose argument " + number + " " + wrongType.get();
        return fail(ProblemCode.INVALID_ARGUMENT_TYPE, JsonPathSyntax.Around.suffix(reason));
      }
      Optional<JsonPathSyntax.Failure> failure = Optional.empty();
      if (argument instanceof Path path) {
        Optional<JsonPathSyntax.Failure> found = JsonPathSyntax.check(path.expression(), JsonPathSyntax.Kind.PATH);
        if (found.isPresent()) {
          failure = Optional.of(found.get().within(
              JsonPathSyntax.Around.prefix("argument " + number + " of " + known.functionName() + " in ")));
        }
      } else if (argument instanceof Intrinsic nested) {
        failure = checkCall(nested);
      }
      if (failure.isPresent()) {
        return failure;
      }
    }
    return Optional.empty();
  }

  private static String arity(IntrinsicFunction function) {
    if (function.minArguments() == function.maxArguments()) {
      return function.minArguments() + (function.minArguments() == 1 ? " argument" : " arguments");
    }
    if (function.maxArguments() == Integer.MAX_VALUE) {
      return "at least " + function.minArguments();
    }
    return function.minArguments() + " to " + function.maxArguments() + " arguments";
  }

  // A near miss in spelling or case ("States.format") gets a "did you mean".
  private static String suggestion(String name) {
    Optional<String> known = Spelling.nearest(name, functionNames());
    return known.isPresent() ? " (did you mean " + known.get() + "?)" : "";
  }

  private static List<String> functionNames() {
    List<String> names = new ArrayList<>();
    for (IntrinsicFunction function : IntrinsicFunction.values()) {
      names.add(function.functionName());
    }
    return names;
  }

  private static Optional<JsonPathSyntax.Failure> fail(ProblemCode code, UnaryOperator<String> reasonFor) {
    return Optional.of(new JsonPathSyntax.Failure(code, reasonFor));
  }
}
