package io.statecraft.generator.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Writes generated files the way DESIGN.md requires: only when the bytes change (so a no-op
 * build touches nothing and incremental builds stay incremental), and through a temporary file
 * renamed into place (so a failed build never leaves half a file).
 */
public final class GeneratedFiles {

  private GeneratedFiles() {}

  /**
   * Writes {@code content} (UTF-8) to {@code file} unless it already holds exactly those bytes.
   *
   * @return true when the file was written, false when it was already up to date
   * @throws UncheckedIOException when the file cannot be read or written
   */
  public static boolean writeIfChanged(Path file, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    try {
      if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
        return false;
      }
      Path directory = file.toAbsolutePath().getParent();
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
      try {
        Files.write(temporary, bytes);
        try {
          Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
