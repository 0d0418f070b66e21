package io.statecraft.asl.validate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verdicts on texts that recur across the definitions of a build ({@code $.detail}, {@code
 * $$.Execution.Id}, {@code States.ArrayLength($.items)}), each found once. A verdict must depend on
 * nothing but the text. Bounded, because the texts come from input: past the bound, new texts are
 * checked every time instead of remembered.
 *
 * @param <V> the verdict
 */
final class Verdicts<V> {

  private static final int LIMIT = 4096;

  private final Map<String, V> known = new ConcurrentHashMap<>();

  /**
   * The verdict on {@code text} found before, or null; the caller checks the text and keeps the
   * verdict with {@link #remember}. Two calls rather than one taking the check as a function: a
   * lambda would be a class spun at run time in every cold JVM (issue 19, bench/RESULTS.md).
   */
  V known(String text) {
    return known.get(text);
  }

  /** Keeps the verdict on {@code text}, while under the bound. */
  void remember(String text, V verdict) {
    if (known.size() < LIMIT) {
      known.put(text, verdict);
    }
  }
}
