package io.statecraft.aws;

import io.statecraft.dsl.ArrayValue;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Integration;
import io.statecraft.dsl.IntegrationPattern;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;

/**
 * A call through one of Step Functions' optimized integrations ({@code arn:aws:states:::sns:publish},
 * {@code ...:states:startExecution.sync:2}, ...), made from the AWS SDK request of the same API:
 * the parameters are the API's, in the same names. Build it with {@link AwsSdk#optimized(SdkRequest)}.
 *
 * <p>Supported: the rows of {@link OptimizedIntegrations} (SNS, SQS, DynamoDB's item calls, Step
 * Functions, EventBridge, ECS, Batch, Glue, CodeBuild, Athena, SageMaker, Bedrock's customization job, EMR's
 * createCluster, EMR on EKS, EMR Serverless' job run, EKS' cluster, node group and Fargate profile calls,
 * MediaConvert, Glue DataBrew). Lambda has its own {@link LambdaInvoke}, whose payload is
 * JSON rather than the SDK's bytes, Bedrock's InvokeModel its own {@link BedrockInvokeModel}, and the
 * Step Functions APIs that are no SDK request theirs ({@link EmrCluster}, {@link EksCluster},
 * {@link ApiGatewayInvoke}, {@link HttpInvoke}). Failures carry the optimized integration's
 * error names ({@link OptimizedErrors}, {@link #error(String)}), not {@link SdkErrors}' names.
 *
 * <p>Each integration pattern is offered only where the service supports it, and each declares the
 * IAM statements of the Step Functions guide's "IAM policies for integrated services": the
 * {@code .sync} patterns add the describe and stop actions and the managed EventBridge rule Step
 * Functions uses to learn that the job finished.
 */
public final class OptimizedCall implements Integration {

  private static final IntegrationPattern RR = IntegrationPattern.REQUEST_RESPONSE;
  private static final IntegrationPattern SYNC = IntegrationPattern.RUN_JOB;
  private static final IntegrationPattern SYNC2 = IntegrationPattern.RUN_JOB_JSON;
  private static final IntegrationPattern TOKEN = IntegrationPattern.WAIT_FOR_TASK_TOKEN;

  private static final String ROLES = "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/";

  private static final String RULE =
      "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/";

  private final SdkCall call;
  private final OptimizedIntegrations.Integration kind;
  private final IntegrationPattern pattern;

  // Every copy is checked, not only the first: with(...) can set any member afterwards.
  private OptimizedCall(SdkCall call, OptimizedIntegrations.Integration kind, IntegrationPattern pattern) {
    checkCreateCluster(kind, call.payload());
    this.call = call;
    this.kind = kind;
    this.pattern = pattern;
  }

  static OptimizedCall of(SdkRequest request) {
    Objects.requireNonNull(request, "request == null");
    SdkOperation operation = SdkOperation.of(request.getClass());
    OptimizedIntegrations.Integration kind = OptimizedIntegrations.forOperation(operation.toString()).orElse(null);
    if (kind == null) {
      String hint = operation.toString().equals("lambda:invoke")
          ? "use LambdaInvoke.function(...) for the optimized Lambda integration"
          : operation.toString().equals("bedrockruntime:invokeModel")
              ? "use BedrockInvokeModel.model(...) for the optimized Bedrock integration"
              : "use AwsSdk.call(request) for the AWS SDK integration";
      throw new IllegalArgumentException(operation + " has no optimized integration; " + hint + " (optimized: "
          + OptimizedIntegrations.all().stream().map(OptimizedIntegrations.Integration::operation)
          .collect(Collectors.joining(", ")) + ")");
    }
    return new OptimizedCall(SdkCall.of(request), kind, RR);
  }

  private static final String CONNECT_EMR = "https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr.html";

