package io.statecraft.asl.validate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ARNs a Task's {@code Resource} may hold ("Task workflow state",
 * https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html): an integration ({@code
 * arn:aws:states:::sns:publish}), an activity ({@code arn:aws:states:REGION:ACCOUNT:activity:NAME}) or
 * a Lambda function; any other ARN is no task. For a Lambda function ARN: the function name, and the
 * optional version or alias after it. Lambda's own pattern for a function name
 * (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html, FunctionName) allows a name of
 * letters, digits, {@code -}, {@code _} and {@code .}, then an optional {@code :} and a qualifier:
 * {@code $LATEST} or a version or alias of letters, digits, {@code -} and {@code _}.
 */
final class TaskResourceArns {

  private static final Pattern FUNCTION_ARN =
      Pattern.compile("arn:[^:]*:lambda:[^:]*:[^:]*:function:([^:]*)(?::(.*))?", Pattern.DOTALL);
  private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");
  private static final Pattern INTEGRATION = Pattern.compile("arn:[^:]+:states:::[^:]+:.+", Pattern.DOTALL);
  private static final Pattern ACTIVITY = Pattern.compile("arn:[^:]+:states:[^:]+:[^:]+:activity:[^:]+", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
  private static final Pattern QUALIFIER = Pattern.compile("\\$LATEST|[a-zA-Z0-9_-]+");

  private TaskResourceArns() {}

  /**
   * What is wrong with {@code resource}, an ARN or text with placeholders, as a Task's resource;
   * empty when it is fine or not an ARN at all (a placeholder, a made-up test resource).
   */
  static Optional<String> problem(String resource) {
    // A placeholder, ${Name} or Fn::Sub's ${AWS::Region}, stands for one part of the ARN.
    String text = ANY_PLACEHOLDER.matcher(resource).replaceAll("x");
    if (!text.startsWith("arn:") || INTEGRATION.matcher(text).matches() || ACTIVITY.matcher(text).matches()) {
      return Optional.empty();
    }
    Matcher arn = FUNCTION_ARN.matcher(text);
    if (!arn.matches()) {
      return Optional.of("is neither an integration (arn:aws:states:::SERVICE:ACTION), an activity nor a Lambda "
          + "function, the only tasks the service runs; for another service's resource, call it through its "
          + "integration and pass the ARN in Parameters");
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
