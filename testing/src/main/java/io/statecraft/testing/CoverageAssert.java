package io.statecraft.testing;

import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Assertions on {@link Coverage}; a failure lists what was missed. */
public final class CoverageAssert extends AbstractAssert<CoverageAssert, Coverage> {

  CoverageAssert(Coverage actual) {
    super(actual, CoverageAssert.class);
  }

  /**
   * Every state, Choice rule and Default, catcher and retrier was exercised.
   *
   * @return this assertion, to chain more
   */
  public CoverageAssert isComplete() {
    isNotNull();
    if (actual.isEmpty()) {
      failWithMessage("Expected complete workflow coverage, but no execution was recorded");
    }
    List<CoverageItem> missed = actual.missed();
    if (!missed.isEmpty()) {
      failWithMessage("Expected complete workflow coverage, but %d item(s) were not exercised:%n  %s", missed.size(),
          String.join("\n  ", missed.stream().map(CoverageItem::toString).toList()));
    }
    return this;
  }

  /**
   * Every named state was entered by some execution.
   *
   * @param states the state names
   * @return this assertion, to chain more
   */
  public CoverageAssert coversStates(String... states) {
    isNotNull();
    List<String> missed = actual.missed().stream()
        .filter(item -> item.kind() == CoverageItem.Kind.STATE)
        .map(CoverageItem::state)
        .filter(Arrays.asList(states)::contains)
        .toList();
    if (!missed.isEmpty()) {
      failWithMessage("Expected states %s to be covered, but %s were never entered", Arrays.asList(states), missed);
    }
    return this;
  }

  /**
   * Every state was entered (rules, catchers and retriers aside).
   *
   * @return this assertion, to chain more
   */
  public CoverageAssert coversAllStates() {
    isNotNull();
    List<String> missed = actual.missed().stream()
        .filter(item -> item.kind() == CoverageItem.Kind.STATE)
        .map(CoverageItem::state)
        .toList();
    if (!missed.isEmpty()) {
      failWithMessage("Expected every state to be covered, but %s were never entered", missed);
    }
    return this;
  }
}
