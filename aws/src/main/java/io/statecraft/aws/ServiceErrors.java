package io.statecraft.aws;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.SdkRequest;

/**
 * The error names Step Functions raises when an AWS SDK integration's call fails, for
 * {@code Retry} and {@code Catch}.
 *
 * <p>Step Functions names an error {@code <Prefix>.<Exception>}: the service's prefix ({@code Ssm})
 * and the simple name of the exception class the AWS SDK for Java 2.x throws, which always ends in
 * {@code Exception} ({@code Ssm.InvocationDoesNotExistException}, {@code S3.NoSuchKeyException}).
 * The SDK maps every error code its service model has a class for to that class, whichever
 * operation returned it: SSM's {@code ThrottlingException} is {@code Ssm.ThrottlingException} from
 * any SSM call, though only two operations declare it. An error code the model has no class for,
 * such as any EC2 error (EC2 declares none) or IAM's throttling, arrives as the service's base
 * exception, {@code Ec2.Ec2Exception} or {@code Iam.IamException}, with the code in the cause. A failure before the
 * service answered (a timeout, a connection reset) is {@code <Prefix>.SdkClientException}.
 *
 * @param prefix the service's error prefix, such as {@code Ssm}
 * @param operationErrors the errors the operation declares in the SDK's model, in its order;
 *     empty for a service that declares none, or when the SDK's client class is not on the class
 *     path. The service's other errors can arrive too; name them with {@link #named(String)}
 */
public record ServiceErrors(String prefix, List<String> operationErrors) {

  private static final String AWS_SERVICE_EXCEPTION = "software.amazon.awssdk.awscore.exception.AwsServiceException";
  private static final String SDK_CLIENT_EXCEPTION = "software.amazon.awssdk.core.exception.SdkClientException";

  /**
   * Checks that the prefix is given and keeps an unmodifiable copy of the operation's errors;
   * {@link #of(Class)} reads both from an SDK request class.
   */
  public ServiceErrors {
    Objects.requireNonNull(prefix, "prefix == null");
    operationErrors = List.copyOf(operationErrors);
  }

  /** The errors of the operation an SDK request class calls. */
  public static ServiceErrors of(Class<? extends SdkRequest> requestClass) {
    SdkService service = SdkService.of(requestClass);
    List<String> errors = new ArrayList<>();
    service.clientMethod(requestClass).ifPresent(method -> declared(method, service.errorPrefix(), errors));
    return new ServiceErrors(service.errorPrefix(), errors);
  }

  private static void declared(Method method, String prefix, List<String> errors) {
    for (Class<?> type : method.getExceptionTypes()) {
      String name = type.getName();
      // The SDK's own general exceptions are listed on every method; the service's base is below.
      if (name.equals(AWS_SERVICE_EXCEPTION) || name.equals(SDK_CLIENT_EXCEPTION)
          || type.getSimpleName().equals(prefix + "Exception")) {
        continue;
      }
      errors.add(prefix + "." + type.getSimpleName());
    }
  }

  /**
   * The error name for an exception class of the SDK, such as
   * {@code InvocationDoesNotExistException.class}: {@code Ssm.InvocationDoesNotExistException}.
   *
   * @throws IllegalArgumentException when the class is not a service exception of an AWS SDK
   *     2.x service model
   */
  public static String nameOf(Class<? extends Throwable> exceptionClass) {
    Objects.requireNonNull(exceptionClass, "exceptionClass == null");
    Class<?> base = SdkService.serviceBase(exceptionClass, "Exception");
    String simple = base.getSimpleName();
    String prefix = simple.substring(0, simple.length() - "Exception".length());
    return prefix + "." + exceptionClass.getSimpleName();
  }

  /** {@code <Prefix>.<name>}; {@code name} is the exception class's simple name. */
  public String named(String exceptionSimpleName) {
    Objects.requireNonNull(exceptionSimpleName, "exceptionSimpleName == null");
    if (!exceptionSimpleName.endsWith("Exception")) {
      throw new IllegalArgumentException("Step Functions names every SDK error after its exception class, which ends"
          + " in Exception: write " + exceptionSimpleName + "Exception, not " + exceptionSimpleName);
    }
    return prefix + "." + exceptionSimpleName;
  }

  /**
   * Any error code the service's model has no class for (every EC2 error, IAM's throttling):
   * {@code Ssm.SsmException}.
   */
  public String service() {
    return prefix + "." + prefix + "Exception";
  }

  /** A failure before the service answered, such as a timeout: {@code Ssm.SdkClientException}. */
  public String client() {
    return prefix + ".SdkClientException";
  }

  /** Every error the call can raise by name: the declared ones, then {@link #service()} and {@link #client()}. */
  public List<String> all() {
    List<String> all = new ArrayList<>(operationErrors);
    all.add(service());
    all.add(client());
    return List.copyOf(all);
  }
}
