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

  @Test
  void theBandedDistanceAgreesWithTheFullOneUpToItsLimit() {
    java.util.Random random = new java.util.Random(15);
    for (int n = 0; n < 2_000; n++) {
      String a = randomWord(random);
      String b = randomWord(random);
      int full = Spelling.distance(a, b);
      for (int limit = 0; limit <= 4; limit++) {
        assertThat(Spelling.distance(a, b, limit)).as("%s %s %d", a, b, limit).isEqualTo(Math.min(full, limit + 1));
      }
    }
  }

  @Test
  void thousandsOfMisspeltNamesAgainstThousandsOfStatesStayQuick() {
    // The reproducer: 3,000 Next values naming missing states took 12 s.
    Spelling.Index states = Spelling.index(java.util.stream.IntStream.range(0, 3_000).mapToObj(i -> "State" + i).toList());
    long start = System.nanoTime();
    for (int i = 0; i < 3_000; i++) {
      assertThat(states.nearest("Missing" + i)).isEmpty();
    }
    assertThat(states.nearest("Stxte1234")).contains("State1234");
    assertThat(Spelling.nearest("x".repeat(50_000), List.of("x".repeat(50_000)))).isEmpty();
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(10));
  }

  private static String randomWord(java.util.Random random) {
    StringBuilder word = new StringBuilder();
    for (int i = random.nextInt(8); i > 0; i--) {
      word.append((char) ('a' + random.nextInt(3)));
    }
    return word.toString();
  }
}
