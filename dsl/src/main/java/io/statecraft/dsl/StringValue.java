package io.statecraft.dsl;

import java.util.Objects;

/** A literal JSON string. */
public record StringValue(String value) implements Value {

  public StringValue {
    Objects.requireNonNull(value, "value == null");
  }
}
