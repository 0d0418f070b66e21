package io.statecraft.generator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every string written into {@code template.yaml} reads back as the same string, as a key and as a
 * value, with two YAML readers: SnakeYAML's own YAML 1.1 resolver (what PyYAML also implements) and
 * Jackson's YAML reader.
 */
final class TemplateYamlTest {

  // The characters that make YAML take text for something else: signs, digits, dots, underscores,
  // hex and exponent letters, indicators, booleans' letters, and every kind of line break.
  private static final String ALPHABET = "01+-._xXeEbo:#~!&*|>'\"%@`,[]{}? \tynYNtf\n\r\u0085\u2028\u2029\u00a0\ufeffaé";

  @Test
  void theIssuesReproducersReadBackAsWritten() {
    for (String text : new String[] {"+0x1F", "._1", "a\u0085b", "a:\u2028b", "1:20", "0o17", "+.inf", ".NaN",
        "2010-09-09", "y", "~", "<<", "=", "a\rb", "\ufeffx", "-1_000", "0b101", "_1", "_1_0", "FALSE", "1e5"}) {
      assertReadsBack(text);
    }
  }

  @Test
  void randomStringsReadBackAsWrittenWithTwoReaders() {
    Random random = new Random(15);
    for (int n = 0; n < 5_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(8); i >= 0; i--) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      assertReadsBack(text.toString());
    }
  }

  @SuppressWarnings("unchecked")
  private static void assertReadsBack(String text) {
    ObjectNode template = JsonNodeFactory.instance.objectNode();
    template.put("Value", text);
    template.putObject("Keys").put(text, "v");
    String yaml = TemplateYaml.write(template);

    Map<String, Object> snake = new Yaml().load(yaml);
    assertThat(snake.get("Value")).as("SnakeYAML value of %s in%n%s", escaped(text), yaml).isEqualTo(text);
    assertThat(((Map<String, Object>) snake.get("Keys")).keySet()).as("SnakeYAML key of %s", escaped(text))
        .containsExactly(text);
    JsonNode jackson;
    try {
      jackson = new YAMLMapper().readTree(yaml);
    } catch (java.io.IOException e) {
      throw new AssertionError("unreadable YAML for " + escaped(text) + ":\n" + yaml, e);
    }
    assertThat(jackson.get("Value").isTextual()).as("Jackson type of %s", escaped(text)).isTrue();
    assertThat(jackson.get("Value").textValue()).as("Jackson value of %s", escaped(text)).isEqualTo(text);
    assertThat(jackson.get("Keys").fieldNames().next()).as("Jackson key of %s", escaped(text)).isEqualTo(text);
  }

  private static String escaped(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return out.append('"').toString();
  }
}
