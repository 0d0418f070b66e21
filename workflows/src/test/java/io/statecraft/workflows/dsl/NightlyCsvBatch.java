package io.statecraft.workflows.dsl;

import io.statecraft.aws.LambdaInvoke;
import io.statecraft.dsl.Context;
import io.statecraft.dsl.ItemBatcher;
import io.statecraft.dsl.ItemReader;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.MapState;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.ResultWriter;
import io.statecraft.dsl.Retry;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.Value;
import io.statecraft.dsl.workflow.LambdaFunction;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.Schedule;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;

/**
 * Recipe of docs/dsl.md, a nightly batch: every night, a distributed Map reads the rows of a CSV
 * file in S3, hands them in batches of 100 to a Lambda function (as Express child executions),
 * tolerates a few failed batches, and writes the results back to S3 as JSON Lines.
 */
public final class NightlyCsvBatch implements Workflow {

  @Override
  public String id() {
    return "nightly-csv-batch";
  }

  @Override
  public WorkflowSpec spec() {
    Parameter bucket = Parameter.string("DataBucket").description("Bucket with incoming/orders.csv; results go to results/");
    LambdaFunction importRows = LambdaFunction.existing(Parameter.string("ImportFunctionArn"));

    Task importBatch = Task.named("ImportBatch")
        .call(LambdaInvoke.function(importRows.arn()).payload(Path.input()))
        .retry(Retry.on(LambdaInvoke.TRANSIENT_ERRORS).intervalSeconds(2).maxAttempts(3).backoffRate(2))
        .resultSelector(Json.object().put("imported", LambdaInvoke.PAYLOAD.field("imported")));

    MapState rows = MapState.named("ImportRows")
        .distributed(MapState.ExecutionType.EXPRESS)
        .itemReader(ItemReader.s3Object(bucket.ref(), Value.of("incoming/orders.csv"))
            .csv(ItemReader.CsvHeaderLocation.FIRST_ROW)
            .csvDelimiter(ItemReader.CsvDelimiter.SEMICOLON))
        .itemBatcher(ItemBatcher.create()
            .maxItemsPerBatch(100)
            .maxInputBytesPerBatch(200_000)
            .batchInput(Json.object().put("night", Context.executionStartTime())))
        .itemProcessor(importBatch)
        .maxConcurrency(20)
        .toleratedFailurePercentage(5)
        .resultWriter(ResultWriter.s3(bucket.ref(), Value.of("results/"))
            .outputType(ResultWriter.OutputType.JSONL)
            .transformation(ResultWriter.Transformation.COMPACT))
        .label("orders");

    return WorkflowSpec.builder(StateMachine.startWith(rows))
        .description("Imports last night's orders.csv in batches")
        .parameters(bucket)
        .resources(importRows)
        .triggers(Schedule.named("Nightly").expression("cron(30 2 * * ? *)").timeZone("Europe/Berlin"))
        .build();
  }
}
