package io.statecraft.connect;

import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the SDK throws into one line that says what to do: no credentials, a denied action
 * (with the action and the principal AWS names), throttling after the SDK's own retries, an
 * endpoint that cannot be reached. The SDK retries throttling and transient errors itself (its
 * standard retry mode); what reaches here has run out of retries.
 */
final class AwsErrors {

  // AWS's access-denied messages name the principal and the action:
  // "User: arn:aws:iam::111122223333:user/jane is not authorized to perform: states:StartExecution on resource: ..."
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
  private static final Pattern DENIED = Pattern.compile(
      "User: (\\S+) is not authorized to perform: (\\S+)");

  private static final Set<String> DENIED_CODES =
      Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnrecognizedClientException",
          "InvalidClientTokenId", "ExpiredToken", "ExpiredTokenException");

  private AwsErrors() {}

  /**
   * Runs one AWS call and translates its failure.
   *
   * @param action the IAM action of the call, such as {@code states:ValidateStateMachineDefinition},
   *     named when AWS denies it without saying which
   */
  static <T> T call(String action, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw translate(action, e);
    }
  }

  static AwsException translate(String action, SdkException e) {
    if (e instanceof AwsServiceException service) {
      String code = service.awsErrorDetails() == null ? "" : String.valueOf(service.awsErrorDetails().errorCode());
      String message = service.awsErrorDetails() == null ? service.getMessage()
          : String.valueOf(service.awsErrorDetails().errorMessage());
      if (DENIED_CODES.contains(code) || service.statusCode() == 403) {
        Matcher denied = DENIED.matcher(message);
        if (denied.find()) {
          return new AwsException("access denied: " + denied.group(1) + " may not call " + denied.group(2)
              + "; grant it that action (docs/aws.md lists what each command needs)");
        }
        return new AwsException("access denied to " + action + " (" + code + ": " + firstLine(message)
            + "); check the credentials and grant that action (docs/aws.md lists what each command needs)");
      }
      if (service.isThrottlingException()) {
        return new AwsException(action + " was throttled and the SDK's retries ran out (" + code
            + "); try again later, or raise the account's quota for it");
      }
      return new AwsException(action + " failed: " + code + ": " + firstLine(message));
    }
    String message = firstLine(String.valueOf(e.getMessage()));
    if (e instanceof SdkClientException && message.toLowerCase(Locale.ROOT).contains("credentials")) {
      return new AwsException("no AWS credentials: give --profile NAME (plugin: -Dstatecraft.profile=NAME), set"
          + " AWS_PROFILE, run 'aws sso login', or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
    }
    return new AwsException("cannot call " + action + ": " + message);
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("").strip();
  }
}
