package io.statecraft.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes a test class's coverage where a build keeps its reports: each workflow's diagram as
 * {@code <id>.mmd} and a Markdown summary as {@code <TestClass>.md} embedding them. A file is
 * written only when its text changes, through a temporary file renamed over it, so a reader never
 * sees half a file.
 */
final class CoverageFiles {

  /** The system property naming the folder; by default {@code target/statecraft-coverage}. */
  static final String DIRECTORY_PROPERTY = "statecraft.coverage.dir";

  private CoverageFiles() {}

  static Path directory() {
    return Path.of(System.getProperty(DIRECTORY_PROPERTY, "target/statecraft-coverage"));
  }

  /**
   * Writes the diagrams and the summary of {@code coverage} into {@code directory}.
   *
   * @return the summary file
   */
  static Path write(Path directory, String testClass, Coverage coverage) throws IOException {
    Files.createDirectories(directory);
    for (Map.Entry<String, String> diagram : coverage.diagrams().entrySet()) {
      writeIfChanged(directory.resolve(diagram.getKey()), diagram.getValue());
    }
    Path summary = directory.resolve(testClass + ".md");
    writeIfChanged(summary, coverage.markdown(testClass));
    return summary;
  }

  private static void writeIfChanged(Path file, String text) throws IOException {
    if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
      return;
    }
    Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      try {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
