package io.statecraft.bench;

import io.statecraft.dsl.Catch;
import io.statecraft.dsl.Choice;
import io.statecraft.dsl.Chainable;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Context;
import io.statecraft.dsl.Errors;
import io.statecraft.dsl.Fail;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.MapState;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Retry;
import io.statecraft.dsl.State;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.States;
import io.statecraft.dsl.Succeed;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.Wait;

/** State machines of a given size, built with the DSL the way authors write them. */
final class SyntheticWorkflows {

  private SyntheticWorkflows() {}

  /**
   * A state machine of about {@code states} states: repeated groups of Task (payload, retry,
   * catch), Pass, Choice, Wait and Map (with one item state), then Succeed, plus one Fail.
   */
  static StateMachine of(int states, int seed) {
    Fail failed = Fail.named("Failed").error("Synthetic.Failed").cause("a task failed");
    Succeed done = Succeed.named("Done");
    int groups = Math.max(1, (states - 2) / 6);
    State<?> first = null;
    Chainable<?> previous = null;
    for (int g = 0; g < groups; g++) {
      String n = seed + "_" + g;
      Task task = Task.named("Call" + n)
          .resource("arn:aws:states:::aws-sdk:ec2:describeInstances")
          .parameters(Json.object()
              .put("InstanceIds", States.array(Path.input().field("instanceId")))
              .put("MaxResults", 50)
              .put("Token", Context.executionName()))
          .resultSelector(Json.object().put("ids", Path.of("$.Reservations[*].Instances[*].InstanceId")))
          .resultPath(Path.input().field("call" + g))
          .retry(Retry.on(Errors.TIMEOUT).intervalSeconds(2).maxAttempts(3).backoffRate(2.0))
          .catchErrors(Catch.on(Errors.ALL).resultPath(Path.input().field("error")), failed);
      Pass shape = Pass.named("Shape" + n)
          .parameters(Json.object().put("count", States.arrayLength(Path.of("$.call" + g + ".ids"))))
          .resultPath(Path.input().field("shape" + g));
      Choice check = Choice.named("Check" + n);
      Wait pause = Wait.named("Pause" + n).seconds(5);
      MapState each = MapState.named("Each" + n)
          .itemsPath(Path.of("$.call" + g + ".ids"))
          .itemSelector(Json.object().put("id", Context.mapItemValue()))
          .itemProcessor(Pass.named("Item" + n))
          .resultPath(Path.input().field("each" + g));
      task.next(shape).next(check);
      check.when(Condition.numericGreaterThan(Path.of("$.shape" + g + ".count"), 0), pause).otherwise(each);
      pause.next(each);
      if (previous == null) {
        first = task;
      } else {
        previous.next(task);
      }
      previous = each;
    }
    previous.next(done);
    return StateMachine.startWith(first).comment("synthetic workflow " + seed);
  }
}
