package io.statecraft.asl.validate;

import static io.statecraft.asl.validate.Validation.problems;
import static io.statecraft.asl.validate.Validation.tree;
import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.asl.AslWriter;
import io.statecraft.asl.json.CanonicalJson;
import io.statecraft.dsl.ItemBatcher;
import io.statecraft.dsl.ItemReader;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.MapState;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.ResultWriter;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Value;
import org.junit.jupiter.api.Test;

/** A distributed Map's reader, batcher and writer: the whole report for ASL files, and what the typed DSL writes. */
final class MapFieldRulesTest {

  private static String distributedMap(String fields) {
    return """
        {
          "StartAt": "M",
          "States": {
            "M": {
              "Type": "Map",
              "ItemProcessor": {
                "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "X",
                "States": {"X": {"Type": "Succeed"}}
              },
        %s,
              "End": true
            }
          }
        }
        """.formatted(fields);
  }

  @Test
  void theTyposOfTheIssueAreReportedWithTheNearestName() {
    assertThat(problems(distributedMap("""
              "ItemReader": {
                "Resource": "arn:aws:states:::s3:getObjekt",
                "ReaderConfig": {"InputType": "CSVV", "CsvHeaderLocation": "FIRST_ROW", "MaxItems": 10, "MaxItemsPath": "$.max"},
                "Parameters": {"Bucket": "data", "Key": "rows.csv"}
              },
              "ItemBatcher": {"MaxItemsPerBatch": 10, "MaxItemsPerBatchPath": "$.n", "MaxInputBytesPerBatch": 300000},
              "ResultWriter": {
                "Resource": "arn:aws:states:::s3:putObject",
                "Parameters": {"Buckett": "out", "Prefix": "results"},
                "WriterConfig": {"OutputType": "CSV", "Transformation": "COMPACT"}
              }"""))).containsExactly(
        "ERROR VALUE_OUT_OF_RANGE /States/M/ItemBatcher/MaxInputBytesPerBatch: MaxInputBytesPerBatch must be an integer from 1 to 262144, got 300000",
        "ERROR MUTUALLY_EXCLUSIVE_FIELDS /States/M/ItemBatcher/MaxItemsPerBatchPath: MaxItemsPerBatch and MaxItemsPerBatchPath exclude each other; keep one",
        "ERROR UNKNOWN_FIELD /States/M/ItemReader/ReaderConfig/CsvHeaderLocation: CsvHeaderLocation is not a field of ReaderConfig; did you mean CSVHeaderLocation? (the service rejects fields it does not know)",
        "ERROR INVALID_ENUM_VALUE /States/M/ItemReader/ReaderConfig/InputType: InputType must be CSV or JSON or JSONL or PARQUET or MANIFEST, got 'CSVV'",
        "ERROR MUTUALLY_EXCLUSIVE_FIELDS /States/M/ItemReader/ReaderConfig/MaxItemsPath: MaxItems and MaxItemsPath exclude each other; keep one",
        "ERROR INVALID_RESOURCE /States/M/ItemReader/Resource: 'arn:aws:states:::s3:getObjekt' is not a resource this field takes; did you mean arn:aws:states:::s3:getObject?",
        "ERROR MISSING_REQUIRED_FIELD /States/M/ResultWriter/Parameters: Parameters needs Bucket",
        "ERROR UNKNOWN_FIELD /States/M/ResultWriter/Parameters/Buckett: Buckett is not a field of this S3 request; did you mean Bucket? (the service rejects fields it does not know)",
        "ERROR INVALID_ENUM_VALUE /States/M/ResultWriter/WriterConfig/OutputType: OutputType must be JSON or JSONL, got 'CSV'");
  }

  @Test
  void aGivenHeaderNeedsItsColumnsAndAWriterNeedsSomething() {
    assertThat(problems(distributedMap("""
              "ItemReader": {
                "Resource": "arn:aws:states:::s3:listObjectsV2",
                "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "GIVEN", "CSVDelimiter": "COLON"},
                "Parameters": {"Bucket.$": "$.bucket", "Prefix": "in/"}
              },
              "ItemBatcher": {"BatchInput": {"run": 1}},
              "ResultWriter": {}"""))).containsExactly(
        "ERROR MISSING_REQUIRED_FIELD /States/M/ItemBatcher: ItemBatcher needs MaxItemsPerBatch or MaxInputBytesPerBatch (or their Path variants)",
        "ERROR MISSING_REQUIRED_FIELD /States/M/ItemReader/ReaderConfig: \"CSVHeaderLocation\": \"GIVEN\" needs CSVHeaders, the column names; give them, or read them from the FIRST_ROW",
        "ERROR INVALID_ENUM_VALUE /States/M/ItemReader/ReaderConfig/CSVDelimiter: CSVDelimiter must be COMMA or PIPE or SEMICOLON or SPACE or TAB, got 'COLON'",
        "ERROR MISSING_REQUIRED_FIELD /States/M/ResultWriter: ResultWriter needs Resource arn:aws:states:::s3:putObject with Bucket and Prefix, or WriterConfig, or both");
  }

