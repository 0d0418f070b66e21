package io.statecraft.asl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.asl.Problem;
import io.statecraft.asl.validate.ValidationOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The minimal reproducers of issue 15 ("robust on any input"), each with the typed problem it now
 * gets: small ones are files under {@code src/test/resources/robustness}, large ones are written
 * here. Whatever {@code check} accepts, every command can read ({@code definition()} is built).
 */
final class RobustnessTest {

  private static final Path FIXTURES = Path.of("src/test/resources/robustness");

  @TempDir
  Path directory;

  @Test
  void aNumberWithAHugeExponentIsOutOfRange() {
    assertThat(problems(FIXTURES.resolve("huge-exponent.json"))).containsExactly(
        "ERROR VALUE_OUT_OF_RANGE /States/A/Result: the number 1e-2147483649 is beyond what a double holds "
            + "(magnitude 4.9e-324 to 1.8e308); write a smaller number, or a string");
  }

  @Test
  void anUnknownFieldInANestedChoiceRuleIsRejectedAsTheServiceRejectsIt() {
    DefinitionLinter.Checked checked = check(FIXTURES.resolve("nested-choice-unknown-field.json"));
    assertThat(checked.problems()).extracting(Problem::describe).containsExactly(
        "ERROR UNKNOWN_FIELD /States/A/Choices/0/And/0/X: X is not a field of a choice rule; check the spelling "
            + "(the service rejects fields it does not know)");
    assertThat(checked.isSound()).isFalse();
  }

  @Test
  void aYamlBinaryValueIsNotJson() {
    assertThat(problems(FIXTURES.resolve("yaml-binary.yaml"))).containsExactly(
        "ERROR INVALID_VALUE_TYPE /States/A/Result: this YAML value (such as !!binary) has no JSON form; write it as "
            + "a string");
  }

  @Test
  void yamlAliasesAndMergeKeysAreReportedNotReadAsText() {
    assertThat(problems(FIXTURES.resolve("yaml-alias.yaml"))).containsExactly(
        "ERROR INVALID_JSON_DESCRIPTION /States/B/Result: YAML alias *i is not supported (it would be read as its "
            + "name); write the value out in full");
    assertThat(problems(FIXTURES.resolve("yaml-merge-key.yaml"))).containsExactly(
        "ERROR INVALID_JSON_DESCRIPTION /States/A/<<: YAML merge keys (<<) are not supported; write the merged "
            + "fields out in full");
  }

  @Test
  void aByteOrderMarkIsAccepted() {
    DefinitionLinter.Checked checked = check(FIXTURES.resolve("byte-order-mark.json"));
    assertThat(checked.problems()).isEmpty();
    assertThat(checked.isSound()).isTrue();
  }

  @Test
  void deepExpressionsAreBoundedWithOneTypedProblem() throws IOException {
    assertThat(problems(write("dots.json", pass("\"InputPath\": \"$" + ".a".repeat(6_000) + "\"")))).containsExactly(
        "ERROR TOO_DEEP /States/A/InputPath: this expression chains 6000 steps (dots and operators); Statecraft "
            + "evaluates at most 500, so split it over several states or variables");
    assertThat(problems(write("calls.json", pass("\"Parameters\": {\"x.$\": \""
        + "States.StringToJson(".repeat(6_000) + "'1'" + ")".repeat(6_000) + "\"}")))).containsExactly(
        "ERROR TOO_DEEP /States/A/Parameters/x.$: this expression nests parentheses, brackets or calls 6000 levels "
            + "deep; Statecraft evaluates at most 100, so split it over several states or variables");
    assertThat(problems(write("jsonata.json", "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"A\", \"States\": "
        + "{\"A\": {\"Type\": \"Pass\", \"Output\": \"{% " + "(".repeat(2_000) + "1" + ")".repeat(2_000)
        + " %}\", \"End\": true}}}"))).containsExactly(
        "ERROR TOO_DEEP /States/A/Output: this expression nests parentheses, brackets or calls 2000 levels deep; "
            + "Statecraft evaluates at most 100, so split it over several states or variables");
  }

  @Test
  void aDeepDocumentIsBoundedToo() throws IOException {
    assertThat(problems(write("deep.json", pass("\"Result\": " + "[".repeat(5_000) + "]".repeat(5_000))))).containsExactly(
        "ERROR TOO_DEEP /: the document nests objects and arrays more than 500 levels deep; Statecraft reads no "
            + "deeper, so flatten it");
  }

  @Test
  void oneBadFileHidesNoOtherFilesProblems() throws IOException {
    write("a-deep.json", pass("\"InputPath\": \"$" + ".a".repeat(6_000) + "\""));
    write("b-typo.json", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"Bb\"}, "
        + "\"B\": {\"Type\": \"Succeed\"}}}");
    DefinitionLinter.Report report = DefinitionLinter.lint(List.of(directory.toString()));
    assertThat(report.findings()).extracting(finding -> Path.of(finding.file()).getFileName() + " "
        + finding.problem().code()).containsExactly("a-deep.json TOO_DEEP", "b-typo.json MISSING_TRANSITION_TARGET",
        "b-typo.json UNREACHABLE_STATE");
  }

  @Test
  void sizeIsCheckedBeforeParsingAndOnlyRegularFilesAreRead() throws IOException {
    Path huge = directory.resolve("huge.yaml");
    Files.writeString(huge, "StartAt: A\nComment: '" + "x".repeat(4_000_000) + "'\n");
    assertThat(problems(huge)).containsExactly(
        "ERROR DEFINITION_TOO_LARGE /: the file is 4000023 bytes; Statecraft reads at most 2097152 (the service "
            + "accepts a definition of at most 1,048,576 bytes), so move large literals into the input or a child "
            + "state machine");
    assertThat(problems(directory)).containsExactly(
        "ERROR INVALID_JSON_DESCRIPTION /: not a regular file; name a definition file");
  }

  private static String pass(String field) {
    return "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", " + field + ", \"End\": true}}}";
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(directory.resolve(name), content);
  }

  private static DefinitionLinter.Checked check(Path file) {
    return DefinitionLinter.check(file, ValidationOptions.defaults());
  }

  private static List<String> problems(Path file) {
    DefinitionLinter.Checked checked = check(file);
    return checked.problems().stream().map(Problem::describe).toList();
  }
}
