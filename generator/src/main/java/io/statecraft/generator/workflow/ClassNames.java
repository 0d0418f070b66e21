package io.statecraft.generator.workflow;

import io.statecraft.asl.Spelling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * "Did you mean" for a workflow class name that is not on the classpath: the nearest of the names
 * the service files list and of the classes in the same package, wherever on the classpath.
 */
final class ClassNames {

  private ClassNames() {}

  /** The known class nearest to {@code wrong}, when one is close enough ({@link Spelling}). */
  static Optional<String> nearest(String wrong, URL[] classpath, Set<String> listed) {
    Set<String> known = new LinkedHashSet<>(listed);
    String packagePath = packagePath(wrong);
    for (URL element : classpath) {
      known.addAll(classesIn(element, packagePath));
    }
    known.remove(wrong);
    return Spelling.nearest(wrong, known);
  }

  // com.acme.Flow -> com/acme/ ("" for the default package).
  private static String packagePath(String className) {
    int lastDot = className.lastIndexOf('.');
    return lastDot < 0 ? "" : className.substring(0, lastDot + 1).replace('.', '/');
  }

  // The top-level classes of one package in a folder or jar of the classpath; none when it cannot be read.
  private static Set<String> classesIn(URL element, String packagePath) {
    Set<String> names = new LinkedHashSet<>();
    Path path;
    try {
      path = Path.of(element.toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return names;
    }
    if (Files.isDirectory(path)) {
      Path folder = path.resolve(packagePath);
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.list(folder)) {
          files.map(file -> file.getFileName().toString()).forEach(file -> addClass(names, packagePath + file));
        } catch (IOException | UncheckedIOException e) {
          return names;
        }
      }
    } else if (Files.isRegularFile(path)) {
      try (JarFile jar = new JarFile(path.toFile())) {
        Enumeration<? extends ZipEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          String entry = entries.nextElement().getName();
          if (entry.startsWith(packagePath) && entry.indexOf('/', packagePath.length()) < 0) {
            addClass(names, entry);
          }
        }
      } catch (IOException e) {
        return names;
      }
    }
    return names;
  }

  private static void addClass(Set<String> names, String entry) {
    if (entry.endsWith(".class") && !entry.contains("$") && !entry.endsWith("package-info.class")
        && !entry.endsWith("module-info.class")) {
      names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
    }
  }
}
