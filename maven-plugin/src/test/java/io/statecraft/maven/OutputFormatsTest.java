package io.statecraft.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.generator.workflow.OutputFile;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

final class OutputFormatsTest {

  @Test
  void namesMapToOutputFilesAndNoneMeansAll() throws Exception {
    assertThat(OutputFormats.parse(List.of(" YAML", "definition", ""))).containsExactly(
        OutputFile.DEFINITION, OutputFile.TEMPLATE_YAML);
    assertThat(OutputFormats.parse(List.of())).isEqualTo(EnumSet.allOf(OutputFile.class));
    assertThat(OutputFormats.parse(null)).isEqualTo(EnumSet.allOf(OutputFile.class));
  }

  @Test
  void anUnknownNameIsASetupError() {
    assertThatThrownBy(() -> OutputFormats.parse(List.of("yaml", "xml")))
        .hasMessage("Unknown format 'xml' in statecraft.formats; use definition, yaml, json or diagram, comma-separated");
    assertThatThrownBy(() -> OutputFormats.parse(List.of(" ")))
        .hasMessage("statecraft.formats names no format; use definition, yaml, json or diagram");
  }
}
