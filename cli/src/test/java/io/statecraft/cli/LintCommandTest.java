package io.statecraft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.json.JsonDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LintCommandTest {

  @TempDir
  Path dir;

  private String root;

  @BeforeEach
  void writeDefinitions() throws IOException {
    root = dir.toString();
    write("flows/good.asl.json", """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}
        """);
    write("flows/nested/bad.yaml", """
        StartAt: A
        States:
          A:
            Type: Pass
            Next: B
        """);
    write("flows/warn.json", """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"id": "$.id"}, "End": true}}}
        """);
    write("flows/notes.txt", "not a definition, and not checked");
    write("broken/syntax.json", "{\n  \"StartAt\": \"A\",\n  \"States\": \n");
    write("broken/list.yml", "- a\n- b\n");
  }

  private void write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void printsOneLinePerProblemInSortedFileOrderAndFailsOnErrors() {
    CommandLine run = CommandLine.run("lint", path("flows"));
    assertThat(run.out()).isEqualTo(
        path("flows/nested/bad.yaml") + ": ERROR MISSING_END_STATE /States: The top level has no terminal state, so it "
            + "can never finish; end a path with a Succeed or Fail state or \"End\": true\n"
        + path("flows/nested/bad.yaml") + ": ERROR MISSING_TRANSITION_TARGET /States/A/Next: Next names 'B', but the "
            + "top level has no state of that name (names are case-sensitive)\n"
        + path("flows/warn.json") + ": WARNING NO_DOLLAR /States/A/Parameters/id: 'id' holds '$.id', which is sent as "
            + "literal text because the key does not end in .$; rename the key to 'id.$' to use the value at that path\n");
    assertThat(run.err()).isEqualTo("3 files, 2 errors, 1 warning\n");
    assertThat(run.status()).isEqualTo(1);
  }

  @Test
  void warningsAloneSucceedUnlessTheyCountAsErrors() {
    CommandLine lenient = CommandLine.run("lint", path("flows/warn.json"), path("flows/good.asl.json"));
    assertThat(lenient.status()).isZero();
    assertThat(lenient.err()).isEqualTo("2 files, 0 errors, 1 warning\n");
    CommandLine strict = CommandLine.run("lint", "--warnings-as-errors", path("flows/warn.json"));
    assertThat(strict.status()).isEqualTo(1);
  }

  @Test
  void aCleanFilePrintsOnlyTheSummary() {
    CommandLine run = CommandLine.run("lint", path("flows/good.asl.json"));
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("1 file, 0 errors, 0 warnings\n");
  }

  @Test
  void unreadableFilesAreProblemsOfThoseFilesAndTheRunGoesOn() {
    CommandLine run = CommandLine.run("lint", path("broken"), path("flows/good.asl.json"));
    assertThat(run.out()).isEqualTo(
        path("broken/list.yml") + ": ERROR NOT_A_STATE_MACHINE /: this is not a state machine definition: expected "
            + "an object with StartAt and States, got an array [AWS: SCHEMA_VALIDATION_FAILED]\n"
        + path("broken/syntax.json") + ": ERROR INVALID_JSON_DESCRIPTION /: not valid JSON at line 4, column 1: "
            + "Unexpected end-of-input within/between Object entries\n");
    assertThat(run.err()).isEqualTo("3 files, 2 errors, 0 warnings\n");
    assertThat(run.status()).isEqualTo(1);
  }

  @Test
  void jsonFormatPrintsAnArrayOfProblems() throws IOException {
    CommandLine run = CommandLine.run("lint", "--format", "json", path("flows"));
    JsonNode report = JsonDocuments.mapper().readTree(run.out());
    assertThat(report.isArray()).isTrue();
    assertThat(report.size()).isEqualTo(3);
    JsonNode first = report.get(1);
    assertThat(first.get("file").asText()).isEqualTo(path("flows/nested/bad.yaml"));
    assertThat(first.get("severity").asText()).isEqualTo("ERROR");
    assertThat(first.get("code").asText()).isEqualTo("MISSING_TRANSITION_TARGET");
    assertThat(first.get("awsCode").asText()).isEqualTo("MISSING_TRANSITION_TARGET");
    assertThat(first.get("pointer").asText()).isEqualTo("/States/A/Next");
    assertThat(first.get("message").asText())
        .isEqualTo("Next names 'B', but the top level has no state of that name (names are case-sensitive)");
    assertThat(run.err()).isEqualTo("3 files, 2 errors, 1 warning\n");
    assertThat(run.status()).isEqualTo(1);
    assertThat(CommandLine.run("lint", "--format=json", path("flows/good.asl.json")).out()).isEqualTo("[ ]\n");
  }

  @Test
  void sarifFormatPrintsOneResultPerProblemAtItsLine() throws IOException {
    CommandLine run = CommandLine.run("lint", "--format", "sarif", path("flows"));
    JsonNode log = JsonDocuments.mapper().readTree(run.out());

    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    assertThat(log.at("/runs/0/tool/driver/rules").findValuesAsText("id"))
        .containsExactly("MISSING_TRANSITION_TARGET", "MISSING_END_STATE", "NO_DOLLAR");
    JsonNode result = log.at("/runs/0/results/1");
    assertThat(result.get("ruleId").asText()).isEqualTo("MISSING_TRANSITION_TARGET");
    assertThat(result.get("level").asText()).isEqualTo("error");
    assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo(Path.of(path("flows/nested/bad.yaml")).toUri().toString());
    assertThat(result.at("/locations/0/physicalLocation/region").toString())
        .isEqualTo("{\"startLine\":5,\"startColumn\":5}");
    assertThat(result.at("/properties").toString())
        .isEqualTo("{\"pointer\":\"/States/A/Next\",\"awsCode\":\"MISSING_TRANSITION_TARGET\"}");
    assertThat(run.err()).isEqualTo("3 files, 2 errors, 1 warning\n");
    assertThat(run.status()).isEqualTo(1);
  }

  @Test
  void aMissingPathIsBadUsage() {
    CommandLine run = CommandLine.run("lint", path("flows/good.asl.json"), path("nope.json"));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.firstErrLine()).isEqualTo("statecraft lint: no such file or directory: " + path("nope.json"));
    assertThat(run.err()).contains("Usage: statecraft lint");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void noPathAnUnknownOptionOrFormatIsBadUsage() {
    assertThat(CommandLine.run("lint").firstErrLine()).isEqualTo("statecraft lint: no file or directory to check");
    assertThat(CommandLine.run("lint", "--fix", root).firstErrLine())
        .isEqualTo("statecraft lint: unknown option '--fix'");
    assertThat(CommandLine.run("lint", "--format", "xml", root).firstErrLine())
        .isEqualTo("statecraft lint: unknown format 'xml'; use text, json or sarif");
    assertThat(CommandLine.run("lint", "--format").firstErrLine())
        .isEqualTo("statecraft lint: --format needs a value: text, json or sarif");
    assertThat(CommandLine.run("lint").status()).isEqualTo(2);
  }

  @Test
  void theConformanceCorpusPassesAndFailsAsItShould() {
    String shared = System.getProperty("statecraft.sharedDir");
    Path corpus = shared == null ? null : Path.of(shared, "conformance", "statelint-awslabs");
    assumeTrue(corpus != null && Files.isDirectory(corpus),
        "skipped: the statelint conformance corpus is not at ${statecraft.sharedDir}/conformance/statelint-awslabs");
    CommandLine valid = CommandLine.run("lint", corpus.resolve("valid").toString());
    assertThat(valid.status()).as(valid.out()).isZero();
    // 26 warnings: made-up resources and ARNs in test definitions, among them minimal-fail-state.json's
    // activity ARN with the account "42" (INVALID_RESOURCE, a WARNING because the service may accept it).
    assertThat(valid.err()).endsWith(", 0 errors, 26 warnings\n").startsWith("38 files");
    assertThat(valid.out()).contains("minimal-fail-state.json: WARNING INVALID_RESOURCE");
    CommandLine invalid = CommandLine.run("lint", corpus.resolve("invalid").toString());
    assertThat(invalid.status()).isEqualTo(1);
    assertThat(invalid.out().lines().map(line -> line.substring(0, line.indexOf(": ")))
        .distinct().count()).as("every invalid file has a problem").isEqualTo(34);
  }
}
