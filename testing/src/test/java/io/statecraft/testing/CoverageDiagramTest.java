package io.statecraft.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coverage drawn as the workflow's Mermaid diagram, and the files the JUnit extension writes. */
class CoverageDiagramTest {

  private static final String CHARGE = """
      {
        "StartAt": "Check",
        "States": {
          "Check": {
            "Type": "Choice",
            "Choices": [{"Variable": "$.n", "NumericGreaterThan": 10, "Next": "Charge"}],
            "Default": "Skip"
          },
          "Charge": {
            "Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke",
            "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"]}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed"}],
            "Next": "Done"
          },
          "Done": {"Type": "Succeed"},
          "Skip": {"Type": "Succeed"},
          "Failed": {"Type": "Fail", "Error": "ChargeFailed"}
        }
      }
      """;

  /** One run through the rule, retried once: the Default, Skip, the catcher and Failed are missed. */
  private static Coverage coverage() {
    return Coverage.of(LocalExecutor.ofJson(CHARGE)
        .mock("Charge", Mock.sequence(Mock.error("Lambda.TooManyRequestsException", "Rate exceeded"), Mock.result("{}")))
        .run("{\"n\": 11}"));
  }

  private static final String DIAGRAM = """
      flowchart TD
        start(("start"))
        n0{"Check"}
        n1["Charge"]
        n2(["Done"])
        n3(["Skip"])
        n4[["Failed (Fail)"]]
        start --> n0
        n0 -->|"$.n NumericGreaterThan 10"| n1
        n0 -->|"otherwise"| n3
        n1 --> n2
        n1 -. "retry Lambda.TooManyRequestsException" .-> n1
        n1 -. "catch States.ALL" .-> n4
        classDef reached fill:#dff5e1,stroke:#2e7d32,stroke-width:2px
        classDef missed fill:#fdecea,stroke:#c62828,stroke-dasharray:4 2
        class n0,n1,n2 reached
        class n3,n4 missed
        linkStyle 0,1,3,4 stroke:#2e7d32,stroke-width:2px
        linkStyle 2,5 stroke:#c62828,stroke-dasharray:4 2
      """;

  @Test
  void theDiagramStylesReachedStatesAndTakenLinksApartFromMissedOnes() {
    assertThat(coverage().diagrams()).isEqualTo(Map.of("StateMachine.mmd", DIAGRAM));
  }

  @Test
  void theMarkdownSummaryEmbedsTheDiagramAndListsWhatWasMissed() {
    assertThat(coverage().markdown("ChargeTest")).isEqualTo("# Workflow coverage: ChargeTest\n"
        + "\n## StateMachine\n\n"
        + "5/9 items covered. Green was reached, red dashed was not.\n\n"
        + "```mermaid\n" + DIAGRAM + "```\n"
        + "\nMissed:\n\n"
        + "- Check Default -> Skip\n"
        + "- Charge Catch[0] [States.ALL] -> Failed\n"
        + "- state Skip\n"
        + "- state Failed\n");
  }

  @Test
  void theExtensionsFilesAreTheDiagramsAndTheSummary(@TempDir Path directory) throws IOException {
    Path summary = CoverageFiles.write(directory.resolve("statecraft-coverage"), "ChargeTest", coverage());

    assertThat(summary).isEqualTo(directory.resolve("statecraft-coverage/ChargeTest.md"));
    assertThat(Files.readString(directory.resolve("statecraft-coverage/StateMachine.mmd"), StandardCharsets.UTF_8))
        .isEqualTo(DIAGRAM);
    try (var files = Files.list(directory.resolve("statecraft-coverage"))) {
      assertThat(files.map(file -> file.getFileName().toString()).sorted())
          .containsExactly("ChargeTest.md", "StateMachine.mmd");
    }
  }
}
