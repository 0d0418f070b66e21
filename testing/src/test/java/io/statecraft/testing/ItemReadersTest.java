package io.statecraft.testing;

import static io.statecraft.testing.WorkflowAssertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every reader the DSL offers, run offline over the test's S3 objects; and a JSON object as a Map's items. */
final class ItemReadersTest {

  /** A distributed Map whose items pass through unchanged, so its output is the items it read. */
  private static LocalExecutor map(String reader) {
    return LocalExecutor.ofJson("""
        {"StartAt": "M", "States": {"M": {"Type": "Map",
          "ItemReader": %s,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "Item", "States": {"Item": {"Type": "Pass", "End": true}}},
          "End": true}}}
        """.formatted(reader));
  }

  @Test
  void csvWithTheHeaderInTheFirstRowQuotedFieldsAndMaxItems() {
    Execution execution = map("""
        {"Resource": "arn:aws:states:::s3:getObject",
         "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW", "MaxItems": 2},
         "Parameters": {"Bucket.$": "$.bucket", "Key": "in/orders.csv"}}""")
        .s3Object("data", "in/orders.csv", "id,note\r\n1,\"a, \"\"quoted\"\" note\"\r\n2,\r\n3,last\r\n")
        .run("{\"bucket\": \"data\"}");

    assertThat(execution).succeeded().hasOutput("""
        [{"id": "1", "note": "a, \\"quoted\\" note"}, {"id": "2", "note": ""}]""");
  }

  @Test
  void csvWithGivenHeadersAndASemicolon() {
    Execution execution = map("""
        {"Resource": "arn:aws:states:::s3:getObject",
         "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "GIVEN", "CSVHeaders": ["id", "amount"],
           "CSVDelimiter": "SEMICOLON"},
         "Parameters": {"Bucket": "data", "Key": "rows.csv"}}""")
        .s3Object("data", "rows.csv", "1;9.50\n2;3\n")
        .run();

    assertThat(execution).succeeded().hasOutput("""
        [{"id": "1", "amount": "9.50"}, {"id": "2", "amount": "3"}]""");
  }

  @Test
  void jsonAtItsItemsPointer() {
    String reader = """
        {"Resource": "arn:aws:states:::s3:getObject",
         "ReaderConfig": {"InputType": "JSON", "ItemsPointer": "/data/a~1b"},
         "Parameters": {"Bucket": "data", "Key": "orders.json"}}""";
    Execution execution = map(reader)
        .s3Object("data", "orders.json", "{\"data\": {\"a/b\": [{\"id\": 1}, {\"id\": 2}]}}")
        .run();
    assertThat(execution).succeeded().hasOutput("[{\"id\": 1}, {\"id\": 2}]");

    assertThat(map(reader).s3Object("data", "orders.json", "{\"data\": {}}").run()).failed()
        .hasError("States.ItemReaderFailed", "The ItemReader of Map state 'M' finds nothing at ItemsPointer /data/a~1b "
            + "in s3://data/orders.json");
    assertThat(map(reader.replace(", \"ItemsPointer\": \"/data/a~1b\"", ""))
        .s3Object("data", "orders.json", "{\"data\": []}").run()).failed()
        .hasError("States.ItemReaderFailed", "The ItemReader of Map state 'M' needs a JSON array in "
            + "s3://data/orders.json, got object; select the array inside with ItemReader.itemsPointer(\"/...\")");
  }

  @Test
  void jsonLinesAndJsonataArguments() {
    Execution execution = LocalExecutor.ofJson("""
        {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map",
          "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSONL"},
            "Arguments": {"Bucket": "data", "Key": "{% $states.input.day & '.jsonl' %}"}},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
            "StartAt": "Item", "States": {"Item": {"Type": "Pass", "End": true}}},
          "End": true}}}
        """).s3Object("data", "2026-12-07.jsonl", "{\"n\": 1}\n\n[2]\n\"three\"\n").run("{\"day\": \"2026-12-07\"}");

    assertThat(execution).succeeded().hasOutput("[{\"n\": 1}, [2], \"three\"]");
  }

