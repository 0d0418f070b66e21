package io.statecraft.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares generated text with a golden file a person has reviewed. Golden files change only on
 * purpose: run the tests with {@code -Dgolden.update=true}, review the diff, commit it.
 */
public final class GoldenFile {

  /** The system property that rewrites golden files instead of comparing with them. */
  public static final String UPDATE_PROPERTY = "golden.update";

  private GoldenFile() {}

  /**
   * Passes when {@code golden} holds exactly {@code actual}; otherwise fails with the first
   * differing line and how to update on purpose. With {@code -Dgolden.update=true} it writes
   * {@code actual} to {@code golden} instead.
   *
   * @param golden the golden file
   * @param actual the generated text
   */
  public static void verify(Path golden, String actual) {
    try {
      if (Boolean.getBoolean(UPDATE_PROPERTY)) {
        Files.createDirectories(golden.toAbsolutePath().getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(golden)) {
        throw new AssertionError("golden file " + golden + " does not exist; create it on purpose with "
            + "-D" + UPDATE_PROPERTY + "=true, review it, and commit it");
      }
      String expected = Files.readString(golden, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        throw new AssertionError("generated text differs from golden file " + golden + ": "
            + firstDifference(expected, actual) + "\nIf the change is intended, rerun with -D"
            + UPDATE_PROPERTY + "=true and review the diff before committing.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String firstDifference(String expected, String actual) {
    List<String> want = expected.lines().toList();
    List<String> got = actual.lines().toList();
    for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
      String w = i < want.size() ? want.get(i) : "<end of file>";
      String g = i < got.size() ? got.get(i) : "<end of file>";
      if (!w.equals(g)) {
        return "line " + (i + 1) + "\n  golden:    " + w + "\n  generated: " + g;
      }
    }
    return "line endings or the final newline differ";
  }
}
