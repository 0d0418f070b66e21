package io.statecraft.generator.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;

/** Writes a template as canonical YAML: block style, minimal quotes, LF, final newline. */
final class TemplateYaml {

  private static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .stringQuotingChecker(new DatesQuoted())
      .build());

  // YAML 1.1 readers take an unquoted 2010-09-09 for a date; CloudFormation wants the text.
  private static final class DatesQuoted extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || value.matches("\\d{4}-\\d{2}-\\d{2}.*");
    }
  }

  private TemplateYaml() {}

  static String write(JsonNode template) {
    try {
      String yaml = MAPPER.writeValueAsString(template);
      return yaml.endsWith("\n") ? yaml : yaml + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always has a YAML form", e);
    }
  }
}
