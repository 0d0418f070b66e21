package io.statecraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RenderSeveralFilesTest {

  @TempDir
  Path dir;

  private String first;
  private String second;
  private String broken;

  @BeforeEach
  void writeDefinitions() throws IOException {
    first = write("first.asl.json", """
        {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}
        """);
    second = write("second.yaml", """
        StartAt: B
        States:
          B: {Type: Pass, End: true}
        """);
    broken = write("broken.json", """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}
        """);
  }

  @Test
  void eachDefinitionIsDrawnIntoTheFolderUnderItsOwnName() throws IOException {
    Path out = dir.resolve("diagrams");
    CommandLine run = CommandLine.run("render", "--output-dir", out.toString(), first, second);

    assertThat(run.status()).isZero();
    assertThat(run.err()).isEqualTo("wrote " + out.resolve("first.mmd") + "\nwrote " + out.resolve("second.mmd") + "\n");
    assertThat(Files.readString(out.resolve("first.mmd"))).isEqualTo("""
        flowchart TD
          start(("start"))
          n0(["A"])
          start --> n0
        """);
    assertThat(Files.readString(out.resolve("second.mmd"))).isEqualTo("""
        flowchart TD
          start(("start"))
          n0["B"]
          start --> n0
        """);
  }

  @Test
  void aDefinitionWithErrorsIsReportedAndTheOthersAreStillDrawn() {
    Path out = dir.resolve("diagrams");
    CommandLine run = CommandLine.run("render", "--output-dir", out.toString(), broken, first);

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).contains(broken + ": not used, because it has errors")
        .endsWith("wrote " + out.resolve("first.mmd") + "\n");
    assertThat(out.resolve("broken.mmd")).doesNotExist();
  }

  @Test
  void severalDefinitionsNeedAFolder() {
    CommandLine run = CommandLine.run("render", first, second);

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.firstErrLine()).isEqualTo(
        "statecraft render: 2 definitions were given; use --output-dir DIR to write each to DIR/<name>.mmd");
  }

  @Test
  void oneOutputFileTakesOneDefinition() {
    CommandLine run = CommandLine.run("render", "--output", dir.resolve("x.mmd").toString(), first, second);

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.firstErrLine()).isEqualTo("statecraft render: --output names one file, but 2 definitions "
        + "were given; use --output-dir DIR to write each to DIR/<name>.mmd");
  }

  @Test
  void twoDefinitionsOfTheSameNameAreRefusedBeforeAnythingIsWritten() throws IOException {
    Files.createDirectories(dir.resolve("other"));
    String twin = write("other/first.json", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");
    Path out = dir.resolve("diagrams");
    CommandLine run = CommandLine.run("render", "--output-dir", out.toString(), first, twin);

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.firstErrLine()).isEqualTo("statecraft render: " + first + " and " + twin
        + " would both be drawn into " + out.resolve("first.mmd") + "; render them into different folders");
    assertThat(out).doesNotExist();
  }

  private String write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file.toString();
  }
}
