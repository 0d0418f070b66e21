package io.statecraft.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every public or protected declaration of the modules users write workflows and their tests
 * against (statecraft-dsl, statecraft-aws, statecraft-testing) has Javadoc, so that IDE hovers
 * explain the API. The Javadoc tool's doclint checks the comments themselves ({@code all,-missing},
 * in the POMs); this test is the part of doclint's {@code missing} group that doclint cannot check
 * alone, run by {@code scripts/MissingJavadoc.java} with javac's own doclint. It lives here, once,
 * because this module's test class path holds all three modules and what they compile against.
 */
final class PublicApiJavadocTest {

  @ParameterizedTest
  @ValueSource(strings = {"dsl", "aws", "testing"})
  void everyPublicDeclarationHasJavadoc(String module) throws IOException, InterruptedException {
    // Surefire may start the JVM from a manifest-only jar; its own property has the real path.
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process check = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        Path.of("..", "scripts", "MissingJavadoc.java").toString(),
        Path.of("..", module, "src", "main", "java").toString(), classPath, "statecraft-" + module)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    List<String> undocumented = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
        .toList();
    assertThat(check.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(check.exitValue()).as("exit code (2: the sources did not compile)").isIn(0, 1);
    assertThat(undocumented).as("declarations without Javadoc in statecraft-" + module).isEmpty();
  }
}