  @Test
  void theTypedDslWritesTheFieldsAsAslNamesThemAndPassesTheValidator() {
    Placeholder bucket = Placeholder.string("DataBucket");
    MapState map = MapState.named("Rows").distributed(MapState.ExecutionType.EXPRESS).itemProcessor(Pass.named("Row"))
        .itemReader(ItemReader.s3Object(bucket, Value.of("in/rows.csv")).csv(ItemReader.CsvHeaderLocation.GIVEN)
            .csvHeaders("id", "amount").csvDelimiter(ItemReader.CsvDelimiter.SEMICOLON).maxItems(10).maxItemsPath(Path.of("$.max")))
        .itemBatcher(ItemBatcher.create().maxItemsPerBatch(100).maxInputBytesPerBatchPath(Path.of("$.bytes"))
            .maxInputBytesPerBatch(65536).batchInput(Json.object().put("run", Path.of("$.run"))))
        .resultWriter(ResultWriter.s3(bucket, Value.of("out/")).outputType(ResultWriter.OutputType.JSONL)
            .transformation(ResultWriter.Transformation.FLATTEN))
        .label("rows");
    String json = CanonicalJson.write(AslWriter.toJson(StateMachine.startWith(map).toDefinition()));

    assertThat(problems(json)).isEmpty();
    assertThat(CanonicalJson.write(tree(json).at("/States/Rows")).replace("\n", "").replace(" ", "")).contains(
        "\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:getObject\",\"ReaderConfig\":{\"InputType\":\"CSV\","
            + "\"CSVHeaderLocation\":\"GIVEN\",\"CSVHeaders\":[\"id\",\"amount\"],\"CSVDelimiter\":\"SEMICOLON\","
            + "\"MaxItemsPath\":\"$.max\"},\"Parameters\":{\"Bucket\":\"${DataBucket}\",\"Key\":\"in/rows.csv\"}}",
        "\"ItemBatcher\":{\"MaxItemsPerBatch\":100,\"MaxInputBytesPerBatch\":65536,\"BatchInput\":{\"run.$\":\"$.run\"}}",
        "\"ResultWriter\":{\"Resource\":\"arn:aws:states:::s3:putObject\",\"Parameters\":{\"Bucket\":\"${DataBucket}\","
            + "\"Prefix\":\"out/\"},\"WriterConfig\":{\"OutputType\":\"JSONL\",\"Transformation\":\"FLATTEN\"}}",
        "\"Label\":\"rows\"");
  }

  @Test
  void inJsonataTheRequestGoesInArguments() {
    MapState map = MapState.named("Files").queryLanguage(QueryLanguage.JSONATA).distributed(MapState.ExecutionType.STANDARD)
        .itemProcessor(Pass.named("File"))
        .itemReader(ItemReader.s3Objects(Value.of("inbox"), Value.of("daily/")).jsonl().loadAndFlatten())
        .resultWriter(ResultWriter.inOutput().transformation(ResultWriter.Transformation.COMPACT));
    String json = CanonicalJson.write(AslWriter.toJson(StateMachine.startWith(map).toDefinition()));

    assertThat(problems(json)).isEmpty();
    assertThat(CanonicalJson.write(tree(json).at("/States/Files")).replace("\n", "").replace(" ", "")).contains(
        "\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:listObjectsV2\",\"ReaderConfig\":{\"InputType\":\"JSONL\","
            + "\"Transformation\":\"LOAD_AND_FLATTEN\"},\"Arguments\":{\"Bucket\":\"inbox\",\"Prefix\":\"daily/\"}}",
        "\"ResultWriter\":{\"WriterConfig\":{\"Transformation\":\"COMPACT\"}}");
  }

  @Test
  void itemsPointerIsAJsonPointerInTheReaderConfigOfAJsonFile() {
    assertThat(problems(distributedMap("""
              "ItemsPointer": "/items",
              "ItemReader": {
                "Resource": "arn:aws:states:::s3:getObject",
                "ItemsPointer": "/data",
                "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW", "ItemsPointer": "$.data.items"},
                "Parameters": {"Bucket": "data", "Key": "rows.csv"}
              }"""))).containsExactly(
        "ERROR FIELD_NOT_ALLOWED /States/M/ItemReader/ItemsPointer: ItemsPointer belongs in ItemReader.ReaderConfig, "
            + "next to InputType JSON; move it there",
        "ERROR FIELD_NOT_ALLOWED /States/M/ItemReader/ReaderConfig/ItemsPointer: ItemsPointer points into a JSON file, "
            + "but InputType is CSV; remove it, or set \"InputType\": \"JSON\"",
        "ERROR INVALID_JSON_POINTER /States/M/ItemReader/ReaderConfig/ItemsPointer: ItemsPointer '$.data.items' is not "
            + "a JSON Pointer: it must start with / (it is not a JSONPath); write it like /data/items (RFC 6901)",
        "ERROR FIELD_NOT_ALLOWED /States/M/ItemsPointer: Map states do not support ItemsPointer; remove it (it belongs "
            + "in ItemReader.ReaderConfig, for a JSON file; for the state input use ItemsPath or Items)");
  }

