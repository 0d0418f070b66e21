package io.statecraft.testing;

/**
 * AssertJ entry points for executions and coverage.
 *
 * <pre>{@code
 * import static io.statecraft.testing.WorkflowAssertions.assertThat;
 *
 * assertThat(execution).succeeded().hasOutput("{\"sent\": true}").passedThrough("Notify");
 * assertThat(execution).failed().hasError("States.Timeout");
 * assertThat(execution).state("Notify").hasInput("{\"text\": \"hi\"}");
 * assertThat(coverage).isComplete();
 * }</pre>
 */
public final class WorkflowAssertions {

  private WorkflowAssertions() {}

  /**
   * Assertions on an execution: its status, output, error, path and history.
   *
   * @param execution what {@link LocalExecutor#run()} returned
   * @return the assertions
   */
  public static ExecutionAssert assertThat(Execution execution) {
    return new ExecutionAssert(execution);
  }

  /**
   * Assertions on the coverage of some executions.
   *
   * @param coverage the coverage, from {@link Coverage#of(Execution...)} or the JUnit extension
   * @return the assertions
   */
  public static CoverageAssert assertThat(Coverage coverage) {
    return new CoverageAssert(coverage);
  }

  /**
   * Assertions on one time a state was entered.
   *
   * @param visit one of {@link Execution#visits()}
   * @return the assertions
   */
  public static StateVisitAssert assertThat(StateVisit visit) {
    return new StateVisitAssert(visit);
  }
}
