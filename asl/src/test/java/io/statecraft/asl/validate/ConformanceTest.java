package io.statecraft.asl.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.statecraft.asl.Problem;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.json.DocumentException;
import io.statecraft.asl.json.JsonDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The test corpus of AWS's own linter (awslabs/statelint), kept in {@code ../shared/conformance}:
 * every valid file passes without an error, every invalid file fails with the code its name
 * stands for. Skipped, saying so, where the corpus is not present.
 */
final class ConformanceTest {

  /** Why each invalid file is invalid, as the code the validator must report for it. */
  private static final Map<String, ProblemCode> EXPECTED = Map.ofEntries(
      Map.entry("backoff-with-backoffrate-between-0-and-1.json", ProblemCode.VALUE_OUT_OF_RANGE),
      Map.entry("backoff-with-backoffrate-negative.json", ProblemCode.VALUE_OUT_OF_RANGE),
      Map.entry("backoff-with-invalid-jitter-on-retry.json", ProblemCode.INVALID_ENUM_VALUE),
      Map.entry("choice-with-parameters.json", ProblemCode.FIELD_NOT_ALLOWED),
      Map.entry("choice-with-resultpath.json", ProblemCode.FIELD_NOT_ALLOWED),
      Map.entry("choice-with-resultselector.json", ProblemCode.FIELD_NOT_ALLOWED),
      Map.entry("empty-error-equals-on-catch.json", ProblemCode.EMPTY_ARRAY),
      Map.entry("empty-error-equals-on-retry.json", ProblemCode.EMPTY_ARRAY),
      Map.entry("fail-with-parameters.json", ProblemCode.FIELD_NOT_ALLOWED),
      Map.entry("fail-with-resultpath.json", ProblemCode.FIELD_NOT_ALLOWED),
      Map.entry("fail-with-resultselector.json", ProblemCode.FIELD_NOT_ALLOWED),
      Map.entry("fail-with-static-and-dynamic-cause.json", ProblemCode.MUTUALLY_EXCLUSIVE_FIELDS),
      Map.entry("fail-with-static-and-dynamic-error.json", ProblemCode.MUTUALLY_EXCLUSIVE_FIELDS),
      Map.entry("has-dupes.json", ProblemCode.DUPLICATE_STATE_NAME),
      Map.entry("invalid-backoff-with-jitter-on-retry.json", ProblemCode.VALUE_OUT_OF_RANGE),
      Map.entry("invalid-function-invocation.json", ProblemCode.INVALID_FUNCTION),
      Map.entry("linked-parallel.json", ProblemCode.MISSING_TRANSITION_TARGET),
      Map.entry("map-with-itemprocessor-and-iterator.json", ProblemCode.MUTUALLY_EXCLUSIVE_FIELDS),
      Map.entry("map-with-null-itemspath.json", ProblemCode.INVALID_VALUE_TYPE),
      Map.entry("map-with-parameters-and-itemselector.json", ProblemCode.MUTUALLY_EXCLUSIVE_FIELDS),
      Map.entry("no-terminal.json", ProblemCode.MISSING_END_STATE),
      Map.entry("parameter-path-problems.json", ProblemCode.INVALID_DOLLAR_FIELD),
      Map.entry("pass-with-intrinsic-function-inputpath.json", ProblemCode.INTRINSIC_NOT_ALLOWED),
      Map.entry("pass-with-resultselector.json", ProblemCode.FIELD_NOT_ALLOWED),
      Map.entry("states-array-invocation-leftpad.json", ProblemCode.INVALID_FUNCTION),
      Map.entry("succeed-with-parameters.json", ProblemCode.FIELD_NOT_ALLOWED),
      Map.entry("succeed-with-resultpath.json", ProblemCode.FIELD_NOT_ALLOWED),
      Map.entry("succeed-with-resultselector.json", ProblemCode.FIELD_NOT_ALLOWED),
      Map.entry("task-with-invalid-credentials.json", ProblemCode.INVALID_CREDENTIALS),
      Map.entry("task-with-static-and-dynamic-heartbeat.json", ProblemCode.MUTUALLY_EXCLUSIVE_FIELDS),
      Map.entry("task-with-static-and-dynamic-timeout.json", ProblemCode.MUTUALLY_EXCLUSIVE_FIELDS),
      Map.entry("wait-with-parameters.json", ProblemCode.FIELD_NOT_ALLOWED),
      Map.entry("wait-with-resultpath.json", ProblemCode.FIELD_NOT_ALLOWED),
      Map.entry("wait-with-resultselector.json", ProblemCode.FIELD_NOT_ALLOWED));

  /** The statelint corpus, or null when this machine does not have it. */
  static Path corpus() {
    String shared = System.getProperty("statecraft.sharedDir");
    if (shared == null) {
      return null;
    }
    Path corpus = Path.of(shared, "conformance", "statelint-awslabs");
    return Files.isDirectory(corpus.resolve("valid")) && Files.isDirectory(corpus.resolve("invalid")) ? corpus : null;
  }

  // A skipped test of its own, so that the report says why the corpus was not checked.
  static Stream<DynamicTest> skippedForMissingCorpus() {
    return Stream.of(DynamicTest.dynamicTest("statelint corpus", () -> assumeTrue(false,
        "skipped: the statelint conformance corpus is not at ${statecraft.sharedDir}/conformance/statelint-awslabs"
            + " (statecraft.sharedDir=" + System.getProperty("statecraft.sharedDir") + ")")));
  }

  @TestFactory
  Stream<DynamicTest> everyValidFileHasNoError() throws IOException {
    Path corpus = corpus();
    if (corpus == null) {
      return skippedForMissingCorpus();
    }
    return files(corpus.resolve("valid")).stream().map(file -> DynamicTest.dynamicTest(
        file.getFileName().toString(),
        () -> assertThat(validate(file)).filteredOn(Problem::isError).extracting(Problem::describe).isEmpty()));
  }

  @TestFactory
  Stream<DynamicTest> everyInvalidFileFailsForTheReasonItsNameGives() throws IOException {
    Path corpus = corpus();
    if (corpus == null) {
      return skippedForMissingCorpus();
    }
    List<Path> files = files(corpus.resolve("invalid"));
    assertThat(files).extracting(file -> file.getFileName().toString())
        .as("every invalid file has an expected code in the table, and every entry a file")
        .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () ->
        assertThat(validate(file)).filteredOn(Problem::isError).extracting(Problem::problemCode)
            .contains(EXPECTED.get(file.getFileName().toString()))));
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(JsonDocuments::isDefinitionFile).sorted().toList();
    }
  }

  private static List<Problem> validate(Path file) throws DocumentException {
    return AslValidator.validate(JsonDocuments.read(file), ValidationOptions.defaults());
  }
}
