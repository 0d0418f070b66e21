package io.statecraft.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.asl.AslReader;
import io.statecraft.asl.AslWriter;
import io.statecraft.asl.json.CanonicalJson;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ASL → Java → ASL: the imported source compiles, and the state machine it builds writes the
 * definition it came from.
 */
class JavaSourceImporterTest {

  @TempDir
  Path temp;

  static Stream<Path> definitions() throws IOException {
    List<Path> files = new ArrayList<>();
    // The definitions the generator's DslGoldenTest pins: together they use every field of the language.
    try (Stream<Path> golden = Files.list(Path.of("../generator/src/test/resources/golden/asl"))) {
      golden.filter(p -> !p.getFileName().toString().startsWith("dynamic")).sorted().forEach(files::add);
    }
    Path conformance = Path.of(System.getProperty("statecraft.sharedDir", "../../shared"),
        "conformance", "statelint-awslabs", "valid");
    if (Files.isDirectory(conformance)) {
      try (Stream<Path> valid = Files.list(conformance)) {
        valid.sorted().forEach(files::add);
      }
    }
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("definitions")
  void importedJavaBuildsTheSameDefinition(Path file) throws Exception {
    JsonNode original = CanonicalJson.mapper().readTree(file.toFile());
    AslDefinition definition = AslReader.read(original);

    JavaSourceImporter.Imported imported = JavaSourceImporter.toJava(definition, "com.example", "Imported");
    AslDefinition rebuilt = compileAndBuild(imported.source());

    assertThat(AslWriter.toJson(rebuilt)).isEqualTo(modernized(original));
  }

  @Test
  void sourceReadsLikeHandWrittenDsl() {
    AslDefinition definition = AslReader.read(json("""
        {"Comment": "poll until done", "StartAt": "Wait for it",
         "States": {
           "Wait for it": {"Type": "Wait", "Seconds": 30, "Next": "Check"},
           "Check": {"Type": "Choice",
             "Choices": [{"Variable": "$.status", "StringEquals": "done", "Next": "Done"}],
             "Default": "Wait for it"},
           "Done": {"Type": "Succeed"}}}
        """));

    String source = JavaSourceImporter.toJava(definition, "com.example", "Poller").source();

    assertThat(source).isEqualTo("""
        package com.example;

        import io.statecraft.dsl.Choice;
        import io.statecraft.dsl.Condition;
        import io.statecraft.dsl.Path;
        import io.statecraft.dsl.StateMachine;
        import io.statecraft.dsl.Succeed;
        import io.statecraft.dsl.Wait;

        /**
         * Imported from an Amazon States Language definition by Statecraft.
         */
        public final class Poller {
          private Poller() {
          }

          /**
           * Builds the state machine: poll until done.
           */
          public static StateMachine stateMachine() {
            Wait waitForIt = Wait.named("Wait for it")
                .seconds(30);
            Choice check = Choice.named("Check");
            Succeed done = Succeed.named("Done");
            waitForIt.next(check);
            check.when(Condition.stringEquals(Path.of("$.status"), "done"), done);
            check.otherwise(waitForIt);
            return StateMachine.startWith(waitForIt)
                .comment("poll until done");
          }
        }
        """);
  }

  @Test
  void classNamesComeFromFileNames() {
    assertThat(JavaSourceImporter.classNameFor("patch-alerts.asl.json")).isEqualTo("PatchAlerts");
    assertThat(JavaSourceImporter.classNameFor("1st flow.yaml")).isEqualTo("State1stFlow");
  }

  // The importer writes legacy Map fields in their current form.
  private static JsonNode modernized(JsonNode original) {
    JsonNode copy = original.deepCopy();
    copy.findParents("Type").forEach(state -> {
      if ("Map".equals(state.path("Type").asText()) && state instanceof ObjectNode map) {
        if (map.has("Iterator")) {
          map.set("ItemProcessor", map.remove("Iterator"));
        }
        if (map.has("Parameters")) {
          map.set("ItemSelector", map.remove("Parameters"));
        }
      }
    });
    return copy;
  }

  private AslDefinition compileAndBuild(String source) throws Exception {
    Path src = temp.resolve("src/com/example/Imported.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source, StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(temp.resolve("classes"));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    var errors = new java.io.ByteArrayOutputStream();
    int status = compiler.run(null, null, errors, "-d", classes.toString(),
        "-classpath", System.getProperty("java.class.path"), src.toString());
    assertThat(status).as("javac: %s%n%s", errors, source).isZero();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Object machine = loader.loadClass("com.example.Imported").getMethod("stateMachine").invoke(null);
      return ((StateMachine) machine).toDefinition();
    }
  }

  private static JsonNode json(String text) {
    try {
      return CanonicalJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
