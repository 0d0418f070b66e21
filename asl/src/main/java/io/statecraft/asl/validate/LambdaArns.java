package io.statecraft.asl.validate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda function ARNs as a Task's {@code Resource}: the function name, and the optional version or
 * alias after it. Lambda's own pattern for a function name
 * (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html, FunctionName) allows a name of
 * letters, digits, {@code -}, {@code _} and {@code .}, then an optional {@code :} and a qualifier:
 * {@code $LATEST} or a version or alias of letters, digits, {@code -} and {@code _}.
 */
final class LambdaArns {

  private static final Pattern FUNCTION_ARN =
      Pattern.compile("arn:[^:]*:lambda:[^:]*:[^:]*:function:([^:]*)(?::(.*))?", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
  private static final Pattern QUALIFIER = Pattern.compile("\\$LATEST|[a-zA-Z0-9_-]+");

  private LambdaArns() {}

  /** What is wrong with {@code resource} as a Lambda function ARN; empty when fine or not one. */
  static Optional<String> problem(String resource) {
    Matcher arn = FUNCTION_ARN.matcher(Placeholders.neutralize(resource));
    if (!arn.matches()) {
      return Optional.empty();
    }
    String name = arn.group(1);
    String qualifier = arn.group(2);
    if (!NAME.matcher(name).matches()) {
      return Optional.of("has the function name '" + name + "'; a name has letters, digits, -, _ and . only");
    }
    if (qualifier == null) {
      return Optional.empty();
    }
    if (qualifier.isEmpty()) {
      return Optional.of("ends with ':' but no version or alias; remove the ':' or add the version, alias or $LATEST");
    }
    if (!QUALIFIER.matcher(qualifier).matches()) {
      return Optional.of("has the qualifier '" + qualifier + "', which is no version, alias or $LATEST (a "
          + "qualifier has letters, digits, - and _ only)");
    }
    return Optional.empty();
  }
}
