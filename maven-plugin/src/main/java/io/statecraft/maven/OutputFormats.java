package io.statecraft.maven;

import io.statecraft.generator.workflow.OutputFile;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;

/** The names users give the output files in {@code <formats>}: definition, yaml, json, diagram. */
final class OutputFormats {

  private static final Map<String, OutputFile> BY_NAME = Map.of(
      "definition", OutputFile.DEFINITION,
      "yaml", OutputFile.TEMPLATE_YAML,
      "json", OutputFile.TEMPLATE_JSON,
      "diagram", OutputFile.DIAGRAM);

  // The Maven artifact type each attached file is published as; the diagram is not attached.
  private static final Map<OutputFile, String> ARTIFACT_TYPES = Map.of(
      OutputFile.DEFINITION, "asl.json",
      OutputFile.TEMPLATE_YAML, "yaml",
      OutputFile.TEMPLATE_JSON, "json");

  private OutputFormats() {}

  /** The Maven artifact type {@code file} is attached as ({@code yaml}, {@code json}, {@code asl.json}). */
  static Optional<String> artifactType(OutputFile file) {
    return Optional.ofNullable(ARTIFACT_TYPES.get(file));
  }

  /** The user-facing names of {@code files}, in file order. */
  static List<String> names(Set<OutputFile> files) {
    // One name per file, so file order is the order of OutputFile's constants. A loop, not a
    // stream: this runs on every build that uses the plugin (issue 19).
    List<String> names = new ArrayList<>();
    for (OutputFile file : OutputFile.values()) {
      if (files.contains(file)) {
        for (Map.Entry<String, OutputFile> name : BY_NAME.entrySet()) {
          if (name.getValue() == file) {
            names.add(name.getKey());
          }
        }
      }
    }
    return List.copyOf(names);
  }

  /** The output files named in {@code names} (trimmed, case-insensitive); all when empty. */
  static Set<OutputFile> parse(List<String> names) throws MojoExecutionException {
    if (names == null || names.isEmpty()) {
      return EnumSet.allOf(OutputFile.class);
    }
    Set<OutputFile> files = EnumSet.noneOf(OutputFile.class);
    for (String name : names) {
      String key = name.strip().toLowerCase(Locale.ROOT);
      if (key.isEmpty()) {
        continue;
      }
      OutputFile file = BY_NAME.get(key);
      if (file == null) {
        throw new MojoExecutionException("Unknown format '" + name.strip()
            + "' in statecraft.formats; use definition, yaml, json or diagram, comma-separated");
      }
      files.add(file);
    }
    if (files.isEmpty()) {
      throw new MojoExecutionException("statecraft.formats names no format; use definition, yaml, json or diagram");
    }
    return files;
  }
}
