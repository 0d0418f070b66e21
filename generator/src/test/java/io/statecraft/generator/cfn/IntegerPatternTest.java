package io.statecraft.generator.cfn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link IntegerPattern}: exactly the integers of a range, as CloudFormation's AllowedPattern. */
class IntegerPatternTest {

  @Test
  void patternsReadAsExpected() {
    assertThat(IntegerPattern.range(5, 300)).isEqualTo("[5-9]|[1-9][0-9]|[1-2][0-9]{2}|300");
    assertThat(IntegerPattern.range(1, 1000)).isEqualTo("[1-9]|[1-9][0-9]{1,2}|1000");
    assertThat(IntegerPattern.range(0, 23)).isEqualTo("[0-9]|1[0-9]|2[0-3]");
    assertThat(IntegerPattern.range(-5, 3)).isEqualTo("-([1-5])|[0-3]");
  }

  @Test
  void everyRangeMatchesItsIntegersAndNothingElse() {
    long[][] ranges = {{0, 0}, {1, 9}, {5, 300}, {1, 1000}, {0, 23}, {1, 24}, {15, 900}, {7, 7}, {99, 101},
        {123, 4567}, {-20, -3}, {-15, 42}, {-1000, 0}};
    for (long[] range : ranges) {
      Pattern pattern = Pattern.compile(IntegerPattern.range(range[0], range[1]));
      for (long value = -1100; value <= 5000; value++) {
        boolean inside = value >= range[0] && value <= range[1];
        assertThat(pattern.matcher(Long.toString(value)).matches())
            .as("%d in %d..%d", value, range[0], range[1]).isEqualTo(inside);
      }
      for (String notAnInteger : new String[] {"7.5", "1e3", "007", "+5", "-0", " 5", "", "5 "}) {
        assertThat(pattern.matcher(notAnInteger).matches()).as(notAnInteger + " in " + range[0] + ".." + range[1]).isFalse();
      }
    }
  }
}