  @Test
  void parquetIsNotReadOfflineAndSaysToMockTheItems() {
    String reader = """
        {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "PARQUET"},
         "Parameters": {"Bucket": "data", "Key": "part-0.parquet"}}""";
    assertThat(map(reader).s3Object("data", "part-0.parquet", "PAR1").run()).failed().hasError("States.ItemReaderFailed",
        "The ItemReader of Map state 'M' reads s3://data/part-0.parquet as Parquet, which the offline executor does "
            + "not read; mock the items with .items(\"M\", \"[...]\")");
    assertThat(map(reader).items("M", "[{\"row\": 1}]").run()).succeeded().hasOutput("[{\"row\": 1}]");
  }

  @Test
  void listObjectsV2DescribesEachObjectUnderThePrefix() {
    Execution execution = map("""
        {"Resource": "arn:aws:states:::s3:listObjectsV2", "Parameters": {"Bucket": "data", "Prefix": "in/"}}""")
        .s3Object("data", "in/b.txt", "x,y\n")
        .s3Object("data", "in/a.txt", "a")
        .s3Object("data", "out/c.txt", "c")
        .s3Object("other", "in/d.txt", "d")
        .run();

    assertThat(execution).succeeded().hasOutput("""
        [{"Etag": "\\"0cc175b9c0f1b6a831c399e269772661\\"", "Key": "in/a.txt", "LastModified": 1735689600, "Size": 1,
          "StorageClass": "STANDARD"},
         {"Etag": "\\"043212bb9834e334677e9c9659294bd4\\"", "Key": "in/b.txt", "LastModified": 1735689600, "Size": 4,
          "StorageClass": "STANDARD"}]""");
  }

  @Test
  void listObjectsV2WithLoadAndFlattenReadsEveryListedObject() {
    Execution execution = map("""
        {"Resource": "arn:aws:states:::s3:listObjectsV2",
         "ReaderConfig": {"InputType": "JSONL", "Transformation": "LOAD_AND_FLATTEN"},
         "Parameters": {"Bucket": "data", "Prefix": "day/"}}""")
        .s3Object("data", "day/1.jsonl", "{\"n\": 1}\n{\"n\": 2}\n")
        .s3Object("data", "day/2.jsonl", "{\"n\": 3}\n")
        .run();

    assertThat(execution).succeeded().hasOutput("[{\"n\": 1}, {\"n\": 2}, {\"n\": 3}]");
  }

  @Test
  void anS3InventoryManifestGivesTheRowsOfTheFilesItLists() {
    Execution execution = map("""
        {"Resource": "arn:aws:states:::s3:getObject",
         "ReaderConfig": {"InputType": "MANIFEST", "ManifestType": "S3_INVENTORY"},
         "Parameters": {"Bucket": "inventory", "Key": "source/daily/2026-12-07T01-00Z/manifest.json"}}""")
        .s3Object("inventory", "source/daily/2026-12-07T01-00Z/manifest.json", """
            {"sourceBucket": "source", "destinationBucket": "arn:aws:s3:::inventory", "fileFormat": "CSV",
             "fileSchema": "Bucket, Key, Size",
             "files": [{"key": "source/daily/data/1.csv.gz", "size": 2, "MD5checksum": "x"},
                       {"key": "source/daily/data/2.csv.gz", "size": 2, "MD5checksum": "y"}]}""")
        .s3Object("inventory", "source/daily/data/1.csv.gz", "\"source\",\"a.csv\",\"10\"\n")
        .s3Object("inventory", "source/daily/data/2.csv.gz", "\"source\",\"b.csv\",\"20\"\n")
        .run();

    assertThat(execution).succeeded().hasOutput("""
        [{"Bucket": "source", "Key": "a.csv", "Size": "10"}, {"Bucket": "source", "Key": "b.csv", "Size": "20"}]""");
  }

