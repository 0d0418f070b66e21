package io.statecraft.dsl;

import java.util.Objects;
import java.util.Optional;

/**
 * A JSONPath expression the service evaluates at run time: a path into the state input
 * ({@code $.detail.id}), into the context object ({@code $$.Execution.Id}), or into a variable
 * ({@code $instanceIds[0]}).
 *
 * <p>Inside a payload template a path becomes a {@code "Key.$"} field by itself. Build paths
 * with {@link #input()}, {@link Context} or {@link #variable(String)} and the {@link #field} /
 * {@link #index} steps, so that names needing quotes are quoted; {@link #of(String)} takes any
 * expression, refuses one that is broken (a bracket or quote never closed, a step without a name)
 * and leaves the finer checks to the validator.
 *
 * @param expression the JSONPath text, starting with {@code $}
 */
public record Path(String expression) implements Value {


  /** The whole state input, {@code $}. */
  public static final Path ROOT = new Path("$");

  /**
   * Checks only that the text starts with {@code $}, so that any path read from an existing
   * definition is kept as written; {@link #of(String)} is the checked factory for paths typed by
   * hand.
   */
  public Path {
    Objects.requireNonNull(expression, "expression == null");
    if (!expression.startsWith("$")) {
      throw new IllegalArgumentException("a path starts with $: " + expression);
    }
  }

  /**
   * A path written out, such as {@code $.Reservations[*].Instances[*].InstanceId}.
   *
   * @param expression the JSONPath text, starting with {@code $}
   * @return the path
   * @throws IllegalArgumentException when the text is no JSONPath: a bracket, parenthesis or quote
   *     never closed, a step without a name; the message names the problem and the calling line
   */
  public static Path of(String expression) {
    Objects.requireNonNull(expression, "expression == null");
    if (!expression.startsWith("$")) {
      throw new IllegalArgumentException("Path.of(\"" + expression + "\"): a path starts with $ (the input),"
          + " $$ (the context object) or $name (a variable)" + ValueText.authorLine());
    }
    Optional<String> problem = ValueText.jsonPathProblem(expression);
    if (problem.isPresent()) {
      throw new IllegalArgumentException("Path.of(\"" + expression + "\"): " + problem.get() + ValueText.authorLine());
    }
    return new Path(expression);
  }

  /** The state input, {@code $}; continue with {@link #field(String)}. */
  public static Path input() {
    return ROOT;
  }

  /**
   * A workflow variable (set with {@code Assign}), {@code $name}.
   *
   * @param name the variable name: a letter or underscore, then letters, digits, underscores
   */
  public static Path variable(String name) {
    if (!isIdentifier(name)) {
      throw new IllegalArgumentException("a variable name is a letter or _ then letters, digits or _: " + name);
    }
    return new Path("$" + name);
  }

  /** This path followed by an object field; names that are not identifiers are quoted. */
  public Path field(String name) {
    Objects.requireNonNull(name, "name == null");
    if (isIdentifier(name)) {
      return new Path(expression + "." + name);
    }
    return new Path(expression + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']");
  }

  // A letter or _, then letters, digits or _. A loop rather than a regular expression, because
  // workflows call this for every field they read.
  private static boolean isIdentifier(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
      if (!letter && (i == 0 || c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /** This path followed by several fields, {@code $.a.b.c}. */
  public Path fields(String... names) {
    Path path = this;
    for (String name : names) {
      path = path.field(name);
    }
    return path;
  }

  /** This path followed by an array index, {@code [n]}. */
  public Path index(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index < 0: " + index);
    }
    return new Path(expression + "[" + index + "]");
  }

  /** This path followed by every array element, {@code [*]} (not allowed in reference paths). */
  public Path all() {
    return new Path(expression + "[*]");
  }

  /** Whether this path reads the context object ({@code $$...}). */
  public boolean isContext() {
    return expression.startsWith("$$");
  }

  /** Whether this path reads a variable ({@code $name...}). */
  public boolean isVariable() {
    return expression.length() > 1 && isIdentifier(expression.substring(1, 2));
  }

  @Override
  public String toString() {
    return expression;
  }
}
