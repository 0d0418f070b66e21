package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs one execution of a definition: every state type, both query languages, retriers and
 * catchers, on a virtual clock. Parallel branches and Map iterations run one after another on
 * the calling thread, each on its own virtual timeline, so runs are deterministic.
 */
final class Interpreter {

  /** The payload quota: inputs, results and outputs above it fail with States.DataLimitExceeded. */
  static final int PAYLOAD_LIMIT = 256 * 1024;
  private static final int MAX_TRANSITIONS = 1_000_000;
  private static final long DEFAULT_TASK_TIMEOUT_SECONDS = 99_999_999L;

  private final RunSettings settings;
  private final JsonNode executionInput;
  // PendingEvents, and each Visit twice: where the state was entered and where it was left.
  private final List<Object> history = new ArrayList<>();
  private CompiledGraph.All graphs;
  private boolean[] entered;
  private JsonNode lastSized;
  private final List<Visit> visits = new ArrayList<>();
  private final Set<CoverageItem> covered = new LinkedHashSet<>();
  private final Map<String, Integer> taskCalls = new HashMap<>();
  private final Map<Mock, Integer> mockCalls = new IdentityHashMap<>();
  private final Random random;
  private final ObjectNode executionContext;
  private final ObjectNode stateMachineContext;
  private long transitions;
  private int tokens;
  private int mapRuns;

  /** One branch of execution: its virtual clock, its variables, its query language, its Map item. */
  private static final class Frame {
    long now;
    final Variables variables;
    final String language;
    final boolean jsonata;
    final JsonNode mapIndex;
    final JsonNode mapValue;

    Frame(long now, Variables variables, String language, JsonNode mapIndex, JsonNode mapValue) {
      this.now = now;
      this.variables = variables;
      this.language = language;
      this.jsonata = language.equals("JSONata");
      this.mapIndex = mapIndex;
      this.mapValue = mapValue;
    }
  }

  /** Where a state leads: the next state's name (null at the end) and the output it passes on. */
  private record Step(String next, JsonNode output, StatesError caught) {
    Step(String next, JsonNode output) {
      this(next, output, null);
    }
  }

  Interpreter(RunSettings settings, JsonNode executionInput) {
    this.settings = settings;
    this.executionInput = executionInput;
    this.random = new Random(settings.seed());
    this.executionContext = JsonValues.object()
        .put("Id", settings.executionArn())
        .<ObjectNode>set("Input", executionInput)
        .put("Name", settings.executionName())
        .put("RoleArn", settings.roleArn())
        .put("StartTime", settings.startTime().toString())
        .put("RedriveCount", 0);
    this.stateMachineContext = JsonValues.object()
        .put("Id", settings.stateMachineArn())
        .put("Name", settings.stateMachineName());
  }

  /**
   * An event whose details are built only when the history is read: most tests never read it,
   * and building JSON for two events per state would dominate the cost of a run.
   */
  private record PendingEvent(String type, String state, long millis, JsonNode details, boolean stateData) {

    ObjectNode build() {
      if (!stateData) {
        return (ObjectNode) details;
      }
      return JsonValues.object().<ObjectNode>set("index", details).put("name", state);
    }
  }

  /** One state entry, filled in when the state is left; one object stands for two events. */
  private static final class Visit {
    final CompiledGraph.Node node;
    final JsonNode input;
    final long entered;
    JsonNode output;
    String error;
    String cause;
    long exited;

    Visit(CompiledGraph.Node node, JsonNode input, long entered) {
      this.node = node;
      this.input = input;
      this.entered = entered;
    }
  }

