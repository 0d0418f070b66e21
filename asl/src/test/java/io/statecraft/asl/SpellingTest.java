package io.statecraft.asl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one "did you mean" rule, at its edges. */
final class SpellingTest {

  @Test
  void caseAloneIsAlwaysCloseEnough() {
    assertThat(Spelling.nearest("b", List.of("A", "B"))).contains("B");
    assertThat(Spelling.nearest("States.format", List.of("States.Format", "States.Hash"))).contains("States.Format");
  }

  @Test
  void aShortNameSuggestsNothingThatDiffersFromIt() {
    // Fewer than three characters allow no edit: state "B" is not a typo of state "A".
    assertThat(Spelling.nearest("B", List.of("A"))).isEmpty();
    assertThat(Spelling.nearest("ec", List.of("ec2"))).isEmpty();
  }

  @Test
  void oneEditPerThreeCharactersOfTheMisspeltName() {
    assertThat(Spelling.nearest("Shipp", List.of("Ship"))).contains("Ship");
    assertThat(Spelling.nearest("Handle", List.of("Handler"))).contains("Handler");
    assertThat(Spelling.nearest("Hndl", List.of("Handler"))).isEmpty();
  }

  @Test
  void neverMoreThanThreeEditsHoweverLongTheName() {
    assertThat(Spelling.nearest("DescribeInstancesXyz", List.of("DescribeInstances"))).contains("DescribeInstances");
    assertThat(Spelling.nearest("DescribeInstancesWxyz", List.of("DescribeInstances"))).isEmpty();
  }

  @Test
  void theNearestWinsAndTheFirstGivenOnATie() {
    assertThat(Spelling.nearest("Notifyy", List.of("Notice", "Notify"))).contains("Notify");
    assertThat(Spelling.nearest("Stat", List.of("Start", "State"))).contains("Start");
    assertThat(Spelling.nearest("anything", List.of())).isEmpty();
  }
}
