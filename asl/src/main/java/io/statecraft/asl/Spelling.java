package io.statecraft.asl;

import java.util.ArrayList;
import java.util.List;
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

  /**
   * Names longer than this get no suggestion: no name Statecraft checks is that long (state names
   * stop at 80 characters), and comparing two huge names costs the product of their lengths.
   */
  static final int MAX_LENGTH = 128;

  private Spelling() {}

  /**
   * The known name {@code wrong} was probably meant to be, if one is close enough. The work is
   * bounded: each candidate costs at most {@code MAX_LENGTH * (2 * MAX_EDITS + 1)} steps, and
   * candidates whose length alone rules them out cost nothing, so thousands of misspelt names
   * against thousands of known ones stay quick.
   */
  public static Optional<String> nearest(String wrong, Iterable<String> known) {
    return index(known).nearest(wrong);
  }

  /** The known names, prepared once for many look-ups ({@link Index#nearest}). */
  public static Index index(Iterable<String> known) {
    return new Index(known);
  }

  /**
   * Known names prepared for look-ups: lower-cased once, each with the set of its characters, so
   * that a candidate whose length or characters alone rule it out costs a comparison of two numbers.
   */
  public static final class Index {

    private final List<String> names = new ArrayList<>();
    private final List<String> lowerCased = new ArrayList<>();
    private final List<Long> characterSets = new ArrayList<>();

    private Index(Iterable<String> known) {
      for (String name : known) {
        String lower = name.toLowerCase(Locale.ROOT);
        names.add(name);
        lowerCased.add(lower);
        characterSets.add(characterSet(lower));
      }
    }

    /** The known name {@code wrong} was probably meant to be, by {@link Spelling}'s rule. */
    public Optional<String> nearest(String wrong) {
      if (wrong.length() > MAX_LENGTH) {
        return Optional.empty();
      }
      String target = wrong.toLowerCase(Locale.ROOT);
      long targetSet = characterSet(target);
      int allowed = Math.min(MAX_EDITS, wrong.length() / 3);
      String best = null;
      int bestDistance = Integer.MAX_VALUE;
      for (int i = 0; i < names.size(); i++) {
        String candidate = lowerCased.get(i);
        // Each edit adds or removes at most two characters of the set, and changes the length by one.
        if (Math.abs(candidate.length() - target.length()) > allowed
            || Long.bitCount(characterSets.get(i) ^ targetSet) > 2 * allowed) {
          continue;
        }
        int distance = distance(target, candidate, allowed);
        if (distance < bestDistance) {
          best = names.get(i);
          bestDistance = distance;
        }
      }
      return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    // The characters of a name, hashed into 64 bits (a superset test, so collisions only let more through).
    private static long characterSet(String name) {
      long set = 0;
      for (int i = 0; i < name.length(); i++) {
        set |= 1L << (name.charAt(i) & 63);
      }
      return set;
    }
  }

  /** The Levenshtein distance between two strings. */
  static int distance(String a, String b) {
    return distance(a, b, Math.max(a.length(), b.length()));
  }

  /**
   * The Levenshtein distance between two strings when it is at most {@code limit}, else {@code
   * limit + 1}: only the band of cells within {@code limit} of the diagonal is computed, and the
   * computation stops at the first row whose every cell is past the limit.
   */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int outside = limit + 1;
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = Math.min(j, outside);
    }
    for (int i = 1; i <= a.length(); i++) {
      int from = Math.max(1, i - limit);
      int to = Math.min(b.length(), i + limit);
      current[0] = Math.min(i, outside);
      if (from > 1) {
        current[from - 1] = outside;
      }
      int rowMinimum = current[0];
      for (int j = from; j <= to; j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        int deletion = j <= i - 1 + limit ? previous[j] + 1 : outside;
        int cell = Math.min(substitution, Math.min(deletion, current[j - 1] + 1));
        current[j] = Math.min(cell, outside);
        rowMinimum = Math.min(rowMinimum, current[j]);
      }
      if (to < b.length()) {
        current[to + 1] = outside;
      }
      if (rowMinimum >= outside) {
        return outside;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return Math.min(previous[b.length()], outside);
  }
}
