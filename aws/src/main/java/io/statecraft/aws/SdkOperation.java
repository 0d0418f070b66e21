package io.statecraft.aws;

import java.util.Objects;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;

/**
 * One API operation of an AWS service, read from its SDK request class.
 *
 * @param service the service
 * @param name the operation's name as the API reference writes it, {@code DescribeInstances}
 * @param requestClass the SDK request class, {@code DescribeInstancesRequest}
 * @param responseClass the SDK response class, {@code DescribeInstancesResponse}, or null when the
 *     SDK has none beside the request (it always has for generated services)
 */
public record SdkOperation(
    SdkService service,
    String name,
    Class<? extends SdkRequest> requestClass,
    Class<? extends SdkPojo> responseClass) {

  /**
   * Checks that the service, the name and the request class are given; {@link #of(Class)} reads
   * them from a request class.
   */
  public SdkOperation {
    Objects.requireNonNull(service, "service == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(requestClass, "requestClass == null");
  }

  /** The operation of an SDK request class. */
  public static SdkOperation of(Class<? extends SdkRequest> requestClass) {
    SdkService service = SdkService.of(requestClass);
    String simple = requestClass.getSimpleName();
    if (!simple.endsWith("Request") || simple.equals(service.errorPrefix() + "Request")) {
      throw new IllegalArgumentException(requestClass.getName()
          + " is not the request of one operation; give a request such as DescribeInstancesRequest");
    }
    String name = simple.substring(0, simple.length() - "Request".length());
    return new SdkOperation(service, name, requestClass, responseClass(requestClass, name));
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends SdkPojo> responseClass(Class<?> requestClass, String name) {
    try {
      Class<?> response = Class.forName(requestClass.getPackageName() + "." + name + "Response", false,
          requestClass.getClassLoader());
      return SdkPojo.class.isAssignableFrom(response) ? (Class<? extends SdkPojo>) response : null;
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  /** The action as Step Functions writes it in the resource ARN: {@code describeInstances}. */
  public String action() {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** {@code arn:aws:states:::aws-sdk:ec2:describeInstances}. */
  public String resource() {
    return "arn:aws:states:::aws-sdk:" + service.stepFunctionsName() + ":" + action();
  }

  /** The camel-case action of a request class, which is also the SDK client's method name. */
  static String actionOf(Class<? extends SdkRequest> requestClass) {
    String simple = requestClass.getSimpleName();
    String name = simple.substring(0, simple.length() - "Request".length());
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  @Override
  public String toString() {
    return service.stepFunctionsName() + ":" + action();
  }
}
