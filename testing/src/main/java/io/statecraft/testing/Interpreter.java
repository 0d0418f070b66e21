package io.statecraft.testing;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.validate.IntegrationErrorNames;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.NullValue;
import io.statecraft.dsl.NumberValue;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import io.statecraft.dsl.asl.AslBranch;
import io.statecraft.dsl.asl.AslCatcher;
import io.statecraft.dsl.asl.AslChoice;
import io.statecraft.dsl.asl.AslChoiceRule;
import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.dsl.asl.AslFail;
import io.statecraft.dsl.asl.AslIo;
import io.statecraft.dsl.asl.AslItemBatcher;
import io.statecraft.dsl.asl.AslItemReader;
import io.statecraft.dsl.asl.AslMap;
import io.statecraft.dsl.asl.AslParallel;
import io.statecraft.dsl.asl.AslPass;
import io.statecraft.dsl.asl.AslResultWriter;
import io.statecraft.dsl.asl.AslRetrier;
import io.statecraft.dsl.asl.AslState;
import io.statecraft.dsl.asl.AslSucceed;
import io.statecraft.dsl.asl.AslTask;
import io.statecraft.dsl.asl.AslWait;
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
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs one execution of a definition, on its typed model: every state type, both query languages,
 * retriers and catchers, on a virtual clock. State data (input, results, output, variables) is
 * JSON; the definition's values are evaluated into it where a state needs them. Parallel branches and Map iterations run one after another on
 * the calling thread, each on its own virtual timeline, so runs are deterministic.
 */
final class Interpreter {

  /** The payload quota: inputs, results and outputs above it fail with States.DataLimitExceeded. */
  static final int PAYLOAD_LIMIT = 256 * 1024;
  private static final int MAX_TRANSITIONS = 1_000_000;
  /** AWS's quota on the history of a Standard execution, in events. */
  static final int MAX_HISTORY_EVENTS = 25_000;
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
    final QueryLanguage language;
    final boolean jsonata;
    final JsonNode mapIndex;
    final JsonNode mapValue;

