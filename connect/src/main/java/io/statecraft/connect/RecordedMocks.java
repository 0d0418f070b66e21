package io.statecraft.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.statecraft.asl.json.JsonDocuments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Turns a finished execution's history into a mocks file in the format of docs/testing.md, so that
 * a real run becomes an offline regression test: each Task state's results in order (a
 * {@code $sequence} when it ran more than once), its errors as {@code $error}/{@code $cause}, and
 * how long each took as {@code $seconds}. Reads every page of {@code GetExecutionHistory}
 * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetExecutionHistory.html;
 * events link to their cause through {@code previousEventId}).
 */
public final class RecordedMocks {

  /** What {@code --redact} puts in place of a value. */
  public static final String REDACTED = "REDACTED";

  private static final Configuration JSON_PATH = Configuration.builder()
      .jsonProvider(new JacksonJsonNodeJsonProvider()).mappingProvider(new JacksonMappingProvider())
      .options(Option.SUPPRESS_EXCEPTIONS).build();

  private RecordedMocks() {}

  /**
   * The mocks of the execution, as an object of state names to mocks.
   *
   * @param redact JSONPaths into each task result whose values are replaced by {@value #REDACTED}
   * @throws IllegalArgumentException when a redact path does not parse
   */
  public static ObjectNode record(String executionArn, List<String> redact, AwsSettings settings) {
    List<JsonPath> paths = new ArrayList<>();
    for (String path : redact) {
      try {
        paths.add(JsonPath.compile(path));
      } catch (InvalidPathException | IllegalArgumentException e) {
        throw new IllegalArgumentException("--redact " + path + " is not a JSONPath such as $.Payload.token");
      }
    }
    List<HistoryEvent> events = new ArrayList<>();
    try (SfnClient sfn = settings.stepFunctions()) {
      AwsErrors.call("states:GetExecutionHistory", () -> {
        sfn.getExecutionHistoryPaginator(r -> r.executionArn(executionArn).includeExecutionData(true))
            .events().forEach(events::add);
        return null;
      });
    }
    return mocks(events, paths);
  }

  static ObjectNode mocks(List<HistoryEvent> events, List<JsonPath> redact) {
    Map<Long, HistoryEvent> byId = new HashMap<>();
    events.forEach(event -> byId.put(event.id(), event));
    Map<String, List<JsonNode>> answers = new LinkedHashMap<>();
    ObjectMapper mapper = JsonDocuments.mapper();
    for (HistoryEvent event : events) {
      ObjectNode answer = null;
      String type = event.typeAsString();
      switch (type) {
        case "TaskSucceeded" -> answer = result(mapper, event.taskSucceededEventDetails().output(), redact);
        case "LambdaFunctionSucceeded" -> answer = result(mapper, event.lambdaFunctionSucceededEventDetails().output(), redact);
        case "TaskFailed" -> answer = failure(mapper, event.taskFailedEventDetails().error(), event.taskFailedEventDetails().cause());
        case "LambdaFunctionFailed" -> answer = failure(mapper, event.lambdaFunctionFailedEventDetails().error(),
            event.lambdaFunctionFailedEventDetails().cause());
        case "TaskTimedOut" -> answer = failure(mapper, "States.Timeout", event.taskTimedOutEventDetails().cause());
        default -> {
          // Other events carry no task result.
        }
      }
      if (answer == null) {
        continue;
      }
      HistoryEvent entered = enteredState(event, byId);
      HistoryEvent scheduled = scheduled(event, byId);
      if (entered == null) {
        continue;
      }
      if (scheduled != null) {
        long millis = Duration.between(scheduled.timestamp(), event.timestamp()).toMillis();
        if (millis >= 1000) {
          answer.put("$seconds", millis / 1000);
        }
      }
      answers.computeIfAbsent(entered.stateEnteredEventDetails().name(), name -> new ArrayList<>()).add(answer);
    }
    ObjectNode mocks = mapper.createObjectNode();
    answers.forEach((state, list) -> {
      if (list.size() == 1) {
        mocks.set(state, list.get(0));
      } else {
        mocks.putObject(state).putArray("$sequence").addAll(list);
      }
    });
    return mocks;
  }

  private static ObjectNode result(ObjectMapper mapper, String output, List<JsonPath> redact) {
    JsonNode value;
    try {
      value = output == null ? mapper.nullNode() : mapper.readTree(output);
    } catch (JsonProcessingException e) {
      value = mapper.getNodeFactory().textNode(output);
    }
    for (JsonPath path : redact) {
      if (value.isContainerNode()) {
        DocumentContext document = JsonPath.using(JSON_PATH).parse(value);
        document.map(path, (current, configuration) -> REDACTED);
        value = document.json();
      }
    }
    // {"$result": ...} always: it keeps results with $ keys literal and takes $seconds beside it.
    ObjectNode answer = mapper.createObjectNode();
    answer.set("$result", value);
    return answer;
  }

  private static ObjectNode failure(ObjectMapper mapper, String error, String cause) {
    ObjectNode answer = mapper.createObjectNode();
    answer.put("$error", error == null ? "States.TaskFailed" : error);
    if (cause != null) {
      answer.put("$cause", cause);
    }
    return answer;
  }

  /** The TaskStateEntered that led to a result, through previousEventId. */
  private static HistoryEvent enteredState(HistoryEvent event, Map<Long, HistoryEvent> byId) {
    HistoryEvent current = event;
    for (int hops = 0; current != null && hops < 10; hops++) {
      if (current.stateEnteredEventDetails() != null && current.typeAsString().endsWith("StateEntered")) {
        return current;
      }
      current = current.previousEventId() == null ? null : byId.get(current.previousEventId());
    }
    return null;
  }

  private static HistoryEvent scheduled(HistoryEvent event, Map<Long, HistoryEvent> byId) {
    HistoryEvent current = event;
    for (int hops = 0; current != null && hops < 10; hops++) {
      if (current.typeAsString().endsWith("Scheduled")) {
        return current;
      }
      current = current.previousEventId() == null ? null : byId.get(current.previousEventId());
    }
    return null;
  }
}
