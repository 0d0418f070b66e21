package io.statecraft.generator.validate;

import io.statecraft.dsl.Intrinsic;
import io.statecraft.dsl.IntrinsicFunction;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Value;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks intrinsic function calls ({@code States.Format('{}', $.name)}) with the DSL's parser:
 * syntax, function names, argument counts, and the paths passed as arguments, nested calls
 * included.
 */
final class IntrinsicSyntax {

  private IntrinsicSyntax() {}

  private static final String KNOWN_FUNCTIONS = Arrays.stream(IntrinsicFunction.values())
      .map(IntrinsicFunction::functionName)
      .collect(Collectors.joining(", "));

  /**
   * Checks one call as written in {@code what} (e.g. "Parameters field 'text.$'").
   *
   * @return what is wrong, or empty when the call is fine
   */
  static Optional<JsonPathSyntax.Failure> check(String text, String what) {
    if (!text.equals(text.strip())) {
      // The service reads the name from the first character, so ' States.Array' is an unknown
      // function rather than States.Array.
      return fail(ValidationCodes.INVALID_FUNCTION, what + " '" + text + "' has white space around the call, so the "
          + "service reads an unknown function name; remove the spaces");
    }
    Intrinsic call;
    try {
      call = Intrinsic.parse(Placeholders.neutralize(text));
    } catch (IllegalArgumentException e) {
      return fail(ValidationCodes.INVALID_INTRINSIC, what + " is not a valid intrinsic function call: "
          + e.getMessage());
    }
    return checkCall(call, what);
  }

  private static Optional<JsonPathSyntax.Failure> checkCall(Intrinsic call, String what) {
    Optional<IntrinsicFunction> function = call.knownFunction();
    if (function.isEmpty()) {
      return fail(ValidationCodes.INVALID_FUNCTION, what + " calls " + call.function()
          + ", which is not an intrinsic function" + suggestion(call.function()) + "; the functions are "
          + KNOWN_FUNCTIONS);
    }
    IntrinsicFunction known = function.get();
    int count = call.arguments().size();
    if (!known.accepts(count)) {
      return fail(ValidationCodes.WRONG_ARGUMENT_COUNT, what + " calls " + known.functionName() + " with "
          + count + " argument" + (count == 1 ? "" : "s") + ", but it takes " + arity(known));
    }
    for (int i = 0; i < count; i++) {
      Value argument = call.arguments().get(i);
      String where = "argument " + (i + 1) + " of " + known.functionName() + " in " + what;
      if (argument instanceof Path path) {
        Optional<JsonPathSyntax.Failure> failure = JsonPathSyntax.check(path.expression(), JsonPathSyntax.Kind.PATH, where);
        if (failure.isPresent()) {
          return failure;
        }
      } else if (argument instanceof Intrinsic nested) {
        Optional<JsonPathSyntax.Failure> failure = checkCall(nested, what);
        if (failure.isPresent()) {
          return failure;
        }
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
    return Arrays.stream(IntrinsicFunction.values())
        .map(IntrinsicFunction::functionName)
        .min(Comparator.comparingInt(known -> Spelling.distance(known.toLowerCase(), name.toLowerCase())))
        .filter(known -> Spelling.distance(known.toLowerCase(), name.toLowerCase()) <= 2)
        .map(known -> " (did you mean " + known + "?)")
        .orElse("");
  }

  private static Optional<JsonPathSyntax.Failure> fail(String code, String reason) {
    return Optional.of(new JsonPathSyntax.Failure(code, reason));
  }
}
