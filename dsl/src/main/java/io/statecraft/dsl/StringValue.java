package io.statecraft.dsl;

import java.util.Objects;

/** A literal JSON string. */
public record StringValue(String value) implements Value {

  /**
   * Checks that a string is given. The text is literal: a {@code $.} prefix here is not a path,
   * since paths are {@link Path} values.
   */
  public StringValue {
    Objects.requireNonNull(value, "value == null");
  }
}
