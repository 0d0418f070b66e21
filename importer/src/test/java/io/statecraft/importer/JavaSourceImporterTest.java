package io.statecraft.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  // Each tries to end the comment or string it lands in and run code when the class loads: plainly,
  // through a Unicode escape (which javac applies before it reads comments and strings), and
  // through the line breaks javac or a reader might take as the end of a line.
  private static final String PROPERTY = "statecraft.importer.injected";
  private static final List<String> HOSTILE = List.of(
      "x */ static { System.setProperty(\"" + PROPERTY + "\", \"plain\"); } /** y",
      "x \\u002a/ static { System.setProperty(\"" + PROPERTY + "\", \"unicode\"); } /\\u002a\\u002a y",
      "x \\u000a static { System.setProperty(\"" + PROPERTY + "\", \"line\"); }",
      "x \" + \"\\\" \\u0022); System.setProperty(\"" + PROPERTY + "\", \"string\"); //",
      "x\r\n\u2028\u2029\u0085 @return {@code } <b> &amp; $L $S $T $$ */",
      // Lone surrogates: written as \\uD800 escapes they survive; as text they would become '?'.
      "lone \uD800 high and \uDC00 low");

  @Test
  void hostileTextInEveryPositionStaysDataAndTheClassOnlyBuildsTheStateMachine() throws Exception {
    for (String text : HOSTILE) {
      ObjectNode root = CanonicalJson.mapper().createObjectNode();
      root.put("Comment", text);
      root.put("StartAt", text);
      ObjectNode states = root.putObject("States");
      ObjectNode pass = states.putObject(text);
      pass.put("Type", "Pass").put("Comment", text).put("Next", "Choose " + text);
      pass.putObject("Parameters").put(text, text).put("path.$", "$['" + text.replace("'", "") + "']");
      pass.putObject("Result").put(text, text);
      pass.put("ResultPath", "$.result");
      ObjectNode choice = states.putObject("Choose " + text);
      choice.put("Type", "Choice").put("Comment", text).put("Default", "Fail " + text);
      ObjectNode rule = choice.putArray("Choices").addObject();
      rule.put("Variable", "$.result").put("StringEquals", text).put("Next", "Task " + text).put("Comment", text);
      ObjectNode task = states.putObject("Task " + text);
      task.put("Type", "Task").put("Resource", "arn:aws:states:::lambda:invoke").put("End", true);
      task.putArray("Retry").addObject().put("Comment", text).putArray("ErrorEquals").add(text);
      ObjectNode catcher = task.putArray("Catch").addObject();
      catcher.put("Comment", text).put("Next", "Fail " + text).putArray("ErrorEquals").add("States.ALL");
      states.putObject("Fail " + text).put("Type", "Fail").put("Error", text).put("Cause", text);

      AslDefinition definition = AslReader.read(root);
      String source = JavaSourceImporter.toJava(definition, "com.example", "Imported").source();
      AslDefinition rebuilt = compileAndBuild(source);

      assertThat(System.getProperty(PROPERTY)).as("code ran from: %s", text).isNull();
      assertThat(AslWriter.toJson(rebuilt)).as(text).isEqualTo(AslWriter.toJson(definition));
    }
  }

  @Test
  void valuesWrittenAsEnumConstantsMustBeConstants() {
    AslDefinition definition = AslReader.read(json("""
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE); System.exit(1); //"},
            "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
        """));

    assertThatThrownBy(() -> JavaSourceImporter.toJava(definition, "com.example", "Imported"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Map 'Each' ProcessorConfig.Mode is 'INLINE); System.exit(1); //'; it must be one of [DISTRIBUTED, INLINE]");
  }

  @Test
  void credentialsWithAPathKeepTheirDollarSuffix() throws Exception {
    assertRoundTrip("""
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Credentials": {"RoleArn.$": "$.roleArn"}, "End": true}}}
        """);
    assertRoundTrip("""
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Credentials": {"RoleArn.$": "$.roleArn", "FutureField.$": "$.other", "Literal": "x"}, "End": true}}}
        """);
  }

  @Test
  void anEmptyProcessorConfigIsKept() throws Exception {
    assertRoundTrip("""
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
          "ItemProcessor": {"ProcessorConfig": {}, "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
        """);
  }

  @Test
  void unknownFieldsOfRetryAndCatchAreKept() throws Exception {
    assertRoundTrip("""
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
            "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 2, "FutureRetryField": {"a": [1, "b"]}}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F", "FutureCatchField": "x"}]},
          "F": {"Type": "Fail"}}}
        """);
  }

  @Test
  void stringsLongerThanAClassFileConstantCompile() throws Exception {
    // javac refuses a constant over 65,535 bytes of modified UTF-8: U+20AC takes 3 of them.
    String huge = "\u20ac".repeat(30_000) + "x\"\\".repeat(10_000);
    ObjectNode root = CanonicalJson.mapper().createObjectNode();
    root.put("StartAt", "P");
    ObjectNode pass = root.putObject("States").putObject("P");
    pass.put("Type", "Pass").put("End", true).put("Comment", huge);
    pass.putObject("Result").put("text", huge);
    AslDefinition definition = AslReader.read(root);

    AslDefinition rebuilt = compileAndBuild(JavaSourceImporter.toJava(definition, "com.example", "Imported").source());

    assertThat(AslWriter.toJson(rebuilt)).isEqualTo(AslWriter.toJson(definition));
  }

  @Test
  void definitionsTooLargeForOneMethodAreSplitIntoSeveral() throws Exception {
    // About 64 KiB of bytecode is all one method may hold; 2,000 Pass states with payloads need far more.
    ObjectNode root = CanonicalJson.mapper().createObjectNode();
    root.put("StartAt", "S0");
    ObjectNode states = root.putObject("States");
    int count = 2_000;
    for (int i = 0; i < count; i++) {
      ObjectNode pass = states.putObject("S" + i).put("Type", "Pass");
      pass.putObject("Parameters").put("index", i).put("input.$", "$.value").putArray("tags").add("a").add("b");
      if (i + 1 < count) {
        pass.put("Next", "S" + (i + 1));
      } else {
        pass.put("End", true);
      }
    }
    AslDefinition definition = AslReader.read(root);

    AslDefinition rebuilt = compileAndBuild(JavaSourceImporter.toJava(definition, "com.example", "Imported").source());

    assertThat(AslWriter.toJson(rebuilt)).isEqualTo(AslWriter.toJson(definition));
  }

  private void assertRoundTrip(String json) throws Exception {
    JsonNode original = json(json);
    AslDefinition rebuilt = compileAndBuild(JavaSourceImporter.toJava(AslReader.read(original), "com.example", "Imported").source());
    assertThat(AslWriter.toJson(rebuilt)).isEqualTo(original);
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
