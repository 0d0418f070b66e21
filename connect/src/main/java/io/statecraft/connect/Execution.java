package io.statecraft.connect;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/**
 * Starts an execution of a deployed state machine, found by ARN or from its stack's
 * {@code StateMachineArn} output, and optionally waits for it: the one entry point of {@code
 * statecraft start} and the {@code start} goal.
 *
 * <p>References: https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html,
 * API_DescribeExecution.html (status RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED,
 * PENDING_REDRIVE; output, error and cause). DescribeExecution does not serve Express executions,
 * so waiting is for Standard workflows.
 */
public final class Execution {

  /** The stack output that the generator gives every template. */
  public static final String STATE_MACHINE_OUTPUT = "StateMachineArn";

  /**
   * What to start.
   *
   * @param stateMachineArn the state machine, or null to read it from {@code stackName}'s outputs
   * @param stackName the stack whose {@code StateMachineArn} output names the state machine
   * @param input the execution's input JSON
   * @param name the execution name, or null for one Step Functions chooses
   * @param waitForEnd whether to wait for the execution to finish
   * @param pollInterval how long between two looks at the execution
   */
  public record Request(String stateMachineArn, String stackName, String input, String name, boolean waitForEnd,
      Duration pollInterval) {

    public Request {
      if (stateMachineArn == null && stackName == null) {
        throw new IllegalArgumentException("name the state machine by ARN or by its stack");
      }
      Objects.requireNonNull(input, "input == null");
      Objects.requireNonNull(pollInterval, "pollInterval == null");
    }
  }

  /**
   * How it went.
   *
   * @param executionArn the execution
   * @param status {@code RUNNING} when not waited for, else the final status
   * @param output the output JSON when it succeeded
   * @param error the error name when it did not
   * @param cause the cause when it did not
   * @param consoleLink the execution's page in the Step Functions console
   */
  public record Outcome(String executionArn, String status, String output, String error, String cause,
      String consoleLink) {

    public boolean succeeded() {
      return status.equals("SUCCEEDED") || status.equals("RUNNING");
    }
  }

  private Execution() {}

  /**
   * Starts the execution, printing its ARN and console link (and, when waiting, its status) through
   * {@code log}.
   *
   * @throws AwsException when AWS cannot be called or the stack has no state machine output
   */
  public static Outcome start(Request request, AwsSettings settings, Consumer<String> log) {
    Region region = settings.resolveRegion();
    String arn = request.stateMachineArn() != null ? request.stateMachineArn() : fromStack(request.stackName(), settings);
    try (SfnClient sfn = settings.stepFunctions()) {
      StartExecutionResponse started = AwsErrors.call("states:StartExecution", () -> sfn.startExecution(r -> r
          .stateMachineArn(arn).input(request.input()).name(request.name())));
      String executionArn = started.executionArn();
      String link = "https://" + region.id() + ".console.aws.amazon.com/states/home?region=" + region.id()
          + "#/v2/executions/details/" + executionArn;
      log.accept("started " + executionArn);
      log.accept("  " + link);
      if (!request.waitForEnd()) {
        return new Outcome(executionArn, "RUNNING", null, null, null, link);
      }
      while (true) {
        DescribeExecutionResponse execution = AwsErrors.call("states:DescribeExecution",
            () -> sfn.describeExecution(r -> r.executionArn(executionArn)));
        String status = execution.statusAsString();
        if (!status.equals("RUNNING")) {
          log.accept("execution " + status);
          return new Outcome(executionArn, status, execution.output(), execution.error(), execution.cause(), link);
        }
        try {
          Thread.sleep(request.pollInterval().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AwsException("interrupted while waiting for " + executionArn);
        }
      }
    }
  }

  private static String fromStack(String stack, AwsSettings settings) {
    try (CloudFormationClient cfn = settings.cloudFormation()) {
      var stacks = AwsErrors.call("cloudformation:DescribeStacks", () -> cfn.describeStacks(r -> r.stackName(stack)))
          .stacks();
      return stacks.stream().flatMap(found -> found.outputs().stream())
          .filter(output -> STATE_MACHINE_OUTPUT.equals(output.outputKey())).map(Output::outputValue).findFirst()
          .orElseThrow(() -> new AwsException("stack " + stack + " has no " + STATE_MACHINE_OUTPUT
              + " output; give the state machine with --state-machine-arn"));
    }
  }
}
