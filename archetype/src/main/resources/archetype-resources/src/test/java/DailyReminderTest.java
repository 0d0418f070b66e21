package ${package};

import static io.statecraft.testing.WorkflowAssertions.assertThat;

import io.statecraft.testing.Coverage;
import io.statecraft.testing.Execution;
import io.statecraft.testing.LocalExecutor;
import io.statecraft.testing.Mock;
import io.statecraft.testing.WorkflowCoverageExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the workflow offline: every Task answered by a mock, no AWS account needed. */
@ExtendWith(WorkflowCoverageExtension.class)
class DailyReminderTest {

  private static LocalExecutor executor() {
    return LocalExecutor.of(new DailyReminder())
        .substitution("Team", "platform")
        .substitution("ReminderTopicArn", "arn:aws:sns:eu-central-1:111122223333:reminders");
  }

  @Test
  void publishesTheMessage() {
    Execution execution = executor()
        .mock("Remind", Mock.result("{\"MessageId\": \"m-1\"}"))
        .run("{\"message\": \"Stand-up in five minutes\"}");

    assertThat(execution).succeeded().passedThrough("Remind");
    assertThat(execution).state("Remind").hasInput("{\"message\": \"Stand-up in five minutes\"}");
  }

  @Test
  void saysNothingWithoutAMessage() {
    Execution execution = executor().run("{}");

    assertThat(execution).succeeded().passedThrough("Done");
  }

  @Test
  void retriesWhenThrottled() {
    Execution execution = executor()
        .mock("Remind", Mock.sequence(
            Mock.error("Sns.ThrottledException", "Rate exceeded"),
            Mock.result("{\"MessageId\": \"m-2\"}")))
        .run("{\"message\": \"Retro at four\"}");

    assertThat(execution).succeeded().passedThrough("Remind");
  }

  // Every state, Choice rule and retrier was exercised by the tests above.
  @AfterAll
  static void everyPathIsTested(Coverage coverage) {
    assertThat(coverage).isComplete();
  }
}
