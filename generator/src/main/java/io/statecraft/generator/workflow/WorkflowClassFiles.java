package io.statecraft.generator.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files that add one workflow class to a source tree: its Java file, and the services file
 * ({@link WorkflowLoader#SERVICE_FILE}) that lists it, so the plugin and {@code generate} find it.
 * {@code adopt} writes them, from the command line and from Maven alike, with
 * {@link GeneratedFiles#writeAllIfChanged(Map)}.
 */
public final class WorkflowClassFiles {

  private WorkflowClassFiles() {}

  /**
   * The Java file and the services file, in that order, each with its whole new content.
   *
   * @param sourceRoot the source folder the class goes into, such as {@code src/main/java}
   * @param resourcesRoot where {@code META-INF/services} goes; null for the {@code resources}
   *     folder next to a source folder named {@code java} ({@code src/main/resources}), or the
   *     source folder itself otherwise
   * @param relativePath the Java file's path under the source folder
   * @param source the Java source
   * @param qualifiedName the class's name, listed once in the services file; the entries already
   *     there are kept in their order
   * @throws UncheckedIOException when the services file exists but cannot be read
   */
  public static Map<Path, String> of(Path sourceRoot, Path resourcesRoot, Path relativePath, String source,
      String qualifiedName) {
    Path services = servicesRoot(sourceRoot, resourcesRoot).resolve(WorkflowLoader.SERVICE_FILE);
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(sourceRoot.resolve(relativePath), source);
    files.put(services, withEntry(services, qualifiedName));
    return files;
  }

  private static Path servicesRoot(Path sourceRoot, Path resourcesRoot) {
    if (resourcesRoot != null) {
      return resourcesRoot;
    }
    Path name = sourceRoot.toAbsolutePath().normalize().getFileName();
    return name != null && name.toString().equals("java") ? sourceRoot.resolveSibling("resources") : sourceRoot;
  }

  private static String withEntry(Path services, String className) {
    List<String> lines = new ArrayList<>();
    if (Files.isRegularFile(services)) {
      try {
        lines.addAll(Files.readAllLines(services, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + services + " (" + e.getMessage() + ")", e);
      }
    }
    if (lines.stream().noneMatch(line -> line.strip().equals(className))) {
      lines.add(className);
    }
    return String.join("\n", lines) + "\n";
  }
}
