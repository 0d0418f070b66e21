package io.statecraft.asl.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiagramFileNameTest {

  @Test
  void theDefinitionsExtensionIsReplacedByMmd() {
    assertThat(MermaidDiagram.fileNameFor("flow.asl.json")).isEqualTo("flow.mmd");
    assertThat(MermaidDiagram.fileNameFor("flow.json")).isEqualTo("flow.mmd");
    assertThat(MermaidDiagram.fileNameFor("flow.yaml")).isEqualTo("flow.mmd");
    assertThat(MermaidDiagram.fileNameFor("flow.yml")).isEqualTo("flow.mmd");
  }

  @Test
  void anyOtherNameGetsMmdAdded() {
    assertThat(MermaidDiagram.fileNameFor("flow")).isEqualTo("flow.mmd");
    assertThat(MermaidDiagram.fileNameFor("flow.txt")).isEqualTo("flow.txt.mmd");
  }
}
