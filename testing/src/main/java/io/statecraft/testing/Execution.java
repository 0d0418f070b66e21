package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The result of one offline run: status, output or error and cause, the event history with the
 * service's event names, the states taken in order, and the virtual time it took. Assert on it
 * with {@link WorkflowAssertions#assertThat(Execution)}.
 */
public final class Execution {

  private final LoadedDefinition definition;
  private final JsonNode input;
  private final Interpreter.Outcome outcome;
  private final Interpreter interpreter;
  private List<HistoryEvent> history;
  private List<StateVisit> visits;
  private List<String> path;
  private Set<CoverageItem> covered;

  Execution(LoadedDefinition definition, JsonNode input, Interpreter.Outcome outcome, Interpreter interpreter) {
    this.definition = definition;
    this.input = input;
    this.outcome = outcome;
    this.interpreter = interpreter;
  }

  /**
   * How the execution ended.
   *
   * @return {@code SUCCEEDED}, {@code FAILED} or {@code TIMED_OUT}
   */
  public ExecutionStatus status() {
    return outcome.status();
  }

  /**
   * Whether the execution succeeded.
   *
   * @return true when its status is {@code SUCCEEDED}
   */
  public boolean succeeded() {
    return outcome.status() == ExecutionStatus.SUCCEEDED;
  }

  /**
   * The execution's input.
   *
   * @return the execution's input
   */
  public JsonNode input() {
    return input.deepCopy();
  }

  /**
   * The output of a successful execution, else null.
   *
   * @return the output of a successful execution, else null
   */
  public JsonNode output() {
    return outcome.output() == null ? null : outcome.output().deepCopy();
  }

  /**
   * The output as compact JSON text, or null when the execution did not succeed.
   *
   * @return the output as compact JSON text, or null when the execution did not succeed
   */
  public String outputJson() {
    return outcome.output() == null ? null : JsonValues.compact(outcome.output());
  }

  /**
   * The error name of a failed execution, else null (also for a Fail state without Error).
   *
   * @return the error name of a failed execution, else null (also for a Fail state without Error)
   */
  public String error() {
    return outcome.error() == null || outcome.error().isEmpty() ? null : outcome.error();
  }

  /**
   * The cause of a failed execution (null when there is none or the execution succeeded).
   *
   * @return the cause of a failed execution (null when there is none or the execution succeeded)
   */
  public String cause() {
    return outcome.cause();
  }

  /**
   * Every event, in the order they happened.
   *
   * @return every event, in the order they happened
   */
  public synchronized List<HistoryEvent> history() {
    if (history == null) {
      history = List.copyOf(interpreter.history());
    }
    return history;
  }

  /**
   * The names of the states entered, in order, nested states included.
   *
   * @return the names of the states entered, in order, nested states included
   */
  public synchronized List<String> path() {
    if (path == null) {
      path = List.copyOf(interpreter.path());
    }
    return path;
  }

  /**
   * Every state entered, with its input and output, in order.
   *
   * @return every state entered, with its input and output, in order
   */
  public synchronized List<StateVisit> visits() {
    if (visits == null) {
      visits = List.copyOf(interpreter.visits());
    }
    return visits;
  }

  /**
   * The times the named state was entered, in order.
   *
   * @param state the state's name
   * @return the times the named state was entered, in order
   */
  public List<StateVisit> visits(String state) {
    return visits().stream().filter(visit -> visit.name().equals(state)).toList();
  }

  /**
   * How long the execution took on the virtual clock (waits, retries, task durations).
   *
   * @return how long the execution took on the virtual clock (waits, retries, task durations)
   */
  public Duration elapsed() {
    return Duration.ofMillis(outcome.elapsedMillis());
  }

  /**
   * The name of the state machine that ran.
   *
   * @return the name of the state machine that ran
   */
  public String stateMachineName() {
    return definition.name();
  }

  LoadedDefinition definition() {
    return definition;
  }

  /**
   * What lint's data-flow check warned about the state this execution failed in (a field an earlier
   * state dropped, a variable some path does not assign, ...): often the cause of a
   * {@code States.Runtime} failure. Empty when the execution did not fail or nothing was warned.
   *
   * @return the data-flow warnings about the state the execution failed in
   */
  public List<Problem> dataFlowWarningsAtFailure() {
    List<String> states = path();
    if (succeeded() || states.isEmpty()) {
      return List.of();
    }
    return definition.dataFlowWarningsAt(states.get(states.size() - 1));
  }

  synchronized Set<CoverageItem> covered() {
    if (covered == null) {
      covered = Set.copyOf(interpreter.covered());
    }
    return covered;
  }

  @Override
  public String toString() {
    return definition.name() + " " + outcome.status()
        + (succeeded() ? " output " + outputJson() : " error " + error() + (cause() == null ? "" : " cause " + cause()))
        + " path " + path();
  }
}
