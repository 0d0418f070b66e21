package io.statecraft.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A state chained into the state machine but not reachable from its start is reported, not dropped silently. */
final class DroppedStatesTest {

  private static List<String> issues(StateMachine machine) {
    return machine.build().issues().stream()
        .map(i -> i.code() + " " + i.stateName() + ": " + i.message() + " (" + i.source() + ")").toList();
  }

  @Test
  void aStateChainedIntoTheMachineButNeverReachedIsAWarningWithItsLine() {
    Pass start = Pass.named("Start");
    Succeed done = Succeed.named("Done");
    start.next(done);
    Pass audit = Pass.named("Audit");
    audit.next(done);

    assertThat(issues(StateMachine.startWith(start))).containsExactly(
        "DROPPED_STATE Audit: state 'Audit' moves on to 'Done', but no state reachable from the start moves to it, so it is "
            + "left out of the definition; link it in with next(...), a Choice rule or a Catch, or remove it "
            + "(io/statecraft/dsl/DroppedStatesTest.java:21)");
    assertThat(BuildIssue.Code.DROPPED_STATE.isWarning()).isTrue();
  }

  @Test
  void aFragmentWiredToTheMachineButNotFromItIsReportedStateByState() {
    Pass start = Pass.named("Start");
    Succeed done = Succeed.named("Done");
    start.next(done);
    Fragment notify = Chain.of(Pass.named("Format"), Pass.named("Send"));
    notify.next(done);
    Choice route = Choice.named("Route").otherwise(Pass.named("Elsewhere"));
    Task fallback = Task.named("Fallback").resource("arn:aws:states:::lambda:invoke");
    fallback.catchErrors(Catch.on(Errors.ALL), start);

    assertThat(issues(StateMachine.startWith(start))).containsExactly(
        "DROPPED_STATE Fallback: state 'Fallback' moves on to 'Start', but no state reachable from the start moves to it, so it "
            + "is left out of the definition; link it in with next(...), a Choice rule or a Catch, or remove it "
            + "(io/statecraft/dsl/DroppedStatesTest.java:39)",
        "DROPPED_STATE Send: state 'Send' moves on to 'Done', but no state reachable from the start moves to it, so it is "
            + "left out of the definition; link it in with next(...), a Choice rule or a Catch, or remove it "
            + "(io/statecraft/dsl/DroppedStatesTest.java:36)",
        "DROPPED_STATE Format: state 'Format' moves on to 'Send', but no state reachable from the start moves to it, so it is "
            + "left out of the definition; link it in with next(...), a Choice rule or a Catch, or remove it "
            + "(io/statecraft/dsl/DroppedStatesTest.java:36)");
  }

  @Test
  void aTransitionMovedElsewhereNoLongerCounts() {
    Pass start = Pass.named("Start");
    Succeed done = Succeed.named("Done");
    Pass old = Pass.named("Old");
    old.next(done);
    old.next(Succeed.named("OldEnd"));
    start.next(done);

    assertThat(issues(StateMachine.startWith(start))).isEmpty();
  }
}
