package io.statecraft.dsl;

import java.util.Objects;
import java.util.Optional;

/**
 * A JSONata expression, written in a definition as {@code "{% expression %}"}. Only states whose
 * query language is JSONata evaluate it.
 *
 * @param expression the text between the {@code {%} and {@code %}} delimiters, exactly as
 *     written (so a definition read and written again is unchanged); see {@link #text()}
 */
public record Jsonata(String expression) implements Value {

  /**
   * Keeps the text between the delimiters as it is (whitespace included), so that a definition read
   * and written again is unchanged; {@link #of(String)} is the checked factory for expressions
   * typed by hand.
   */
  public Jsonata {
    Objects.requireNonNull(expression, "expression == null");
  }

  /**
   * The expression {@code text}, written {@code {% text %}}.
   *
   * @param text the expression, without {@code {% %}}
   * @return the expression
   * @throws IllegalArgumentException when the text is empty, already wrapped in {@code {% %}}, or
   *     has a bracket, parenthesis, brace, quote or comment never closed (or a closing one with
   *     nothing open); the message names the problem and the calling line
   */
  public static Jsonata of(String text) {
    Objects.requireNonNull(text, "text == null");
    Optional<String> problem = ValueText.jsonataProblem(text);
    if (problem.isPresent()) {
      throw new IllegalArgumentException("Jsonata.of(\"" + text + "\"): " + problem.get() + ValueText.authorLine());
    }
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
