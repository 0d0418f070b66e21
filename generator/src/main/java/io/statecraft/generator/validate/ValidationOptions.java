package io.statecraft.generator.validate;

import io.statecraft.dsl.SourceLocation;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the validator knows besides the definition itself.
 *
 * @param stateSources where each state was built in Java, by state name; may return null (state
 *     names are unique across the whole definition, so a name is enough)
 * @param type the workflow type the definition will be deployed as
 */
public record ValidationOptions(Function<String, SourceLocation> stateSources, StateMachineType type) {

  public ValidationOptions {
    Objects.requireNonNull(stateSources, "stateSources == null");
    Objects.requireNonNull(type, "type == null");
  }

  /** No source locations and an unknown workflow type: what a linter of a lone file knows. */
  public static ValidationOptions defaults() {
    return new ValidationOptions(name -> null, StateMachineType.UNKNOWN);
  }

  public ValidationOptions withType(StateMachineType newType) {
    return new ValidationOptions(stateSources, newType);
  }

  public ValidationOptions withStateSources(Function<String, SourceLocation> newSources) {
    return new ValidationOptions(newSources, type);
  }
}
