package io.statecraft.asl;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The class of the AWS SDK for Java 2.x whose response a Task resource returns, by name. Step
 * Functions' AWS SDK integrations are built on that SDK: in {@code aws-sdk:<service>:<action>} the
 * service is the SDK's package and the result's fields are the response's members
 * (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html); a
 * request-response optimized integration returns the same API's response. One place for this, used
 * by data-flow checking (which types AWS SDK results) and by the offline executor's mock checks.
 *
 * @param className the response class's binary name
 * @param sdkIntegration whether the resource is an {@code aws-sdk:} integration, not an optimized one
 */
public record SdkResponseClass(String className, boolean sdkIntegration) {

  private static final String STATES = "arn:aws:states:::";
  private static final String SDK = STATES + "aws-sdk:";

  // Optimized integrations whose service is named unlike the SDK's package.
  private static final Map<String, String> SDK_PACKAGES = Map.of("states", "sfn", "events", "eventbridge");
  // Optimized integrations whose result is not the API's response as it is (Lambda's Payload is
  // JSON, not bytes; HTTP and API Gateway have no SDK model; Bedrock's Body is JSON).
  private static final Set<String> RESHAPED = Set.of("lambda", "http", "apigateway", "bedrock");
  // Optimized calls that answer more than their API: EMR Serverless' start, stop and delete of an
  // application answer {"ApplicationId": ...} where the API answers nothing
  // (https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr-serverless.html).
  private static final Set<String> RESHAPED_ACTIONS = Set.of("emr-serverless:startApplication",
      "emr-serverless:stopApplication", "emr-serverless:deleteApplication");

  /**
   * The response class of a request-response integration; empty for other resources, for
   * {@code .sync} and {@code .waitForTaskToken} variants, and for optimized integrations whose
   * result is not the API's response.
   */
  public static Optional<SdkResponseClass> of(String resource) {
    if (!resource.startsWith(STATES) || resource.contains(".sync") || resource.contains(".waitForTaskToken")) {
      return Optional.empty();
    }
    boolean sdk = resource.startsWith(SDK);
    String[] parts = resource.substring(sdk ? SDK.length() : STATES.length()).split(":");
    if (parts.length != 2 || parts[1].isEmpty()
        || (!sdk && (RESHAPED.contains(parts[0]) || RESHAPED_ACTIONS.contains(parts[0] + ":" + parts[1])))) {
      return Optional.empty();
    }
    String service = sdk ? parts[0] : SDK_PACKAGES.getOrDefault(parts[0], parts[0].replace("-", ""));
    String action = Character.toUpperCase(parts[1].charAt(0)) + parts[1].substring(1);
    return Optional.of(new SdkResponseClass(
        "software.amazon.awssdk.services." + service + ".model." + action + "Response", sdk));
  }

  /** The loader to find the class in: the thread's (a Maven build's project class path), else Statecraft's. */
  public static ClassLoader loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : SdkResponseClass.class.getClassLoader();
  }

  /** The class, when that service's SDK module is on the class path. */
  public Optional<Class<?>> load(ClassLoader loader) {
    try {
      return Optional.of(Class.forName(className, false, loader));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }
}
