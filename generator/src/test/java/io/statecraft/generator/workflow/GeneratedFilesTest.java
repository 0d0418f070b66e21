package io.statecraft.generator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A set of generated files is written as a unit, only when changed, and leaves nothing behind. */
final class GeneratedFilesTest {

  @TempDir
  Path dir;

  @Test
  void aFailureBeforeTheRenamesLeavesEveryOldFileAsItWas() throws IOException {
    Path template = dir.resolve("out/template.yaml");
    Path blocked = dir.resolve("blocked/definition.asl.json");
    GeneratedFiles.writeAllIfChanged(Map.of(template, "old\n"));
    Files.writeString(dir.resolve("blocked"), "a file where a directory should be");

    Map<Path, String> files = new LinkedHashMap<>();
    files.put(template, "new\n");
    files.put(blocked, "new\n");
    assertThatThrownBy(() -> GeneratedFiles.writeAllIfChanged(files))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot write " + blocked.toAbsolutePath() + " (");

    assertThat(Files.readString(template)).isEqualTo("old\n");
    assertThat(names(template.getParent())).containsExactly("template.yaml");
  }

  @Test
  void onlyChangedFilesAreWrittenAndLeftoversOfAKilledRunAreRemoved() throws IOException {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    GeneratedFiles.writeAllIfChanged(Map.of(a, "1\n", b, "2\n"));
    Files.writeString(dir.resolve(".a.json.1234.tmp"), "half");
    Files.writeString(dir.resolve(".other.tmp"), "not ours");

    Map<Path, String> files = new LinkedHashMap<>();
    files.put(a, "1\n");
    files.put(b, "3\n");
    assertThat(GeneratedFiles.writeAllIfChanged(files)).containsExactly(b);

    assertThat(names(dir)).containsExactly(".other.tmp", "a.json", "b.json");
    assertThat(Files.readString(b)).isEqualTo("3\n");
  }

  @Test
  void filesGetTheModeOfAnyNewFileNotATemporaryFilesOwnerOnlyMode() throws IOException {
    Path generated = dir.resolve("template.json");
    GeneratedFiles.writeIfChanged(generated, "{}\n");
    Path ordinary = Files.writeString(dir.resolve("ordinary"), "x");

    assertThat(Files.getPosixFilePermissions(generated)).isEqualTo(Files.getPosixFilePermissions(ordinary));
  }

  private static java.util.List<String> names(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }
}
