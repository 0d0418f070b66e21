package io.statecraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ImportAndRenderCommandTest {

  @TempDir
  Path dir;

  private Path good;
  private Path bad;

  @BeforeEach
  void writeDefinitions() throws IOException {
    good = dir.resolve("patch-alerts.asl.json");
    Files.writeString(good, """
        {"StartAt": "Check", "States": {
          "Check": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 0, "Next": "Done"}],
                    "Default": "Done"},
          "Done": {"Type": "Succeed"}}}
        """);
    bad = dir.resolve("bad.json");
    Files.writeString(bad, """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}
        """);
  }

  @Test
  void importPrintsJavaNamedAfterTheFile() {
    CommandLine run = CommandLine.run("import", "--package", "com.acme.flows", good.toString());

    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith("package com.acme.flows;\n")
        .contains("public final class PatchAlerts {")
        .contains("check.when(Condition.numericGreaterThan(Path.of(\"$.n\"), 0), done);");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void importWritesIntoThePackageFolder() {
    CommandLine run = CommandLine.run("import", "--package", "com.acme", "--class", "Alerts",
        "--output", dir.resolve("src").toString(), good.toString());

    assertThat(run.status()).isZero();
    assertThat(dir.resolve("src/com/acme/Alerts.java")).exists();
    assertThat(run.err()).isEqualTo("wrote " + dir.resolve("src/com/acme/Alerts.java") + "\n");
  }

  @Test
  void importCreatesAMissingOutputFolderWithoutAPackage() {
    Path output = dir.resolve("not/yet/there");

    CommandLine run = CommandLine.run("import", "--output", output.toString(), good.toString());

    assertThat(run.status()).isZero();
    assertThat(run.err()).isEqualTo("wrote " + output.resolve("PatchAlerts.java") + "\n");
    assertThat(output.resolve("PatchAlerts.java")).content().contains("public final class PatchAlerts {");
  }

  @Test
  void importWritesSeveralFilesInOneRun() throws IOException {
    Path second = dir.resolve("nightly-report.yaml");
    Files.writeString(second, "StartAt: Done\nStates:\n  Done:\n    Type: Succeed\n");
    Path src = dir.resolve("src");

    CommandLine run = CommandLine.run("import", "--package", "com.acme", "--output", src.toString(),
        good.toString(), second.toString());

    assertThat(run.status()).isZero();
    assertThat(run.err()).isEqualTo("wrote " + src.resolve("com/acme/PatchAlerts.java") + "\n"
        + "wrote " + src.resolve("com/acme/NightlyReport.java") + "\n");
    assertThat(src.resolve("com/acme/NightlyReport.java")).content().contains("public final class NightlyReport {");
  }

  @Test
  void importWritesNothingWhenOneOfSeveralFilesHasErrors() {
    Path src = dir.resolve("src");

    CommandLine run = CommandLine.run("import", "--output", src.toString(), good.toString(), bad.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).endsWith(bad + ": not used, because it has errors; fix them first (statecraft lint " + bad + ")\n");
    assertThat(src).doesNotExist();
  }

  @Test
  void severalFilesNeedAnOutputFolder() {
    CommandLine run = CommandLine.run("import", good.toString(), good.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.firstErrLine()).isEqualTo("statecraft import: 2 files were given; write them into a folder with --output DIR");
  }

  @Test
  void aDefinitionWithErrorsIsNotImported() {
    CommandLine run = CommandLine.run("import", bad.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(
        bad + ": ERROR MISSING_END_STATE /States: The top level has no terminal state, so it can never finish; end a "
            + "path with a Succeed or Fail state or \"End\": true\n"
        + bad + ": ERROR MISSING_TRANSITION_TARGET /States/A/Next: Next names 'B', but the top level has no state of "
            + "that name (names are case-sensitive)\n"
        + bad + ": not used, because it has errors; fix them first (statecraft lint " + bad + ")\n");
  }

  @Test
  void aProblemTheServiceNamesOtherwiseEndsWithItsCode() throws IOException {
    Path unknown = dir.resolve("unknown.json");
    Files.writeString(unknown, """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Nxt": "A", "End": true}}}
        """);

    CommandLine run = CommandLine.run("render", unknown.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(
        unknown + ": ERROR UNKNOWN_FIELD /States/A/Nxt: Nxt is not a field of a Pass state; did you mean Next? (the"
            + " service rejects fields it does not know) [AWS: SCHEMA_VALIDATION_FAILED]\n"
        + unknown + ": not used, because it has errors; fix them first (statecraft lint " + unknown + ")\n");
  }

  @Test
  void importRejectsAClassNameThatIsNotJava() {
    CommandLine run = CommandLine.run("import", "--class", "not-java", good.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("statecraft import: not a Java class name: not-java\nUsage: statecraft import");
  }

  @Test
  void renderPrintsAMermaidFlowchart() {
    CommandLine run = CommandLine.run("render", good.toString());

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("""
        flowchart TD
          start(("start"))
          n0{"Check"}
          n1(["Done"])
          start --> n0
          n0 -->|"$.n NumericGreaterThan 0"| n1
          n0 -->|"otherwise"| n1
        """);
  }

  @Test
  void renderNeedsAFile() {
    CommandLine run = CommandLine.run("render");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("statecraft render: no definition file given\n");
  }
}
