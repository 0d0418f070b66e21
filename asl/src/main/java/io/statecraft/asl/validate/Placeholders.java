package io.statecraft.asl.validate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudFormation {@code ${Name}} placeholders, which {@code DefinitionSubstitutions} replace at
 * deploy time. The validator treats them as opaque text: a string that is one placeholder is not
 * checked as a path, and placeholders inside a path or expression are replaced by their bare name
 * before parsing, so that {@code $.${Field}} parses like {@code $.Field}.
 */
final class Placeholders {

  private Placeholders() {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

  // Every path and payload value of a definition passes through here; most hold no placeholder,
  // and a plain search for "${" spares them a regular-expression matcher.
  static boolean contains(String text) {
    return text.contains("${") && PLACEHOLDER.matcher(text).find();
  }

  /** Whether the whole string is one placeholder, such as {@code ${TopicArn}}. */
  static boolean isWhole(String text) {
    return text.startsWith("${") && PLACEHOLDER.matcher(text).matches();
  }

  /** The first placeholder in {@code text}, as written; null when there is none. */
  static String first(String text) {
    if (!text.contains("${")) {
      return null;
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    return matcher.find() ? matcher.group() : null;
  }

  /** {@code text} with each placeholder replaced by its bare name, ready to be parsed. */
  static String neutralize(String text) {
    if (!text.contains("${")) {
      return text;
    }
    return PLACEHOLDER.matcher(text).replaceAll("$1");
  }
}
