package io.statecraft.asl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.asl.lint.DefinitionLinter.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DefinitionLinterTest {

  @TempDir
  Path dir;

  private String write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file.toString();
  }

  @Test
  void lintsNamedFilesAndTheDefinitionFilesUnderDirectoriesInSortedOrder() throws IOException {
    write("flows/b.json", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}\n");
    String bad = write("flows/a.yaml", "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n");
    write("flows/notes.txt", "not checked");
    String empty = write("other.asl.json", "");

    Report report = DefinitionLinter.lint(List.of(dir.resolve("flows").toString(), empty));

    assertThat(report.files()).containsExactly(bad, dir.resolve("flows/b.json").toString(), empty);
    assertThat(report.findings()).extracting(DefinitionLinter.Finding::describe).containsExactly(
        bad + ": ERROR MISSING_END_STATE /States: The top level has no terminal state, so it can never finish;"
            + " end a path with a Succeed or Fail state or \"End\": true",
        bad + ": ERROR MISSING_TRANSITION_TARGET /States/A/Next: Next names 'B', but the top level has no state of"
            + " that name (names are case-sensitive)",
        empty + ": ERROR MISSING_DESCRIPTION /: the file is empty; a definition is a JSON or YAML object with"
            + " StartAt and States");
    assertThat(report.summary()).isEqualTo("3 files, 3 errors, 0 warnings");
    assertThat(report.failed(false)).isTrue();
  }

  @Test
  void warningsFailOnlyWhenTheyCountAsErrors() throws IOException {
    String warn = write("warn.json",
        "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Parameters\": {\"id\": \"$.id\"}, \"End\": true}}}\n");
    Report report = DefinitionLinter.lint(List.of(warn));
    assertThat(report.summary()).isEqualTo("1 file, 0 errors, 1 warning");
    assertThat(report.failed(false)).isFalse();
    assertThat(report.failed(true)).isTrue();
  }
}
