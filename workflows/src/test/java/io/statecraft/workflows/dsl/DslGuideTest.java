package io.statecraft.workflows.dsl;

import static io.statecraft.testing.WorkflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.statecraft.aws.LambdaInvoke;
import io.statecraft.dsl.BuildIssue;
import io.statecraft.dsl.Catch;
import io.statecraft.dsl.Chain;
import io.statecraft.dsl.Choice;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Context;
import io.statecraft.dsl.Errors;
import io.statecraft.dsl.Fail;
import io.statecraft.dsl.Fragment;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.MapState;
import io.statecraft.dsl.Parallel;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.Retry;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.States;
import io.statecraft.dsl.Succeed;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.Wait;
import io.statecraft.asl.Problem;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.ItemReader;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import io.statecraft.generator.workflow.CompiledWorkflow;
import io.statecraft.generator.workflow.OutputFile;
import io.statecraft.generator.workflow.WorkflowCompiler;
import io.statecraft.testing.Execution;
import io.statecraft.testing.LocalExecutor;
import io.statecraft.testing.Mock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The snippets of the sections of docs/dsl.md (the recipes are workflows of their own in this
 * package), each built and run offline. {@link DslGuideSnippetsTest} checks that the guide shows
 * them as they are here.
 */
final class DslGuideTest {

  @Test
  void statesChainWithNext() {
    Pass greet = Pass.named("Greet").result(Json.object().put("greeting", "hello").build());
    Wait pause = Wait.named("Pause").seconds(5);
    Succeed done = Succeed.named("Done");

    greet.next(pause).next(done);                // next(...) returns its argument
    StateMachine machine = StateMachine.startWith(greet);

    Execution execution = LocalExecutor.of(machine).run("{}");
    assertThat(execution).succeeded().hasPath("Greet", "Pause", "Done").hasOutput("{\"greeting\": \"hello\"}")
        .tookVirtualTime(Duration.ofSeconds(5));
  }

  /** A fragment: one entry, open ends, new states on every call (names must be unique). */
  static Fragment stampAndLog(String prefix) {
    Pass stamp = Pass.named(prefix + "Stamp")
        .parameters(Json.object().put("execution", Context.executionName()).put("at", Context.stateEnteredTime()))
        .resultPath(Path.input().field("stamp"));
    Pass log = Pass.named(prefix + "Log");
    return Chain.of(stamp, log);
  }

  @Test
  void fragmentsAreBuiltByMethods() {
    Fragment before = stampAndLog("Before");
    Fragment after = stampAndLog("After");
    before.next(Pass.named("Work")).next(after).next(Succeed.named("Finished"));

    StateMachine machine = StateMachine.startWith(before);

    Execution execution = LocalExecutor.of(machine).run("{\"order\": 7}");
    assertThat(execution).succeeded()
        .hasPath("BeforeStamp", "BeforeLog", "Work", "AfterStamp", "AfterLog", "Finished")
        .hasOutput("{\"order\": 7, \"stamp\": {\"execution\": \"test-execution\", \"at\": \"2025-01-01T00:00:00Z\"}}");
  }

  static StateMachine choice() {
    Path count = Path.input().field("count");
    Fail empty = Fail.named("Empty").error("Order.Empty").cause("an order needs at least one item");
    Choice size = Choice.named("Size")
        .when(Condition.not(Condition.isPresent(count)), empty)      // test presence first: see below
        .when(Condition.numericGreaterThanEquals(count, 100), Pass.named("Large"))
        .when(Condition.and(Condition.isNumeric(count), Condition.numericGreaterThan(count, 0)), Pass.named("Small"))
        .otherwise(empty);
    return StateMachine.startWith(size);
  }

  @Test
  void choiceRulesAreConditionsInOrder() {
    assertThat(LocalExecutor.of(choice()).run("{\"count\": 250}")).succeeded().hasPath("Size", "Large");
    assertThat(LocalExecutor.of(choice()).run("{\"count\": 3}")).succeeded().hasPath("Size", "Small");
    assertThat(LocalExecutor.of(choice()).run("{}")).failed().hasError("Order.Empty", "an order needs at least one item");
    assertThat(LocalExecutor.of(choice()).run("{\"count\": 0}")).failed().hasError("Order.Empty");
  }

  @Test
  void choiceInJsonata() {
    Choice size = Choice.named("Size")
        .when(Condition.jsonata("$states.input.count >= 100"), Pass.named("Large"))
        .otherwise(Pass.named("Small"));
    StateMachine machine = StateMachine.startWith(size).queryLanguage(QueryLanguage.JSONATA);

    assertThat(LocalExecutor.of(machine).run("{\"count\": 120}")).succeeded().hasPath("Size", "Large");
  }