    Frame(long now, Variables variables, QueryLanguage language, JsonNode mapIndex, JsonNode mapValue) {
      this.now = now;
      this.variables = variables;
      this.language = language;
      this.jsonata = language == QueryLanguage.JSONATA;
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
    // How often the state ran: 1 plus its retries; and the retries each retrier made.
    int attempts = 1;
    int[] retries = new int[0];

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
          instant(visit.entered), instant(visit.exited), visit.attempts,
          java.util.Arrays.stream(visit.retries).boxed().toList()));
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
    for (CompiledGraph graph : graphs.all()) {
      for (CompiledGraph.Node node : graph.nodes()) {
        if (entered[node.index]) {
          all.add(CoverageItem.state(node.name));
        }
      }
    }
    all.addAll(covered);
    return all;
  }

  /** The outcome of the whole run. */
  record Outcome(ExecutionStatus status, JsonNode output, String error, String cause, long elapsedMillis) {}

  Outcome run(LoadedDefinition loaded) {
    AslDefinition definition = loaded.definition();
    this.graphs = loaded.graphs();
    this.entered = new boolean[graphs.stateCount()];
    Intrinsics.RANDOM.set(random);
    QueryLanguage language = definition.queryLanguage() == null ? QueryLanguage.JSONPATH : definition.queryLanguage();
    Frame frame = new Frame(0, Variables.root(), language, null, null);
    event("ExecutionStarted", null, frame, JsonValues.object()
        .<ObjectNode>set("input", executionInput)
        .put("roleArn", settings.roleArn()));
    Integer timeout = definition.timeoutSeconds();
    long timeoutMillis = timeout == null ? Long.MAX_VALUE : timeout * 1000L;
    try {
      JsonNode output = runGraph(graphs.top(), executionInput, frame, timeoutMillis);
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

  private JsonNode runGraph(CompiledGraph graph, JsonNode input, Frame frame, long timeoutMillis) throws StatesError {
    CompiledGraph.Node node = graph.start;
    JsonNode data = input;
    while (true) {
      if (++transitions > MAX_TRANSITIONS) {
        throw StatesError.runtime("The execution made more than " + MAX_TRANSITIONS + " state transitions "
            + "(Map iterations included), where the executor stops; if this is not a loop without end, run it "
            + "with fewer items");
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
      node = step.next() == node.next ? node.nextNode : graph.node(step.next());
      data = step.output();
    }
  }

  private Step runState(CompiledGraph.Node node, JsonNode input, Frame frame) throws StatesError {
    String name = node.name;
    AslState state = node.state;
    boolean jsonata = node.queryLanguage == null ? frame.jsonata : node.queryLanguage == QueryLanguage.JSONATA;
    Visit visit = new Visit(node, input, frame.now);
    visits.add(visit);
    history.add(visit);
    entered[node.index] = true;
    try {
      checkSize(input, "The state input", name);
      Step step;
      if (state instanceof AslPass pass) {
        step = node.plainPass ? new Step(node.next, input) : pass(name, pass, input, frame, jsonata);
      } else if (state instanceof AslChoice choice) {
        step = choice(name, choice, input, frame, jsonata);
      } else if (state instanceof AslWait wait) {
        step = await(name, wait, input, frame, jsonata);
      } else if (state instanceof AslSucceed succeed) {
        step = succeed(succeed, input, frame, jsonata);
      } else if (state instanceof AslFail fail) {
        throw fail(name, fail, input, frame, jsonata);
      } else {
        step = withErrorHandling(node, visit, input, frame, jsonata);
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
    // Past this depth no JSON writer or reader of Statecraft's handles the value (nor prints it).
    if (value.isContainerNode() && io.statecraft.asl.json.Nesting.isTooDeep(value)) {
      throw StatesError.runtime(what + " of state '" + state + "' nests objects and arrays more than "
          + io.statecraft.asl.json.Nesting.MAX_DEPTH + " levels deep, which the executor does not run");
    }
    if (value.isContainerNode() || value.isTextual()) {
      long size = JsonValues.size(value);
      if (size > PAYLOAD_LIMIT) {
        throw new StatesError(StatesError.DATA_LIMIT_EXCEEDED, what + " of state '" + state + "' is " + size
            + " bytes, larger than the maximum of " + PAYLOAD_LIMIT + " bytes");
      }
    }
  }

  // ---------------------------------------------------------------- Pass, Succeed, Fail, Wait

  private Step pass(String name, AslPass state, JsonNode input, Frame frame, boolean jsonata) throws StatesError {
    AslIo io = state.io();
    if (jsonata) {
      JsonNode states = statesVariable(input, null, null, name, frame, 0, null);
      JsonNode output = io.output() != null ? JsonataEvaluator.template(io.output(), states, frame.variables, "Output") : input;
      assignJsonata(io.assign(), states, frame);
      return new Step(state.next(), output);
    }
    Scope scope = scope(input, name, frame, 0, null);
    JsonNode effective = inputPath(io, scope);
    // Parameters shape the effective input; a Result, when given, is the result regardless.
    if (io.parameters() != null) {
      effective = PathEvaluator.template(io.parameters(), scope.withInput(effective));
    }
    JsonNode result = state.result() != null ? Literals.toJson(state.result()) : effective;
    assignJsonPath(io.assign(), scope.withInput(result), frame);
    JsonNode output = resultPath(io, input, result);
    return new Step(state.next(), outputPath(io, scope.withInput(output)));
  }

  private Step succeed(AslSucceed state, JsonNode input, Frame frame, boolean jsonata) throws StatesError {
    AslIo io = state.io();
    if (jsonata) {
      JsonNode states = statesVariable(input, null, null, null, frame, 0, null);
      JsonNode output = io.output() != null ? JsonataEvaluator.template(io.output(), states, frame.variables, "Output") : input;
      return new Step(null, output);
    }
    Scope scope = scope(input, null, frame, 0, null);
    JsonNode effective = inputPath(io, scope);
    return new Step(null, outputPath(io, scope.withInput(effective)));
  }

  private StatesError fail(String name, AslFail state, JsonNode input, Frame frame, boolean jsonata) throws StatesError {
    String error;
    String cause;
    if (jsonata) {
      JsonNode states = statesVariable(input, null, null, name, frame, 0, null);
      error = text(state.error(), states, frame, "Error");
      cause = text(state.cause(), states, frame, "Cause");
    } else {
      Scope scope = scope(input, name, frame, 0, null);
      error = state.errorPath() != null ? pathText(state.errorPath(), scope, "ErrorPath") : literalText(state.error());
      cause = state.causePath() != null ? pathText(state.causePath(), scope, "CausePath") : literalText(state.cause());
    }
    return new StatesError(error == null ? "" : error, cause);
  }

  private static String literalText(Value value) {
    return value instanceof StringValue text ? text.value() : null;
  }

  private String text(Value field, JsonNode states, Frame frame, String name) throws StatesError {
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

  private String pathText(Value expression, Scope scope, String field) throws StatesError {
    JsonNode value = PathEvaluator.dynamic(expression, scope, field);
    if (!value.isTextual()) {
      throw StatesError.runtime("The value of " + field + " '" + PathEvaluator.text(expression) + "' must be a string, got "
          + JsonValues.typeName(value));
    }
    return value.textValue();
  }

  private Step await(String name, AslWait state, JsonNode input, Frame frame, boolean jsonata) throws StatesError {
    AslIo io = state.io();
    long until;
    JsonNode output;
    if (jsonata) {
      JsonNode states = statesVariable(input, null, null, name, frame, 0, null);
      if (state.seconds() != null) {
        until = frame.now + seconds(JsonataEvaluator.template(state.seconds(), states, frame.variables, "Seconds"), "Seconds") * 1000;
      } else {
        until = timestampMillis(JsonataEvaluator.template(state.timestamp(), states, frame.variables, "Timestamp"), "Timestamp");
      }
      output = io.output() != null ? JsonataEvaluator.template(io.output(), states, frame.variables, "Output") : input;
      assignJsonata(io.assign(), states, frame);
    } else {
      Scope scope = scope(input, name, frame, 0, null);
      JsonNode effective = inputPath(io, scope);
      Scope inner = scope.withInput(effective);
      if (state.seconds() != null) {
        until = frame.now + seconds(Literals.toJson(state.seconds()), "Seconds") * 1000;
      } else if (state.secondsPath() != null) {
        until = frame.now + seconds(PathEvaluator.readField(state.secondsPath(), inner, "SecondsPath"), "SecondsPath") * 1000;
      } else if (state.timestamp() != null) {
        until = timestampMillis(Literals.toJson(state.timestamp()), "Timestamp");
      } else {
        until = timestampMillis(PathEvaluator.readField(state.timestampPath(), inner, "TimestampPath"), "TimestampPath");
      }
      assignJsonPath(io.assign(), inner, frame);
      output = outputPath(io, inner);
    }
    frame.now = Math.max(frame.now, until);
    return new Step(state.next(), output);
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

  private Step choice(String name, AslChoice state, JsonNode input, Frame frame, boolean jsonata) throws StatesError {
    List<AslChoiceRule> rules = state.choices();
    AslIo io = state.io();
    if (jsonata) {
      JsonNode states = statesVariable(input, null, null, name, frame, 0, null);
      for (int i = 0; i < rules.size(); i++) {
        AslChoiceRule rule = rules.get(i);
        JsonNode condition = JsonataEvaluator.template(jsonataCondition(rule), states, frame.variables, "Condition");
        if (!condition.isBoolean()) {
          throw new StatesError(StatesError.QUERY_EVALUATION_ERROR, "The Condition of rule " + i + " of Choice state '"
              + name + "' returned " + JsonValues.typeName(condition) + ", not a boolean");
        }
        if (condition.booleanValue()) {
          covered.add(CoverageItem.choiceRule(name, i, rule.next()));
          Value outputTemplate = rule.output() != null ? rule.output() : io.output();
          JsonNode output = outputTemplate != null
              ? JsonataEvaluator.template(outputTemplate, states, frame.variables, "Output") : input;
          assignJsonata(rule.assign() != null ? rule.assign() : io.assign(), states, frame);
          return new Step(rule.next(), output);
        }
      }
      String target = defaultTarget(name, state);
      JsonNode output = io.output() != null ? JsonataEvaluator.template(io.output(), states, frame.variables, "Output") : input;
      assignJsonata(io.assign(), states, frame);
      return new Step(target, output);
    }
    Scope scope = scope(input, name, frame, 0, null);
    JsonNode effective = inputPath(io, scope);
    Scope inner = scope.withInput(effective);
    for (int i = 0; i < rules.size(); i++) {
      AslChoiceRule rule = rules.get(i);
      if (ChoiceRules.matches(rule.condition(), inner)) {
        covered.add(CoverageItem.choiceRule(name, i, rule.next()));
        assignJsonPath(rule.assign() != null ? rule.assign() : io.assign(), inner, frame);
        return new Step(rule.next(), outputPath(io, inner));
      }
    }
    String target = defaultTarget(name, state);
    assignJsonPath(io.assign(), inner, frame);
    return new Step(target, outputPath(io, inner));
  }

  private static Value jsonataCondition(AslChoiceRule rule) throws StatesError {
    if (rule.condition() instanceof Condition.JsonataCondition condition) {
      return condition.condition();
    }
    // The validator requires a Condition in every rule of a JSONata Choice state.
    throw StatesError.runtime("A rule of a JSONata Choice state needs a Condition");
  }

  private String defaultTarget(String name, AslChoice state) throws StatesError {
    if (state.defaultState() == null) {
      throw new StatesError(StatesError.NO_CHOICE_MATCHED, "No Matches!");
    }
    covered.add(CoverageItem.choiceDefault(name, state.defaultState()));
    return state.defaultState();
  }

  // ---------------------------------------------------------------- Retry and Catch

  private Step withErrorHandling(CompiledGraph.Node node, Visit visit, JsonNode input, Frame frame, boolean jsonata)
      throws StatesError {
    String name = node.name;
    AslState state = node.state;
    List<AslRetrier> retriers = state.retry();
    int[] attempts = new int[retriers.size()];
    visit.retries = attempts;
    int retryCount = 0;
    int historyAtStart = history.size();
    while (true) {
      // AWS fails a Standard execution whose history reaches 25,000 events
      // (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html); retries of one
      // state are where a run could otherwise go on for ever (MaxAttempts: 99999999).
      if (history.size() - historyAtStart > MAX_HISTORY_EVENTS) {
        throw StatesError.runtime("State '" + name + "' was retried until the execution history passed "
            + MAX_HISTORY_EVENTS + " events, the quota at which AWS fails a Standard execution; lower MaxAttempts");
      }
      try {
        JsonNode output;
        if (state instanceof AslTask task) {
          output = task(name, task, input, frame, jsonata, retryCount);
        } else if (state instanceof AslParallel parallel) {
          output = parallel(name, parallel, input, frame, jsonata, retryCount);
        } else {
          output = map(name, (AslMap) state, input, frame, jsonata, retryCount);
        }
        return new Step(node.next, output);
      } catch (StatesError e) {
        if (e instanceof ExecutionTimeout) {
          throw e;
        }
        Long delay = retryDelay(name, retriers, attempts, e);
        if (delay != null) {
          frame.now += delay;
          retryCount++;
          visit.attempts++;
          continue;
        }
        Step caught = tryCatch(name, state.catchers(), input, frame, jsonata, e);
        if (caught != null) {
          return caught;
        }
        throw e;
      }
    }
  }

  // The first retrier whose ErrorEquals matches decides: it retries while it has attempts left.
  private Long retryDelay(String name, List<AslRetrier> retriers, int[] attempts, StatesError e) {
    for (int i = 0; i < retriers.size(); i++) {
      AslRetrier retrier = retriers.get(i);
      if (!e.matches(retrier.errorEquals())) {
        continue;
      }
      covered.add(CoverageItem.retrier(name, i, retrier.errorEquals()));
      int max = retrier.maxAttempts() == null ? 3 : retrier.maxAttempts();
      if (attempts[i] >= max) {
        return null;
      }
      double interval = retrier.intervalSeconds() == null ? 1 : retrier.intervalSeconds();
      double backoff = retrier.backoffRate() == null ? 2.0 : retrier.backoffRate().doubleValue();
      double seconds = interval * Math.pow(backoff, attempts[i]);
      if (retrier.maxDelaySeconds() != null) {
        seconds = Math.min(seconds, retrier.maxDelaySeconds());
      }
      if ("FULL".equals(retrier.jitterStrategy())) {
        seconds = random.nextDouble() * seconds;
      }
      attempts[i]++;
      return Math.round(seconds * 1000);
    }
    return null;
  }

  private Step tryCatch(String name, List<AslCatcher> catchers, JsonNode input, Frame frame, boolean jsonata,
      StatesError e) throws StatesError {
    for (int i = 0; i < catchers.size(); i++) {
      AslCatcher catcher = catchers.get(i);
      if (!e.matches(catcher.errorEquals())) {
        continue;
      }
      covered.add(CoverageItem.catcher(name, i, catcher.errorEquals(), catcher.next()));
      ObjectNode errorOutput = JsonValues.object().put("Error", e.error());
      if (e.cause() != null) {
        errorOutput.put("Cause", e.cause());
      }
      JsonNode output;
      if (jsonata) {
        JsonNode states = statesVariable(input, null, errorOutput, name, frame, 0, null);
        output = catcher.output() != null
            ? JsonataEvaluator.template(catcher.output(), states, frame.variables, "Output") : errorOutput;
        assignJsonata(catcher.assign(), states, frame);
      } else {
        Scope scope = scope(errorOutput, name, frame, 0, null);
        assignJsonPath(catcher.assign(), scope, frame);
        output = resultPath(catcher.resultPath(), input, errorOutput);
      }
      return new Step(catcher.next(), output, e);
    }
    return null;
  }

  // ---------------------------------------------------------------- Task

  private JsonNode task(String name, AslTask state, JsonNode input, Frame frame, boolean jsonata, int retryCount)
      throws StatesError {
    AslIo io = state.io();
    String resource = state.resource();
    String token = resource.endsWith(".waitForTaskToken") ? "token-" + (++tokens) : null;
    Scope scope = scope(input, name, frame, retryCount, token);
    JsonNode payload;
    long timeout;
    Long heartbeat;
    if (jsonata) {
      JsonNode states = statesVariable(input, null, null, name, frame, retryCount, token);
      payload = io.arguments() != null ? JsonataEvaluator.template(io.arguments(), states, frame.variables, "Arguments") : input;
      timeout = state.timeoutSeconds() != null
          ? seconds(JsonataEvaluator.template(state.timeoutSeconds(), states, frame.variables, "TimeoutSeconds"), "TimeoutSeconds")
          : DEFAULT_TASK_TIMEOUT_SECONDS;
      heartbeat = state.heartbeatSeconds() != null
          ? seconds(JsonataEvaluator.template(state.heartbeatSeconds(), states, frame.variables, "HeartbeatSeconds"), "HeartbeatSeconds")
          : null;
    } else {
      JsonNode effective = inputPath(io, scope);
      Scope inner = scope.withInput(effective);
      payload = io.parameters() != null ? PathEvaluator.template(io.parameters(), inner) : effective;
      timeout = state.timeoutSeconds() != null ? seconds(Literals.toJson(state.timeoutSeconds()), "TimeoutSeconds")
          : state.timeoutSecondsPath() != null
              ? seconds(PathEvaluator.readField(state.timeoutSecondsPath(), inner, "TimeoutSecondsPath"), "TimeoutSecondsPath")
              : DEFAULT_TASK_TIMEOUT_SECONDS;
      heartbeat = state.heartbeatSeconds() != null ? Long.valueOf(seconds(Literals.toJson(state.heartbeatSeconds()), "HeartbeatSeconds"))
          : state.heartbeatSecondsPath() != null
              ? Long.valueOf(seconds(PathEvaluator.readField(state.heartbeatSecondsPath(), inner, "HeartbeatSecondsPath"), "HeartbeatSecondsPath"))
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
        Optional<String> right = settings.anyMockErrorName() ? Optional.empty()
            : IntegrationErrorNames.correction(resource, failure.error());
        StatesError error = right.isEmpty() ? new StatesError(failure.error(), failure.cause())
            : StatesError.runtime("The mock of Task state '" + name + "' fails with '" + failure.error() + "', which "
                + resource + " never raises (it raises '" + right.get() + "'); mock the name AWS raises, or call "
                + "allowAnyMockErrorName() on the executor for a test about a wrong name");
        event("TaskFailed", name, frame, errorDetails(error).put("resource", resource));
        throw error;
      }
      Optional<String> misfit = MockShapes.problem(resource, result, settings.mockValidation());
      if (misfit.isPresent()) {
        StatesError error = StatesError.runtime("The mock result of Task state '" + name + "' is not a response of "
            + resource + ": " + misfit.get() + "; fix the mock, or call mockValidation(MockValidation.NONE) on the "
            + "executor");
        event("TaskFailed", name, frame, errorDetails(error).put("resource", resource));
        throw error;
      }
    }
    checkSize(result, "The task result", name);
    event("TaskSucceeded", name, frame, JsonValues.object().put("resource", resource).<ObjectNode>set("output", result));
    if (jsonata) {
      JsonNode withResult = statesVariable(input, result, null, name, frame, retryCount, token);
      JsonNode output = io.output() != null ? JsonataEvaluator.template(io.output(), withResult, frame.variables, "Output") : result;
      assignJsonata(io.assign(), withResult, frame);
      return output;
    }
    return afterResult(io, input, result, scope, frame);
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
  private JsonNode afterResult(AslIo io, JsonNode input, JsonNode result, Scope scope, Frame frame) throws StatesError {
    JsonNode selected = io.resultSelector() != null ? PathEvaluator.template(io.resultSelector(), scope.withInput(result)) : result;
    assignJsonPath(io.assign(), scope.withInput(selected), frame);
    JsonNode output = resultPath(io, input, selected);
    return outputPath(io, scope.withInput(output));
  }

  // ---------------------------------------------------------------- Parallel

  private JsonNode parallel(String name, AslParallel state, JsonNode input, Frame frame, boolean jsonata, int retryCount)
      throws StatesError {
    AslIo io = state.io();
    Scope scope = scope(input, name, frame, retryCount, null);
    JsonNode branchInput;
    if (jsonata) {
      JsonNode states = statesVariable(input, null, null, name, frame, retryCount, null);
      branchInput = io.arguments() != null ? JsonataEvaluator.template(io.arguments(), states, frame.variables, "Arguments") : input;
    } else {
      JsonNode effective = inputPath(io, scope);
      branchInput = io.parameters() != null ? PathEvaluator.template(io.parameters(), scope.withInput(effective)) : effective;
    }
    event("ParallelStateStarted", name, frame, JsonValues.object());
    ArrayNode results = JsonValues.NODES.arrayNode();
    long end = frame.now;
    for (AslBranch branch : state.branches()) {
      Frame inner = new Frame(frame.now, frame.variables.child(), language(branch, frame, state), null, null);
      try {
        results.add(runGraph(graphs.of(branch), branchInput, inner, Long.MAX_VALUE));
      } catch (StatesError e) {
        frame.now = Math.max(end, inner.now);
        event("ParallelStateFailed", name, frame, errorDetails(e));
        throw e;
      }
      end = Math.max(end, inner.now);
    }
    frame.now = end;
    event("ParallelStateSucceeded", name, frame, JsonValues.object());
    return afterSubResults(name, io, input, results, scope, frame, jsonata, retryCount);
  }

  private JsonNode afterSubResults(String name, AslIo io, JsonNode input, JsonNode results, Scope scope, Frame frame,
      boolean jsonata, int retryCount) throws StatesError {
    if (jsonata) {
      JsonNode states = statesVariable(input, results, null, name, frame, retryCount, null);
      JsonNode output = io.output() != null ? JsonataEvaluator.template(io.output(), states, frame.variables, "Output") : results;
      assignJsonata(io.assign(), states, frame);
      return output;
    }
    return afterResult(io, input, results, scope, frame);
  }

  // A branch or item processor runs in its own QueryLanguage, else its state's, else the enclosing one.
  private static QueryLanguage language(AslBranch graph, Frame frame, AslState state) {
    if (graph.queryLanguage() != null) {
      return graph.queryLanguage();
    }
    return state.queryLanguage() != null ? state.queryLanguage() : frame.language;
  }

  // ---------------------------------------------------------------- Map

  private JsonNode map(String name, AslMap state, JsonNode input, Frame frame, boolean jsonata, int retryCount)
      throws StatesError {
    AslIo io = state.io();
    AslBranch processor = state.processor();
    boolean distributed = processor.processorConfig() != null && processor.processorConfig().isDistributed();
    Scope scope = scope(input, name, frame, retryCount, null);
    JsonNode states = jsonata ? statesVariable(input, null, null, name, frame, retryCount, null) : null;
    JsonNode effective = jsonata ? input : inputPath(io, scope);
    Scope inner = scope.withInput(effective);
    JsonNode items = items(name, state, effective, inner, states, frame, jsonata);
    int maxConcurrency = (int) number(state.maxConcurrency(), state.maxConcurrencyPath(), "MaxConcurrency",
        inner, states, frame, jsonata);

    ArrayNode itemInputs = JsonValues.NODES.arrayNode();
    // Parameters is the legacy name of ItemSelector.
    Value selector = state.itemSelector() != null ? state.itemSelector() : io.parameters();
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
    JsonNode batches = distributed ? batches(state.itemBatcher(), itemInputs, inner, states, frame, jsonata) : itemInputs;

    ObjectNode started = JsonValues.object().put("length", batches.size());
    event("MapStateStarted", name, frame, started);
    String mapRunArn = null;
    if (distributed) {
      // The service puts the Map's Label into the Map Run ARN (...:mapRun:<machine>/<label>:<id>):
      // https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html
      // Without a Label it makes one up; the executor uses the state name.
      String label = state.label() != null ? state.label() : name;
      mapRunArn = settings.stateMachineArn().replace(":stateMachine:", ":mapRun:") + "/" + label + ":run-" + (++mapRuns);
      event("MapRunStarted", name, frame, JsonValues.object().put("mapRunArn", mapRunArn));
    }
    long toleratedCount = distributed ? number(state.toleratedFailureCount(), state.toleratedFailureCountPath(),
        "ToleratedFailureCount", inner, states, frame, jsonata) : 0;
    double toleratedPercent = distributed ? number(state.toleratedFailurePercentage(),
        state.toleratedFailurePercentagePath(), "ToleratedFailurePercentage", inner, states, frame, jsonata) : 0;
    boolean toleranceSet = state.toleratedFailureCount() != null || state.toleratedFailureCountPath() != null
        || state.toleratedFailurePercentage() != null || state.toleratedFailurePercentagePath() != null;

    ArrayNode results = JsonValues.NODES.arrayNode();
    PriorityQueue<Long> slots = new PriorityQueue<>();
    long start = frame.now;
    long end = frame.now;
    int failures = 0;
    CompiledGraph itemGraph = graphs.of(processor);
    QueryLanguage itemLanguage = language(processor, frame, state);
    for (int i = 0; i < batches.size(); i++) {
      long begin = start;
      if (maxConcurrency > 0 && slots.size() >= maxConcurrency) {
        begin = Math.max(start, slots.poll());
      }
      Variables variables = distributed ? Variables.root() : frame.variables.child();
      Frame iteration = new Frame(begin, variables, itemLanguage, JsonValues.NODES.numberNode(i), batches.get(i));
      history.add(new PendingEvent("MapIterationStarted", name, iteration.now, iteration.mapIndex, true));
      try {
        results.add(runGraph(itemGraph, batches.get(i), iteration, Long.MAX_VALUE));
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
    if (distributed && state.resultWriter() != null) {
      AslResultWriter writer = state.resultWriter();
      Value request = writer.parameters() != null ? writer.parameters() : writer.arguments();
      String prefix = writtenText(request, "Prefix");
      String runId = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
      result = JsonValues.object().put("MapRunArn", mapRunArn)
          .set("ResultWriterDetails", JsonValues.object()
              .put("Bucket", writtenText(request, "Bucket"))
              .put("Key", (prefix.isEmpty() ? "" : prefix + "/") + runId + "/manifest.json"));
    }
    return afterSubResults(name, io, input, result, scope, frame, jsonata, retryCount);
  }

  // A field of the ResultWriter's request as written: offline nothing is written to S3, so the
  // result only echoes the literal bucket and prefix ("" when absent or computed).
  private static String writtenText(Value request, String field) {
    Value value = request instanceof ObjectValue object ? object.get(field) : null;
    if (value == null || value.isDynamicPath()) {
      return "";
    }
    return Literals.toJson(value).asText();
  }

  private JsonNode items(String name, AslMap state, JsonNode effective, Scope inner, JsonNode states, Frame frame,
      boolean jsonata) throws StatesError {
    JsonNode items;
    if (state.itemReader() != null) {
      items = settings.items().get(name);
      if (items == null) {
        items = readItems(name, state.itemReader(), inner, states, frame, jsonata);
      }
      Value readerConfig = state.itemReader().readerConfig();
      Value maxItems = readerConfig instanceof ObjectValue config ? config.get("MaxItems") : null;
      if (maxItems instanceof NumberValue limit && limit.value().intValue() < items.size()) {
        ArrayNode limited = JsonValues.NODES.arrayNode();
        for (int i = 0; i < limit.value().intValue(); i++) {
          limited.add(items.get(i));
        }
        items = limited;
      }
    } else if (jsonata) {
      items = state.items() != null ? JsonataEvaluator.template(state.items(), states, frame.variables, "Items") : effective;
    } else {
      items = state.itemsPath() != null ? PathEvaluator.readField(state.itemsPath(), inner, "ItemsPath") : effective;
    }
    if (items.isObject() && state.itemReader() == null) {
      items = keyValuePairs(items);
    }
    if (!items.isArray()) {
      throw StatesError.runtime("The Map state '" + name + "' needs an array of items, got " + JsonValues.typeName(items)
          + ": " + JsonValues.compact(items));
    }
    return items;
  }

  /**
   * A JSON object as the items of a Map: one iteration for each key-value pair, in the object's
   * order, as "ItemsPath (Map, JSONPath only)" describes
   * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemspath.html). Offline each
   * pair is passed as {"key": name, "value": value}: the part of that page read when this was written
   * says a pair is passed, not its field names, so compare with a real run before relying on them.
   */
  private static JsonNode keyValuePairs(JsonNode object) {
    ArrayNode pairs = JsonValues.NODES.arrayNode();
    for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      pairs.addObject().put("key", field.getKey()).set("value", field.getValue());
    }
    return pairs;
  }

  /** Reads a distributed Map's items from the test's S3 objects (see {@link ItemSources}). */
  private JsonNode readItems(String name, AslItemReader reader, Scope inner, JsonNode states, Frame frame,
      boolean jsonata) throws StatesError {
    String resource = reader.resource();
    Value request = reader.arguments() != null ? reader.arguments() : reader.parameters();
    JsonNode fields = request == null ? JsonValues.object()
        : jsonata ? JsonataEvaluator.template(request, states, frame.variables, "Arguments")
            : PathEvaluator.template(request, inner);
    JsonNode config = reader.readerConfig() == null ? null : Literals.toJson(reader.readerConfig());
    return new ItemSources(name, settings.s3Objects(), settings.startTime().getEpochSecond())
        .read(resource.substring(resource.lastIndexOf(':') + 1), fields, ItemSources.ReaderSettings.of(config));
  }

  private JsonNode batches(AslItemBatcher batcher, JsonNode items, Scope inner, JsonNode states, Frame frame,
      boolean jsonata) throws StatesError {
    if (batcher == null) {
      return items;
    }
    long maxItems = number(batcher.maxItemsPerBatch(), batcher.maxItemsPerBatchPath(), "MaxItemsPerBatch",
        inner, states, frame, jsonata);
    long maxBytes = number(batcher.maxInputBytesPerBatch(), batcher.maxInputBytesPerBatchPath(), "MaxInputBytesPerBatch",
        inner, states, frame, jsonata);
    JsonNode batchInput = null;
    if (batcher.batchInput() != null) {
      batchInput = jsonata ? JsonataEvaluator.template(batcher.batchInput(), states, frame.variables, "BatchInput")
          : PathEvaluator.template(batcher.batchInput(), inner);
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

  /**
   * A number given as a literal, as a JSONata expression, or as the matching {@code ...Path}
   * field; 0 when neither is given.
   */
  private long number(Value literal, Value path, String field, Scope inner, JsonNode states, Frame frame, boolean jsonata)
      throws StatesError {
    JsonNode value;
    if (literal instanceof Jsonata && jsonata) {
      value = JsonataEvaluator.template(literal, states, frame.variables, field);
    } else if (literal != null) {
      value = Literals.toJson(literal);
    } else if (path != null) {
      value = PathEvaluator.readField(path, inner, field + "Path");
    } else {
      return 0;
    }
    if (!value.isNumber()) {
      throw StatesError.runtime("The value of " + field + " must be a number, got " + JsonValues.compact(value));
    }
    return value.decimalValue().longValue();
  }

  // ---------------------------------------------------------------- JSONPath helpers

  private JsonNode inputPath(AslIo io, Scope scope) throws StatesError {
    return selectPath(io.inputPath(), scope, "InputPath");
  }

  private JsonNode outputPath(AslIo io, Scope scope) throws StatesError {
    return selectPath(io.outputPath(), scope, "OutputPath");
  }

  // InputPath and OutputPath: absent keeps the value, null gives {}, a path selects from it.
  private static JsonNode selectPath(Value path, Scope scope, String field) throws StatesError {
    if (path == null) {
      return scope.input();
    }
    if (path instanceof NullValue) {
      return JsonValues.object();
    }
    return PathEvaluator.readField(path, scope, field);
  }

  private static JsonNode resultPath(AslIo io, JsonNode input, JsonNode result) throws StatesError {
    return io.resultPath() == null ? result : resultPath(io.resultPath(), input, result);
  }

  // A ResultPath given (a catcher's defaults to $): null discards the result, a path places it.
  private static JsonNode resultPath(Value path, JsonNode input, JsonNode result) throws StatesError {
    if (path == null) {
      return result;
    }
    if (path instanceof NullValue) {
      return input;
    }
    return PathEvaluator.applyResultPath(input, PathEvaluator.text(path), result);
  }

  private void assignJsonPath(Value assign, Scope scope, Frame frame) throws StatesError {
    if (assign == null) {
      return;
    }
    JsonNode values = PathEvaluator.template(assign, scope);
    Map<String, JsonNode> all = new LinkedHashMap<>();
    values.fields().forEachRemaining(field -> all.put(field.getKey(), field.getValue()));
    frame.variables.assignAll(all);
  }

  private void assignJsonata(Value assign, JsonNode states, Frame frame) throws StatesError {
    if (!(assign instanceof ObjectValue variables)) {
      return;
    }
    Map<String, JsonNode> all = new LinkedHashMap<>();
    for (Map.Entry<String, Value> field : variables.fields().entrySet()) {
      all.put(field.getKey(), JsonataEvaluator.template(field.getValue(), states, frame.variables, "Assign/" + field.getKey()));
    }
    // Every value is computed from the variables as they were before the state; then all are set.
    frame.variables.assignAll(all);
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
