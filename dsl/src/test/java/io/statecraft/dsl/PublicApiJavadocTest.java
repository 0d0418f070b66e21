package io.statecraft.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every public or protected declaration of statecraft-dsl has Javadoc, so that IDE hovers explain the API
 * users write against. The Javadoc tool's doclint checks the comments themselves
 * ({@code all,-missing}, in the POM); this test is the part of doclint's {@code missing} group
 * that doclint cannot check alone, run by {@code scripts/MissingJavadoc.java} with javac's own
 * doclint.
 */
final class PublicApiJavadocTest {

  @Test
  void everyPublicDeclarationHasJavadoc() throws IOException, InterruptedException {
    // Surefire may start the JVM from a manifest-only jar; its own property has the real path.
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process check = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        Path.of("..", "scripts", "MissingJavadoc.java").toString(), Path.of("src", "main", "java").toString(),
        classPath, "statecraft-dsl")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    List<String> undocumented = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
        .toList();
    assertThat(check.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(check.exitValue()).as("exit code (2: the sources did not compile)").isIn(0, 1);
    assertThat(undocumented).as("declarations without Javadoc").isEmpty();
  }
}