  /** The history, built from the recorded events. */
  List<HistoryEvent> history() {
    List<HistoryEvent> events = new ArrayList<>(history.size());
    Set<Visit> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Object recorded : history) {
      if (recorded instanceof Visit visit) {
        boolean entering = seen.add(visit);
        ObjectNode details = JsonValues.object().put("name", visit.node.name)
            .set(entering ? "input" : "output", entering ? visit.input : visit.output);
        events.add(new HistoryEvent(events.size() + 1, entering ? visit.node.enteredEvent : visit.node.exitedEvent,
            instant(entering ? visit.entered : visit.exited), visit.node.name, details));
      } else {
        PendingEvent event = (PendingEvent) recorded;
        events.add(new HistoryEvent(events.size() + 1, event.type(), instant(event.millis()), event.state(), event.build()));
      }
    }
    return events;
  }

  List<StateVisit> visits() {
    List<StateVisit> all = new ArrayList<>(visits.size());
    for (Visit visit : visits) {
      all.add(new StateVisit(visit.node.name, visit.node.type, visit.input, visit.output, visit.error, visit.cause,
          instant(visit.entered), instant(visit.exited)));
    }
    return all;
  }

  List<String> path() {
    List<String> path = new ArrayList<>(visits.size());
    visits.forEach(visit -> path.add(visit.node.name));
    return path;
  }

  /** Every item exercised: the states entered, then rules, catchers and retriers used. */
  Set<CoverageItem> covered() {
    Set<CoverageItem> all = new LinkedHashSet<>();
    for (CompiledGraph graph : graphs.graphs().values()) {
      graph.forEach(node -> {
        if (entered[node.index]) {
          all.add(CoverageItem.state(node.name));
        }
      });
    }
    all.addAll(covered);
    return all;
  }

  /** The outcome of the whole run. */
  record Outcome(ExecutionStatus status, JsonNode output, String error, String cause, long elapsedMillis) {}

  Outcome run(LoadedDefinition loaded) {
    JsonNode definition = loaded.json();
    this.graphs = loaded.graphs();
    this.entered = new boolean[graphs.stateCount()];
    Intrinsics.RANDOM.set(random);
    String language = definition.path("QueryLanguage").asText("JSONPath");
    Frame frame = new Frame(0, Variables.root(), language, null, null);
    event("ExecutionStarted", null, frame, JsonValues.object()
        .<ObjectNode>set("input", executionInput)
        .put("roleArn", settings.roleArn()));
    JsonNode timeout = definition.get("TimeoutSeconds");
    long timeoutMillis = timeout == null ? Long.MAX_VALUE : timeout.asLong() * 1000;
    try {
      JsonNode output = runGraph(definition, executionInput, frame, timeoutMillis);
      event("ExecutionSucceeded", null, frame, JsonValues.object().<ObjectNode>set("output", output));
      return new Outcome(ExecutionStatus.SUCCEEDED, output, null, null, frame.now);
    } catch (StatesError e) {
      if (e instanceof ExecutionTimeout) {
        event("ExecutionTimedOut", null, frame, errorDetails(e));
        return new Outcome(ExecutionStatus.TIMED_OUT, null, e.error(), e.cause(), frame.now);
      }
      event("ExecutionFailed", null, frame, errorDetails(e));
      return new Outcome(ExecutionStatus.FAILED, null, e.error(), e.cause(), frame.now);
    } finally {
      Intrinsics.RANDOM.remove();
    }
  }

  /** The state machine's own TimeoutSeconds ran out; never caught. */
  private static final class ExecutionTimeout extends StatesError {
    ExecutionTimeout(long seconds) {
      super(TIMEOUT, "The execution ran longer than the state machine's TimeoutSeconds of " + seconds);
    }
  }

  private JsonNode runGraph(JsonNode graph, JsonNode input, Frame frame, long timeoutMillis) throws StatesError {
    CompiledGraph compiled = graphs.of(graph);
    CompiledGraph.Node node = compiled.start;
    JsonNode data = input;
    while (true) {
      if (++transitions > MAX_TRANSITIONS) {
        throw StatesError.runtime("The execution made more than " + MAX_TRANSITIONS + " state transitions; "
            + "check the definition for an endless loop");
      }
      Step step = runState(node, data, frame);
      if (frame.now > timeoutMillis) {
        frame.now = timeoutMillis;
        throw new ExecutionTimeout(timeoutMillis / 1000);
      }
      if (step.next() == null) {
        return step.output();
      }
      // The usual transition is to Next, which is resolved already.
      node = step.next() == node.next ? node.nextNode : compiled.node(step.next());
      data = step.output();
    }
  }

  private Step runState(CompiledGraph.Node node, JsonNode input, Frame frame) throws StatesError {
    String name = node.name;
    String type = node.type;
    JsonNode state = node.json;
    boolean jsonata = node.queryLanguage == null ? frame.jsonata : node.queryLanguage.equals("JSONata");
    Visit visit = new Visit(node, input, frame.now);
    visits.add(visit);
    history.add(visit);
    entered[node.index] = true;
    try {
      checkSize(input, "The state input", name);
      Step step;
      switch (type) {
        case "Pass":
          step = node.plainPass ? new Step(node.next, input) : pass(name, state, input, frame, jsonata);
          break;
        case "Task":
        case "Parallel":
        case "Map": step = withErrorHandling(name, state, input, frame, jsonata, type); break;
        case "Choice": step = choice(name, state, input, frame, jsonata); break;
        case "Wait": step = await(name, state, input, frame, jsonata); break;
        case "Succeed": step = succeed(state, input, frame, jsonata); break;
        case "Fail": throw fail(name, state, input, frame, jsonata);
        default: throw StatesError.runtime("Unknown state type " + type + " in state " + name);
      }
      checkSize(step.output(), "The state output", name);
      visit.output = step.output();
      if (step.caught() != null) {
        visit.error = step.caught().error();
        visit.cause = step.caught().cause();
      }
      visit.exited = frame.now;
      history.add(visit);
      return step;
    } catch (StatesError e) {
      visit.error = e.error();
      visit.cause = e.cause();
      visit.exited = frame.now;
      throw e;
    }
  }

  private void checkSize(JsonNode value, String what, String state) throws StatesError {
    // A state often passes on the very value it received; each value is measured once.
    if (value == lastSized) {
      return;
    }
    lastSized = value;
    if (value.isContainerNode() || value.isTextual()) {
      long size = JsonValues.size(value);
      if (size > PAYLOAD_LIMIT) {
        throw new StatesError(StatesError.DATA_LIMIT_EXCEEDED, what + " of state '" + state + "' is " + size
            + " bytes, larger than the maximum of " + PAYLOAD_LIMIT + " bytes");
      }
    }
  }

  // ---------------------------------------------------------------- Pass, Succeed, Fail, Wait

  private Step pass(String name, JsonNode state, JsonNode input, Frame frame, boolean jsonata) throws StatesError {
    if (jsonata) {
      JsonNode states = statesVariable(input, null, null, name, frame, 0, null);
      JsonNode output = state.has("Output") ? JsonataEvaluator.template(state.get("Output"), states, frame.variables, "Output") : input;
      assignJsonata(state, states, frame);
      return new Step(next(state), output);
    }
    Scope scope = scope(input, name, frame, 0, null);
    JsonNode effective = inputPath(state, scope);
    // Parameters shape the effective input; a Result, when given, is the result regardless.
    if (state.has("Parameters")) {
      effective = PathEvaluator.template(state.get("Parameters"), scope.withInput(effective));
    }
    JsonNode result = state.has("Result") ? state.get("Result") : effective;
    assignJsonPath(state.get("Assign"), scope.withInput(result), frame);
    JsonNode output = resultPath(state, input, result);
    return new Step(next(state), outputPath(state, scope.withInput(output)));
  }

  private Step succeed(JsonNode state, JsonNode input, Frame frame, boolean jsonata) throws StatesError {
    if (jsonata) {
      JsonNode states = statesVariable(input, null, null, null, frame, 0, null);
      JsonNode output = state.has("Output") ? JsonataEvaluator.template(state.get("Output"), states, frame.variables, "Output") : input;
      return new Step(null, output);
    }
    Scope scope = scope(input, null, frame, 0, null);
    JsonNode effective = inputPath(state, scope);
    return new Step(null, outputPath(state, scope.withInput(effective)));
  }

  private StatesError fail(String name, JsonNode state, JsonNode input, Frame frame, boolean jsonata) throws StatesError {
    String error;
    String cause;
    if (jsonata) {
      JsonNode states = statesVariable(input, null, null, name, frame, 0, null);
      error = text(state.get("Error"), states, frame, "Error");
      cause = text(state.get("Cause"), states, frame, "Cause");
    } else {
      Scope scope = scope(input, name, frame, 0, null);
      error = state.has("ErrorPath") ? pathText(state.get("ErrorPath").asText(), scope, "ErrorPath")
          : state.path("Error").isTextual() ? state.get("Error").asText() : null;
      cause = state.has("CausePath") ? pathText(state.get("CausePath").asText(), scope, "CausePath")
          : state.path("Cause").isTextual() ? state.get("Cause").asText() : null;
    }
    return new StatesError(error == null ? "" : error, cause);
  }

  private String text(JsonNode field, JsonNode states, Frame frame, String name) throws StatesError {
    if (field == null) {
      return null;
    }
    JsonNode value = JsonataEvaluator.template(field, states, frame.variables, name);
    if (!value.isTextual()) {
      throw new StatesError(StatesError.QUERY_EVALUATION_ERROR, "The Fail state's " + name + " must be a string, got "
          + JsonValues.typeName(value));
    }
    return value.textValue();
  }

  private String pathText(String expression, Scope scope, String field) throws StatesError {
    JsonNode value = PathEvaluator.dynamic(expression, scope, field);
    if (!value.isTextual()) {
      throw StatesError.runtime("The value of " + field + " '" + expression + "' must be a string, got "
          + JsonValues.typeName(value));
    }
    return value.textValue();
  }

  private Step await(String name, JsonNode state, JsonNode input, Frame frame, boolean jsonata) throws StatesError {
    long until;
    JsonNode output;
    if (jsonata) {
      JsonNode states = statesVariable(input, null, null, name, frame, 0, null);
      if (state.has("Seconds")) {
        until = frame.now + seconds(JsonataEvaluator.template(state.get("Seconds"), states, frame.variables, "Seconds"), "Seconds") * 1000;
      } else {
        until = timestampMillis(JsonataEvaluator.template(state.get("Timestamp"), states, frame.variables, "Timestamp"), "Timestamp");
      }
      output = state.has("Output") ? JsonataEvaluator.template(state.get("Output"), states, frame.variables, "Output") : input;
      assignJsonata(state, states, frame);
    } else {
      Scope scope = scope(input, name, frame, 0, null);
      JsonNode effective = inputPath(state, scope);
      Scope inner = scope.withInput(effective);
      if (state.has("Seconds")) {
        until = frame.now + seconds(state.get("Seconds"), "Seconds") * 1000;
      } else if (state.has("SecondsPath")) {
        until = frame.now + seconds(PathEvaluator.readField(state.get("SecondsPath").asText(), inner, "SecondsPath"), "SecondsPath") * 1000;
      } else if (state.has("Timestamp")) {
        until = timestampMillis(state.get("Timestamp"), "Timestamp");
      } else {
        until = timestampMillis(PathEvaluator.readField(state.get("TimestampPath").asText(), inner, "TimestampPath"), "TimestampPath");
      }
      assignJsonPath(state.get("Assign"), inner, frame);
      output = outputPath(state, inner);
    }
    frame.now = Math.max(frame.now, until);
    return new Step(next(state), output);
  }

  private static long seconds(JsonNode value, String field) throws StatesError {
    if (!value.isNumber() || value.decimalValue().signum() < 0 || value.decimalValue().stripTrailingZeros().scale() > 0) {
      throw StatesError.runtime("The value of " + field + " must be a non-negative integer, got " + JsonValues.compact(value));
    }
    return value.longValue();
  }

  private long timestampMillis(JsonNode value, String field) throws StatesError {
    OffsetDateTime time = value.isTextual() ? ChoiceRules.timestamp(value.textValue()) : null;
    if (time == null) {
      throw StatesError.runtime("The value of " + field + " must be an RFC 3339 timestamp such as "
          + "2016-03-14T01:59:00Z, got " + JsonValues.compact(value));
    }
    return time.toInstant().toEpochMilli() - settings.startTime().toEpochMilli();
  }

  // ---------------------------------------------------------------- Choice

  private Step choice(String name, JsonNode state, JsonNode input, Frame frame, boolean jsonata) throws StatesError {
    JsonNode choices = state.get("Choices");
    if (jsonata) {
      JsonNode states = statesVariable(input, null, null, name, frame, 0, null);
      for (int i = 0; i < choices.size(); i++) {
        JsonNode rule = choices.get(i);
        JsonNode condition = JsonataEvaluator.template(rule.get("Condition"), states, frame.variables, "Condition");
        if (!condition.isBoolean()) {
          throw new StatesError(StatesError.QUERY_EVALUATION_ERROR, "The Condition of rule " + i + " of Choice state '"
              + name + "' returned " + JsonValues.typeName(condition) + ", not a boolean");
        }
        if (condition.booleanValue()) {
          covered.add(CoverageItem.choiceRule(name, i, rule.get("Next").asText()));
          JsonNode output = rule.has("Output") ? JsonataEvaluator.template(rule.get("Output"), states, frame.variables, "Output")
              : state.has("Output") ? JsonataEvaluator.template(state.get("Output"), states, frame.variables, "Output") : input;
          assignJsonata(rule.has("Assign") ? rule : state, states, frame);
          return new Step(rule.get("Next").asText(), output);
        }
      }
      String target = defaultTarget(name, state);
      JsonNode output = state.has("Output") ? JsonataEvaluator.template(state.get("Output"), states, frame.variables, "Output") : input;
      assignJsonata(state, states, frame);
      return new Step(target, output);
    }
    Scope scope = scope(input, name, frame, 0, null);
    JsonNode effective = inputPath(state, scope);
    Scope inner = scope.withInput(effective);
    for (int i = 0; i < choices.size(); i++) {
      JsonNode rule = choices.get(i);
      if (ChoiceRules.matches(rule, inner)) {
        covered.add(CoverageItem.choiceRule(name, i, rule.get("Next").asText()));
        assignJsonPath(rule.has("Assign") ? rule.get("Assign") : state.get("Assign"), inner, frame);
        return new Step(rule.get("Next").asText(), outputPath(state, inner));
      }
    }
    String target = defaultTarget(name, state);
    assignJsonPath(state.get("Assign"), inner, frame);
    return new Step(target, outputPath(state, inner));
  }

  private String defaultTarget(String name, JsonNode state) throws StatesError {
    if (!state.has("Default")) {
      throw new StatesError(StatesError.NO_CHOICE_MATCHED, "No Matches!");
    }
    covered.add(CoverageItem.choiceDefault(name, state.get("Default").asText()));
    return state.get("Default").asText();
  }

  // ---------------------------------------------------------------- Retry and Catch

  private interface Body {
    JsonNode run(int retryCount) throws StatesError;
  }

  private Step withErrorHandling(String name, JsonNode state, JsonNode input, Frame frame, boolean jsonata, String type)
      throws StatesError {
    JsonNode retriers = state.get("Retry");
    int[] attempts = new int[retriers == null ? 0 : retriers.size()];
    int retryCount = 0;
    while (true) {
      try {
        JsonNode output;
        switch (type) {
          case "Task": output = task(name, state, input, frame, jsonata, retryCount); break;
          case "Parallel": output = parallel(name, state, input, frame, jsonata, retryCount); break;
          default: output = map(name, state, input, frame, jsonata, retryCount); break;
        }
        return new Step(next(state), output);
      } catch (StatesError e) {
        if (e instanceof ExecutionTimeout) {
          throw e;
        }
        Long delay = retryDelay(name, retriers, attempts, e);
        if (delay != null) {
          frame.now += delay;
          retryCount++;
          continue;
        }
        Step caught = tryCatch(name, state, input, frame, jsonata, e);
        if (caught != null) {
          return caught;
        }
        throw e;
      }
    }
  }

  // The first retrier whose ErrorEquals matches decides: it retries while it has attempts left.
  private Long retryDelay(String name, JsonNode retriers, int[] attempts, StatesError e) {
    if (retriers == null) {
      return null;
    }
    for (int i = 0; i < retriers.size(); i++) {
      JsonNode retrier = retriers.get(i);
      if (!e.matches(names(retrier.get("ErrorEquals")))) {
        continue;
      }
      covered.add(CoverageItem.retrier(name, i, names(retrier.get("ErrorEquals"))));
      int max = retrier.path("MaxAttempts").asInt(3);
      if (attempts[i] >= max) {
        return null;
      }
      double interval = retrier.path("IntervalSeconds").asDouble(1);
      double backoff = retrier.path("BackoffRate").asDouble(2.0);
      double seconds = interval * Math.pow(backoff, attempts[i]);
      if (retrier.has("MaxDelaySeconds")) {
        seconds = Math.min(seconds, retrier.get("MaxDelaySeconds").asDouble());
      }
      if ("FULL".equals(retrier.path("JitterStrategy").asText())) {
        seconds = random.nextDouble() * seconds;
      }
      attempts[i]++;
      return Math.round(seconds * 1000);
    }
    return null;
  }

  private Step tryCatch(String name, JsonNode state, JsonNode input, Frame frame, boolean jsonata, StatesError e)
      throws StatesError {
    JsonNode catchers = state.get("Catch");
    if (catchers == null) {
      return null;
    }
    for (int i = 0; i < catchers.size(); i++) {
      JsonNode catcher = catchers.get(i);
      if (!e.matches(names(catcher.get("ErrorEquals")))) {
        continue;
      }
      covered.add(CoverageItem.catcher(name, i, names(catcher.get("ErrorEquals")), catcher.get("Next").asText()));
      ObjectNode errorOutput = JsonValues.object().put("Error", e.error());
      errorOutput.put("Cause", e.cause() == null ? "" : e.cause());
      if (e.cause() == null) {
        errorOutput.remove("Cause");
      }
      JsonNode output;
      if (jsonata) {
        JsonNode states = statesVariable(input, null, errorOutput, name, frame, 0, null);
        output = catcher.has("Output") ? JsonataEvaluator.template(catcher.get("Output"), states, frame.variables, "Output")
            : errorOutput;
        assignJsonata(catcher, states, frame);
      } else {
        Scope scope = scope(errorOutput, name, frame, 0, null);
        assignJsonPath(catcher.get("Assign"), scope, frame);
        String resultPath = catcher.has("ResultPath") ? catcher.get("ResultPath").asText(null) : "$";
        output = resultPath == null ? input : PathEvaluator.applyResultPath(input, resultPath, errorOutput);
      }
      return new Step(catcher.get("Next").asText(), output, e);
    }
    return null;
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    if (array != null) {
      array.forEach(item -> names.add(item.asText()));
    }
    return names;
  }

  // ---------------------------------------------------------------- Task

  private JsonNode task(String name, JsonNode state, JsonNode input, Frame frame, boolean jsonata, int retryCount)
      throws StatesError {
    String resource = state.get("Resource").asText();
    String token = resource.endsWith(".waitForTaskToken") ? "token-" + (++tokens) : null;
    Scope scope = scope(input, name, frame, retryCount, token);
    JsonNode states = null;
    JsonNode payload;
    long timeout;
    Long heartbeat;
    if (jsonata) {
      states = statesVariable(input, null, null, name, frame, retryCount, token);
      payload = state.has("Arguments") ? JsonataEvaluator.template(state.get("Arguments"), states, frame.variables, "Arguments") : input;
      timeout = state.has("TimeoutSeconds")
          ? seconds(JsonataEvaluator.template(state.get("TimeoutSeconds"), states, frame.variables, "TimeoutSeconds"), "TimeoutSeconds")
          : DEFAULT_TASK_TIMEOUT_SECONDS;
      heartbeat = state.has("HeartbeatSeconds")
          ? seconds(JsonataEvaluator.template(state.get("HeartbeatSeconds"), states, frame.variables, "HeartbeatSeconds"), "HeartbeatSeconds")
          : null;
    } else {
      JsonNode effective = inputPath(state, scope);
      Scope inner = scope.withInput(effective);
      payload = state.has("Parameters") ? PathEvaluator.template(state.get("Parameters"), inner) : effective;
      timeout = state.has("TimeoutSeconds") ? seconds(state.get("TimeoutSeconds"), "TimeoutSeconds")
          : state.has("TimeoutSecondsPath")
              ? seconds(PathEvaluator.readField(state.get("TimeoutSecondsPath").asText(), inner, "TimeoutSecondsPath"), "TimeoutSecondsPath")
              : DEFAULT_TASK_TIMEOUT_SECONDS;
      heartbeat = state.has("HeartbeatSeconds") ? Long.valueOf(seconds(state.get("HeartbeatSeconds"), "HeartbeatSeconds"))
          : state.has("HeartbeatSecondsPath")
              ? Long.valueOf(seconds(PathEvaluator.readField(state.get("HeartbeatSecondsPath").asText(), inner, "HeartbeatSecondsPath"), "HeartbeatSecondsPath"))
              : null;
    }
    checkSize(payload, "The task input", name);
    ObjectNode scheduled = JsonValues.object()
        .put("resource", resource)
        .<ObjectNode>set("parameters", payload);
    scheduled.put("timeoutInSeconds", timeout);
    if (heartbeat != null) {
      scheduled.put("heartbeatInSeconds", heartbeat);
    }
    event("TaskScheduled", name, frame, scheduled);
    event("TaskStarted", name, frame, JsonValues.object().put("resource", resource));
    int attempt = taskCalls.merge(name, 1, Integer::sum);
    Mock mock = mockFor(name, attempt, resource);
    TaskCall call = new TaskCall(name, resource, payload, attempt, token, scope.context().get());
    JsonNode result;
    if (mock == null) {
      if (!settings.echoUnmocked()) {
        StatesError error = StatesError.runtime("No mock for Task state '" + name + "' (resource " + resource
            + "); mock it by state name or by resource, e.g. .mock(\"" + name + "\", Mock.result(\"{}\"))");
        event("TaskFailed", name, frame, errorDetails(error));
        throw error;
      }
      result = payload;
    } else {
      Mock answering = mock.select(this::nextCall);
      long took = answering.duration().toMillis();
      if (took > timeout * 1000) {
        frame.now += timeout * 1000;
        StatesError error = new StatesError(StatesError.TIMEOUT, "The task did not finish within its TimeoutSeconds of " + timeout);
        event("TaskTimedOut", name, frame, errorDetails(error).put("resource", resource));
        throw error;
      }
      if (heartbeat != null && !answering.heartbeats() && took > heartbeat * 1000) {
        frame.now += heartbeat * 1000;
        StatesError error = new StatesError(StatesError.HEARTBEAT_TIMEOUT, "The task sent no heartbeat within its "
            + "HeartbeatSeconds of " + heartbeat);
        event("TaskTimedOut", name, frame, errorDetails(error).put("resource", resource));
        throw error;
      }
      frame.now += took;
      try {
        result = answering.answer(call);
      } catch (TaskFailure failure) {
        StatesError error = new StatesError(failure.error(), failure.cause());
        event("TaskFailed", name, frame, errorDetails(error).put("resource", resource));
        throw error;
      }
    }
    checkSize(result, "The task result", name);
    event("TaskSucceeded", name, frame, JsonValues.object().put("resource", resource).<ObjectNode>set("output", result));
    if (jsonata) {
      JsonNode withResult = statesVariable(input, result, null, name, frame, retryCount, token);
      JsonNode output = state.has("Output") ? JsonataEvaluator.template(state.get("Output"), withResult, frame.variables, "Output") : result;
      assignJsonata(state, withResult, frame);
      return output;
    }
    return afterResult(state, input, result, scope, frame);
  }

  private int nextCall(Mock mock) {
    return mockCalls.merge(mock, 1, Integer::sum);
  }

  private Mock mockFor(String name, int attempt, String resource) {
    Map<Integer, Mock> byAttempt = settings.attemptMocks().get(name);
    if (byAttempt != null && byAttempt.containsKey(attempt)) {
      return byAttempt.get(attempt);
    }
    Mock byState = settings.stateMocks().get(name);
    if (byState != null) {
      return byState;
    }
    Mock byResource = settings.resourceMocks().get(resource);
    if (byResource == null && resource.startsWith("arn:aws:states:::")) {
      // A mock for arn:aws:states:::lambda:invoke also answers its .waitForTaskToken form.
      int dot = resource.lastIndexOf(".waitForTaskToken");
      int sync = resource.lastIndexOf(".sync");
      int cut = dot > 0 ? dot : sync;
      if (cut > 0) {
        byResource = settings.resourceMocks().get(resource.substring(0, cut));
      }
    }
    return byResource;
  }

  // ResultSelector, Assign, ResultPath, OutputPath: JSONPath processing of a result.
  private JsonNode afterResult(JsonNode state, JsonNode input, JsonNode result, Scope scope, Frame frame) throws StatesError {
    JsonNode selected = state.has("ResultSelector") ? PathEvaluator.template(state.get("ResultSelector"), scope.withInput(result)) : result;
    assignJsonPath(state.get("Assign"), scope.withInput(selected), frame);
    JsonNode output = resultPath(state, input, selected);
    return outputPath(state, scope.withInput(output));
  }

  // ---------------------------------------------------------------- Parallel

  private JsonNode parallel(String name, JsonNode state, JsonNode input, Frame frame, boolean jsonata, int retryCount)
      throws StatesError {
    Scope scope = scope(input, name, frame, retryCount, null);
    JsonNode branchInput;
    if (jsonata) {
      JsonNode states = statesVariable(input, null, null, name, frame, retryCount, null);
      branchInput = state.has("Arguments") ? JsonataEvaluator.template(state.get("Arguments"), states, frame.variables, "Arguments") : input;
    } else {
      JsonNode effective = inputPath(state, scope);
      branchInput = state.has("Parameters") ? PathEvaluator.template(state.get("Parameters"), scope.withInput(effective)) : effective;
    }
    event("ParallelStateStarted", name, frame, JsonValues.object());
    ArrayNode results = JsonValues.NODES.arrayNode();
    long end = frame.now;
    for (JsonNode branch : state.get("Branches")) {
      Frame inner = new Frame(frame.now, frame.variables.child(), language(branch, frame, state), null, null);
      try {
        results.add(runGraph(branch, branchInput, inner, Long.MAX_VALUE));
      } catch (StatesError e) {
        frame.now = Math.max(end, inner.now);
        event("ParallelStateFailed", name, frame, errorDetails(e));
        throw e;
      }
      end = Math.max(end, inner.now);
    }
    frame.now = end;
    event("ParallelStateSucceeded", name, frame, JsonValues.object());
    return afterSubResults(name, state, input, results, scope, frame, jsonata, retryCount);
  }

  private JsonNode afterSubResults(String name, JsonNode state, JsonNode input, JsonNode results, Scope scope, Frame frame,
      boolean jsonata, int retryCount) throws StatesError {
    if (jsonata) {
      JsonNode states = statesVariable(input, results, null, name, frame, retryCount, null);
      JsonNode output = state.has("Output") ? JsonataEvaluator.template(state.get("Output"), states, frame.variables, "Output") : results;
      assignJsonata(state, states, frame);
      return output;
    }
    return afterResult(state, input, results, scope, frame);
  }

  private static String language(JsonNode graph, Frame frame, JsonNode state) {
    if (graph.has("QueryLanguage")) {
      return graph.get("QueryLanguage").asText();
    }
    return state.has("QueryLanguage") ? state.get("QueryLanguage").asText() : frame.language;
  }

  // ---------------------------------------------------------------- Map

  private JsonNode map(String name, JsonNode state, JsonNode input, Frame frame, boolean jsonata, int retryCount)
      throws StatesError {
    JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
    boolean distributed = "DISTRIBUTED".equals(processor.path("ProcessorConfig").path("Mode").asText());
    Scope scope = scope(input, name, frame, retryCount, null);
    JsonNode states = jsonata ? statesVariable(input, null, null, name, frame, retryCount, null) : null;
    JsonNode effective = jsonata ? input : inputPath(state, scope);
    Scope inner = scope.withInput(effective);
    JsonNode items = items(name, state, effective, inner, states, frame, jsonata);
    int maxConcurrency = (int) number(state, "MaxConcurrency", inner, states, frame, jsonata, 0);

    ArrayNode itemInputs = JsonValues.NODES.arrayNode();
    JsonNode selector = state.has("ItemSelector") ? state.get("ItemSelector") : state.get("Parameters");
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (selector == null) {
        itemInputs.add(item);
        continue;
      }
      JsonNode index = JsonValues.NODES.numberNode(i);
      if (jsonata) {
        JsonNode itemStates = statesVariable(input, null, null, name, frame, retryCount, null, index, item);
        itemInputs.add(JsonataEvaluator.template(selector, itemStates, frame.variables, "ItemSelector"));
      } else {
        Scope itemScope = new Scope(effective, memo(() -> context(name, frame, retryCount, null, index, item)), frame.variables);
        itemInputs.add(PathEvaluator.template(selector, itemScope));
      }
    }
    JsonNode batches = distributed ? batches(state, itemInputs, inner, states, frame, jsonata) : itemInputs;

    ObjectNode started = JsonValues.object().put("length", batches.size());
    event("MapStateStarted", name, frame, started);
    String mapRunArn = null;
    if (distributed) {
      mapRunArn = settings.stateMachineArn().replace(":stateMachine:", ":mapRun:") + "/" + name + ":run-" + (++mapRuns);
      event("MapRunStarted", name, frame, JsonValues.object().put("mapRunArn", mapRunArn));
    }
    long toleratedCount = distributed ? number(state, "ToleratedFailureCount", inner, states, frame, jsonata, 0) : 0;
    double toleratedPercent = distributed ? number(state, "ToleratedFailurePercentage", inner, states, frame, jsonata, 0) : 0;
    boolean toleranceSet = state.has("ToleratedFailureCount") || state.has("ToleratedFailureCountPath")
        || state.has("ToleratedFailurePercentage") || state.has("ToleratedFailurePercentagePath");

    ArrayNode results = JsonValues.NODES.arrayNode();
    PriorityQueue<Long> slots = new PriorityQueue<>();
    long start = frame.now;
    long end = frame.now;
    int failures = 0;
    String itemLanguage = language(processor, frame, state);
    for (int i = 0; i < batches.size(); i++) {
      long begin = start;
      if (maxConcurrency > 0 && slots.size() >= maxConcurrency) {
        begin = Math.max(start, slots.poll());
      }
      Variables variables = distributed ? Variables.root() : frame.variables.child();
      Frame iteration = new Frame(begin, variables, itemLanguage, JsonValues.NODES.numberNode(i), batches.get(i));
      history.add(new PendingEvent("MapIterationStarted", name, iteration.now, iteration.mapIndex, true));
      try {
        results.add(runGraph(processor, batches.get(i), iteration, Long.MAX_VALUE));
        history.add(new PendingEvent("MapIterationSucceeded", name, iteration.now, iteration.mapIndex, true));
      } catch (StatesError e) {
        event("MapIterationFailed", name, iteration, JsonValues.object().put("index", i).put("name", name).setAll(errorDetails(e)));
        if (!distributed || !toleranceSet) {
          frame.now = Math.max(end, iteration.now);
          event("MapStateFailed", name, frame, errorDetails(e));
          if (distributed) {
            event("MapRunFailed", name, frame, errorDetails(e));
          }
          throw e;
        }
        failures++;
        ObjectNode failed = JsonValues.object().put("Error", e.error());
        if (e.cause() != null) {
          failed.put("Cause", e.cause());
        }
        results.add(failed);
      }
      if (maxConcurrency > 0) {
        slots.add(iteration.now);
      }
      end = Math.max(end, iteration.now);
    }
    frame.now = end;
    if (distributed && failures > 0 && (failures > toleratedCount && failures * 100.0 / batches.size() > toleratedPercent)) {
      StatesError error = new StatesError(StatesError.EXCEED_TOLERATED_FAILURE_THRESHOLD,
          "The specified tolerated failure threshold was exceeded: " + failures + " of " + batches.size() + " items failed");
      event("MapRunFailed", name, frame, errorDetails(error));
      event("MapStateFailed", name, frame, errorDetails(error));
      throw error;
    }
    if (distributed) {
      event("MapRunSucceeded", name, frame, JsonValues.object().put("mapRunArn", mapRunArn));
    }
    event("MapStateSucceeded", name, frame, JsonValues.object());
    JsonNode result = results;
    if (distributed && state.has("ResultWriter")) {
      JsonNode writer = state.get("ResultWriter").path("Parameters");
      if (writer.isMissingNode()) {
        writer = state.get("ResultWriter").path("Arguments");
      }
      String prefix = writer.path("Prefix").asText("");
      String runId = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
      result = JsonValues.object().put("MapRunArn", mapRunArn)
          .set("ResultWriterDetails", JsonValues.object()
              .put("Bucket", writer.path("Bucket").asText(""))
              .put("Key", (prefix.isEmpty() ? "" : prefix + "/") + runId + "/manifest.json"));
    }
    return afterSubResults(name, state, input, result, scope, frame, jsonata, retryCount);
  }

  private JsonNode items(String name, JsonNode state, JsonNode effective, Scope inner, JsonNode states, Frame frame,
      boolean jsonata) throws StatesError {
    JsonNode items;
    if (state.has("ItemReader")) {
      items = settings.items().get(name);
      if (items == null) {
        throw StatesError.runtime("The Map state '" + name + "' reads its items with an ItemReader, which runs "
            + "only in AWS; give the items in the test with .items(\"" + name + "\", \"[...]\")");
      }
      JsonNode maxItems = state.get("ItemReader").path("ReaderConfig").path("MaxItems");
      if (maxItems.isNumber() && maxItems.asInt() < items.size()) {
        ArrayNode limited = JsonValues.NODES.arrayNode();
        for (int i = 0; i < maxItems.asInt(); i++) {
          limited.add(items.get(i));
        }
        items = limited;
      }
    } else if (jsonata) {
      items = state.has("Items") ? JsonataEvaluator.template(state.get("Items"), states, frame.variables, "Items") : effective;
    } else {
      items = state.has("ItemsPath") ? PathEvaluator.readField(state.get("ItemsPath").asText(), inner, "ItemsPath") : effective;
    }
    if (!items.isArray()) {
      throw StatesError.runtime("The Map state '" + name + "' needs an array of items, got " + JsonValues.typeName(items)
          + ": " + JsonValues.compact(items));
    }
    return items;
  }

  private JsonNode batches(JsonNode state, JsonNode items, Scope inner, JsonNode states, Frame frame, boolean jsonata)
      throws StatesError {
    JsonNode batcher = state.get("ItemBatcher");
    if (batcher == null) {
      return items;
    }
    long maxItems = number(batcher, "MaxItemsPerBatch", inner, states, frame, jsonata, 0);
    long maxBytes = number(batcher, "MaxInputBytesPerBatch", inner, states, frame, jsonata, 0);
    JsonNode batchInput = null;
    if (batcher.has("BatchInput")) {
      batchInput = jsonata ? JsonataEvaluator.template(batcher.get("BatchInput"), states, frame.variables, "BatchInput")
          : PathEvaluator.template(batcher.get("BatchInput"), inner);
    }
    ArrayNode batches = JsonValues.NODES.arrayNode();
    ArrayNode current = null;
    long bytes = 0;
    for (JsonNode item : items) {
      long size = JsonValues.size(item);
      boolean full = current != null && ((maxItems > 0 && current.size() >= maxItems) || (maxBytes > 0 && bytes + size > maxBytes));
      if (current == null || full) {
        ObjectNode batch = batches.addObject();
        if (batchInput != null) {
          batch.set("BatchInput", batchInput);
        }
        current = batch.putArray("Items");
        bytes = 0;
      }
      current.add(item);
      bytes += size;
    }
    return batches;
  }

  // A number given as a literal, as a ...Path field, or as a JSONata expression.
  private long number(JsonNode state, String field, Scope inner, JsonNode states, Frame frame, boolean jsonata, long fallback)
      throws StatesError {
    JsonNode value = state.get(field);
    if (value != null && jsonata && JsonataEvaluator.isExpression(value)) {
      value = JsonataEvaluator.template(value, states, frame.variables, field);
    } else if (value == null && state.has(field + "Path")) {
      value = PathEvaluator.readField(state.get(field + "Path").asText(), inner, field + "Path");
    }
    if (value == null) {
      return fallback;
    }
    if (!value.isNumber()) {
      throw StatesError.runtime("The value of " + field + " must be a number, got " + JsonValues.compact(value));
    }
    return value.decimalValue().longValue();
  }

  // ---------------------------------------------------------------- JSONPath helpers

  private JsonNode inputPath(JsonNode state, Scope scope) throws StatesError {
    if (!state.has("InputPath")) {
      return scope.input();
    }
    JsonNode path = state.get("InputPath");
    if (path.isNull()) {
      return JsonValues.object();
    }
    return PathEvaluator.readField(path.asText(), scope, "InputPath");
  }

  private JsonNode outputPath(JsonNode state, Scope scope) throws StatesError {
    if (!state.has("OutputPath")) {
      return scope.input();
    }
    JsonNode path = state.get("OutputPath");
    if (path.isNull()) {
      return JsonValues.object();
    }
    return PathEvaluator.readField(path.asText(), scope, "OutputPath");
  }

  private static JsonNode resultPath(JsonNode state, JsonNode input, JsonNode result) throws StatesError {
    if (!state.has("ResultPath")) {
      return result;
    }
    JsonNode path = state.get("ResultPath");
    if (path.isNull()) {
      return input;
    }
    return PathEvaluator.applyResultPath(input, path.asText(), result);
  }

  private void assignJsonPath(JsonNode assign, Scope scope, Frame frame) throws StatesError {
    if (assign == null) {
      return;
    }
    JsonNode values = PathEvaluator.template(assign, scope);
    Map<String, JsonNode> all = new LinkedHashMap<>();
    values.fields().forEachRemaining(field -> all.put(field.getKey(), field.getValue()));
    frame.variables.assignAll(all);
  }

  private void assignJsonata(JsonNode holder, JsonNode states, Frame frame) throws StatesError {
    JsonNode assign = holder.get("Assign");
    if (assign == null) {
      return;
    }
    Map<String, JsonNode> all = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = assign.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      all.put(field.getKey(), JsonataEvaluator.template(field.getValue(), states, frame.variables, "Assign/" + field.getKey()));
    }
    // Every value is computed from the variables as they were before the state; then all are set.
    frame.variables.assignAll(all);
  }

  private static String next(JsonNode state) {
    JsonNode next = state.get("Next");
    return next == null ? null : next.asText();
  }

  // ---------------------------------------------------------------- context, $states, events

  private Scope scope(JsonNode input, String name, Frame frame, int retryCount, String token) {
    return new Scope(input, memo(() -> context(name, frame, retryCount, token, frame.mapIndex, frame.mapValue)), frame.variables);
  }

  private static Supplier<JsonNode> memo(Supplier<JsonNode> supplier) {
    JsonNode[] value = new JsonNode[1];
    return () -> {
      if (value[0] == null) {
        value[0] = supplier.get();
      }
      return value[0];
    };
  }

  private JsonNode context(String name, Frame frame, int retryCount, String token, JsonNode index, JsonNode value) {
    ObjectNode context = JsonValues.object();
    context.set("Execution", executionContext);
    context.set("StateMachine", stateMachineContext);
    if (name != null) {
      context.set("State", JsonValues.object()
          .put("EnteredTime", instant(frame.now).toString())
          .put("Name", name)
          .put("RetryCount", retryCount));
    }
    if (token != null) {
      context.set("Task", JsonValues.object().put("Token", token));
    }
    if (index != null) {
      context.set("Map", JsonValues.object().set("Item", JsonValues.object().<ObjectNode>set("Index", index).set("Value", value)));
    }
    return context;
  }

  private JsonNode statesVariable(JsonNode input, JsonNode result, JsonNode errorOutput, String name, Frame frame,
      int retryCount, String token) {
    return statesVariable(input, result, errorOutput, name, frame, retryCount, token, frame.mapIndex, frame.mapValue);
  }

  private JsonNode statesVariable(JsonNode input, JsonNode result, JsonNode errorOutput, String name, Frame frame,
      int retryCount, String token, JsonNode index, JsonNode value) {
    ObjectNode states = JsonValues.object();
    states.set("input", input);
    if (result != null) {
      states.set("result", result);
    }
    if (errorOutput != null) {
      states.set("errorOutput", errorOutput);
    }
    states.set("context", context(name, frame, retryCount, token, index, value));
    return states;
  }

  private Instant instant(long millis) {
    return settings.startTime().plusMillis(millis);
  }

  private void event(String type, String state, Frame frame, ObjectNode details) {
    history.add(new PendingEvent(type, state, frame.now, details, false));
  }



  private static ObjectNode errorDetails(StatesError e) {
    ObjectNode details = JsonValues.object().put("error", e.error());
    if (e.cause() != null) {
      details.put("cause", e.cause());
    }
    return details;
  }
}
