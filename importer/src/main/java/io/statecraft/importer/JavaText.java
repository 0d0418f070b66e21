package io.statecraft.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Text from a definition made safe for generated Java: string literals, Javadoc, and the names of
 * enum constants. Nothing read from a user's file may become code.
 *
 * <p>String literals are written here rather than with JavaPoet's {@code $S}, which leaves U+2028
 * and U+2029 raw; its code writer then breaks the line there, inside the literal, and the class
 * no longer compiles.
 */
final class JavaText {

  private JavaText() {}

  /**
   * The most a class file's string constant may hold: 65,535 bytes of modified UTF-8
   * (<a href="https://docs.oracle.com/javase/specs/jvms/se17/html/jvms-4.html#jvms-4.4.7">JVMS 4.4.7</a>);
   * javac refuses a longer literal, and folds {@code "a" + "b"} into one constant, so a longer text
   * is joined at run time instead.
   */
  private static final int CONSTANT_BYTES = 65_535;

  /**
   * {@code value} as a Java expression of type {@code String}, in ASCII, or {@code null}: one string
   * literal, or {@code String.join("", ...)} of several for a text too long for one class-file
   * constant. The backslash is doubled (so {@code \}{@code u0022} in the data can never begin a
   * Unicode escape: javac honours one only after an even number of backslashes); line breaks are
   * {@code \n} and {@code \r}, since a Unicode escape for them would end the literal; other control
   * characters are octal escapes; every other character outside printable ASCII, lone surrogates
   * included, is a Unicode escape, which javac turns back into the same character inside the literal.
   */
  static String literal(String value) {
    if (value == null) {
      return "null";
    }
    List<String> parts = new ArrayList<>();
    int start = 0;
    int bytes = 0;
    for (int i = 0; i < value.length(); i++) {
      int size = constantBytes(value.charAt(i));
      // A surrogate pair stays in one part, so that each part is whole text.
      boolean pairStart = Character.isHighSurrogate(value.charAt(i)) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1));
      int needed = pairStart ? size + constantBytes(value.charAt(i + 1)) : size;
      if (bytes + needed > CONSTANT_BYTES) {
        parts.add(quoted(value, start, i));
        start = i;
        bytes = 0;
      }
      bytes += size;
    }
    parts.add(quoted(value, start, value.length()));
    return parts.size() == 1 ? parts.get(0) : "String.join(\"\", " + String.join(", ", parts) + ")";
  }

  // Modified UTF-8, as class files hold constants: U+0000 takes two bytes.
  private static int constantBytes(char c) {
    return c >= 0x01 && c <= 0x7f ? 1 : c <= 0x7ff ? 2 : 3;
  }

  private static String quoted(String value, int from, int to) {
    StringBuilder out = new StringBuilder(to - from + 2).append('"');
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\%03o", (int) c));
          } else if (c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * {@code text} as one line of Javadoc that says the same to a reader and nothing to the
   * compiler. The compiler turns {@code \}{@code u002a/} into {@code *}{@code /} before it sees
   * comments, so every backslash becomes an HTML entity, and so do the characters that could end
   * the comment ({@code *}{@code /}), start a tag ({@code @}, {@code <}) or an entity ({@code &}).
   * Line breaks of any kind (CR, LF, NEL, U+2028, U+2029) and other control characters become a
   * space: a comment never spans lines it did not have. A lone surrogate, which no file encoding
   * can hold, becomes a numeric entity.
   */
  static String javadoc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("&#92;");
        case '/' -> out.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
        case '@' -> out.append("&#64;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            out.append(' ');
          } else if (isLoneSurrogate(text, i)) {
            // No encoding can write half a character: the source file could not even be saved.
            out.append(String.format("&#x%04X;", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean isLoneSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
  }

  /**
   * {@code value} when it is one of {@code allowed} (the constants of the DSL enum it names);
   * otherwise an {@link IllegalArgumentException} that says which field holds what.
   */
  static String constant(String value, Set<String> allowed, String field) {
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(field + " is '" + value + "'; it must be one of " + allowed.stream().sorted().toList());
    }
    return value;
  }
}
