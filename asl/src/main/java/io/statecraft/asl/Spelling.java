package io.statecraft.asl;

import java.util.Locale;
import java.util.Optional;

/**
 * The one "did you mean" rule, for every misspelt name Statecraft reports: state names, intrinsic
 * functions, predefined error names, placeholders, IAM actions and service prefixes.
 *
 * <p>The rule: the candidate nearest to the misspelt name by Levenshtein distance, ignoring case,
 * is suggested when the distance is at most a third of the misspelt name's length, and never more
 * than three; on a tie, the first candidate given wins. Case is ignored because {@code notify} for
 * {@code Notify} is the commonest slip. The length bound keeps short names from suggesting
 * unrelated ones (state {@code B} does not suggest {@code A}); the cap keeps long names from
 * suggesting a different name that merely shares a long prefix.
 */
public final class Spelling {

  /** The most edits a suggestion may be away from the misspelt name, however long. */
  static final int MAX_EDITS = 3;

  private Spelling() {}

  /** The known name {@code wrong} was probably meant to be, if one is close enough. */
  public static Optional<String> nearest(String wrong, Iterable<String> known) {
    String target = wrong.toLowerCase(Locale.ROOT);
    int allowed = Math.min(MAX_EDITS, wrong.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(target, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** The Levenshtein distance between two strings. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
