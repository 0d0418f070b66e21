package io.statecraft.generator.workflow;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.statecraft.asl.json.CanonicalJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a template as canonical YAML: block style, long-form intrinsic functions
 * ({@code Fn::GetAtt:}, never {@code !GetAtt}), quotes only where YAML needs them, multi-line text
 * as literal blocks, no line splitting, LF, final newline.
 */
final class TemplateYaml {

  // A factory and jackson-core's generator, not a YAMLMapper: the mapper's serializers are about
  // 300 classes a cold generate would load only to walk a tree (issue 19, bench/RESULTS.md).
  private static final YAMLFactory FACTORY = factory(true);

  // Jackson writes any text with a line feed as a literal block, where a CR, NEL, U+2028 or U+2029
  // would be read as another line break: a template with such text is written all double-quoted.
  // Rarely needed, so created on first use.
  private static final class Escaping {
    static final YAMLFactory FACTORY = factory(false);
  }

  private static YAMLFactory factory(boolean literalBlocks) {
    YAMLFactoryBuilder builder = YAMLFactory.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
        .disable(YAMLGenerator.Feature.SPLIT_LINES)
        .stringQuotingChecker(new PlainWherePossible());
    // With MINIMIZE_QUOTES Jackson writes every text with a line feed as a literal block.
    builder = literalBlocks
        ? builder.enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
        : builder.disable(YAMLGenerator.Feature.MINIMIZE_QUOTES).disable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE);
    return builder.build();
  }

  private TemplateYaml() {}

  static String write(JsonNode template) {
    StringWriter text = new StringWriter(16_384);
    YAMLFactory factory = hasLineFeedAndOtherBreak(template) ? Escaping.FACTORY : FACTORY;
    try (JsonGenerator generator = factory.createGenerator(text)) {
      CanonicalJson.writeTree(generator, template);
    } catch (IOException e) {
      throw new UncheckedIOException("a JSON tree always has a YAML form", e);
    }
    String yaml = text.toString();
    return yaml.endsWith("\n") ? yaml : yaml + "\n";
  }

  private static boolean hasLineFeedAndOtherBreak(JsonNode node) {
    if (node.isTextual()) {
      return hasLineFeedAndOtherBreak(node.textValue());
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (hasLineFeedAndOtherBreak(field.getKey()) || hasLineFeedAndOtherBreak(field.getValue())) {
        return true;
      }
    }
    for (JsonNode element : node.isArray() ? node : List.<JsonNode>of()) {
      if (hasLineFeedAndOtherBreak(element)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLineFeedAndOtherBreak(String text) {
    if (text.indexOf('\n') < 0) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
        return true;
      }
    }
    return false;
  }

  /**
   * Quotes a string exactly when a YAML 1.1 or 1.2 reader would not read it back as the same
   * string in block context: an indicator first, {@code ": "} or {@code " #"} inside, surrounding
   * spaces, a control character or Unicode line break anywhere, or text that a YAML 1.1 or 1.2
   * reader takes for a boolean, null, number or date.
   * Commas, brackets and {@code ${...}} inside plain text need no quotes.
   */
  static final class PlainWherePossible extends StringQuotingChecker {
    private static final long serialVersionUID = 1L;

    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    private static final Pattern RESERVED = Pattern.compile(
        "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|<<|=");
    // The union of what YAML 1.1 (SnakeYAML, PyYAML) and 1.2 readers take for a number or date:
    // signs on hex, octal and binary (+0x1F), underscores anywhere in digits (._1 is 0.1 to PyYAML),
    // several dots (1.2.3), sexagesimal (1:20) and timestamps.
    private static final Pattern NUMBER_OR_DATE = Pattern.compile(
        "[-+]?(\\.[0-9_]+|[0-9_]+(\\.[0-9_]*)?|([0-9][0-9_]*)?\\.[0-9_.]*)([eE][-+]?[0-9]+)?"
            + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
            + "|[-+]?0x[0-9a-fA-F_]+|[-+]?0o?[0-7_]+|[-+]?0b[01_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
            + "|\\d{4}-\\d{1,2}-\\d{1,2}([Tt ].*)?");

    @Override
    public boolean needToQuoteName(String name) {
      return needsQuotes(name);
    }

    @Override
    public boolean needToQuoteValue(String value) {
      return needsQuotes(value);
    }

    private static boolean needsQuotes(String text) {
      if (text.isEmpty() || Character.isWhitespace(text.charAt(0))
          || Character.isWhitespace(text.charAt(text.length() - 1))) {
        return true;
      }
      if (INDICATORS.indexOf(text.charAt(0)) >= 0 || text.contains(": ") || text.contains(" #") || text.endsWith(":")) {
        return true;
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        // C0 and C1 controls (U+0085 NEL reads as a line break or a space), the Unicode line and
        // paragraph separators, and the byte order mark: only a quoted, escaped form keeps them.
        if (c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
          return true;
        }
      }
      // The patterns only for text that can match them: every reserved word is at most five
      // characters, and a number or date starts with a sign, a dot, a digit or an underscore. Most keys and
      // values are neither, and a regular expression per key is most of a cold YAML write.
      char first = text.charAt(0);
      return text.length() <= 5 && RESERVED.matcher(text).matches()
          || (first == '-' || first == '+' || first == '.' || first == '_' || first >= '0' && first <= '9')
              && NUMBER_OR_DATE.matcher(text).matches();
    }
  }
}