  @Test
  void parallelBranchesAreStatesOrFragments() {
    Parallel checks = Parallel.named("Checks")
        .branch(Pass.named("CheckStock").result(Json.object().put("inStock", true).build()))
        .branch(Chain.of(Wait.named("Cooldown").seconds(2), Pass.named("CheckCredit")
            .result(Json.object().put("credit", 100).build())))
        .resultPath(Path.input().field("checks"));

    Execution execution = LocalExecutor.of(StateMachine.startWith(checks)).run("{\"order\": 7}");
    assertThat(execution).succeeded()
        .hasOutput("{\"order\": 7, \"checks\": [{\"inStock\": true}, {\"credit\": 100}]}")
        .tookVirtualTime(Duration.ofSeconds(2));
  }

  @Test
  void inlineMapRunsItsProcessorPerItem() {
    MapState lines = MapState.named("EachLine")
        .itemsPath(Path.input().field("lines"))
        .itemSelector(Json.object()
            .put("sku", Context.mapItemValue().field("sku"))
            .put("position", Context.mapItemIndex()))
        .maxConcurrency(10)
        .itemProcessor(Pass.named("Price").parameters(Json.object()
            .put("sku", Path.input().field("sku"))
            .put("label", States.format("line {}", Path.input().field("position")))))
        .resultPath(Path.input().field("priced"));

    Execution execution = LocalExecutor.of(StateMachine.startWith(lines))
        .run("{\"lines\": [{\"sku\": \"a-1\"}, {\"sku\": \"b-2\"}]}");
    assertThat(execution).succeeded().hasOutput("{\"lines\": [{\"sku\": \"a-1\"}, {\"sku\": \"b-2\"}], "
        + "\"priced\": [{\"sku\": \"a-1\", \"label\": \"line 0\"}, {\"sku\": \"b-2\", \"label\": \"line 1\"}]}");
  }

  static StateMachine retryAndCatch() {
    Fail declined = Fail.named("Declined").error("Payment.Declined").cause("the card was declined");
    Fail failed = Fail.named("ChargeFailed").errorPath(Path.input().fields("error", "Error"))
        .causePath(Path.input().fields("error", "Cause"));
    Task charge = Task.named("Charge")
        .call(LambdaInvoke.function(Placeholder.string("ChargeFunction")).payload(Path.input()))
        .resultSelector(Json.object().put("receipt", LambdaInvoke.PAYLOAD))
        .retry(Retry.on(LambdaInvoke.TRANSIENT_ERRORS).intervalSeconds(2).maxAttempts(3).backoffRate(2)
                .maxDelaySeconds(30).jitterStrategy(Retry.Jitter.FULL),
            Retry.on(Errors.TIMEOUT).intervalSeconds(5).maxAttempts(1))
        .timeoutSeconds(60)
        .catchErrors(Catch.on("Payment.Declined"), declined)
        .catchErrors(Catch.on(Errors.ALL).resultPath(Path.input().field("error")), failed);
    charge.next(Succeed.named("Charged"));
    return StateMachine.startWith(charge);
  }

  @Test
  void retriersAndCatchersAreTriedInOrder() {
    Execution retried = LocalExecutor.of(retryAndCatch())
        .substitution("ChargeFunction", "arn:aws:lambda:us-east-1:123456789012:function:charge")
        .mock("Charge", 1, Mock.error(LambdaInvoke.TOO_MANY_REQUESTS, "Rate exceeded"))
        .mock("Charge", Mock.result("{\"Payload\": \"r-1\"}"))
        .run("{\"amount\": 5}");
    assertThat(retried).succeeded().hasPath("Charge", "Charged").hasEvent("TaskFailed").hasOutput("{\"receipt\": \"r-1\"}");

    Execution declined = LocalExecutor.of(retryAndCatch())
        .substitution("ChargeFunction", "arn:aws:lambda:us-east-1:123456789012:function:charge")
        .mock("Charge", Mock.error("Payment.Declined", "insufficient funds"))
        .run("{\"amount\": 5}");
    assertThat(declined).failed().hasError("Payment.Declined", "the card was declined");

    Execution timedOut = LocalExecutor.of(retryAndCatch())
        .substitution("ChargeFunction", "arn:aws:lambda:us-east-1:123456789012:function:charge")
        .mock("Charge", Mock.result("{\"Payload\": \"late\"}").taking(Duration.ofSeconds(90)))
        .run("{\"amount\": 5}");
    assertThat(timedOut).failed().hasError("States.Timeout").hasPath("Charge", "ChargeFailed");
  }

