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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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

  // One distributed Map per reader kind, with every field the ItemReader, ItemBatcher and
  // ResultWriter builders offer, and one Map whose reader asks for more than they offer.
  private static final String EVERY_READER = """
      {"StartAt": "Csv", "States": {
        "Csv": {"Type": "Map", "Next": "Json",
          "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
            "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "GIVEN", "CSVHeaders": ["id", "amount"],
              "CSVDelimiter": "SEMICOLON", "MaxItems": 500},
            "Parameters": {"Bucket.$": "$.bucket", "Key": "orders.csv", "VersionId": "v1"}},
          "ItemBatcher": {"MaxItemsPerBatch": 100, "MaxInputBytesPerBatchPath": "$.bytes",
            "BatchInput": {"runId.$": "$$.Execution.Name"}},
          "ItemSelector": {"row.$": "$$.Map.Item.Value"},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "Row", "States": {"Row": {"Type": "Pass", "End": true}}},
          "MaxConcurrency": 10, "ToleratedFailurePercentage": 5, "ToleratedFailureCountPath": "$.failures",
          "Label": "orders",
          "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject",
            "Parameters": {"Bucket.$": "$.bucket", "Prefix": "results/"},
            "WriterConfig": {"OutputType": "JSONL", "Transformation": "COMPACT"}}},
        "Json": {"Type": "Map", "Next": "Objects",
          "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
            "ReaderConfig": {"InputType": "JSON", "ItemsPointer": "/data/items", "MaxItemsPath": "$.max"},
            "Parameters": {"Bucket": "input-bucket", "Key": "items.json"}},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
            "StartAt": "Item", "States": {"Item": {"Type": "Pass", "End": true}}},
          "ResultWriter": {"WriterConfig": {"OutputType": "JSON", "Transformation": "FLATTEN"}}},
        "Objects": {"Type": "Map", "Next": "Inventory",
          "ItemReader": {"Resource": "arn:aws:states:::s3:listObjectsV2",
            "ReaderConfig": {"InputType": "JSONL", "Transformation": "LOAD_AND_FLATTEN"},
            "Parameters": {"Bucket": "input-bucket", "Prefix": "logs/"}},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
            "StartAt": "Line", "States": {"Line": {"Type": "Pass", "End": true}}}},
        "Inventory": {"Type": "Map", "Next": "Athena",
          "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
            "ReaderConfig": {"InputType": "MANIFEST", "ManifestType": "S3_INVENTORY"},
            "Parameters": {"Bucket": "inventory-bucket", "Key": "manifest.json"}},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "Listed", "States": {"Listed": {"Type": "Pass", "End": true}}}},
        "Athena": {"Type": "Map", "Next": "Owned",
          "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
            "ReaderConfig": {"InputType": "PARQUET", "ManifestType": "ATHENA_DATA"},
            "Parameters": {"Bucket": "query-results", "Key": "unload/manifest.csv"}},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "Unloaded", "States": {"Unloaded": {"Type": "Pass", "End": true}}}},
        "Owned": {"Type": "Map", "End": true,
          "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
            "ReaderConfig": {"InputType": "JSON"},
            "Parameters": {"Bucket": "input-bucket", "Key": "items.json", "ExpectedBucketOwner": "111122223333"}},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "Owned item", "States": {"Owned item": {"Type": "Pass", "End": true}}}}}}
      """;

  @Test
  void distributedMapsAreWrittenWithTheReaderBatcherAndWriterBuilders() throws Exception {
    AslDefinition definition = AslReader.read(json(EVERY_READER));

    JavaSourceImporter.Imported imported = JavaSourceImporter.toJava(definition, "com.example", "Imported");

    assertThat(imported.source()).isEqualTo("""
        package com.example;

        import io.statecraft.dsl.ItemBatcher;
        import io.statecraft.dsl.ItemReader;
        import io.statecraft.dsl.Json;
        import io.statecraft.dsl.MapState;
        import io.statecraft.dsl.Pass;
        import io.statecraft.dsl.Path;
        import io.statecraft.dsl.ResultWriter;
        import io.statecraft.dsl.StateMachine;
        import io.statecraft.dsl.Value;
        import io.statecraft.dsl.asl.AslItemReader;
        import java.util.Map;

        /**
         * Imported from an Amazon States Language definition by Statecraft.
         */
        public final class Imported {
          private Imported() {
          }

          /**
           * Builds the state machine.
           */
          public static StateMachine stateMachine() {
            MapState csv = MapState.named("Csv")
                .itemSelector(Json.object()
                  .put("row", Path.of("$$.Map.Item.Value"))
                  .build())
                .distributed(MapState.ExecutionType.STANDARD)
                .itemReader(ItemReader.s3Object(Path.of("$.bucket"), Value.of("orders.csv"))
                    .versionId(Value.of("v1"))
                    .csv(ItemReader.CsvHeaderLocation.GIVEN)
                    .csvHeaders("id", "amount")
                    .csvDelimiter(ItemReader.CsvDelimiter.SEMICOLON)
                    .maxItems(500))
                .itemBatcher(ItemBatcher.create()
                    .maxItemsPerBatch(100)
                    .maxInputBytesPerBatchPath(Path.of("$.bytes"))
                    .batchInput(Json.object()
                      .put("runId", Path.of("$$.Execution.Name"))))
                .resultWriter(ResultWriter.s3(Path.of("$.bucket"), Value.of("results/"))
                    .outputType(ResultWriter.OutputType.JSONL)
                    .transformation(ResultWriter.Transformation.COMPACT))
                .maxConcurrency(10)
                .toleratedFailurePercentage(5)
                .toleratedFailureCountPath(Path.of("$.failures"))
                .label("orders");
            Pass row = Pass.named("Row");
            MapState json = MapState.named("Json")
                .distributed(MapState.ExecutionType.EXPRESS)
                .itemReader(ItemReader.s3Object(Value.of("input-bucket"), Value.of("items.json"))
                    .json()
                    .itemsPointer("/data/items")
                    .maxItemsPath(Path.of("$.max")))
                .resultWriter(ResultWriter.inOutput()
                    .outputType(ResultWriter.OutputType.JSON)
                    .transformation(ResultWriter.Transformation.FLATTEN));
            Pass item = Pass.named("Item");
            MapState objects = MapState.named("Objects")
                .distributed(MapState.ExecutionType.EXPRESS)
                .itemReader(ItemReader.s3Objects(Value.of("input-bucket"), Value.of("logs/"))
                    .jsonl()
                    .loadAndFlatten());
            Pass line = Pass.named("Line");
            MapState inventory = MapState.named("Inventory")
                .distributed(MapState.ExecutionType.STANDARD)
                .itemReader(ItemReader.s3InventoryManifest(Value.of("inventory-bucket"), Value.of("manifest.json")));
            Pass listed = Pass.named("Listed");
            MapState athena = MapState.named("Athena")
                .distributed(MapState.ExecutionType.STANDARD)
                .itemReader(ItemReader.athenaDataManifest(Value.of("query-results"), Value.of("unload/manifest.csv"), ItemReader.InputType.PARQUET));
            Pass unloaded = Pass.named("Unloaded");
            MapState owned = MapState.named("Owned")
                .distributed(MapState.ExecutionType.STANDARD)
                // ItemReader written out: the ItemReader builder's request holds only Bucket, Key or Prefix, and VersionId, in Parameters
                .itemReader(new AslItemReader("arn:aws:states:::s3:getObject", Json.object()
                  .put("InputType", Value.of("JSON"))
                  .build(), Json.object()
                  .put("Bucket", Value.of("input-bucket"))
                  .put("Key", Value.of("items.json"))
                  .put("ExpectedBucketOwner", Value.of("111122223333"))
                  .build(), null, Map.of()));
            Pass ownedItem = Pass.named("Owned item");
            csv.next(json);
            csv.itemProcessor(row);
            json.next(objects);
            json.itemProcessor(item);
            objects.next(inventory);
            objects.itemProcessor(line);
            inventory.next(athena);
            inventory.itemProcessor(listed);
            athena.next(owned);
            athena.itemProcessor(unloaded);
            owned.itemProcessor(ownedItem);
            return StateMachine.startWith(csv);
          }
        }
        """);
    assertThat(imported.notes()).containsExactly("Map 'Owned': ItemReader written out: the ItemReader builder's request"
        + " holds only Bucket, Key or Prefix, and VersionId, in Parameters");
    assertThat(AslWriter.toJson(compileAndBuild(imported.source()))).isEqualTo(json(EVERY_READER));
  }

  @Test
  void aJsonataDistributedMapGetsItsReaderAndWriterRequestInArguments() throws Exception {
    assertRoundTrip("""
        {"QueryLanguage": "JSONata", "StartAt": "Lines", "States": {
          "Lines": {"Type": "Map", "End": true,
            "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
              "ReaderConfig": {"InputType": "JSONL", "MaxItems": "{% $states.input.max %}"},
              "Arguments": {"Bucket": "{% $states.input.bucket %}", "Key": "lines.jsonl"}},
            "ItemBatcher": {"MaxItemsPerBatch": "{% $states.input.batch %}"},
            "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
              "StartAt": "Line", "States": {"Line": {"Type": "Pass", "End": true}}},
            "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject",
              "Arguments": {"Bucket": "{% $states.input.bucket %}", "Prefix": "out/"}}}}}
        """);
    String source = JavaSourceImporter.toJava(AslReader.read(json("""
        {"QueryLanguage": "JSONata", "StartAt": "Lines", "States": {
          "Lines": {"Type": "Map", "End": true,
            "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSONL"},
              "Arguments": {"Bucket": "{% $states.input.bucket %}", "Key": "lines.jsonl"}},
            "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
              "StartAt": "Line", "States": {"Line": {"Type": "Pass", "End": true}}}}}}
        """)), "com.example", "Imported").source();
    assertThat(source).contains("""
                    .itemReader(ItemReader.s3Object(Jsonata.of("$states.input.bucket"), Value.of("lines.jsonl"))
                        .jsonl());
            """);
  }

  @Test
  void aBatcherOrWriterTheBuildersCannotExpressIsWrittenOutWithTheReasonAndStillRoundTrips() throws Exception {
    String json = """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
          "ItemBatcher": {"MaxItemsPerBatch": 10, "MaxItemsPerBatchPath": "$.batch"},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
          "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject",
            "Parameters": {"Bucket": "out", "Prefix": "results/"}, "WriterConfig": {"OutputType": "CSV"}}}}}
        """;
    JavaSourceImporter.Imported imported = JavaSourceImporter.toJava(AslReader.read(json(json)), "com.example", "Imported");

    assertThat(imported.source())
        .contains("// ItemBatcher written out: it sets a limit and its Path, of which the ItemBatcher builder keeps one\n"
            + "        .itemBatcher(new AslItemBatcher(")
        .contains("// ResultWriter written out: the ResultWriter builder's WriterConfig is an OutputType and a"
            + " Transformation it knows\n        .resultWriter(new AslResultWriter(");
    assertThat(imported.notes()).containsExactly(
        "Map 'Each': ItemBatcher written out: it sets a limit and its Path, of which the ItemBatcher builder keeps one",
        "Map 'Each': ResultWriter written out: the ResultWriter builder's WriterConfig is an OutputType and a"
            + " Transformation it knows");
    assertThat(AslWriter.toJson(compileAndBuild(imported.source()))).isEqualTo(json(json));
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
    return CompiledStateMachine.build(temp, source, "com.example.Imported").toDefinition();
  }


  private static JsonNode json(String text) {
    try {
      return CanonicalJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
