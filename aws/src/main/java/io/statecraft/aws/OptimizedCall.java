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
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;

/**
 * A call through one of Step Functions' optimized integrations ({@code arn:aws:states:::sns:publish},
 * {@code ...:states:startExecution.sync:2}, ...), made from the AWS SDK request of the same API:
 * the parameters are the API's, in the same names. Build it with {@link AwsSdk#optimized(SdkRequest)}.
 *
 * <p>Supported: SNS {@code Publish}, SQS {@code SendMessage}, DynamoDB {@code GetItem},
 * {@code PutItem}, {@code UpdateItem} and {@code DeleteItem}, Step Functions {@code StartExecution},
 * EventBridge {@code PutEvents}, ECS {@code RunTask} and Batch {@code SubmitJob}. Lambda has its
 * own {@link LambdaInvoke}, whose payload is JSON rather than the SDK's bytes.
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

  /** An optimized integration: its name in the resource ARN and the patterns it supports. */
  private record Kind(String resourceName, Set<IntegrationPattern> patterns) {}

  private static final Map<String, Kind> KINDS = Map.of(
      "sns:publish", new Kind("sns:publish", EnumSet.of(RR, TOKEN)),
      "sqs:sendMessage", new Kind("sqs:sendMessage", EnumSet.of(RR, TOKEN)),
      "dynamodb:getItem", new Kind("dynamodb:getItem", EnumSet.of(RR)),
      "dynamodb:putItem", new Kind("dynamodb:putItem", EnumSet.of(RR)),
      "dynamodb:updateItem", new Kind("dynamodb:updateItem", EnumSet.of(RR)),
      "dynamodb:deleteItem", new Kind("dynamodb:deleteItem", EnumSet.of(RR)),
      "sfn:startExecution", new Kind("states:startExecution", EnumSet.of(RR, SYNC, SYNC2, TOKEN)),
      "eventbridge:putEvents", new Kind("events:putEvents", EnumSet.of(RR, TOKEN)),
      "ecs:runTask", new Kind("ecs:runTask", EnumSet.of(RR, SYNC, TOKEN)),
      "batch:submitJob", new Kind("batch:submitJob", EnumSet.of(RR, SYNC)));

  private static final String RULE =
      "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/";

  private final SdkCall call;
  private final Kind kind;
  private final IntegrationPattern pattern;

  private OptimizedCall(SdkCall call, Kind kind, IntegrationPattern pattern) {
    this.call = call;
    this.kind = kind;
    this.pattern = pattern;
  }

  static OptimizedCall of(SdkRequest request) {
    Objects.requireNonNull(request, "request == null");
    SdkOperation operation = SdkOperation.of(request.getClass());
    Kind kind = KINDS.get(operation.toString());
    if (kind == null) {
      String hint = operation.toString().equals("lambda:invoke")
          ? "use LambdaInvoke.function(...) for the optimized Lambda integration"
          : "use AwsSdk.call(request) for the AWS SDK integration";
      throw new IllegalArgumentException(operation + " has no optimized integration; " + hint + " (optimized: "
          + KINDS.keySet().stream().sorted().collect(Collectors.joining(", ")) + ")");
    }
    return new OptimizedCall(SdkCall.of(request), kind, RR);
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
    if (!kind.patterns().contains(wanted)) {
      throw new IllegalArgumentException("the optimized " + kind.resourceName() + " integration supports "
          + kind.patterns().stream().map(OptimizedCall::describe).collect(Collectors.joining(" and "))
          + ", not " + describe(wanted));
    }
    return new OptimizedCall(call, kind, wanted);
  }

  private static String describe(IntegrationPattern pattern) {
    return pattern == RR ? "request-response" : pattern.suffix();
  }

  /**
   * A copy granted exactly these statements for the call itself; the statements the pattern adds
   * ({@code .sync}'s describe, stop and rule) stay.
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

  @Override
  public List<IamStatement> iamStatements() {
    List<IamStatement> statements = new ArrayList<>();
    if (kind.resourceName().equals("events:putEvents")) {
      statements.add(IamStatement.allow(List.of("events:PutEvents"), eventBuses(call.payload())));
    } else {
      statements.addAll(call.iamStatements());
    }
    if (pattern == SYNC || pattern == SYNC2) {
      switch (kind.resourceName()) {
        case "states:startExecution":
          statements.add(IamStatement.allow(List.of("states:DescribeExecution", "states:StopExecution"),
              List.of(executions(call.payload().get("StateMachineArn")))));
          statements.add(rule("StepFunctionsGetEventsForStepFunctionsExecutionRule"));
          break;
        case "ecs:runTask":
          statements.add(IamStatement.allowOnAnyResource(List.of("ecs:StopTask", "ecs:DescribeTasks"),
              "the ECS task's id is known only once RunTask has started it"));
          statements.add(rule("StepFunctionsGetEventsForECSTaskRule"));
          break;
        case "batch:submitJob":
          statements.add(IamStatement.allowOnAnyResource(List.of("batch:DescribeJobs", "batch:TerminateJob"),
              "the Batch job's id is known only once SubmitJob has created it, and batch:DescribeJobs supports no "
                  + "resource-level permissions"));
          statements.add(rule("StepFunctionsGetEventsForBatchJobsRule"));
          break;
        default:
          throw new IllegalStateException(kind.resourceName());
      }
    }
    return List.copyOf(statements);
  }

  private static IamStatement rule(String name) {
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
