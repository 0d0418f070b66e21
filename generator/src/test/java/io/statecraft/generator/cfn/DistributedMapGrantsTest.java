package io.statecraft.generator.cfn;

import static io.statecraft.generator.cfn.TemplateGeneratorTest.compile;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.json;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.problems;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.template;
import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.ItemReader;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.MapState;
import io.statecraft.dsl.Parallel;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.ResultWriter;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Value;
import io.statecraft.dsl.asl.AslItemReader;
import io.statecraft.dsl.asl.AslResultWriter;
import io.statecraft.dsl.workflow.LogLevel;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.WorkflowSpec;
import io.statecraft.generator.workflow.CompiledWorkflow;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The execution role of a distributed Map: child executions, its reader's and its writer's S3 grants. */
final class DistributedMapGrantsTest {

  private static final String ROLE = "/Resources/StateMachineRole/Properties/Policies/0/PolicyDocument/Statement";

  private static MapState distributed(String name) {
    return MapState.named(name).distributed(MapState.ExecutionType.STANDARD).itemProcessor(Pass.named(name + "Item"));
  }

  private static CompiledWorkflow compileQuietly(MapState map, Parameter... parameters) {
    return compile(WorkflowSpec.builder(StateMachine.startWith(map)).parameters(parameters).tracing(false)
        .logging(LogLevel.OFF, false));
  }

