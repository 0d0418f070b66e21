package io.statecraft.aws;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Integration;
import io.statecraft.dsl.IntegrationPattern;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Value;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;

/**
 * A call of one AWS API action through Step Functions' AWS SDK integration
 * ({@code arn:aws:states:::aws-sdk:<service>:<action>}), made from an AWS SDK for Java 2.x request.
 * Build it with {@link AwsSdk#call(SdkRequest)} and give it to {@code Task.call(...)}.
 *
 * <p>Instances are immutable: {@link #with(String, Value)} and the other methods return a new call.
 * Everything is checked when the call is made, so a misspelled member or a value that cannot be
 * written fails on the line that wrote it.
 */
public final class SdkCall implements Integration {

  private final SdkOperation operation;
  private final SdkRequest request;
  private final ObjectValue payload;
  private final IntegrationPattern pattern;
  private final List<IamStatement> permissions;
  /** Whether {@link #permissions} were given by the author rather than derived. */
  private final boolean explicit;

  private SdkCall(SdkOperation operation, SdkRequest request, ObjectValue payload, IntegrationPattern pattern,
      List<IamStatement> permissions, boolean explicit) {
    this.operation = operation;
    this.request = request;
    this.payload = payload;
    this.pattern = pattern;
    this.permissions = permissions;
    this.explicit = explicit;
  }

  static SdkCall of(SdkRequest request) {
    Objects.requireNonNull(request, "request == null");
    SdkOperation operation = SdkOperation.of(request.getClass());
    ObjectValue payload = SdkJson.object(request, "");
    return create(operation, request, payload, IntegrationPattern.REQUEST_RESPONSE, null);
  }

  private static SdkCall create(SdkOperation operation, SdkRequest request, ObjectValue payload,
      IntegrationPattern pattern, List<IamStatement> explicit) {
    Payloads.checkWritable(payload, "", operation.toString());
    List<IamStatement> permissions = explicit != null ? explicit : SdkPermissions.statements(operation, payload);
    return new SdkCall(operation, request, payload, pattern, permissions, explicit != null);
  }

  /**
   * A copy with the member at {@code memberPath} set to {@code value}, replacing what the request
   * gave it. The path uses Step Functions' member names, list indexes and map keys:
   * {@code "MaxResults"}, {@code "Filters[0].Values"}, {@code "Filters[1]"}, {@code "Tags.Owner"}.
   * The value may be anything: a literal, a {@link io.statecraft.dsl.Path} (written
   * {@code "Key.$"} in a JSONPath state), an intrinsic, a JSONata expression (written {@code {% %}})
   * or a placeholder, for a member of any type. A literal must have the member's type.
   *
   * @throws IllegalArgumentException naming the members that exist, when the path names none, or
   *     when a literal does not have the member's type
   */
  public SdkCall with(String memberPath, Value value) {
    return with(memberPath, value, false);
  }

  /** {@link #with(String, Value)}, where {@code jsonInStrings} lets a string member take JSON (optimized integrations). */
  SdkCall with(String memberPath, Value value, boolean jsonInStrings) {
    Objects.requireNonNull(value, "value == null; use Json.nullValue() for JSON null");
    ObjectValue changed = MemberPaths.set(payload, request, memberPath, value, operation.toString(), jsonInStrings);
    return create(operation, request, changed, pattern, explicitPermissionsOrNull());
  }

  /** {@link #with(String, Value)} with a literal string. */
  public SdkCall with(String memberPath, String text) {
    return with(memberPath, Value.of(text));
  }

  /** {@link #with(String, Value)} with a literal number. */
  public SdkCall with(String memberPath, long number) {
    return with(memberPath, Value.of(number));
  }

  /**
   * A copy that waits for a task token ({@code .waitForTaskToken}): the service is called, and the
   * task waits until someone calls {@code SendTaskSuccess} or {@code SendTaskFailure} with the token.
   *
   * @throws IllegalArgumentException when no member passes the token on ({@code $$.Task.Token} in
   *     JSONPath, {@code $states.context.Task.Token} in JSONata): nobody could ever answer
   */
  public SdkCall waitForTaskToken() {
    if (!Payloads.passesTaskToken(payload)) {
      throw new IllegalArgumentException(operation + ".waitForTaskToken: no member passes the task token on, so "
          + "nobody could ever answer and the task would wait until it times out; set one to Context.taskToken() "
          + "($$.Task.Token) or, in JSONata, $states.context.Task.Token, e.g. with(\"MessageAttributes...\", ...)");
    }
    return new SdkCall(operation, request, payload, IntegrationPattern.WAIT_FOR_TASK_TOKEN, permissions, explicit);
  }

  /**
   * A copy granted exactly these statements instead of the ones derived from the Service
   * Authorization Reference: for an action the reference does not know yet, or a narrower grant.
   */
  public SdkCall permissions(IamStatement... statements) {
    if (statements.length == 0) {
      throw new IllegalArgumentException(operation + ": give at least one statement; every call needs a permission");
    }
    return new SdkCall(operation, request, payload, pattern, List.of(statements), true);
  }

  /** Whether the statements were given with {@link #permissions(IamStatement...)} rather than derived. */
  boolean hasExplicitPermissions() {
    return explicit;
  }

  private List<IamStatement> explicitPermissionsOrNull() {
    return explicit ? permissions : null;
  }

  /** The operation called, such as {@code ec2:describeInstances}. */
  public SdkOperation operation() {
    return operation;
  }

  /** The SDK request this call was made from. */
  public SdkRequest request() {
    return request;
  }

  /** The error names this call can raise, for {@code Retry} and {@code Catch}. */
  public ServiceErrors errors() {
    return ServiceErrors.of(operation.requestClass());
  }

  /**
   * The call's result, to point at its members: {@code call.result().member("Reservations")...}.
   * Use {@link #result(Class)} to point with the response class's getters instead.
   */
  public SdkResult<SdkPojo> result() {
    return SdkResult.root(responseClass(), SdkPojo.class);
  }

  /**
   * The call's result as the SDK's response class, to point at its members with getters:
   * {@code call.result(DescribeInstancesResponse.class).each(DescribeInstancesResponse::reservations)}.
   *
   * @throws IllegalArgumentException when {@code responseClass} is not this operation's response
   */
  public <T extends SdkPojo> SdkResult<T> result(Class<T> responseClass) {
    if (!responseClass.equals(responseClass())) {
      throw new IllegalArgumentException(operation + " returns " + responseClass().getSimpleName() + ", not "
          + responseClass.getSimpleName());
    }
    return SdkResult.root(responseClass, responseClass);
  }

  private Class<? extends SdkPojo> responseClass() {
    if (operation.responseClass() == null) {
      throw new IllegalStateException(operation + ": the SDK has no " + operation.name() + "Response class");
    }
    return operation.responseClass();
  }

  @Override
  public String resource() {
    return operation.resource() + pattern.suffix();
  }

  /** The request as Step Functions takes it: the SDK's member names, only the members set. */
  @Override
  public ObjectValue payload() {
    return payload;
  }

  @Override
  public List<IamStatement> iamStatements() {
    return permissions;
  }

  @Override
  public IntegrationPattern pattern() {
    return pattern;
  }

  @Override
  public String toString() {
    return resource();
  }
}