  @Test
  void anAthenaDataManifestGivesTheRecordsOfTheFilesItLists() {
    String reader = """
        {"Resource": "arn:aws:states:::s3:getObject",
         "ReaderConfig": {"InputType": "CSV", "ManifestType": "ATHENA_DATA", "CSVHeaderLocation": "GIVEN",
           "CSVHeaders": ["id", "total"]},
         "Parameters": {"Bucket": "results", "Key": "unload/q-1-manifest.csv"}}""";
    Execution execution = map(reader)
        .s3Object("results", "unload/q-1-manifest.csv", "s3://exports/orders/1.csv\ns3://exports/orders/2.csv\n")
        .s3Object("exports", "orders/1.csv", "1,10\n2,20\n")
        .s3Object("exports", "orders/2.csv", "3,30\n")
        .run();
    assertThat(execution).succeeded().hasOutput("""
        [{"id": "1", "total": "10"}, {"id": "2", "total": "20"}, {"id": "3", "total": "30"}]""");

    assertThat(map(reader).s3Object("results", "unload/q-1-manifest.csv", "s3://exports/orders/1.csv\n").run())
        .failed().hasError("States.ItemReaderFailed", "The ItemReader of Map state 'M' reads s3://exports/orders/1.csv, "
            + "which the test does not give; add it with .s3Object(\"exports\", \"orders/1.csv\", content), or mock "
            + "the items with .items(\"M\", \"[...]\")");
  }

  @Test
  void aJsonObjectIsIteratedOnePairAtATime() {
    Execution jsonPath = LocalExecutor.ofJson("""
        {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.servers",
          "ItemProcessor": {"StartAt": "Item", "States": {"Item": {"Type": "Pass", "End": true}}},
          "End": true}}}
        """).run("{\"servers\": {\"web\": {\"port\": 80}, \"db\": {\"port\": 5432}}}");
    assertThat(jsonPath).succeeded().hasOutput("""
        [{"key": "web", "value": {"port": 80}}, {"key": "db", "value": {"port": 5432}}]""");

    Execution jsonata = LocalExecutor.ofJson("""
        {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map", "Items": "{% $states.input.limits %}",
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "Item", "States": {"Item": {"Type": "Pass", "Output": "{% $states.input.key %}", "End": true}}},
          "End": true}}}
        """).run("{\"limits\": {\"cpu\": 2, \"memory\": 512}}");
    assertThat(jsonata).succeeded().hasOutput("[\"cpu\", \"memory\"]");
  }

  @Test
  void aMocksFileGivesS3ObjectsAsTextOrAsJson() {
    MockFile mocks = MockFile.parse("""
        {"$s3Objects": {"s3://data/orders.json": {"data": {"items": [{"id": 1}]}}, "s3://data/rows.csv": "id\\n7\\n"}}""",
        "mocks.json");
    String reader = """
        {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSON", "ItemsPointer": "/data/items"},
         "Parameters": {"Bucket": "data", "Key": "orders.json"}}""";
    assertThat(map(reader).mocks(mocks).run()).succeeded().hasOutput("[{\"id\": 1}]");
    assertThat(map("""
        {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"},
         "Parameters": {"Bucket": "data", "Key": "rows.csv"}}""").mocks(mocks).run()).succeeded()
        .hasOutput("[{\"id\": \"7\"}]");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MockFile.parse(
        "{\"$s3Objects\": {\"data/rows.csv\": \"x\", \"s3://data/\": \"y\"}}", "mocks.json"))
        .hasMessage("mocks.json: \"$s3Objects\" key 'data/rows.csv' is not an s3://bucket/key URI; "
            + "\"$s3Objects\" key 's3://data/' is not an s3://bucket/key URI");
  }
}
