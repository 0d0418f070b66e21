package io.statecraft.generator.workflow;

import java.util.Objects;

/** The files a compiled workflow writes into {@code target/statecraft/<id>/}. */
public enum OutputFile {
  DEFINITION("definition.asl.json"),
  TEMPLATE_YAML("template.yaml"),
  TEMPLATE_JSON("template.json"),
  DIAGRAM("diagram.mmd");

  private final String fileName;

  OutputFile(String fileName) {
    this.fileName = Objects.requireNonNull(fileName);
  }

  public String fileName() {
    return fileName;
  }
}
