package io.statecraft.asl.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.Problem;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JsonDocumentsTest {

  @TempDir
  Path dir;

  @Test
  void keepsNumbersExactlyAsWritten() throws Exception {
    JsonNode tree = JsonDocuments.parse("{\"a\": 2.0, \"b\": 0.1, \"c\": 12345678901234567890, \"d\": 3}", "x.json");
    assertThat(tree.get("a").decimalValue()).isEqualTo(new BigDecimal("2.0"));
    assertThat(tree.get("b").decimalValue()).isEqualTo(new BigDecimal("0.1"));
    assertThat(tree.get("c").bigIntegerValue().toString()).isEqualTo("12345678901234567890");
    assertThat(JsonDocuments.mapper().writeValueAsString(tree))
        .isEqualTo("{\"a\":2.0,\"b\":0.1,\"c\":12345678901234567890,\"d\":3}");
  }

  @Test
  void readsYamlByExtensionAndJsonOrYamlByContent() throws Exception {
    Path yaml = dir.resolve("flow.yml");
    Files.writeString(yaml, "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result: 1.50\n    End: true\n");
    JsonNode tree = JsonDocuments.read(yaml);
    assertThat(tree.at("/States/A/Result").decimalValue()).isEqualTo(new BigDecimal("1.50"));
    assertThat(tree.at("/States/A/End").isBoolean()).isTrue();
    assertThat(JsonDocuments.formatOf("flow", "  {\"a\": 1}")).isEqualTo(JsonDocuments.Format.JSON);
    assertThat(JsonDocuments.formatOf("flow", "a: 1")).isEqualTo(JsonDocuments.Format.YAML);
    assertThat(JsonDocuments.formatOf("flow.asl.json", "a: 1")).isEqualTo(JsonDocuments.Format.JSON);
  }

  @Test
  void recognisesDefinitionFileNames() {
    assertThat(JsonDocuments.isDefinitionFile(Path.of("a/b.asl.json"))).isTrue();
    assertThat(JsonDocuments.isDefinitionFile(Path.of("b.YAML"))).isTrue();
    assertThat(JsonDocuments.isDefinitionFile(Path.of("b.yml"))).isTrue();
    assertThat(JsonDocuments.isDefinitionFile(Path.of("b.txt"))).isFalse();
  }

  @Test
  void reportsEveryDuplicateKeyWithItsLineAndTheServiceCodeInsideStates() {
    String json = """
        {
          "StartAt": "A",
          "Comment": "one",
          "Comment": "two",
          "States": {
            "A": {"Type": "Pass", "End": true},
            "A": {"Type": "Succeed"}
          }
        }
        """;
    assertThatThrownBy(() -> JsonDocuments.parse(json, "flow.asl.json"))
        .isInstanceOf(DocumentException.class)
        .hasMessage("flow.asl.json: key 'Comment' appears twice in the same object (line 3 and line 4, column 3); "
            + "only the last one would be kept, so remove one of them (and 1 more)")
        .satisfies(e -> assertThat(((DocumentException) e).problems()).extracting(Problem::describe).containsExactly(
            "ERROR DUPLICATE_KEY /Comment: key 'Comment' appears twice in the same object (line 3 and line 4, "
                + "column 3); only the last one would be kept, so remove one of them",
            "ERROR DUPLICATE_STATE_NAME /States/A: state 'A' is defined twice (line 6 and line 7, column 5); a parser "
                + "would keep only the last one, so rename or remove one of them"));
  }

  @Test
  void findsDuplicateStateNamesInBranchesAndInYaml() {
    String yaml = """
        StartAt: P
        States:
          P:
            Type: Parallel
            End: true
            Branches:
              - StartAt: X
                States:
                  X: {Type: Succeed}
                  X: {Type: Fail}
        """;
    assertThatThrownBy(() -> JsonDocuments.parse(yaml, "flow.yaml"))
        .isInstanceOf(DocumentException.class)
        .satisfies(e -> assertThat(((DocumentException) e).problems()).extracting(Problem::describe).containsExactly(
            "ERROR DUPLICATE_STATE_NAME /States/P/Branches/0/States/X: state 'X' is defined twice (line 9 and line 10, "
                + "column 11); a parser would keep only the last one, so rename or remove one of them"));
  }

  @Test
  void saysWhereTheSyntaxIsWrong() {
    assertThatThrownBy(() -> JsonDocuments.parse("{\n  \"StartAt\": \"A\",\n  \"States\": {\n}", "bad.json"))
        .isInstanceOf(DocumentException.class)
        .hasMessageStartingWith("bad.json: not valid JSON at line 4, column 2: Unexpected end-of-input: expected close "
            + "marker for Object");
  }

  @Test
  void saysWhenYamlIsBroken() {
    assertThatThrownBy(() -> JsonDocuments.parse("StartAt: A\nStates: [\n", "bad.yaml"))
        .isInstanceOf(DocumentException.class)
        .hasMessageStartingWith("bad.yaml: not valid YAML at line 2, column 10: while parsing a flow node");
  }

  @Test
  void anEmptyFileIsMissingItsDefinition() throws Exception {
    Path empty = dir.resolve("empty.json");
    Files.writeString(empty, "  \n");
    assertThatThrownBy(() -> JsonDocuments.read(empty))
        .isInstanceOf(DocumentException.class)
        .satisfies(e -> assertThat(((DocumentException) e).problems()).extracting(Problem::describe).containsExactly(
            "ERROR MISSING_DESCRIPTION /: the file is empty; a definition is a JSON or YAML object with StartAt and States"));
  }

  @Test
  void aFileThatIsNotUtf8IsReported() throws Exception {
    Path latin1 = dir.resolve("latin1.json");
    Files.write(latin1, "{\"Comment\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> JsonDocuments.read(latin1))
        .isInstanceOf(DocumentException.class)
        .hasMessage(latin1 + ": the file is not UTF-8 text; save it as UTF-8");
  }

  @Test
  void pointersEscapeSlashAndTilde() {
    assertThat(JsonPointers.child("/States", "a/b~c")).isEqualTo("/States/a~1b~0c");
    assertThat(JsonPointers.child("/States/A/Retry", 0)).isEqualTo("/States/A/Retry/0");
    assertThat(JsonPointers.isWithin("/States/AB", "/States/A")).isFalse();
    assertThat(JsonPointers.isWithin("/States/A/Next", "/States/A")).isTrue();
  }
}
