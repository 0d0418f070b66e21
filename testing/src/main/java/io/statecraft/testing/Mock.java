package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a mocked task answers: a result, an error, a sequence of answers, or Java code. Register
 * mocks on a {@link LocalExecutor} by state name (optionally for one attempt) or by resource ARN.
 *
 * <pre>{@code
 * Mock.result("{\"StatusCode\": 200}")
 * Mock.error("Lambda.TooManyRequestsException", "Rate exceeded")
 * Mock.sequence(Mock.error("Lambda.ServiceException", "busy"), Mock.result("{}"))
 * Mock.lambda(payload -> JsonNodeFactory.instance.objectNode().put("sent", true))  // wrapped as lambda:invoke does
 * Mock.handler(call -> call.input())                      // any Java code; throw TaskFailure to fail
 * Mock.result("{}").taking(Duration.ofMinutes(10))        // takes virtual time: TimeoutSeconds applies
 * }</pre>
 */
public final class Mock {

  /** How a mock answers one call; {@code callNumber} counts this mock's calls from 1. */
  interface Responder {
    JsonNode respond(TaskCall call) throws TaskFailure;
  }

  /** Per-run call counters, so that sequences restart with each execution. */
  interface Runs {
    int nextCall(Mock mock);
  }

  private final Responder responder;
  private final List<Mock> sequence;
  private final Duration duration;
  private final boolean heartbeats;
  private final String description;

  private Mock(Responder responder, Duration duration, boolean heartbeats, String description) {
    this(responder, null, duration, heartbeats, description);
  }

  private Mock(Responder responder, List<Mock> sequence, Duration duration, boolean heartbeats, String description) {
    this.responder = responder;
    this.sequence = sequence;
    this.duration = duration;
    this.heartbeats = heartbeats;
    this.description = description;
  }

  /**
   * The task returns this JSON (text).
   *
   * @param json the result as JSON text
   * @return the mock
   */
  public static Mock result(String json) {
    Objects.requireNonNull(json, "json == null");
    JsonNode value = JsonValues.parse(json, "the mock result");
    return result(value);
  }

  /**
   * The task returns this JSON value.
   *
   * @param value the result
   * @return the mock
   */
  public static Mock result(JsonNode value) {
    Objects.requireNonNull(value, "value == null");
    return new Mock(call -> value.deepCopy(), Duration.ZERO, false, "result " + JsonValues.compact(value));
  }

  /**
   * The task fails with this error name and cause (the cause may be null).
   *
   * @param error the error name retriers and catchers match, such as {@code Lambda.TooManyRequestsException}
   * @param cause the cause text, or null for none
   * @return the mock
   */
  public static Mock error(String error, String cause) {
    TaskFailure failure = new TaskFailure(error, cause);
    return new Mock(call -> {
      throw new TaskFailure(failure.error(), failure.cause());
    }, Duration.ZERO, false, "error " + error);
  }

  /**
   * The task returns its own input payload.
   *
   * @return the mock
   */
  public static Mock echo() {
    return new Mock(call -> call.input(), Duration.ZERO, false, "echo");
  }

  /**
   * The n-th call gets the n-th mock; once they are used up, the last one answers every further
   * call.
   *
   * @param mocks the mocks, the n-th for the n-th call; the last answers every later call
   * @return the mock
   */
  public static Mock sequence(Mock... mocks) {
    if (mocks.length == 0) {
      throw new IllegalArgumentException("Mock.sequence needs at least one mock");
    }
    return new Mock(null, List.of(mocks), Duration.ZERO, false, "sequence of " + mocks.length);
  }

  /**
   * The task's result is computed from its input payload.
   *
   * @param function computes the result from the task's payload
   * @return the mock
   */
  public static Mock of(Function<JsonNode, JsonNode> function) {
    Objects.requireNonNull(function, "function == null");
    return handler(call -> function.apply(call.input()));
  }