  @Test
  void statesAllDoesNotCatchDataLimitExceeded() {
    Task fetch = Task.named("Fetch").resource("arn:aws:states:::lambda:invoke")
        .parameters(Json.object().put("FunctionName", "fetch").put("Payload", Path.input()))
        .catchErrors(Catch.on(Errors.ALL), Pass.named("Recovered"));
    String big = "{\"blob\": \"" + "x".repeat(300 * 1024) + "\"}";

    Execution execution = LocalExecutor.of(StateMachine.startWith(fetch)).mock("Fetch", Mock.result(big)).run("{}");

    assertThat(execution).failed().hasError(Errors.DATA_LIMIT_EXCEEDED).didNotPassThrough("Recovered");
  }

  @Test
  void jsonPathAndJsonataFromJava() {
    // JSONPath: paths and intrinsic functions, written as "Key.$"
    Pass jsonPath = Pass.named("Summarize").parameters(Json.object()
        .put("customer", Path.input().fields("order", "customer"))
        .put("itemCount", States.arrayLength(Path.input().fields("order", "items")))
        .put("prices", Path.input().fields("order", "items").all().field("price"))
        .put("title", States.format("order {} of {}", Path.input().fields("order", "id"), Context.executionName())));

    // JSONata: one expression per value, written "{% ... %}"; variables with assign(...)
    Pass jsonata = Pass.named("Total")
        .queryLanguage(QueryLanguage.JSONATA)
        .assign("total", Jsonata.of("$sum($states.input.prices)"))
        .output(Jsonata.of("{'customer': $states.input.customer, 'total': $sum($states.input.prices)}"));
    jsonPath.next(jsonata);

    Execution execution = LocalExecutor.of(StateMachine.startWith(jsonPath))
        .run("{\"order\": {\"id\": \"o-1\", \"customer\": \"c-9\", \"items\": [{\"price\": 3}, {\"price\": 4}]}}");
    assertThat(execution).succeeded().hasOutput("{\"customer\": \"c-9\", \"total\": 7}");
    assertThat(execution).state("Summarize")
        .hasOutput("{\"customer\": \"c-9\", \"itemCount\": 2, \"prices\": [3, 4], \"title\": \"order o-1 of test-execution\"}");
  }

  @Test
  void aStateChainedButNeverReachedIsReported() {
    Pass start = Pass.named("Start");
    Succeed done = Succeed.named("Done");
    start.next(done);
    Pass audit = Pass.named("Audit");            // chained to done, but nothing moves to Audit
    audit.next(done);

    List<BuildIssue> issues = StateMachine.startWith(start).build().issues();

    assertThat(issues).extracting(BuildIssue::code, BuildIssue::stateName, BuildIssue::message)
        .containsExactly(tuple("DROPPED_STATE", "Audit", "state 'Audit' moves on to 'Done', but no state reachable from "
            + "the start moves to it, so it is left out of the definition; link it in with next(...), a Choice rule or a "
            + "Catch, or remove it"));
    assertThat(issues.get(0).source().toString()).contains("DslGuideTest.java");
  }

  /** A workflow from a spec, as a user's class would be. */
  static Workflow workflow(String id, WorkflowSpec spec) {
    return new Workflow() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public WorkflowSpec spec() {
        return spec;
      }
    };
  }

  static WorkflowSpec inbox(boolean declared) {
    Parameter inboxKey = Parameter.string("InboxKeyArn");
    MapState files = MapState.named("EachFile")
        .distributed(MapState.ExecutionType.EXPRESS)
        .itemReader(ItemReader.s3Object(Path.input().field("bucket"), Path.input().field("key")).jsonl())
        .itemProcessor(Pass.named("Inspect"));
    if (declared) {
      files.permissions(IamStatement.allow("s3:GetObject", "arn:${AWS::Partition}:s3:::${AWS::AccountId}-inbox/*"));
    }
    WorkflowSpec spec = WorkflowSpec.builder(StateMachine.startWith(files))
        .parameters(inboxKey)
        .permissions(IamStatement.allow("kms:Decrypt", "${InboxKeyArn}"))
        .build();
    return spec;
  }

  @Test
  void permissionsOnAnyStateAndOnTheWorkflow() {
    CompiledWorkflow declared = WorkflowCompiler.compile(workflow("inbox", inbox(true)));
    assertThat(declared.problems()).isEmpty();
    assertThat(declared.files().get(OutputFile.TEMPLATE_JSON))
        .contains("arn:${AWS::Partition}:s3:::${AWS::AccountId}-inbox/*")
        .contains("${InboxKeyArn}");

    CompiledWorkflow undeclared = WorkflowCompiler.compile(workflow("inbox", inbox(false)));
    assertThat(undeclared.problems()).extracting(Problem::describe).singleElement().asString()
        .startsWith("WARNING MISSING_MAP_PERMISSIONS /States/EachFile/ItemReader/Parameters/Bucket.$: distributed Map "
            + "EachFile reads an object known only at run time");
  }
}
