package io.statecraft.asl;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.dsl.BuildIssue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
