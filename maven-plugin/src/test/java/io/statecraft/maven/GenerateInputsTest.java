package io.statecraft.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

final class GenerateInputsTest {

  // Parameters that cannot change what the goal writes or attaches: the project and execution are
  // Maven's context, skip and force decide whether it runs at all.
  private static final Set<String> NOT_OUTPUT = Set.of("project", "mojoExecution", "skip", "force");

  // The annotations are not kept at run time; the plugin descriptor the build wrote lists them.
  @Test
  void everyParameterOfTheGoalThatChangesItsOutputIsPartOfTheFingerprint() throws Exception {
    List<String> parameters = new ArrayList<>();
    try (InputStream descriptor = GenerateMojo.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      assertThat(descriptor).as("plugin descriptor").isNotNull();
      Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor);
      NodeList mojos = document.getElementsByTagName("mojo");
      for (int i = 0; i < mojos.getLength(); i++) {
        Element mojo = (Element) mojos.item(i);
        if (!text(mojo, "goal").equals("generate")) {
          continue;
        }
        NodeList declared = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
        for (int j = 0; j < declared.getLength(); j++) {
          String name = text((Element) declared.item(j), "name");
          if (!NOT_OUTPUT.contains(name)) {
            parameters.add(name);
          }
        }
      }
    }
    List<String> components = Arrays.stream(GenerateInputs.class.getRecordComponents())
        .map(RecordComponent::getName).toList();

    assertThat(components).containsExactlyInAnyOrderElementsOf(parameters);
  }

  private static String text(Element parent, String child) {
    return parent.getElementsByTagName(child).item(0).getTextContent().strip();
  }

  @Test
  void aChangedSettingChangesTheFingerprintLine() {
    GenerateInputs base = new GenerateInputs(List.of("yaml"), List.of(), false, true, false, "statecraft", "/out", false);
    GenerateInputs other = new GenerateInputs(List.of("yaml"), List.of(), false, true, false, "templates", "/out", false);
    assertThat(base.line()).isNotEqualTo(other.line());
    assertThat(base.line()).isEqualTo(new GenerateInputs(List.of("yaml"), List.of(), false, true, false, "statecraft", "/out", false).line());
  }

  @Test
  void theLineIsWhatTheRecordPrints() {
    GenerateInputs inputs = new GenerateInputs(List.of("yaml", "json"), List.of("a.B"), true, false, true, "statecraft", "/out",
        true);
    assertThat(inputs.line()).isEqualTo("GenerateInputs[formats=[yaml, json], workflows=[a.B], failOnWarning=true, "
        + "attach=false, addResources=true, resourceTargetPath=statecraft, outputDirectory=/out, sarif=true]")
        .isEqualTo(inputs.toString());
  }
}
