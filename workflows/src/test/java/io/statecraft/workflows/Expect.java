package io.statecraft.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.testing.Coverage;
import io.statecraft.testing.CoverageItem;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assertions the reference workflow tests share. */
final class Expect {

  private Expect() {}

  /** JSON equal by value: key order aside, and {@code 2} equal to {@code 2.0} as in the service. */
  static void sameJson(JsonNode actual, String expected) {
    JsonNode want = Calls.json(expected);
    Comparator<JsonNode> numbersByValue = (a, b) -> {
      if (a.isNumber() && b.isNumber()) {
        return a.decimalValue().compareTo(b.decimalValue());
      }
      return a.equals(b) ? 0 : 1;
    };
    assertThat(actual.equals(numbersByValue, want))
        .as("expected %s%n but was %s", want, actual)
        .isTrue();
  }

  /**
   * Every state, Choice rule, catcher and retrier was exercised by some execution. The executor
   * counts coverage per definition text, and each set of deploy-time values (substitutions) makes
   * a text of its own; an item counts here when any of them exercised it.
   */
  static void everyItemExercised(Coverage coverage) {
    Map<CoverageItem, Integer> occurrences = new LinkedHashMap<>();
    coverage.items().forEach(item -> occurrences.merge(item, 1, Integer::sum));
    Map<CoverageItem, Integer> misses = new LinkedHashMap<>();
    coverage.missed().forEach(item -> misses.merge(item, 1, Integer::sum));
    List<String> neverExercised = occurrences.entrySet().stream()
        .filter(entry -> misses.getOrDefault(entry.getKey(), 0).equals(entry.getValue()))
        .map(entry -> entry.getKey().toString())
        .toList();
    assertThat(coverage.isEmpty()).as("no execution was recorded").isFalse();
    assertThat(neverExercised).as("items no execution exercised").isEmpty();
  }
}
