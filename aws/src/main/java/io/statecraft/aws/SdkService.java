package io.statecraft.aws;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkRequest;

/**
 * An AWS service as Step Functions, IAM and the AWS SDK for Java 2.x name it, read from an SDK
 * request class.
 *
 * <p>Step Functions' AWS SDK integrations are built on the Java SDK 2.x, so its names follow the
 * SDK's: the service name in {@code arn:aws:states:::aws-sdk:<service>:<action>} is the SDK's
 * package name ({@code software.amazon.awssdk.services.sfn} gives {@code sfn}), the action is the
 * operation name in camel case ({@code DescribeInstancesRequest} gives {@code describeInstances}),
 * and an error is named {@code <Prefix>.<ExceptionClass>} where the prefix is the SDK's service
 * class prefix ({@code SfnRequest}, {@code SfnException}: {@code Sfn}). The table of the Step
 * Functions developer guide ("Supported AWS SDK service integrations", columns "Task state
 * resource" and "Exception prefix") lists exactly these names.
 *
 * @param stepFunctionsName the service name in the Task's resource ARN, such as {@code sfn}
 * @param errorPrefix the prefix of the service's error names, such as {@code Sfn}
 * @param endpointPrefix the SDK client's {@code SERVICE_NAME}, such as {@code states}; empty when
 *     the client class is not on the class path
 * @param modelPackage the package of the service's model classes
 */
public record SdkService(
    String stepFunctionsName, String errorPrefix, String endpointPrefix, String modelPackage) {

  private static final String SERVICES = "software.amazon.awssdk.services.";

  /**
   * IAM service prefixes that are neither the SDK client's endpoint prefix nor the Step Functions
   * name; every other service's IAM prefix is one of those two, as the IAM catalog confirms.
   */
  private static final Map<String, String> IAM_PREFIXES = Map.of(
      "sfn", "states",
      "cloudwatchlogs", "logs",
      "eventbridge", "events",
      "elasticloadbalancingv2", "elasticloadbalancing",
      "sesv2", "ses",
      "cloudwatch", "cloudwatch");

  /** Checks that every name is given; {@link #of(Class)} reads them from an SDK request class. */
  public SdkService {
    Objects.requireNonNull(stepFunctionsName, "stepFunctionsName == null");
    Objects.requireNonNull(errorPrefix, "errorPrefix == null");
    Objects.requireNonNull(endpointPrefix, "endpointPrefix == null");
    Objects.requireNonNull(modelPackage, "modelPackage == null");
  }

  /**
   * The service of an SDK request class, such as {@code DescribeInstancesRequest}.
   *
   * @throws IllegalArgumentException when the class is not a request of an AWS SDK 2.x service
   *     model ({@code software.amazon.awssdk.services.<service>.model})
   */
  public static SdkService of(Class<? extends SdkRequest> requestClass) {
    Objects.requireNonNull(requestClass, "requestClass == null");
    Class<?> base = serviceBase(requestClass, "Request");
    String prefix = base.getSimpleName().substring(0, base.getSimpleName().length() - "Request".length());
    return forModelPackage(requestClass.getPackageName(), prefix, requestClass);
  }

  /** The service whose model package holds {@code modelClass} (a request, response or exception). */
  static SdkService forModelPackage(String modelPackage, String prefix, Class<?> anyModelClass) {
    if (!modelPackage.startsWith(SERVICES) || !modelPackage.endsWith(".model")) {
      throw new IllegalArgumentException(anyModelClass.getName()
          + " is not a class of an AWS SDK for Java 2.x service model "
          + "(software.amazon.awssdk.services.<service>.model); give a request such as "
          + "DescribeInstancesRequest.builder()...build()");
    }
    String name = modelPackage.substring(SERVICES.length(), modelPackage.length() - ".model".length());
    return new SdkService(name, prefix, endpointPrefix(anyModelClass, name, prefix), modelPackage);
  }

  /**
   * The class right below {@code software.amazon.awssdk.awscore.AwsRequest} (or the exception's
   * {@code AwsServiceException}) in the hierarchy: the service's own base, {@code SsmRequest}.
   */
  static Class<?> serviceBase(Class<?> modelClass, String suffix) {
    Class<?> current = modelClass;
    while (current != null) {
      Class<?> parent = current.getSuperclass();
      if (parent != null && parent.getName().startsWith("software.amazon.awssdk.awscore.")
          && current.getSimpleName().endsWith(suffix)) {
        return current;
      }
      current = parent;
    }
    throw new IllegalArgumentException(modelClass.getName()
        + " does not extend an AWS service's base " + suffix.toLowerCase(Locale.ROOT)
        + " class (such as SsmRequest or SsmException): is it a class of an AWS SDK for Java 2.x"
        + " service model?");
  }

  private static String endpointPrefix(Class<?> modelClass, String name, String prefix) {
    try {
      Class<?> client = Class.forName(SERVICES + name + "." + prefix + "Client", false,
          modelClass.getClassLoader());
      Field field = client.getField("SERVICE_NAME");
      return (String) field.get(null);
    } catch (ReflectiveOperationException | ClassCastException e) {
      return "";
    }
  }

  /**
   * The IAM service prefix candidates, most likely first: a known exception, the SDK client's
   * endpoint prefix, the Step Functions name. The IAM catalog decides which one exists.
   */
  java.util.List<String> iamPrefixCandidates() {
    java.util.List<String> candidates = new java.util.ArrayList<>();
    if (IAM_PREFIXES.containsKey(stepFunctionsName)) {
      candidates.add(IAM_PREFIXES.get(stepFunctionsName));
    }
    if (!endpointPrefix.isEmpty()) {
      candidates.add(endpointPrefix);
    }
    candidates.add(stepFunctionsName);
    return candidates;
  }

  /** The SDK client interface, {@code software.amazon.awssdk.services.ssm.SsmClient}, if loaded. */
  java.util.Optional<Class<?>> clientInterface(ClassLoader loader) {
    try {
      return java.util.Optional.of(
          Class.forName(SERVICES + stepFunctionsName + "." + errorPrefix + "Client", false, loader));
    } catch (ClassNotFoundException | LinkageError e) {
      return java.util.Optional.empty();
    }
  }

  /** The client method for an operation, {@code SsmClient.getCommandInvocation(request)}. */
  java.util.Optional<Method> clientMethod(Class<? extends SdkRequest> requestClass) {
    return clientInterface(requestClass.getClassLoader()).flatMap(client -> {
      try {
        return java.util.Optional.of(client.getMethod(SdkOperation.actionOf(requestClass), requestClass));
      } catch (NoSuchMethodException e) {
        return java.util.Optional.empty();
      }
    });
  }
}
