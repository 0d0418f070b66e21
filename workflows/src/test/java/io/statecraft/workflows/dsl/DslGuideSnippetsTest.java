package io.statecraft.workflows.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/dsl.md cannot drift from the code: every {@code ```java} block in it appears, line by line
 * and in order (indentation and blank lines aside), in one of the sources of this package, which
 * {@link DslGuideTest} and {@link RecipesTest} compile and run. A line {@code // ...} in a block
 * stands for lines left out of the guide: the parts around it must then appear in that order in
 * the same file.
 */
final class DslGuideSnippetsTest {

  private static final Path GUIDE = Path.of("../docs/dsl.md");
  private static final Path SOURCES = Path.of("src/test/java/io/statecraft/workflows/dsl");
  private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```$");
  private static final String ELISION = "// ...";

  @Test
  void everyJavaBlockOfTheGuideIsCompiledAndRunByATest() {
    Map<String, List<String>> sources = sources();
    List<String> blocks = blocks(read(GUIDE));
    assertThat(blocks).as("java blocks in " + GUIDE).hasSizeGreaterThanOrEqualTo(15);

    List<String> missing = new ArrayList<>();
    for (String block : blocks) {
      if (sources.values().stream().noneMatch(source -> contains(source, block))) {
        missing.add(block);
      }
    }
    assertThat(missing).as("blocks of docs/dsl.md found in no source of " + SOURCES).isEmpty();
  }

  @Test
  void everyRelativeLinkOfTheGuideNamesAnExistingFile() {
    Matcher link = Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)").matcher(read(GUIDE));
    List<String> broken = new ArrayList<>();
    int links = 0;
    while (link.find()) {
      links++;
      if (!Files.exists(GUIDE.getParent().resolve(link.group(1)))) {
        broken.add(link.group(1));
      }
    }
    assertThat(links).isGreaterThanOrEqualTo(10);
    assertThat(broken).as("links of docs/dsl.md to files that do not exist").isEmpty();
  }

  @Test
  void theCheckFindsADriftedBlock() {
    List<String> source = lines("int a = 1;\n\n  int b = 2;\nint c = 3;\n");
    assertThat(contains(source, "int a = 1;\nint b = 2;")).isTrue();
    assertThat(contains(source, "int a = 1;\n// ...\nint c = 3;")).isTrue();
    assertThat(contains(source, "int a = 1;\nint c = 3;")).isFalse();
    assertThat(contains(source, "int c = 3;\n// ...\nint a = 1;")).isFalse();
  }

  static List<String> blocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher matcher = JAVA_BLOCK.matcher(markdown);
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    return blocks;
  }

  /** Whether {@code block}'s parts (split at {@code // ...}) appear in {@code source} in order, each contiguously. */
  static boolean contains(List<String> source, String block) {
    List<List<String>> parts = new ArrayList<>();
    parts.add(new ArrayList<>());
    for (String line : lines(block)) {
      if (line.equals(ELISION)) {
        parts.add(new ArrayList<>());
      } else {
        parts.get(parts.size() - 1).add(line);
      }
    }
    int from = 0;
    for (List<String> part : parts) {
      int at = indexOf(source, part, from);
      if (at < 0) {
        return false;
      }
      from = at + part.size();
    }
    return true;
  }

  private static int indexOf(List<String> source, List<String> part, int from) {
    for (int i = from; i + part.size() <= source.size(); i++) {
      if (source.subList(i, i + part.size()).equals(part)) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  private static Map<String, List<String>> sources() {
    Map<String, List<String>> sources = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      files.filter(file -> file.toString().endsWith(".java")).sorted()
          .forEach(file -> sources.put(file.getFileName().toString(), lines(read(file))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sources;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
