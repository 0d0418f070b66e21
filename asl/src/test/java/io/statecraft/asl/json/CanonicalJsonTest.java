package io.statecraft.asl.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  // The bytes the ObjectMapper-based writer produced for this tree before CanonicalJson walked
  // trees with jackson-core's generator: the walk must not change one byte of any written file.
  private static final String EXPECTED = """
      {
        "b": 2.0,
        "a": [
          1,
          12345678901,
          123456789012345678901234567890,
          0.0000001,
          0.10
        ],
        "é": "ü\u2028\\u0001",
        "e": {},
        "f": [],
        "g": null,
        "h": true,
        "n": [
          {
            "x": []
          }
        ],
        "d": 1.5,
        "fl": 2.25,
        "l": 7
      }
      """;

  @Test
  void writesEveryKindOfValueAsTheMapperDid() throws Exception {
    ObjectNode tree = (ObjectNode) CanonicalJson.mapper().readTree("""
        {"b": 2.0, "a": [1, 12345678901, 123456789012345678901234567890, 1e-7, 0.10],
         "é": "ü\\u2028\\u0001", "e": {}, "f": [], "g": null, "h": true, "n": [{"x": []}]}""");
    tree.put("d", 1.5d).put("fl", 2.25f).put("l", 7L);

    assertThat(CanonicalJson.write(tree)).isEqualTo(EXPECTED);
  }

  @Test
  void compactFormHasNoSpaces() {
    ObjectNode tree = CanonicalJson.nodes().objectNode().put("Ref", "Topic");
    tree.putArray("List").add(1).add("two");

    assertThat(CanonicalJson.compact(tree)).isEqualTo("{\"Ref\":\"Topic\",\"List\":[1,\"two\"]}");
  }

  @Test
  void refusesValuesThatAreNotJson() {
    ObjectNode tree = CanonicalJson.nodes().objectNode();
    tree.putPOJO("Thing", new Object());

    assertThatThrownBy(() -> CanonicalJson.write(tree))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("POJO node has no canonical JSON form");
  }
}
