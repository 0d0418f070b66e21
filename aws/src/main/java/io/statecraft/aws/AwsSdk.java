package io.statecraft.aws;

import io.statecraft.dsl.Value;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Calls of any AWS API action from a Task state, typed by the AWS SDK for Java 2.x.
 *
 * <pre>{@code
 * SdkCall describe = AwsSdk.call(DescribeInstancesRequest.builder()
 *     .filters(Filter.builder().name("instance-state-name").values("running").build())
 *     .build());
 * Task.named("DescribeInstances").call(describe);
 * // Resource  arn:aws:states:::aws-sdk:ec2:describeInstances
 * // Parameters {"Filters": [{"Name": "instance-state-name", "Values": ["running"]}]}
 * // IAM        ec2:DescribeInstances on * (EC2 does not scope it by resource)
 * }</pre>
 *
 * <p>The request is written with the SDK's own member names in Pascal case, as Step Functions
 * takes them; members never set are left out. A member given at run time is written with
 * {@link #text(Value)} or {@link #list(Value)} inside the builder, or with
 * {@link SdkCall#with(String, Value)} for a member of any type.
 *
 * <p>The SDK's service modules (ec2, ssm, ...) are needed only to compile and build the workflow:
 * Statecraft reads their model classes and nothing of them reaches the definition or template.
 */
public final class AwsSdk {

  private AwsSdk() {}

  /**
   * A call of the action the request belongs to, with the request's members as parameters and the
   * IAM statements the action needs.
   *
   * @throws IllegalArgumentException when the request is not one of an AWS SDK 2.x service, or
   *     holds something that cannot be written
   */
  public static SdkCall call(SdkRequest request) {
    return SdkCall.of(request);
  }

  /**
   * A call through Step Functions' optimized integration for the request's API, where there is one
   * (the rows of {@link OptimizedIntegrations}). See {@link OptimizedCall};
   * Lambda's is {@link LambdaInvoke}, the HTTP task's {@link HttpInvoke}.
   *
   * @throws IllegalArgumentException for an API without an optimized integration
   */
  public static OptimizedCall optimized(SdkRequest request) {
    return OptimizedCall.of(request);
  }

  /**
   * Text standing for a run-time or deploy-time value in an SDK builder's String member:
   * {@code .instanceId(AwsSdk.text(Path.input().field("instanceId")))}. The value is a
   * {@link io.statecraft.dsl.Path}, an {@link io.statecraft.dsl.Intrinsic}, a
   * {@link io.statecraft.dsl.Jsonata} expression or a {@link io.statecraft.dsl.Placeholder}; it
   * can also be one item of a list member.
   */
  public static String text(Value value) {
    return DynamicTokens.token(value);
  }

  /**
   * A list standing for a whole list member of strings whose items are given at run time:
   * {@code .instanceIds(AwsSdk.list(Path.input().field("instanceIds")))}. Its one element is a
   * String carrying the value, so use it for lists of strings, and of enums through their
   * {@code ...WithStrings} setter; for lists of structures use {@link #list(Class, Value)}, for
   * other lists {@link SdkCall#with(String, Value)}.
   */
  @SuppressWarnings("unchecked")
  public static <T> List<T> list(Value value) {
    // The SDK's builders copy a list of strings without looking inside; only Statecraft reads it.
    return (List<T>) DynamicTokens.listToken(value);
  }

  /**
   * A list standing for a whole list member whose items are given at run time, for lists of
   * strings or of SDK structures: {@code .filters(AwsSdk.list(Filter.class, Path.input().field("filters")))}.
   * Its one element is an item of that type carrying the value, since the SDK's builders check the
   * items' type when they copy a list.
   *
   * @throws IllegalArgumentException for other item types (numbers, ...), which cannot carry it:
   *     set such a member with {@link SdkCall#with(String, Value)}
   */
  public static <T> List<T> list(Class<T> itemType, Value value) {
    return DynamicTokens.listToken(itemType, value);
  }

  /**
   * The error names a call can raise: {@code AwsSdk.errorsOf(GetCommandInvocationRequest.class)
   * .named("InvocationDoesNotExistException")} gives {@code Ssm.InvocationDoesNotExistException}.
   */
  public static ServiceErrors errorsOf(Class<? extends SdkRequest> requestClass) {
    return ServiceErrors.of(requestClass);
  }

  /**
   * The error name Step Functions gives an SDK exception class:
   * {@code AwsSdk.error(InvocationDoesNotExistException.class)} is
   * {@code Ssm.InvocationDoesNotExistException}.
   */
  public static String error(Class<? extends Throwable> exceptionClass) {
    return ServiceErrors.nameOf(exceptionClass);
  }
}
