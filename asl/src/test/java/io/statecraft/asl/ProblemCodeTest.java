package io.statecraft.asl;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.dsl.BuildIssue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The registry and the documentation agree: every code is explained exactly once, in a table row
 * of {@code docs/validation-rules.md} or {@code docs/cloudformation.md}, and every code explained
 * there is one a module can report.
 */
final class ProblemCodeTest {

  // A table row that documents a code: "| `MISSING_END_STATE` | ERROR | ...".
  private static final Pattern DOCUMENTED = Pattern.compile("^\\| `([A-Z][A-Z0-9_]*)` \\|", Pattern.MULTILINE);

  private static final List<Path> DOCS = List.of(
      Path.of("../docs/validation-rules.md"), Path.of("../docs/cloudformation.md"));

  @Test
  void everyCodeIsDocumentedOnceAndEveryDocumentedCodeExists() throws IOException {
    List<String> documented = new ArrayList<>();
    for (Path doc : DOCS) {
      Matcher rows = DOCUMENTED.matcher(Files.readString(doc));
      while (rows.find()) {
        documented.add(rows.group(1));
      }
    }

    assertThat(documented)
        .as("codes documented in %s", DOCS)
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(ProblemCode.values()).map(ProblemCode::name).toList());
  }

  // A row of docs/validation-rules.md: "| `UNKNOWN_FIELD` | `SCHEMA_VALIDATION_FAILED` | ..." or "| `X` | — | ...".
  private static final Pattern WITH_SERVICE_CODE =
      Pattern.compile("^\\| `([A-Z][A-Z0-9_]*)` \\| (?:`([A-Z][A-Z0-9_]*)`|(—)) \\|", Pattern.MULTILINE);

  @Test
  void everyDefinitionCodeIsDocumentedWithTheCodeTheServiceReportsForIt() throws IOException {
    String doc = Files.readString(DOCS.get(0));
    Map<String, String> documented = new TreeMap<>();
    Matcher rows = WITH_SERVICE_CODE.matcher(doc);
    while (rows.find()) {
      documented.put(rows.group(1), rows.group(2) == null ? "—" : rows.group(2));
    }
    Map<String, String> expected = new TreeMap<>();
    Matcher codes = DOCUMENTED.matcher(doc);
    while (codes.find()) {
      expected.put(codes.group(1), ServiceCode.of(ProblemCode.valueOf(codes.group(1))).orElse("—"));
    }

    assertThat(expected).as("codes of %s", DOCS.get(0)).isNotEmpty();
    assertThat(documented).as("the AWS code column of %s", DOCS.get(0)).isEqualTo(expected);
  }

  @Test
  void theServiceCodeIsPartOfEveryReportLineWhereItDiffers() {
    Problem unknown = Problem.error(ProblemCode.UNKNOWN_FIELD, "/States/A/Resut", "hint");
    Problem same = Problem.error(ProblemCode.MISSING_END_STATE, "/", "hint");
    Problem none = Problem.warning(ProblemCode.STATE_NAME_CHARACTERS, "/States/A?", "hint");

    assertThat(unknown.serviceCode()).contains("SCHEMA_VALIDATION_FAILED");
    assertThat(unknown.reportLine()).isEqualTo("ERROR UNKNOWN_FIELD /States/A/Resut: hint [AWS: SCHEMA_VALIDATION_FAILED]");
    assertThat(same.reportLine()).isEqualTo("ERROR MISSING_END_STATE /: hint");
    assertThat(none.serviceCode()).isEmpty();
    assertThat(none.reportLine()).isEqualTo("WARNING STATE_NAME_CHARACTERS /States/A?: hint");
  }

  @Test
  void everyCodeTheDslReportsIsInTheRegistry() {
    assertThat(Arrays.stream(BuildIssue.Code.values()).map(BuildIssue.Code::name))
        .allSatisfy(code -> assertThat(ProblemCode.valueOf(code).name()).isEqualTo(code));
  }

  @Test
  void aProblemPrintsItsCodeAsText() {
    Problem problem = Problem.warning(ProblemCode.NO_DOLLAR, "/States/A", "hint");

    assertThat(problem.code()).isEqualTo("NO_DOLLAR");
    assertThat(problem.describe()).isEqualTo("WARNING NO_DOLLAR /States/A: hint");
  }
}