  // EMR's createCluster is RunJobFlow without Steps and with Instances.KeepJobFlowAliveWhenNoSteps
  // true (connect-emr.html).
  private static void checkCreateCluster(OptimizedIntegrations.Integration kind, ObjectValue payload) {
    if (!kind.resourceName().equals("elasticmapreduce:createCluster")) {
      return;
    }
    if (payload.get("Steps") != null) {
      throw new IllegalArgumentException("elasticmapreduce:createCluster takes no Steps; add each step with "
          + "EmrCluster.id(clusterId).addStep(step) once the cluster is created (" + CONNECT_EMR + ")");
    }
    Value instances = payload.get("Instances");
    Value keepAlive = instances instanceof ObjectValue object ? object.get("KeepJobFlowAliveWhenNoSteps") : null;
    if (!(keepAlive instanceof io.statecraft.dsl.BooleanValue yes && yes.value())) {
      throw new IllegalArgumentException("elasticmapreduce:createCluster needs Instances.KeepJobFlowAliveWhenNoSteps "
          + "true, or the cluster ends before any step is added (" + CONNECT_EMR + ")");
    }
  }

  /**
   * A copy with a member set, as {@link SdkCall#with(String, Value)}. Unlike the AWS SDK
   * integration, the optimized integrations take JSON where the API takes text, so
   * {@code with("Input", object)} for StartExecution, {@code with("MessageBody", object)} for SQS,
   * {@code with("Message", object)} for SNS and {@code with("Entries[0].Detail", object)} for
   * EventBridge send the object as JSON text.
   */
  public OptimizedCall with(String memberPath, Value value) {
    return new OptimizedCall(call.with(memberPath, value, true), kind, pattern);
  }

  /** {@link #with(String, Value)} with a literal string. */
  public OptimizedCall with(String memberPath, String text) {
    return with(memberPath, Value.of(text));
  }

  /** A copy that waits for the job to finish ({@code .sync}): StartExecution, RunTask, SubmitJob. */
  public OptimizedCall sync() {
    return withPattern(SYNC);
  }

  /** A copy that waits for the child execution and returns its output as JSON ({@code .sync:2}). */
  public OptimizedCall syncJson() {
    return withPattern(SYNC2);
  }

  /**
   * A copy that waits for a task token ({@code .waitForTaskToken}).
   *
   * @throws IllegalArgumentException when no member passes the token on: nobody could answer
   */
  public OptimizedCall waitForTaskToken() {
    if (!Payloads.passesTaskToken(call.payload())) {
      throw new IllegalArgumentException(kind.resourceName() + ".waitForTaskToken: no member passes the task token on, "
          + "so nobody could ever answer and the task would wait until it times out; put Context.taskToken() "
          + "($$.Task.Token) or, in JSONata, $states.context.Task.Token in the message, input or overrides");
    }
    return withPattern(TOKEN);
  }

  private OptimizedCall withPattern(IntegrationPattern wanted) {
    requirePattern(kind.resourceName(), kind.patterns(), wanted, kind.page());
    return new OptimizedCall(call, kind, wanted);
  }

  /** Refuses a pattern the service does not support, naming those it does and the AWS page. */
  static void requirePattern(String resourceName, Set<IntegrationPattern> supported, IntegrationPattern wanted,
      String page) {
    if (!supported.contains(wanted)) {
      throw new IllegalArgumentException("the optimized " + resourceName + " integration supports "
          + EnumSet.copyOf(supported).stream().map(OptimizedCall::describe).collect(Collectors.joining(" and "))
          + ", not " + describe(wanted) + " (" + page + ")");
    }
  }

  private static String describe(IntegrationPattern pattern) {
    return pattern == RR ? "request-response" : pattern.suffix();
  }

  /**
   * A copy granted exactly these statements for the call itself; the statements the pattern adds
   * ({@code .sync}'s describe, stop and rule) and the row's own ({@code iam:PassRole} for the role
   * the request passes, {@link OptimizedIntegrations.Integration#alsoGranted()}) stay. For a call whose
   * AWS page writes no statements (EKS' {@code createFargateProfile}, {@code deleteFargateProfile})
   * these are all it is granted, whatever the pattern, and the build fails without them.
   */
  public OptimizedCall permissions(IamStatement... statements) {
    return new OptimizedCall(call.permissions(statements), kind, pattern);
  }

