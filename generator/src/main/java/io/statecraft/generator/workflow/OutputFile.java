package io.statecraft.generator.workflow;

import java.util.Objects;

/**
 * The files a compiled workflow writes into {@code target/statecraft/<id>/}, with the Maven
 * artifact type each is attached as (null for files that are not attached).
 */
public enum OutputFile {
  DEFINITION("definition.asl.json", "asl.json"),
  TEMPLATE_YAML("template.yaml", "yaml"),
  TEMPLATE_JSON("template.json", "json"),
  DIAGRAM("diagram.mmd", null);

  private final String fileName;
  private final String artifactType;

  OutputFile(String fileName, String artifactType) {
    this.fileName = Objects.requireNonNull(fileName);
    this.artifactType = artifactType;
  }

  public String fileName() {
    return fileName;
  }

  /** The Maven artifact type ({@code yaml}, {@code json}, {@code asl.json}), or null. */
  public String artifactType() {
    return artifactType;
  }
}
