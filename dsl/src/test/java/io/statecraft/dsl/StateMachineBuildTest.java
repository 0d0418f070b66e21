package io.statecraft.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.dsl.asl.AslChoice;
import io.statecraft.dsl.asl.AslParallel;
import io.statecraft.dsl.asl.AslTask;
import io.statecraft.dsl.asl.AslWait;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateMachineBuildTest {

  @Test
  void loopsAreBuiltFromObjectReferences() {
    Wait pause = Wait.named("Pause").seconds(30);
    Task poll = Task.named("Poll").resource("arn:aws:states:::aws-sdk:ssm:getCommandInvocation");
    Choice done = Choice.named("Done?");
    Succeed finished = Succeed.named("Finished");
    pause.next(poll).next(done);
    done.when(Condition.stringEquals(Path.of("$.status"), "InProgress"), pause).otherwise(finished);

    BuiltStateMachine built = StateMachine.startWith(pause).build();

    assertThat(built.issues()).isEmpty();
    assertThat(built.definition().states()).containsOnlyKeys("Pause", "Poll", "Done?", "Finished");
    assertThat(built.definition().states().keySet()).containsExactly("Pause", "Poll", "Done?", "Finished");
    assertThat(((AslWait) built.definition().states().get("Pause")).next()).isEqualTo("Poll");
    AslChoice choice = (AslChoice) built.definition().states().get("Done?");
    assertThat(choice.choices().get(0).next()).isEqualTo("Pause");
    assertThat(choice.defaultState()).isEqualTo("Finished");
  }

  @Test
  void aChainableStateWithoutNextEndsItsScope() {
    Task only = Task.named("Only").resource("arn:aws:states:::lambda:invoke");

    AslTask task = (AslTask) StateMachine.startWith(only).toDefinition().states().get("Only");

    assertThat(task.end()).isTrue();
    assertThat(task.next()).isNull();
  }

  @Test
  void eachStateRemembersTheLineThatBuiltIt() {
    Pass first = Pass.named("First"); int line = 47;

    BuiltStateMachine built = StateMachine.startWith(first).build();

    assertThat(built.sources().get("First"))
        .isEqualTo(new SourceLocation("io/statecraft/dsl/StateMachineBuildTest.java", line));
  }

  @Test
  void twoStatesWithOneNameAreReportedWithBothLocations() {
    Pass a = Pass.named("Same");
    Pass b = Pass.named("Same");
    a.next(b);

    BuiltStateMachine built = StateMachine.startWith(a).build();

    assertThat(built.issues()).singleElement().satisfies(issue -> {
      assertThat(issue.code()).isEqualTo("DUPLICATE_STATE_NAME");
      assertThat(issue.stateName()).isEqualTo("Same");
      assertThat(issue.message()).isEqualTo("two different states are named 'Same' (the other one is built at "
          + "io/statecraft/dsl/StateMachineBuildTest.java:57); state names must be unique in the whole state machine");
      assertThat(issue.source().line()).isEqualTo(58);
    });
  }

  @Test
  void aTransitionOutOfABranchIsReported() {
    Succeed after = Succeed.named("After");
    Pass inBranch = Pass.named("InBranch");
    inBranch.next(after);
    Parallel parallel = Parallel.named("Fan").branch(inBranch);
    parallel.next(after);

    BuiltStateMachine built = StateMachine.startWith(parallel).build();

    assertThat(built.issues()).extracting(BuildIssue::code, BuildIssue::stateName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("TRANSITION_OUT_OF_SCOPE", "After"));
    assertThat(built.issues().get(0).message()).isEqualTo("state is reached both from the scope starting at 'Fan' "
        + "and from the scope starting at 'InBranch'; a transition cannot enter or leave a Parallel branch or a Map item processor");
    assertThat(((AslParallel) built.definition().states().get("Fan")).branches().get(0).states())
        .containsOnlyKeys("InBranch");
  }

  @Test
  void aTaskWithoutResourceIsReported() {
    BuiltStateMachine built = StateMachine.startWith(Task.named("Nothing")).build();

    assertThat(built.issues()).extracting(BuildIssue::code).containsExactly("MISSING_RESOURCE");
  }

  @Test
  void chainsAndFragmentsLinkTheirEnds() {
    Fragment notify = Chain.of(Pass.named("Format"), Task.named("Send").resource("arn:aws:states:::sns:publish"));
    Task start = Task.named("Start").resource("arn:aws:states:::lambda:invoke");
    Succeed done = Succeed.named("Done");
    start.next(notify).next(done);

    var states = StateMachine.startWith(start).toDefinition().states();

    assertThat(states.keySet()).containsExactly("Start", "Format", "Send", "Done");
    assertThat(((AslTask) states.get("Send")).next()).isEqualTo("Done");
  }

  @Test
  void aChainCannotContinuePastAStateWithoutNext() {
    assertThatThrownBy(() -> Chain.of(Succeed.named("End"), Pass.named("After")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Succeed End cannot have a Next; it can only end a chain");
  }

  @Test
  void permissionsAreCollectedPerTask() {
    IamStatement publish = IamStatement.allow("sns:Publish", "${AlertsTopic}");
    Task send = Task.named("Send").resource("arn:aws:states:::sns:publish").permissions(publish);

    BuiltStateMachine built = StateMachine.startWith(send).build();

    assertThat(built.permissions()).containsEntry("Send", List.of(publish));
  }

  @Test
  void aStateBuiltInAHelperPointsAtTheHelpersLineAndUnknownNamesHaveNoSource() {
    BuiltStateMachine built = StateMachine.startWith(helperBuiltPass()).build();

    assertThat(built.sources().get("Helped"))
        .isEqualTo(new SourceLocation("io/statecraft/dsl/StateMachineBuildTest.java", HELPER_LINE));
    assertThat(built.sources().get("Helped")).as("worked out once, the same every time")
        .isEqualTo(built.sources().get("Helped"));
    assertThat(built.sources().get("Nowhere")).isNull();
    assertThat(StateSources.none().get("Helped")).isNull();
  }

  private static final int HELPER_LINE = 142;

  private static Pass helperBuiltPass() {
    return Pass.named("Helped");
  }
}