  /** The result of a request-response call, typed by the SDK's response class. */
  public <T extends SdkPojo> SdkResult<T> result(Class<T> responseClass) {
    if (pattern != RR) {
      throw new IllegalStateException(resource() + " returns the finished job, not " + responseClass.getSimpleName()
          + "; point at its members with Path or select on the job's own description");
    }
    return call.result(responseClass);
  }

  @Override
  public String resource() {
    return "arn:aws:states:::" + kind.resourceName() + pattern.suffix();
  }

  @Override
  public ObjectValue payload() {
    return call.payload();
  }

  @Override
  public IntegrationPattern pattern() {
    return pattern;
  }

  /**
   * The statements the execution role needs. For a call whose AWS page writes no statements
   * ({@link OptimizedIntegrations.CallResources#GIVEN_BY_AUTHOR}: EKS' Fargate profile calls) they
   * are exactly those given with {@link #permissions(IamStatement...)}, and nothing is added.
   *
   * @throws IllegalStateException when such a call was given none: the build stops rather than deploy
   *     a role that cannot make the call, or guess a wildcard
   */
  @Override
  public List<IamStatement> iamStatements() {
    if (kind.callResources() == OptimizedIntegrations.CallResources.GIVEN_BY_AUTHOR) {
      return givenByAuthor();
    }
    List<IamStatement> statements = new ArrayList<>();
    switch (kind.callResources()) {
      case EVENT_BUSES:
        statements.add(IamStatement.allow(List.of("events:PutEvents"), eventBuses(call.payload())));
        break;
      case BEDROCK_MODEL_CUSTOMIZATION:
        statements.add(IamStatement.allow(List.of("bedrock:CreateModelCustomizationJob"),
            BedrockInvokeModel.customizationResources(call.payload().get("BaseModelIdentifier"))));
        break;
      case EMR_CONTAINERS_EXECUTION_ROLE:
        String role = role("ExecutionRoleArn", call.payload().get("ExecutionRoleArn"));
        for (IamStatement own : call.iamStatements()) {
          statements.add(own.withCondition(role.endsWith("*") ? "StringLike" : "StringEquals",
              "emr-containers:ExecutionRoleArn", List.of(role)));
        }
        break;
      default:
        statements.addAll(call.iamStatements());
    }
    if (pattern == SYNC || pattern == SYNC2) {
      statements.add(syncStatement(statements.get(0)));
      if (!kind.rule().isEmpty()) {
        statements.add(rule(kind.rule()));
      }
    }
    statements.addAll(kind.alsoGranted());
    passRole().ifPresent(statements::add);
    return List.copyOf(statements);
  }

  private List<IamStatement> givenByAuthor() {
    if (!call.hasExplicitPermissions()) {
      String service = kind.resourceName().substring(0, kind.resourceName().indexOf(':'));
      String action = call.operation().name();
      throw new IllegalStateException(resource() + ": AWS's IAM policies for this integration write no statements for it ("
          + kind.page() + "), so Statecraft grants none by itself; give every statement the role needs with "
          + ".permissions(IamStatement...), such as " + service + ":" + action
          + " and iam:PassRole on the role the request passes"
          + (pattern == SYNC ? ", and what .sync polls with" : ""));
    }
    return call.iamStatements();
  }

  // iam:PassRole on the roles the request names (a member left out passes none), to the row's
  // service only where it names one.
  private Optional<IamStatement> passRole() {
    List<String> roles = kind.passRoles().stream().filter(member -> call.payload().get(member) != null)
        .map(member -> role(member, call.payload().get(member))).distinct().toList();
    if (roles.isEmpty()) {
      return Optional.empty();
    }
    IamStatement pass = IamStatement.allow(List.of("iam:PassRole"), roles);
    return Optional.of(kind.passedToService().isEmpty() ? pass
        : pass.withCondition("StringEquals", "iam:PassedToService", List.of(kind.passedToService())));
  }

