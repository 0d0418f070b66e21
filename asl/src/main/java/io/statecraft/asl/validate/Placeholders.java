package io.statecraft.asl.validate;

import io.statecraft.dsl.Placeholder;
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

  private static final Pattern PLACEHOLDER = Placeholder.TOKEN;

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

  // "${" and a name that runs to the end of the text or to a character no name has: "${OrderArn".
  private static final Pattern UNCLOSED = Pattern.compile("\\$\\{[A-Za-z0-9_]+(?![A-Za-z0-9_}])");

  /** The first placeholder in {@code text} that is not closed ({@code ${OrderArn}), or null. */
  static String unclosed(String text) {
    if (!text.contains("${")) {
      return null;
    }
    Matcher matcher = UNCLOSED.matcher(text);
    return matcher.find() ? matcher.group() : null;
  }

  // What Fn::Sub also fills in, when a definition is a DefinitionString: ${Fn.Arn}, ${AWS::Region},
  // and ${!Literal}, its escape.
  private static final Pattern FN_SUB_VARIABLE = Pattern.compile("\\$\\{!?[A-Za-z0-9_.:]+}");

  /**
   * The first {@code ${} in {@code text} that does not start a placeholder ({@code ${Order-Arn}},
   * {@code ${}, an unclosed one), up to its {@code }} or the end; null when every one does.
   */
  static String malformed(String text) {
    Matcher placeholder = FN_SUB_VARIABLE.matcher(text);
    for (int at = text.indexOf("${"); at >= 0; at = text.indexOf("${", at + 2)) {
      if (!placeholder.region(at, text.length()).lookingAt()) {
        int close = text.indexOf('}', at);
        return close < 0 ? text.substring(at) : text.substring(at, close + 1);
      }
    }
    return null;
  }

  /** {@code text} with each placeholder replaced by its bare name, ready to be parsed. */
  static String neutralize(String text) {
    if (!text.contains("${")) {
      return text;
    }
    return PLACEHOLDER.matcher(text).replaceAll("$1");
  }
}
