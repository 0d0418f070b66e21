package io.statecraft.generator.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;

/**
 * Writes a template as canonical YAML: block style, long-form intrinsic functions
 * ({@code Fn::GetAtt:}, never {@code !GetAtt}), quotes only where YAML needs them, multi-line text
 * as literal blocks, no line splitting, LF, final newline.
 */
final class TemplateYaml {

  private static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .stringQuotingChecker(new PlainWherePossible())
      .build());

  private TemplateYaml() {}

  static String write(JsonNode template) {
    try {
      String yaml = MAPPER.writeValueAsString(template);
      return yaml.endsWith("\n") ? yaml : yaml + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always has a YAML form", e);
    }
  }

  /**
   * Quotes a string exactly when a YAML 1.1 or 1.2 reader would not read it back as the same
   * string in block context: an indicator first, {@code ": "} or {@code " #"} inside, surrounding
   * spaces, or text that reads as a boolean, null, number or date ({@code 2010-09-09}).
   * Commas, brackets and {@code ${...}} inside plain text need no quotes.
   */
  static final class PlainWherePossible extends StringQuotingChecker {
    private static final long serialVersionUID = 1L;

    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    private static final Pattern RESERVED = Pattern.compile(
        "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|<<|=");
    private static final Pattern NUMBER_OR_DATE = Pattern.compile(
        "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
            + "|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
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
        if (c < 0x20 || c == 0x7f) {
          return true;
        }
      }
      return RESERVED.matcher(text).matches() || NUMBER_OR_DATE.matcher(text).matches();
    }
  }
}
