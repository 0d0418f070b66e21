package io.statecraft.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.dsl.StateMachine;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;

/**
 * Compiles Java source the importer wrote, with the test's class path, and builds the state
 * machine its static {@code stateMachine()} returns: the second half of every round trip
 * (ASL → Java → ASL).
 */
final class CompiledStateMachine {

  private CompiledStateMachine() {}

  /** Compiles {@code source} (the class {@code className}) under {@code workDir} and calls its {@code stateMachine()}. */
  static StateMachine build(Path workDir, String source, String className) throws Exception {
    Path file = workDir.resolve("src/" + className.replace('.', '/') + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source, StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(workDir.resolve("classes"));
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = ToolProvider.getSystemJavaCompiler().run(null, null, errors, "-d", classes.toString(),
        "-classpath", System.getProperty("java.class.path"), file.toString());
    assertThat(status).as("javac: %s%n%s", errors, source).isZero();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        CompiledStateMachine.class.getClassLoader())) {
      return (StateMachine) loader.loadClass(className).getMethod("stateMachine").invoke(null);
    }
  }
}
