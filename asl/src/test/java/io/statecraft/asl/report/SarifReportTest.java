package io.statecraft.asl.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.json.JsonDocuments;
import io.statecraft.asl.lint.DefinitionLinter;
import io.statecraft.asl.lint.DefinitionLinter.Finding;
import io.statecraft.dsl.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --format sarif}: the log of a definition with several problems, one of them built in Java,
 * as a golden file, and the log's structure against the SARIF 2.1.0 schema.
 */
final class SarifReportTest {

  private static final Path FIXTURES = Path.of("src/test/resources/sarif");
  private static final String DEFINITION = "src/test/resources/sarif/orders.asl.json";

  private static String log() {
    List<Finding> findings = new ArrayList<>();
    for (Finding finding : DefinitionLinter.lint(List.of(DEFINITION)).findings()) {
      // As a workflow built in Java reports it: the state's Java line next to the definition's.
      boolean fromJava = finding.problem().pointer().startsWith("/States/Charge/Next");
      findings.add(fromJava ? new Finding(finding.file(), finding.problem()
          .at(new SourceLocation("com/acme/Orders.java", 42))) : finding);
    }
    return SarifReport.of(findings, SarifReport.Sources.fromFiles());
  }

  @Test
  void oneResultPerProblemWithItsDefinitionLineAndJavaLine() throws IOException {
    String log = log();
    Path golden = FIXTURES.resolve("orders.sarif");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, log, StandardCharsets.UTF_8);
    }
    assertThat(log).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @Test
  void theLogHasTheStructureTheSarifSchemaRequires() throws IOException {
    JsonNode schema = JsonDocuments.mapper().readTree(FIXTURES.resolve("sarif-schema-2.1.0.json").toFile());
    JsonNode log = JsonDocuments.mapper().readTree(log());

    assertThat(SchemaCheck.violations(schema, log)).isEmpty();
    assertThat(log.at("/runs/0/results")).hasSize(4);
    assertThat(SchemaCheck.violations(schema, JsonDocuments.mapper().readTree(
        "{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{\"level\": \"fatal\"}], \"extra\": 1}]}")))
        .as("the check itself finds what is wrong")
        .containsExactly(
            "/runs/0: the required property tool is missing",
            "/runs/0/results/0: the required property message is missing",
            "/runs/0/results/0/level: \"fatal\" is not one of [\"none\",\"note\",\"warning\",\"error\"]",
            "/runs/0/extra: the property is not allowed here");
  }

  @Test
  void pointersAreMappedToLinesAndColumnsInJsonAndYaml() {
    PointerLocations json = PointerLocations.of("{\n  \"States\": {\n    \"A/B\": {\"Next\": [1, {\"x\": 2}]}\n  }\n}\n",
        "x.json");
    assertThat(json.find("/States/A~1B/Next/1")).isEqualTo(new PointerLocations.Location(3, 25));
    assertThat(json.find("/States/A~1B/Missing")).isEqualTo(new PointerLocations.Location(3, 5));
    assertThat(json.find("")).isEqualTo(new PointerLocations.Location(1, 1));

    PointerLocations yaml = PointerLocations.of("StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n", "x.yaml");
    assertThat(yaml.find("/States/A/End")).isEqualTo(new PointerLocations.Location(5, 5));
  }
}