  // The role a member passes: its ARN as written, a role name (EMR's ServiceRole) in the stack's
  // account, the placeholder CloudFormation fills (an ARN where the member or the placeholder is
  // named ...Arn, a role's name otherwise), or, known only at run time, any role of the stack's account.
  private static String role(String member, Value role) {
    if (role instanceof StringValue text) {
      return text.value().startsWith("arn:") ? text.value() : ROLES + text.value();
    }
    if (role instanceof Placeholder placeholder) {
      return member.endsWith("Arn") || SdkPermissions.holdsArn(placeholder) ? placeholder.token()
          : ROLES + placeholder.token();
    }
    return ROLES + "*";
  }

  // What .sync polls and stops the job with, from the catalogue's row.
  private IamStatement syncStatement(IamStatement own) {
    switch (kind.syncResources()) {
      case CHILD_EXECUTIONS:
        return IamStatement.allow(kind.syncActions(), List.of(executions(this.call.payload().get("StateMachineArn"))));
      case ANY:
        return IamStatement.allowOnAnyResource(kind.syncActions(), kind.syncReason());
      case LISTED:
        return kind.listedSync();
      case JOB_RUNS_OF_CALL:
        return own.isOnAnyResource() ? IamStatement.allowOnAnyResource(kind.syncActions(), own.reason())
            : IamStatement.allow(kind.syncActions(), own.resources().stream().map(arn -> arn + "/jobruns/*").toList());
      default:
        return own.isOnAnyResource() ? IamStatement.allowOnAnyResource(kind.syncActions(), own.reason())
            : IamStatement.allow(kind.syncActions(), own.resources());
    }
  }

  /**
   * The name Step Functions gives a failure of this call: {@code error("ConditionalCheckFailedException")}
   * on an optimized DynamoDB call is {@code DynamoDB.ConditionalCheckFailedException}, not the AWS
   * SDK integration's {@code DynamoDb.ConditionalCheckFailedException}. See {@link OptimizedErrors}.
   */
  public String error(String exceptionName) {
    Objects.requireNonNull(exceptionName, "exceptionName == null");
    return kind.error(exceptionName);
  }

  /** What listening on the managed EventBridge rule {@code name} takes. */
  static IamStatement rule(String name) {
    return IamStatement.allow(List.of("events:PutTargets", "events:PutRule", "events:DescribeRule"),
        List.of(RULE + name));
  }

  // Executions of the child state machine: its ARN with stateMachine:Name turned into
  // execution:Name:*, when it is written out or given by a placeholder (each part taken from the
  // deployed ARN); otherwise, when the child is chosen at run time, every execution in the account.
  private static String executions(Value stateMachineArn) {
    if (stateMachineArn instanceof StringValue text && text.value().contains(":stateMachine:")) {
      return text.value().replace(":stateMachine:", ":execution:") + ":*";
    }
    if (stateMachineArn instanceof Placeholder placeholder && placeholder.kind() == Placeholder.Kind.STRING) {
      return IamStatement.executionsOf(placeholder.name());
    }
    return "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:*";
  }

  // PutEvents names its buses per entry; an entry without one goes to the default bus.
  private static List<String> eventBuses(ObjectValue payload) {
    Set<String> buses = new LinkedHashSet<>();
    String bus = "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/";
    Value entries = payload.get("Entries");
    List<Value> items = entries instanceof ArrayValue array ? array.items() : List.of();
    if (entries != null && !(entries instanceof ArrayValue)) {
      buses.add(bus + "*");
    }
    for (Value entry : items) {
      Value name = entry instanceof ObjectValue object ? object.get("EventBusName") : null;
      if (!(entry instanceof ObjectValue)) {
        buses.add(bus + "*");
      } else if (name == null) {
        buses.add(bus + "default");
      } else if (name instanceof StringValue text) {
        buses.add(text.value().startsWith("arn:") ? text.value() : bus + text.value());
      } else if (name instanceof Placeholder placeholder) {
        buses.add(bus + placeholder.token());
      } else {
        buses.add(bus + "*");
      }
    }
    if (buses.isEmpty()) {
      buses.add(bus + "default");
    }
    return List.copyOf(buses);
  }

  @Override
  public String toString() {
    return resource();
  }
}
