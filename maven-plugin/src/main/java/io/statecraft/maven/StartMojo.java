package io.statecraft.maven;

import io.statecraft.connect.AwsException;
import io.statecraft.connect.Execution;
import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts an execution of a deployed state machine, given by ARN or found from its stack's {@code
 * StateMachineArn} output, and with {@code wait} logs its output or fails the build with its error
 * and cause: {@code mvn statecraft:start -Dstatecraft.stackName=patch-alerts-prod -Dstatecraft.wait}.
 */
@Mojo(name = "start", requiresProject = false, threadSafe = true)
public final class StartMojo extends AbstractAwsMojo {

  /** The stack whose {@code StateMachineArn} output names the state machine. */
  @Parameter(property = "statecraft.stackName")
  private String stackName;

  /** The state machine, instead of {@code stackName}. */
  @Parameter(property = "statecraft.stateMachineArn")
  private String stateMachineArn;

  /** The execution's input JSON. */
  @Parameter(property = "statecraft.input", defaultValue = "{}")
  private String input;

  /** The execution's name; default: one Step Functions chooses. */
  @Parameter(property = "statecraft.executionName")
  private String executionName;

  /** Waits for the execution to finish (Standard workflows). */
  @Parameter(property = "statecraft.wait", defaultValue = "false")
  private boolean waitForEnd;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if ((stackName == null) == (stateMachineArn == null)) {
      throw new MojoExecutionException("Name the state machine with either -Dstatecraft.stackName or"
          + " -Dstatecraft.stateMachineArn");
    }
    Execution.Outcome outcome;
    try {
      outcome = Execution.start(new Execution.Request(stateMachineArn, stackName, input, executionName, waitForEnd,
          Duration.ofSeconds(2)), awsSettings(), line -> getLog().info(line));
    } catch (AwsException e) {
      throw new MojoFailureException("statecraft start: " + e.getMessage());
    }
    if (outcome.output() != null) {
      getLog().info("output: " + outcome.output());
    }
    if (!outcome.succeeded()) {
      throw new MojoFailureException("statecraft start: execution " + outcome.status() + ": " + outcome.error() + ": "
          + outcome.cause());
    }
  }
}
