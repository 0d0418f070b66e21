package io.statecraft.dsl;

import java.util.Objects;

/**
 * Where a piece of a workflow was built in the author's Java code, so that a problem found at
 * build time can point at the line to fix.
 *
 * @param file the source file, relative to its source root ({@code com/acme/PatchAlerts.java})
 * @param line the line number, 1-based
 */
public record SourceLocation(String file, int line) {

  /** Checks that a file is given. */
  public SourceLocation {
    Objects.requireNonNull(file, "file == null");
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
