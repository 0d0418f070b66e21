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

  public static ExecutionAssert assertThat(Execution execution) {
    return new ExecutionAssert(execution);
  }

  public static CoverageAssert assertThat(Coverage coverage) {
    return new CoverageAssert(coverage);
  }

  public static StateVisitAssert assertThat(StateVisit visit) {
    return new StateVisitAssert(visit);
  }
}