  /**
   * The task is answered by Java code that sees the whole call and may throw {@link TaskFailure}.
   *
   * @param handler answers each call, or throws {@link TaskFailure} to fail it
   * @return the mock
   */
  public static Mock handler(TaskHandler handler) {
    Objects.requireNonNull(handler, "handler == null");
    return new Mock(call -> {
      try {
        JsonNode result = handler.handle(call);
        return result == null ? JsonValues.NODES.nullNode() : result;
      } catch (TaskFailure failure) {
        throw failure;
      } catch (RuntimeException e) {
        // What the Lambda runtime reports for an uncaught Java exception: its class as the error.
        throw new TaskFailure(e.getClass().getName(), e.getMessage());
      }
    }, Duration.ZERO, false, "handler");
  }

  /**
   * A Lambda function written in Java. For {@code arn:aws:states:::lambda:invoke} the handler
   * receives the {@code Payload} parameter and its return value is wrapped as the service wraps
   * it ({@code {"ExecutedVersion": "$LATEST", "Payload": ..., "StatusCode": 200}}); for a
   * function ARN used directly as the Resource, it receives the input and returns the result.
   *
   * @param function computes the result from the task's payload
   * @return the mock
   */
  public static Mock lambda(Function<JsonNode, JsonNode> function) {
    Objects.requireNonNull(function, "function == null");
    return handler(call -> {
      if (!call.resource().startsWith("arn:aws:states:::lambda:invoke")) {
        return function.apply(call.input());
      }
      JsonNode payload = call.input().has("Payload") ? call.input().get("Payload") : JsonValues.object();
      JsonNode returned = function.apply(payload);
      return JsonValues.object()
          .put("ExecutedVersion", "$LATEST")
          .<com.fasterxml.jackson.databind.node.ObjectNode>set("Payload", returned == null ? JsonValues.NODES.nullNode() : returned)
          .put("StatusCode", 200);
    });
  }

  /**
   * An HTTPS endpoint written in Java, for {@code arn:aws:states:::http:invoke}: the handler
   * receives the request (ApiEndpoint, Method, Headers, QueryParameters, RequestBody) and returns
   * the response body, wrapped as {@code {"Headers": {}, "ResponseBody": ..., "StatusCode": 200,
   * "StatusText": "OK"}}.
   *
   * @param function computes the result from the task's payload
   * @return the mock
   */
  public static Mock http(Function<JsonNode, JsonNode> function) {
    Objects.requireNonNull(function, "function == null");
    return handler(call -> {
      JsonNode body = function.apply(call.input());
      return JsonValues.object()
          .<com.fasterxml.jackson.databind.node.ObjectNode>set("Headers", JsonValues.object())
          .<com.fasterxml.jackson.databind.node.ObjectNode>set("ResponseBody", body == null ? JsonValues.NODES.nullNode() : body)
          .put("StatusCode", 200)
          .put("StatusText", "OK");
    });
  }

  /**
   * The same answer, arriving after {@code duration} of virtual time: a task taking longer than
   * its TimeoutSeconds fails with {@code States.Timeout}, and one taking longer than its
   * HeartbeatSeconds fails with {@code States.HeartbeatTimeout} unless {@link #sendingHeartbeats()}.
   *
   * @param duration the virtual time the answer takes
   * @return a mock answering as this one after that much virtual time
   */
  public Mock taking(Duration duration) {
    Objects.requireNonNull(duration, "duration == null");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: " + duration);
    }
    return new Mock(responder, sequence, duration, heartbeats, description);
  }

  /**
   * The task sends heartbeats while it runs, so HeartbeatSeconds never expires.
   *
   * @return a mock answering as this one whose task sends heartbeats
   */
  public Mock sendingHeartbeats() {
    return new Mock(responder, sequence, duration, true, description);
  }

  Duration duration() {
    return duration;
  }

  boolean heartbeats() {
    return heartbeats;
  }

  /** The mock that answers this call: for a sequence, the one whose turn it is. */
  Mock select(Runs runs) {
    if (sequence == null) {
      return this;
    }
    int n = runs.nextCall(this);
    return sequence.get(Math.min(n, sequence.size()) - 1).select(runs);
  }

  JsonNode answer(TaskCall call) throws TaskFailure {
    return responder.respond(call);
  }

  @Override
  public String toString() {
    return "Mock(" + description + (duration.isZero() ? "" : ", taking " + duration) + ")";
  }
}
