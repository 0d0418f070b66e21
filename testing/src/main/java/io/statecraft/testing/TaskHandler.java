package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;

/** Java code that answers a task in place of the AWS service: returns the result or throws. */
@FunctionalInterface
public interface TaskHandler {

  /**
   * Answers one call.
   *
   * @param call the state, resource, input payload and attempt
   * @return the task's result, which ResultSelector/ResultPath (or Output) then process
   * @throws TaskFailure to fail the task with an error name and cause
   */
  JsonNode handle(TaskCall call) throws TaskFailure;
}
