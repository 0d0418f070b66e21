package io.statecraft.generator.cfn;

import java.util.ArrayList;
import java.util.List;

/**
 * A regular expression that matches exactly the integers of a range, written without leading
 * zeros: the {@code AllowedPattern} of a {@code String} parameter that stands for an integer, as
 * CloudFormation's {@code Number} type also accepts {@code 7.5} and {@code 1e3}.
 */
final class IntegerPattern {

  /** Used for a missing bound: 15 digits, which JSON numbers still hold exactly. */
  static final long UNBOUNDED = 999_999_999_999_999L;

  private IntegerPattern() {}

  /** The integers from {@code min} to {@code max}, both included; {@code min <= max}. */
  static String range(long min, long max) {
    if (min > max || Math.abs(min) > UNBOUNDED || Math.abs(max) > UNBOUNDED) {
      throw new IllegalArgumentException("range " + min + " to " + max);
    }
    List<String> alternatives = new ArrayList<>();
    if (min < 0) {
      // -1 to -|min| (or to -|max| when the whole range is negative); "-0" is not written.
      alternatives.add("-(" + nonNegative(Math.max(1, max < 0 ? -max : 1), -min) + ")");
    }
    if (max >= 0) {
      alternatives.add(nonNegative(Math.max(0, min), max));
    }
    return String.join("|", alternatives);
  }

  // 0 <= low <= high: one alternative per number of digits.
  private static String nonNegative(long low, long high) {
    List<String> alternatives = new ArrayList<>();
    String lowText = Long.toString(low);
    String highText = Long.toString(high);
    int fullFrom = 0; // the first of a run of lengths that take every number of that length
    for (int digits = lowText.length(); digits <= highText.length(); digits++) {
      String from = digits == lowText.length() ? lowText : "1" + "0".repeat(digits - 1);
      String to = digits == highText.length() ? highText : "9".repeat(digits);
      boolean full = digits > 1 && from.equals("1" + "0".repeat(digits - 1)) && to.equals("9".repeat(digits));
      if (full) {
        fullFrom = fullFrom == 0 ? digits : fullFrom;
        if (digits < highText.length()) {
          continue;
        }
      }
      if (fullFrom != 0) {
        int last = full ? digits : digits - 1;
        alternatives.add("[1-9][0-9]" + (fullFrom == last ? repeat(last - 1) : "{" + (fullFrom - 1) + "," + (last - 1) + "}"));
        fullFrom = 0;
      }
      if (!full) {
        alternatives.add(sameLength(from, to));
      }
    }
    return String.join("|", alternatives);
  }

  // from <= to, as digit strings of the same length.
  private static String sameLength(String from, String to) {
    if (from.isEmpty()) {
      return "";
    }
    if (from.length() == 1) {
      return digit(from.charAt(0), to.charAt(0));
    }
    char first = from.charAt(0);
    char last = to.charAt(0);
    String fromRest = from.substring(1);
    String toRest = to.substring(1);
    if (first == last) {
      return first + group(sameLength(fromRest, toRest));
    }
    List<String> alternatives = new ArrayList<>();
    String nines = "9".repeat(fromRest.length());
    String zeros = "0".repeat(toRest.length());
    boolean fullLow = fromRest.equals(zeros);
    boolean fullHigh = toRest.equals(nines);
    char middleFrom = fullLow ? first : (char) (first + 1);
    char middleTo = fullHigh ? last : (char) (last - 1);
    if (!fullLow) {
      alternatives.add(first + group(sameLength(fromRest, nines)));
    }
    if (middleFrom <= middleTo) {
      alternatives.add(digit(middleFrom, middleTo) + "[0-9]" + repeat(fromRest.length()));
    }
    if (!fullHigh) {
      alternatives.add(last + group(sameLength(zeros, toRest)));
    }
    return String.join("|", alternatives);
  }

  private static String repeat(int times) {
    return times == 1 ? "" : "{" + times + "}";
  }

  private static String digit(char from, char to) {
    return from == to ? String.valueOf(from) : "[" + from + "-" + to + "]";
  }

  private static String group(String pattern) {
    return pattern.contains("|") ? "(" + pattern + ")" : pattern;
  }
}
