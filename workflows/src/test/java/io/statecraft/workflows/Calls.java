package io.statecraft.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.testing.Mock;
import io.statecraft.testing.TaskCall;
import io.statecraft.testing.TaskFailure;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Records what the mocked tasks were sent, so that tests can assert the requests. */
final class Calls {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<TaskCall> calls = new ArrayList<>();

  /** A mock that records each call and answers the n-th call with the n-th JSON text (the last repeats). */
  Mock answering(String... results) {
    return Mock.handler(call -> {
      calls.add(call);
      return json(results[Math.min(calls(call.stateName()).size(), results.length) - 1]);
    });
  }

  /**
   * A mock that records each call and answers by the value of one field of the payload: for
   * states called once per Map item.
   */
  Mock answeringBy(String field, java.util.Map<String, String> results) {
    return Mock.handler(call -> {
      calls.add(call);
      String key = call.input().path(field).asText();
      if (!results.containsKey(key)) {
        throw new AssertionError(call.stateName() + " was called with " + field + " " + key + ", which the test did not expect");
      }
      return json(results.get(key));
    });
  }

  /** A mock that records each call and fails every one of them. */
  Mock failing(String error, String cause) {
    return Mock.handler(call -> {
      calls.add(call);
      throw new TaskFailure(error, cause);
    });
  }

  /** Records a call answered elsewhere. */
  void record(TaskCall call) {
    calls.add(call);
  }

  /** The payloads sent by one state, in order. */
  List<JsonNode> payloads(String state) {
    return calls(state).stream().map(TaskCall::input).toList();
  }

  /** The payload of a state that was called exactly once. */
  JsonNode only(String state) {
    List<JsonNode> payloads = payloads(state);
    if (payloads.size() != 1) {
      throw new AssertionError(state + " was called " + payloads.size() + " times, not once: " + payloads);
    }
    return payloads.get(0);
  }

  List<TaskCall> calls(String state) {
    return calls.stream().filter(call -> call.stateName().equals(state)).toList();
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