  @Test
  void aCsvReaderAndAResultWriterGrantExactlyTheirObjectAndPrefix() {
    Parameter bucket = Parameter.string("DataBucket");
    MapState map = distributed("Rows")
        .itemReader(ItemReader.s3Object(bucket.ref(), Value.of("in/rows.csv")).csv(ItemReader.CsvHeaderLocation.FIRST_ROW))
        .resultWriter(ResultWriter.s3(bucket.ref(), Value.of("out/")).outputType(ResultWriter.OutputType.JSONL));

    CompiledWorkflow compiled = compileQuietly(map, bucket);

    assertThat(problems(compiled)).isEmpty();
    assertThat(template(compiled).at(ROLE)).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["s3:GetObject"],
          "Resource": [{"Fn::Sub": "arn:${AWS::Partition}:s3:::${DataBucket}/in/rows.csv"}]},
         {"Effect": "Allow", "Action": ["s3:AbortMultipartUpload", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"],
          "Resource": [{"Fn::Sub": "arn:${AWS::Partition}:s3:::${DataBucket}/out/*"}]}]"""));
    assertThat(template(compiled).at("/Resources/StateMachinePolicy/Properties/PolicyDocument/Statement")).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["states:StartExecution"], "Resource": [{"Fn::Sub": "${StateMachine}"}]},
         {"Effect": "Allow", "Action": ["states:DescribeExecution", "states:StopExecution"],
          "Resource": [{"Fn::Sub": "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:${StateMachine.Name}/*"}]}]"""));
  }

  @Test
  void listingObjectsGrantsListBucketOnThePrefixAndLoadingThemGetObject() {
    Parameter bucket = Parameter.string("Images");
    MapState map = distributed("Files")
        .itemReader(ItemReader.s3Objects(bucket.ref(), Value.of("daily/")).jsonl().loadAndFlatten());

    CompiledWorkflow compiled = compileQuietly(map, bucket);

    assertThat(problems(compiled)).isEmpty();
    assertThat(template(compiled).at(ROLE)).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["s3:ListBucket"], "Resource": [{"Fn::Sub": "arn:${AWS::Partition}:s3:::${Images}"}],
          "Condition": {"StringLike": {"s3:prefix": ["daily/"]}}},
         {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": [{"Fn::Sub": "arn:${AWS::Partition}:s3:::${Images}/daily/*"}]}]"""));
  }

  @Test
  void whatIsOnlyKnownAtRunTimeIsAWarningThatSaysWhatToDeclare() {
    MapState reader = MapState.named("FromInput").distributed(MapState.ExecutionType.STANDARD).itemProcessor(Pass.named("A")).itemReader(new AslItemReader("arn:aws:states:::s3:getObject", null,
        Json.object().put("Bucket", Path.of("$.bucket")).put("Key", "rows.csv").build(), null, Map.of()));
    MapState writer = MapState.named("ToInput").distributed(MapState.ExecutionType.STANDARD).itemProcessor(Pass.named("B")).resultWriter(new AslResultWriter("arn:aws:states:::s3:putObject",
        Json.object().put("Bucket", "results-bucket").put("Prefix", Path.of("$.prefix")).build(), null, null, Map.of()));
    MapState manifest = MapState.named("Manifest").distributed(MapState.ExecutionType.EXPRESS).itemProcessor(Pass.named("C")).itemReader(
        ItemReader.athenaDataManifest(Value.of("results-bucket"), Value.of("unload/manifest.csv"), ItemReader.InputType.PARQUET));
    reader.next(writer).next(manifest);

    CompiledWorkflow compiled = compile(WorkflowSpec.builder(StateMachine.startWith(reader)).tracing(false)
        .logging(LogLevel.OFF, false));

    assertThat(problems(compiled)).containsExactly(
        "WARNING MISSING_MAP_PERMISSIONS /States/FromInput/ItemReader/Parameters/Bucket.$: distributed Map FromInput reads an object known only at run time, so no permission is derived for it and every run would fail with AccessDenied; declare s3:GetObject on arn:${AWS::Partition}:s3:::<bucket>/<key> with MapState.permissions(...) (io/statecraft/generator/cfn/DistributedMapGrantsTest.java:80)",
        "WARNING MISSING_MAP_PERMISSIONS /States/Manifest/ItemReader/ReaderConfig: distributed Map Manifest reads the data files its Athena manifest lists, which the UNLOAD wrote to its TO location, unknown to the template; declare s3:GetObject on them with MapState.permissions(IamStatement.allow(\"s3:GetObject\", \"arn:${AWS::Partition}:s3:::<bucket>/<prefix>/*\")) (io/statecraft/generator/cfn/DistributedMapGrantsTest.java:84)",
        "WARNING MISSING_MAP_PERMISSIONS /States/ToInput/ResultWriter/Parameters/Prefix.$: distributed Map ToInput exports its results known only at run time, so no permission is derived for it and every run would fail with AccessDenied; declare s3:PutObject, s3:GetObject, s3:ListMultipartUploadParts, s3:AbortMultipartUpload on arn:${AWS::Partition}:s3:::<bucket>/<prefix>/* with MapState.permissions(...) (io/statecraft/generator/cfn/DistributedMapGrantsTest.java:82)");
  }

  @Test
  void permissionsDeclaredOnAnyStateOrTheWorkflowJoinTheRoleAndSilenceTheWarning() {
    MapState map = distributed("FromInput")
        .itemReader(new AslItemReader("arn:aws:states:::s3:getObject", null,
            Json.object().put("Bucket", Path.of("$.bucket")).put("Key", Path.of("$.key")).build(), null, Map.of()))
        .permissions(IamStatement.allow("s3:GetObject", "arn:${AWS::Partition}:s3:::${AWS::AccountId}-inbox/*"));
    Parallel parallel = Parallel.named("Both").branch(Pass.named("Left"))
        .permissions(IamStatement.allow("sqs:SendMessage", "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:side"));
    map.next(parallel);

    CompiledWorkflow compiled = compile(WorkflowSpec.builder(StateMachine.startWith(map)).tracing(false)
        .logging(LogLevel.OFF, false)
        .permissions(IamStatement.allow("kms:Decrypt", "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/inbox")));

    assertThat(problems(compiled)).isEmpty();
    assertThat(template(compiled).at(ROLE)).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["kms:Decrypt"],
          "Resource": [{"Fn::Sub": "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/inbox"}]},
         {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": [{"Fn::Sub": "arn:${AWS::Partition}:s3:::${AWS::AccountId}-inbox/*"}]},
         {"Effect": "Allow", "Action": ["sqs:SendMessage"],
          "Resource": [{"Fn::Sub": "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:side"}]}]"""));
  }

  @Test
  void anS3InventoryManifestGrantsTheDataFolderNextToItOrElseTheBucketWithTheReason() {
    Parameter bucket = Parameter.string("Inventory");
    MapState exact = distributed("Exact").itemReader(ItemReader.s3InventoryManifest(bucket.ref(),
        Value.of("inv/source/daily/2026-12-07T01-00Z/manifest.json")));
    MapState loose = distributed("Loose").itemReader(ItemReader.s3InventoryManifest(Value.of("archive"),
        Value.of("manifest.json")));
    exact.next(loose);

    CompiledWorkflow compiled = compile(WorkflowSpec.builder(StateMachine.startWith(exact)).parameters(bucket)
        .tracing(false).logging(LogLevel.OFF, false));

    assertThat(problems(compiled)).isEmpty();
    assertThat(template(compiled).at(ROLE)).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": [
           {"Fn::Sub": "arn:${AWS::Partition}:s3:::${Inventory}/inv/source/daily/2026-12-07T01-00Z/manifest.json"},
           {"Fn::Sub": "arn:${AWS::Partition}:s3:::${Inventory}/inv/source/daily/data/*"},
           {"Fn::Sub": "arn:${AWS::Partition}:s3:::archive/manifest.json"}]},
         {"Sid": "S3GetObject", "Effect": "Allow", "Action": ["s3:GetObject"],
          "Resource": [{"Fn::Sub": "arn:${AWS::Partition}:s3:::archive/*"}]}]"""));
    assertThat(template(compiled).at("/Metadata/Statecraft::IamWildcards")).isEqualTo(json("""
        {"StateMachineRole": {"S3GetObject": "distributed Map Loose reads the inventory files its S3 Inventory manifest \
        lists; the manifest key 'manifest.json' is not <prefix>/<source-bucket>/<config-ID>/<date>/manifest.json, where \
        the files would be under <prefix>/<source-bucket>/<config-ID>/data/, so the whole destination bucket is granted"}}"""));
  }
}
