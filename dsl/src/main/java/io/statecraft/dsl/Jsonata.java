package io.statecraft.dsl;

import java.util.Objects;

/**
 * A JSONata expression, written in a definition as {@code "{% expression %}"}. Only states whose
 * query language is JSONata evaluate it.
 *
 * @param expression the text between the {@code {%} and {@code %}} delimiters, exactly as
 *     written (so a definition read and written again is unchanged); see {@link #text()}
 */
public record Jsonata(String expression) implements Value {

  public Jsonata {
    Objects.requireNonNull(expression, "expression == null");
  }

  /** The expression {@code text}, written {@code {% text %}}. */
  public static Jsonata of(String text) {
    return new Jsonata(" " + text.strip() + " ");
  }

  /** The expression without surrounding whitespace. */
  public String text() {
    return expression.strip();
  }

  /** Whether {@code text} is written in the {@code {% ... %}} form. */
  public static boolean isExpression(String text) {
    return text.startsWith("{%") && text.endsWith("%}") && text.length() >= 4;
  }

  /** Reads a {@code "{% expression %}"} string. */
  public static Jsonata parse(String text) {
    if (!isExpression(text)) {
      throw new IllegalArgumentException("a JSONata value is written {% expression %}, got: " + text);
    }
    return new Jsonata(text.substring(2, text.length() - 2));
  }

  /** The definition form, {@code {% expression %}}. */
  public String render() {
    return "{%" + expression + "%}";
  }

  @Override
  public String toString() {
    return render();
  }
}
