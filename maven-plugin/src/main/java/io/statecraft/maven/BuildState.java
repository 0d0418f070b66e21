package io.statecraft.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the last successful {@code generate} read and wrote, so that a rebuild with nothing changed
 * can say "up to date" without loading a single workflow class.
 *
 * <p>The inputs are every file of the module's runtime classpath (path, size and modification
 * time), the plugin's own jars, and the configuration; the outputs are the files written, which
 * must still be there unchanged. Any difference means a full run, which itself rewrites only
 * the files whose content changed.
 *
 * <p>Plain loops, no lambdas or streams: this runs on every build that uses the plugin, and each
 * lambda is a class spun at run time in Maven's JVM (issue 19, bench/RESULTS.md).
 *
 * @param inputs one line per input, in a stable order
 * @param ids the ids of the workflows generated
 * @param outputs one line per file written (path, size, modification time)
 * @param copies the absolute paths of the copies of those files in the classes folder ({@code
 *     addResources}); not inputs of {@link #isCurrent}, since an up-to-date build copies them again
 *     when they are missing, but removed with the files they copy
 */
record BuildState(List<String> inputs, List<String> ids, List<String> outputs, List<String> copies) {

  private static final String IDS = "ids ";
  private static final String OUTPUT = "out ";
  private static final String COPY = "copy ";

  BuildState {
    inputs = List.copyOf(inputs);
    ids = List.copyOf(ids);
    outputs = List.copyOf(outputs);
    copies = List.copyOf(copies);
  }

  /** The inputs of a run: the classpath elements, the plugin's code and the configuration. */
  static List<String> inputs(List<String> classpath, List<Class<?>> pluginClasses, GenerateInputs configuration) {
    List<String> lines = new ArrayList<>();
    lines.add("config " + configuration.line());
    for (Class<?> type : pluginClasses) {
      Optional<Path> code = codeSource(type);
      if (code.isPresent()) {
        addElement(lines, "plugin ", code.get());
      }
    }
    for (String element : classpath) {
      addElement(lines, "cp ", Path.of(element));
    }
    return lines;
  }

  // A jar is one line; a folder (target/classes) is one line per file, since a folder's own
  // modification time does not change when a file in it is rewritten.
  private static void addElement(List<String> lines, String prefix, Path path) {
    if (!Files.isDirectory(path)) {
      lines.add(prefix + describe(path));
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      List<String> described = new ArrayList<>();
      for (Iterator<Path> walk = files.iterator(); walk.hasNext(); ) {
        Path file = walk.next();
        if (Files.isRegularFile(file)) {
          described.add(describe(file));
        }
      }
      Collections.sort(described);
      for (String line : described) {
        lines.add(prefix + line);
      }
    } catch (IOException | UncheckedIOException e) {
      lines.add(prefix + path.toAbsolutePath() + "\tunreadable");
    }
  }

  /** The state after writing the files of {@code ids} into {@code files}, and copying them to {@code copies}. */
  static BuildState of(List<String> inputs, List<String> ids, List<Path> files, List<Path> copies) {
    List<String> outputs = new ArrayList<>();
    for (Path file : files) {
      outputs.add(describe(file));
    }
    List<String> copied = new ArrayList<>();
    for (Path copy : copies) {
      copied.add(copy.toAbsolutePath().toString());
    }
    Collections.sort(outputs);
    Collections.sort(copied);
    return new BuildState(inputs, ids, outputs, copied);
  }

  /** Whether nothing changed since this state was saved: same inputs, and the outputs untouched. */
  boolean isCurrent(List<String> currentInputs) {
    if (!inputs.equals(currentInputs)) {
      return false;
    }
    for (String line : outputs) {
      if (!line.equals(describe(Path.of(pathOf(line))))) {
        return false;
      }
    }
    return true;
  }

  /** The files this state says were written, absolute. */
  List<Path> outputFiles() {
    List<Path> files = new ArrayList<>();
    for (String line : outputs) {
      files.add(Path.of(pathOf(line)));
    }
    return List.copyOf(files);
  }

  /** The copies of those files in the classes folder that this state records, absolute. */
  List<Path> copyFiles() {
    List<Path> files = new ArrayList<>();
    for (String copy : copies) {
      files.add(Path.of(copy));
    }
    return List.copyOf(files);
  }

  /**
   * This state with inputs that never match: the next build runs in full, yet still knows which
   * files were written, to remove those no workflow writes any more.
   */
  BuildState invalidated() {
    return new BuildState(List.of("invalidated"), ids, outputs, copies);
  }

  /** The saved state, or empty when there is none or it cannot be read. */
  static Optional<BuildState> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      List<String> inputs = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      List<String> outputs = new ArrayList<>();
      List<String> copies = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.startsWith(IDS)) {
          ids.addAll(List.of(line.substring(IDS.length()).split(",")));
        } else if (line.startsWith(OUTPUT)) {
          outputs.add(line.substring(OUTPUT.length()));
        } else if (line.startsWith(COPY)) {
          copies.add(line.substring(COPY.length()));
        } else {
          inputs.add(line);
        }
      }
      return Optional.of(new BuildState(inputs, ids, outputs, copies));
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /** Saves this state; a state that cannot be saved only costs the next build a full run. */
  void write(Path file) {
    List<String> lines = new ArrayList<>(inputs);
    lines.add(IDS + String.join(",", ids));
    for (String line : outputs) {
      lines.add(OUTPUT + line);
    }
    for (String line : copies) {
      lines.add(COPY + line);
    }
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // the next build runs in full either way
      }
    }
  }

  /** Deletes the saved state, so that the next build runs in full. */
  static void forget(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a stale state with different inputs is never current anyway
    }
  }

  // "PATH\tSIZE\tMODIFIED" (a tab cannot end a path's last segment in practice), or "PATH\tmissing".
  private static String describe(Path path) {
    Path absolute = path.toAbsolutePath();
    try {
      BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
      return absolute + "\t" + attributes.size() + "\t" + attributes.lastModifiedTime().toMillis();
    } catch (IOException e) {
      return absolute + "\tmissing";
    }
  }

  private static String pathOf(String line) {
    return line.substring(0, line.indexOf('\t'));
  }

  private static Optional<Path> codeSource(Class<?> type) {
    var domain = type.getProtectionDomain();
    CodeSource source = domain == null ? null : domain.getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
