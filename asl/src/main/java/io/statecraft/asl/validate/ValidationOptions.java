package io.statecraft.asl.validate;

import io.statecraft.dsl.SourceLocation;
import io.statecraft.dsl.workflow.WorkflowType;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the validator knows besides the definition itself.
 *
 * @param stateSources where each state was built in Java, by state name; may return null (state
 *     names are unique across the whole definition, so a name is enough)
 * @param type the workflow type the definition will be deployed as, or null when it is not known
 *     (as for a lone definition file): rules that depend on the type are then skipped
 * @param sizeAtMost a number of bytes the definition, written as JSON, is known not to exceed, or
 *     -1 when unknown; when it is within the service's limit, the size check does not write the
 *     definition again to measure it
 */
public record ValidationOptions(Function<String, SourceLocation> stateSources, WorkflowType type, long sizeAtMost) {

  public ValidationOptions {
    Objects.requireNonNull(stateSources, "stateSources == null");
  }

  /** No source locations and an unknown workflow type: what a linter of a lone file knows. */
  public static ValidationOptions defaults() {
    return new ValidationOptions(NO_SOURCES, null, -1);
  }

  // A class, not a lambda: defaults() runs on every generate, where each lambda is spun at run time (issue 19).
  private static final Function<String, SourceLocation> NO_SOURCES = new NoSources();

  private static final class NoSources implements Function<String, SourceLocation> {
    @Override
    public SourceLocation apply(String stateName) {
      return null;
    }
  }

  public ValidationOptions withType(WorkflowType newType) {
    return new ValidationOptions(stateSources, newType, sizeAtMost);
  }

  public ValidationOptions withStateSources(Function<String, SourceLocation> newSources) {
    return new ValidationOptions(newSources, type, sizeAtMost);
  }

  /**
   * With a bound on the definition's size that the caller already knows, for example because it
   * has just written the definition: {@code 3 * text.length()} bounds the UTF-8 bytes of any text.
   */
  public ValidationOptions withSizeAtMost(long bytes) {
    return new ValidationOptions(stateSources, type, bytes);
  }
}
