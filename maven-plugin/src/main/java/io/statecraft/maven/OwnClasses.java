package io.statecraft.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether a workflow class of the module's own sources has been compiled from its current source:
 * the plugin decides from what it finds, not from the phase it is bound to.
 */
final class OwnClasses {

  private OwnClasses() {}

  /** The source file of {@code className} (a nested class's is its outer class's), if the module has it. */
  static Optional<Path> sourceOf(String className, List<Path> sourceRoots) {
    int nested = className.indexOf('$');
    String outer = nested < 0 ? className : className.substring(0, nested);
    String file = outer.replace('.', '/') + ".java";
    for (Path root : sourceRoots) {
      Path source = root.resolve(file);
      if (Files.isRegularFile(source)) {
        return Optional.of(source);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code classes} holds {@code className} compiled no earlier than {@code source} was
   * last changed. A class missing, or older than its source, would generate yesterday's workflow.
   */
  static boolean isCompiledFrom(String className, Path source, Path classes) throws IOException {
    Path compiled = classFile(className, classes);
    return Files.isRegularFile(compiled)
        && Files.getLastModifiedTime(compiled).compareTo(Files.getLastModifiedTime(source)) >= 0;
  }

  /** Where {@code className} is compiled to under {@code classes}. */
  static Path classFile(String className, Path classes) {
    return classes.resolve(className.replace('.', '/') + ".class");
  }
}
