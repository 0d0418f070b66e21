package io.statecraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RunCommandTest {

  @TempDir
  Path dir;

  private Path definition;
  private Path mocks;

  @BeforeEach
  void writeFiles() throws IOException {
    definition = dir.resolve("charge.asl.json");
    Files.writeString(definition, """
        {"StartAt": "Charge", "States": {
          "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                     "Parameters": {"FunctionName": "${Function}", "Payload.$": "$"},
                     "ResultSelector": {"charged.$": "$.Payload.charged"}, "Next": "Big?"},
          "Big?": {"Type": "Choice", "Choices": [{"Variable": "$.charged", "NumericGreaterThan": 100, "Next": "Refuse"}],
                   "Default": "Done"},
          "Refuse": {"Type": "Fail", "Error": "Charge.TooBig", "Cause": "over the limit"},
          "Done": {"Type": "Succeed"}}}
        """);
    mocks = dir.resolve("mocks.json");
    Files.writeString(mocks, """
        {"Charge": {"$sequence": [{"Payload": {"charged": 5}}, {"Payload": {"charged": 500}}]}}
        """);
  }

  @Test
  void printsTheOutputOfASuccessfulExecution() {
    CommandLine run = CommandLine.run("run", definition.toString(), "--input", "{\"amount\": 5}",
        "--mocks", mocks.toString(), "--subst", "Function=charge");

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("{\"charged\":5}\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aFailedExecutionPrintsErrorAndCauseWithStatus2() throws IOException {
    Files.writeString(mocks, "{\"Charge\": {\"Payload\": {\"charged\": 500}}}");
    Path input = dir.resolve("input.json");
    Files.writeString(input, "{\"amount\": 500}");

    CommandLine run = CommandLine.run("run", definition.toString(), "--input", "@" + input, "--mocks", mocks.toString(),
        "--subst", "Function=charge");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEqualTo("{\"Error\":\"Charge.TooBig\",\"Cause\":\"over the limit\"}\n");
    assertThat(run.err()).isEqualTo("statecraft run: the execution failed with Charge.TooBig: over the limit\n");
  }

  @Test
  void aFailureInAStateLintWarnedAboutRepeatsTheWarning() throws IOException {
    Path dropped = dir.resolve("dropped.asl.json");
    Files.writeString(dropped, """
        {"StartAt": "Shrink", "States": {
          "Shrink": {"Type": "Pass", "Parameters": {"count": 2}, "ResultPath": "$", "Next": "Read"},
          "Read": {"Type": "Pass", "Parameters": {"ids.$": "$.ids"}, "End": true}}}
        """);

    CommandLine run = CommandLine.run("run", dropped.toString(), "--input", "{\"ids\": [\"i-1\"]}");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("statecraft run: the execution failed with States.Runtime: The JSONPath '$.ids'"
        + " specified for the field 'ids.$' could not be found in the input '{\"count\":2}'\n"
        + "statecraft run: lint warned about this state: WARNING FIELD_NOT_IN_INPUT /States/Read/Parameters/ids.$:"
        + " '$.ids' reads ids, which the input of Read cannot have: ResultPath '$' of Shrink replaced the input;"
        + " it has only count\n");
  }

  @Test
  void anUnmockedTaskFailsTheExecution() {
    CommandLine run = CommandLine.run("run", definition.toString(), "--subst", "Function=charge");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEqualTo("{\"Error\":\"States.Runtime\",\"Cause\":\"No mock for Task state 'Charge' (resource "
        + "arn:aws:states:::lambda:invoke); mock it by state name or by resource, e.g. .mock(\\\"Charge\\\", "
        + "Mock.result(\\\"{}\\\"))\"}\n");
  }

  @Test
  void aMissingPlaceholderValueIsAnInvalidDefinition() {
    CommandLine run = CommandLine.run("run", definition.toString(), "--mocks", mocks.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(definition + ": ${Function} has no value; give it with .substitution(\"Function\", \"...\")\n"
        + "statecraft run: The definition has placeholders without values: Function:\n");
  }

  @Test
  void anInvalidDefinitionIsReportedLikeLint() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"B\"}}}");

    CommandLine run = CommandLine.run("run", bad.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).contains(bad + ": ERROR MISSING_TRANSITION_TARGET /States/A/Next: ")
        .endsWith("statecraft run: The definition " + bad + " is not valid, so it cannot run:\n");
  }

  @Test
  void invalidInputAndMocksAreReported() throws IOException {
    CommandLine badInput = CommandLine.run("run", definition.toString(), "--input", "{nope", "--subst", "Function=f");
    assertThat(badInput.status()).isEqualTo(1);
    assertThat(badInput.err()).isEqualTo("--input: not valid JSON at line 1, column 2: Unexpected character ('n' (code 110)):"
        + " was expecting double-quote to start field name\n");

    Files.writeString(mocks, "{\"Charge\": {\"$sequence\": []}}");
    CommandLine badMocks = CommandLine.run("run", definition.toString(), "--mocks", mocks.toString());
    assertThat(badMocks.status()).isEqualTo(1);
    assertThat(badMocks.err()).isEqualTo("statecraft run: invalid mocks: " + mocks
        + ": Charge: \"$sequence\" must be a non-empty array of mocks\n");
  }

  @Test
  void historyIsPrintedOnStderr() {
    CommandLine run = CommandLine.run("run", definition.toString(), "--mocks", mocks.toString(), "--subst", "Function=f",
        "--history");

    assertThat(run.status()).isZero();
    assertThat(run.err().lines().map(line -> line.replaceAll(".*\"type\":\"([A-Za-z]+)\".*", "$1")))
        .containsExactly("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded",
            "TaskStateExited", "ChoiceStateEntered", "ChoiceStateExited", "SucceedStateEntered", "SucceedStateExited",
            "ExecutionSucceeded");
  }

  @Test
  void badUsageIsStatus2WithUsage() {
    CommandLine run = CommandLine.run("run", "--mocks");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.firstErrLine()).isEqualTo("statecraft run: --mocks needs a value");
  }

  @Test
  void aDefinitionThatIsNotUtf8IsOneLineAndStatus1() throws IOException {
    Path latin1 = dir.resolve("latin1.asl.json");
    Files.write(latin1, "{\"Comment\": \"\u00e9\", \"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

    CommandLine run = CommandLine.run("run", latin1.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("statecraft run: cannot read the definition " + latin1 + ": ")
        .endsWith(" (the file is not UTF-8 text; save it as UTF-8)\n");
  }

  @Test
  void anOutputNestedTooDeepIsTheDocumentedFailure() throws IOException {
    Path deep = dir.resolve("deep.asl.json");
    Files.writeString(deep, """
        {"StartAt": "Nest", "States": {
          "Nest": {"Type": "Pass", "Parameters": {"a.$": "$"}, "Next": "Again?"},
          "Again?": {"Type": "Choice", "Choices": [{"Variable": "$.stop", "IsPresent": true, "Next": "Done"}],
                     "Default": "Nest"},
          "Done": {"Type": "Succeed"}}}
        """);

    CommandLine run = CommandLine.run("run", deep.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEqualTo("{\"Error\":\"States.Runtime\",\"Cause\":\"The state output of state 'Nest' nests objects "
        + "and arrays more than 500 levels deep, which the executor does not run\"}\n");
  }
}