  @Test
  void itemsPointerEscapesAndListings() {
    assertThat(problems(distributedMap("""
              "ItemReader": {
                "Resource": "arn:aws:states:::s3:listObjectsV2",
                "ReaderConfig": {"InputType": "JSON", "Transformation": "LOAD_AND_FLATTEN", "ItemsPointer": "/a~2b"},
                "Parameters": {"Bucket": "data"}
              }"""))).containsExactly(
        "ERROR FIELD_NOT_ALLOWED /States/M/ItemReader/ReaderConfig/ItemsPointer: ItemsPointer selects an array inside "
            + "one JSON file, but s3:listObjectsV2 lists objects; remove it, or read the file with "
            + "arn:aws:states:::s3:getObject",
        "ERROR INVALID_JSON_POINTER /States/M/ItemReader/ReaderConfig/ItemsPointer: ItemsPointer '/a~2b' is not a "
            + "JSON Pointer: ~ must be followed by 0 (for ~) or 1 (for /); write it like /data/items (RFC 6901)");
  }

  @Test
  void theTypedReaderWritesItemsPointerThatPasses() {
    MapState map = MapState.named("Orders").distributed(MapState.ExecutionType.STANDARD)
        .itemProcessor(Pass.named("Order"))
        .itemReader(ItemReader.s3Object(Value.of("inbox"), Value.of("orders.json")).json().itemsPointer("/data/a~1b"));
    String json = CanonicalJson.write(AslWriter.toJson(StateMachine.startWith(map).toDefinition()));

    assertThat(problems(json)).isEmpty();
    assertThat(CanonicalJson.write(tree(json).at("/States/Orders/ItemReader")).replace("\n", "").replace(" ", ""))
        .isEqualTo("{\"Resource\":\"arn:aws:states:::s3:getObject\",\"ReaderConfig\":{\"InputType\":\"JSON\","
            + "\"ItemsPointer\":\"/data/a~1b\"},\"Parameters\":{\"Bucket\":\"inbox\",\"Key\":\"orders.json\"}}");
  }

  @Test
  void itemsPointerAndAMapOverAnObjectRoundTripThroughTheRecords() throws Exception {
    String definition = """
        {
          "StartAt": "Orders",
          "States": {
            "Orders": {
              "Type": "Map",
              "ItemProcessor": {
                "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "Order",
                "States": {"Order": {"Type": "Pass", "End": true}}
              },
              "ItemReader": {
                "Resource": "arn:aws:states:::s3:getObject",
                "ReaderConfig": {"InputType": "JSON", "ItemsPointer": "/data/items"},
                "Parameters": {"Bucket": "inbox", "Key": "orders.json"}
              },
              "Next": "Servers"
            },
            "Servers": {
              "Type": "Map",
              "ItemsPath": "$.servers",
              "ItemProcessor": {"StartAt": "Server", "States": {"Server": {"Type": "Pass", "End": true}}},
              "End": true
            }
          }
        }
        """;
    var tree = CanonicalJson.mapper().readTree(definition);

    assertThat(problems(definition)).isEmpty();
    assertThat(AslWriter.toJson(io.statecraft.asl.AslReader.read(tree))).isEqualTo(tree);
  }

  @Test
  void aManifestTypeTakesTheInputTypeThatGoesWithIt() {
    assertThat(problems(distributedMap("""
              "ItemReader": {
                "Resource": "arn:aws:states:::s3:getObject",
                "ReaderConfig": {"InputType": "MANIFEST", "ManifestType": "ATHENA_DATA"},
                "Parameters": {"Bucket": "results", "Key": "unload/manifest.csv"}
              }"""))).containsExactly(
        "ERROR INVALID_ENUM_VALUE /States/M/ItemReader/ReaderConfig/InputType: with \"ManifestType\": \"ATHENA_DATA\", "
            + "InputType is the format of the data files: CSV or JSONL or PARQUET, got 'MANIFEST'");
    assertThat(problems(distributedMap("""
              "ItemReader": {
                "Resource": "arn:aws:states:::s3:getObject",
                "ReaderConfig": {"InputType": "CSV", "ManifestType": "S3_INVENTORY"},
                "Parameters": {"Bucket": "inventory", "Key": "src/daily/2026-12-07T01-00Z/manifest.json"}
              }"""))).containsExactly(
        "ERROR INVALID_ENUM_VALUE /States/M/ItemReader/ReaderConfig/InputType: with \"ManifestType\": \"S3_INVENTORY\", "
            + "InputType must be MANIFEST, got 'CSV'");
  }
}
