package io.statecraft.connect;

import static io.statecraft.connect.LoopbackAws.json;
import static io.statecraft.connect.LoopbackAws.jsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Execution} against the loopback server. */
final class ExecutionTest {

  static final String MACHINE = "arn:aws:states:eu-west-1:111122223333:stateMachine:StateMachine-abc";
  static final String EXECUTION = "arn:aws:states:eu-west-1:111122223333:execution:StateMachine-abc:run-1";

  private final LoopbackAws aws = LoopbackAws.start();
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void startsTheStacksStateMachineAndWaitsForItsOutput() throws Exception {
    aws.on("DescribeStacks", DeploymentTest.stack("CREATE_COMPLETE", "<Outputs><member><OutputKey>StateMachineArn"
            + "</OutputKey><OutputValue>" + MACHINE + "</OutputValue></member></Outputs>"))
        .on("StartExecution", json("{\"executionArn\":\"" + EXECUTION + "\",\"startDate\":1767225600}"))
        .on("DescribeExecution",
            json("{\"executionArn\":\"" + EXECUTION + "\",\"stateMachineArn\":\"" + MACHINE + "\",\"status\":\"RUNNING\","
                + "\"startDate\":1767225600}"),
            json("{\"executionArn\":\"" + EXECUTION + "\",\"stateMachineArn\":\"" + MACHINE + "\",\"status\":\"SUCCEEDED\","
                + "\"startDate\":1767225600,\"stopDate\":1767225601,\"output\":\"{\\\"notified\\\":3}\"}"));

    Execution.Outcome outcome = Execution.start(new Execution.Request(null, "greeting-prod", "{\"dryRun\":true}", "run-1",
        true, Duration.ofMillis(1)), aws.settings(), log::add);

    assertThat(outcome.status()).isEqualTo("SUCCEEDED");
    assertThat(outcome.output()).isEqualTo("{\"notified\":3}");
    assertThat(log).containsExactly("started " + EXECUTION,
        "  https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1#/v2/executions/details/" + EXECUTION,
        "execution SUCCEEDED");
    assertThat(aws.operations()).containsExactly("DescribeStacks", "StartExecution", "DescribeExecution",
        "DescribeExecution");
    var start = new ObjectMapper().readTree(aws.requests().get(1).body());
    assertThat(aws.requests().get(1).headers()).containsEntry("x-amz-target", "AWSStepFunctions.StartExecution");
    assertThat(start.get("stateMachineArn").asText()).isEqualTo(MACHINE);
    assertThat(start.get("input").asText()).isEqualTo("{\"dryRun\":true}");
    assertThat(start.get("name").asText()).isEqualTo("run-1");
  }

  @Test
  void aFailedExecutionCarriesItsErrorAndCause() {
    aws.on("StartExecution", json("{\"executionArn\":\"" + EXECUTION + "\",\"startDate\":1767225600}"))
        .on("DescribeExecution", json("{\"executionArn\":\"" + EXECUTION + "\",\"stateMachineArn\":\"" + MACHINE
            + "\",\"status\":\"FAILED\",\"startDate\":1767225600,\"error\":\"States.TaskFailed\",\"cause\":\"boom\"}"));

    Execution.Outcome outcome = Execution.start(new Execution.Request(MACHINE, null, "{}", null, true, Duration.ofMillis(1)),
        aws.settings(), log::add);

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.error()).isEqualTo("States.TaskFailed");
    assertThat(outcome.cause()).isEqualTo("boom");
  }

  @Test
  void aMissingStateMachineIsAwsOwnMessage() {
    aws.on("StartExecution", jsonError(400, "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + MACHINE + "'"));

    assertThatThrownBy(() -> Execution.start(new Execution.Request(MACHINE, null, "{}", null, false, Duration.ofMillis(1)),
        aws.settings(), log::add))
        .isInstanceOf(AwsException.class)
        .hasMessage("states:StartExecution failed: StateMachineDoesNotExist: State Machine Does Not Exist: '" + MACHINE + "'");
  }

  @Test
  void aStackWithoutTheOutputSaysHowToNameTheStateMachine() {
    aws.on("DescribeStacks", DeploymentTest.stack("CREATE_COMPLETE", ""));

    assertThatThrownBy(() -> Execution.start(new Execution.Request(null, "greeting-prod", "{}", null, false,
        Duration.ofMillis(1)), aws.settings(), log::add))
        .isInstanceOf(AwsException.class)
        .hasMessage("stack greeting-prod has no StateMachineArn output; give the state machine with --state-machine-arn");
  }

}
