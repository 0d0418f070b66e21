package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import io.statecraft.dsl.workflow.WorkflowType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Runs a state machine offline, in-process, as AWS Step Functions would: both query languages,
 * every state type, retries and catches, variables, on a virtual clock (nothing sleeps). Tasks
 * are answered by {@link Mock}s; an unmocked task fails the run naming the state and resource.
 *
 * <pre>{@code
 * Execution execution = LocalExecutor.of(new PatchAlerts())
 *     .substitution("WebhookFormat", "slack")
 *     .mock("FindInstances", Mock.result("{\"Reservations\": []}"))
 *     .mock("Notify", 1, Mock.error("Lambda.TooManyRequestsException", "Rate exceeded"))
 *     .mockResource("arn:aws:states:::http:invoke", Mock.http(request -> JsonNodeFactory.instance.objectNode()))
 *     .run("{\"detail\": {\"instance-id\": \"i-01\"}}");
 * }</pre>
 *
 * <p>An executor can run many times; each run starts with fresh mock sequences and attempt
 * counts. Runs are deterministic: jitter, {@code States.UUID}, {@code $uuid()}, {@code $random()}
 * and {@code States.MathRandom} draw from a seeded generator ({@link #seed(long)}).
 */
public final class LocalExecutor {

  private final String name;
  private final String source;
  private final String text;
  // The workflow whose parameters and resources give default substitutions; null for a bare machine.
  private final WorkflowSpec spec;
  private final Map<String, String> substitutions = new LinkedHashMap<>();
  private final Map<String, Mock> stateMocks = new HashMap<>();
  private final Map<String, Map<Integer, Mock>> attemptMocks = new HashMap<>();
  private final Map<String, Mock> resourceMocks = new HashMap<>();
  private final Map<String, JsonNode> items = new HashMap<>();
  private final Map<String, String> s3Objects = new TreeMap<>();
  private boolean echoUnmocked;
  private boolean anyMockErrorName;
  private MockValidation mockValidation = MockValidation.PRESENT;
  private long seed = 1;
  private Instant startTime = Instant.parse("2025-01-01T00:00:00Z");
  private String executionName = "test-execution";
  private String region = "us-east-1";
  private String accountId = "123456789012";
  private String roleArn;
  private LoadedDefinition loaded;

  private LocalExecutor(String name, String source, String text, WorkflowSpec spec) {
    this.name = name;
    this.source = source;
    this.text = text;
    this.spec = spec;
  }

  /**
   * Runs a state machine built with the DSL (as a Standard workflow).
   *
   * @param machine the state machine
   * @return an executor for it
   * @throws DefinitionException when the machine has errors, such as two states with one name
   *     ({@code DUPLICATE_STATE_NAME})
   */
  public static LocalExecutor of(StateMachine machine) {
    Objects.requireNonNull(machine, "machine == null");
    String source = "of the state machine";
    return new LocalExecutor("StateMachine", source, LoadedDefinition.textOf(machine, WorkflowType.STANDARD, source), null);
  }

  /**
   * Runs a workflow's state machine; the workflow's id names the state machine. Its placeholders
   * default to each parameter's default value and, for each supporting resource, a well-formed
   * ARN (queue URL, table or bucket name) in the executor's region and account named after the
   * resource; {@link #substitution(String, String)} overrides any of them.
   *
   * @param workflow the workflow
   * @return an executor for its state machine
   * @throws DefinitionException when the state machine has errors, such as two states with one
   *     name ({@code DUPLICATE_STATE_NAME})
   */
  public static LocalExecutor of(Workflow workflow) {
    Objects.requireNonNull(workflow, "workflow == null");
    WorkflowSpec spec = workflow.spec();
    String source = "of workflow " + workflow.id();
    return new LocalExecutor(workflow.id(), source, LoadedDefinition.textOf(spec.stateMachine(), spec.type(), source), spec);
  }

  /**
   * Runs an ASL definition given as JSON (or YAML) text.
   *
   * @param definition the definition as JSON or YAML text
   * @return an executor for it
   */
  public static LocalExecutor ofJson(String definition) {
    Objects.requireNonNull(definition, "definition == null");
    return new LocalExecutor("StateMachine", "given as text", definition, null);
  }

  /**
   * Runs an ASL definition file (.asl.json, .json, .yaml); the file name names the state machine.
   *
   * @param file an {@code .asl.json}, {@code .json}, {@code .yaml} or {@code .yml} file
   * @return an executor for it
   */
  public static LocalExecutor ofFile(Path file) {
    Objects.requireNonNull(file, "file == null");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the definition " + file + ": " + e.getMessage(), e);
    }
    String fileName = file.getFileName().toString();
    String stem = fileName.replaceFirst("(\\.asl)?\\.(json|ya?ml)$", "");
    return new LocalExecutor(stem.replaceAll("[^A-Za-z0-9_-]", "-"), file.toString(), text, null);
  }

  /**
   * The value of a CloudFormation {@code ${Name}} placeholder (DefinitionSubstitutions), put into
   * the definition text before it is read, as CloudFormation does.
   *
   * @param placeholder the placeholder's name, {@code Topic} for {@code ${Topic}}
   * @param value its value, put into the definition text as it is
   * @return this executor, to chain more settings
   */
  public LocalExecutor substitution(String placeholder, String value) {
    Objects.requireNonNull(placeholder, "placeholder == null");
    Objects.requireNonNull(value, "value == null");
    substitutions.put(placeholder, value);
    loaded = null;
    return this;
  }

  /**
   * Several placeholder values; each value's {@code toString()} is substituted.
   *
   * @param values the values by placeholder name
   * @return this executor, to chain more settings
   */
  public LocalExecutor substitutions(Map<String, ?> values) {
    Objects.requireNonNull(values, "values == null");
    values.forEach((key, value) -> substitution(key, String.valueOf(value)));
    return this;
  }

  /**
   * Answers every call of the named Task state (nested states included).
   *
   * @param state the Task state's name
   * @param mock the mock
   * @return this executor, to chain more settings
   */
  public LocalExecutor mock(String state, Mock mock) {
    stateMocks.put(Objects.requireNonNull(state, "state == null"), Objects.requireNonNull(mock, "mock == null"));
    return this;
  }

  /**
   * Answers one call of the named Task state: {@code attempt} 1 is its first call in the
   * execution, 2 the second (a retry or a second visit), and so on. Takes precedence over
   * {@link #mock(String, Mock)}.
   *
   * @param state the Task state's name
   * @param attempt which call of the state, from 1
   * @param mock the mock
   * @return this executor, to chain more settings
   */
  public LocalExecutor mock(String state, int attempt, Mock mock) {
    Objects.requireNonNull(state, "state == null");
    Objects.requireNonNull(mock, "mock == null");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt counts from 1, got " + attempt);
    }
    attemptMocks.computeIfAbsent(state, key -> new HashMap<>()).put(attempt, mock);
    return this;
  }

  /**
   * Answers every Task whose Resource is this ARN and that has no mock by state name, e.g.
   * {@code arn:aws:states:::lambda:invoke}; a mock for an integration also answers its {@code
   * .sync} and {@code .waitForTaskToken} forms.
   *
   * @param resourceArn the Task's resource ARN
   * @param mock the mock
   * @return this executor, to chain more settings
   */
  public LocalExecutor mockResource(String resourceArn, Mock mock) {
    resourceMocks.put(Objects.requireNonNull(resourceArn, "resourceArn == null"), Objects.requireNonNull(mock, "mock == null"));
    return this;
  }

  /**
   * Adds every mock of a mocks file (see docs/testing.md for its format).
   *
   * @param file the mocks file, as {@link MockFile#read(Path)} reads it
   * @return this executor, to chain more settings
   */
  public LocalExecutor mocks(MockFile file) {
    Objects.requireNonNull(file, "file == null");
    file.states().forEach(this::mock);
    file.resources().forEach(this::mockResource);
    file.items().forEach((state, value) -> items.put(state, value));
    s3Objects.putAll(file.s3Objects());
    return this;
  }

  /**
   * The items a distributed Map state reads with its ItemReader (which only runs in AWS): a JSON
   * array such as the rows of the CSV file or the objects of the S3 listing.
   *
   * @param mapState the distributed Map state's name
   * @param jsonArray the items as a JSON array
   * @return this executor, to chain more settings
   */
  public LocalExecutor items(String mapState, String jsonArray) {
    JsonNode value = JsonValues.parse(jsonArray, "the items of " + mapState);
    if (!value.isArray()) {
      throw new IllegalArgumentException("the items of " + mapState + " must be a JSON array, got "
          + JsonValues.typeName(value));
    }
    items.put(Objects.requireNonNull(mapState, "mapState == null"), value);
    return this;
  }

  /**
   * An S3 object that a distributed Map's ItemReader reads offline, instead of mocking the Map's
   * items with {@link #items(String, String)}: the CSV, JSON or JSON Lines file of
   * {@code s3:getObject}, the objects {@code s3:listObjectsV2} lists under its prefix, an S3
   * Inventory {@code manifest.json} and the CSV files it lists (give them uncompressed), or an Athena
   * {@code UNLOAD} manifest and the data files it lists. The reader reads them as its
   * {@code ReaderConfig} says (header location, delimiter, {@code ItemsPointer}, manifest type); a
   * listing reports each object's size, the MD5 of its content as ETag and the run's start as
   * LastModified. Parquet is not read offline: mock such a Map's items.
   *
   * @param bucket the bucket name, as the reader's request gives it
   * @param key the object key
   * @param content the object's content, as text
   * @return this executor, to chain more settings
   */
  public LocalExecutor s3Object(String bucket, String key, String content) {
    Objects.requireNonNull(bucket, "bucket == null");
    Objects.requireNonNull(key, "key == null");
    s3Objects.put(bucket + "/" + key, Objects.requireNonNull(content, "content == null"));
    return this;
  }

  /**
   * Tasks without a mock return their input instead of failing the run (as asl-run does).
   *
   * @return this executor, to chain more settings
   */
  public LocalExecutor echoUnmockedTasks() {
    echoUnmocked = true;
    return this;
  }

  /**
   * Lets a mock fail a task with an error name its resource cannot raise. By default such a mock
   * fails the run with {@code States.Runtime} naming the right spelling: a mock throwing
   * {@code DynamoDb.ConditionalCheckFailedException} on {@code arn:aws:states:::dynamodb:putItem}
   * (which raises {@code DynamoDB.ConditionalCheckFailedException}) would otherwise make a retrier
   * or catcher pass offline that never fires on AWS. Use this only in a test about such a name.
   *
   * @return this executor, to chain more settings
   */
  public LocalExecutor allowAnyMockErrorName() {
    anyMockErrorName = true;
    return this;
  }

  /**
   * How strictly mock results are checked against the response of the API they stand for (by
   * default {@link MockValidation#PRESENT}): a mock of {@code arn:aws:states:::aws-sdk:ec2:describeInstances}
   * returning a field {@code DescribeInstancesResponse} does not have, or of another type, fails
   * the task with {@code States.Runtime} naming the field. The check needs the service's AWS SDK
   * module on the test's class path; without it nothing is checked.
   *
   * @param mode the strictness
   * @return this
   */
  public LocalExecutor mockValidation(MockValidation mode) {
    this.mockValidation = Objects.requireNonNull(mode, "mode == null");
    return this;
  }

  /**
   * The seed of jitter, UUIDs and random numbers; the same seed gives the same run.
   *
   * @param seed the seed
   * @return this executor, to chain more settings
   */
  public LocalExecutor seed(long seed) {
    this.seed = seed;
    return this;
  }

  /**
   * The virtual time the execution starts (default 2025-01-01T00:00:00Z).
   *
   * @param startTime the start time
   * @return this executor, to chain more settings
   */
  public LocalExecutor startTime(Instant startTime) {
    this.startTime = Objects.requireNonNull(startTime, "startTime == null");
    return this;
  }

  /**
   * The execution name in {@code $$.Execution} (default {@code test-execution}).
   *
   * @param executionName the execution's name
   * @return this executor, to chain more settings
   */
  public LocalExecutor executionName(String executionName) {
    this.executionName = Objects.requireNonNull(executionName, "executionName == null");
    return this;
  }

  /**
   * The region and account used in the ARNs of the context object (default us-east-1, 123456789012).
   *
   * @param region the region, such as {@code us-east-1}
   * @param accountId the 12-digit account id
   * @return this executor, to chain more settings
   */
  public LocalExecutor account(String region, String accountId) {
    this.region = Objects.requireNonNull(region, "region == null");
    this.accountId = Objects.requireNonNull(accountId, "accountId == null");
    loaded = null;
    return this;
  }

  /**
   * The role ARN in {@code $$.Execution.RoleArn}.
   *
   * @param roleArn the role ARN
   * @return this executor, to chain more settings
   */
  public LocalExecutor roleArn(String roleArn) {
    this.roleArn = Objects.requireNonNull(roleArn, "roleArn == null");
    return this;
  }

  /**
   * Runs with the empty object as input.
   *
   * @return the execution, to assert on
   */
  public Execution run() {
    return run(JsonValues.object());
  }

  /**
   * Runs with this JSON text as input.
   *
   * @param inputJson the input as JSON text
   * @return the execution, to assert on
   */
  public Execution run(String inputJson) {
    Objects.requireNonNull(inputJson, "inputJson == null");
    return run(JsonValues.parse(inputJson, "the execution input"));
  }

  /**
   * Runs with this object as input.
   *
   * @param input the input; values are JSON-like: maps, lists, strings, numbers, booleans, null
   * @return the execution
   * @throws DefinitionException when a placeholder has no value or the definition is invalid
   */
  public Execution run(Map<String, ?> input) {
    Objects.requireNonNull(input, "input == null");
    return run(JsonValues.of(input, "the execution input"));
  }

  /**
   * Runs with this input.
   *
   * @throws DefinitionException when a placeholder has no value or the definition is invalid
   * @param input the input
   * @return the execution, to assert on
   */
  public Execution run(JsonNode input) {
    Objects.requireNonNull(input, "input == null");
    LoadedDefinition definition = definition();
    RunSettings settings = new RunSettings(Map.copyOf(stateMocks), copy(attemptMocks), Map.copyOf(resourceMocks),
        Map.copyOf(items), Collections.unmodifiableSortedMap(new TreeMap<>(s3Objects)), echoUnmocked, anyMockErrorName, mockValidation, seed, startTime, executionName, name, region, accountId,
        roleArn != null ? roleArn : "arn:aws:iam::" + accountId + ":role/" + name + "-role");
    Interpreter interpreter = new Interpreter(settings, input.deepCopy());
    Interpreter.Outcome outcome = interpreter.run(definition);
    Execution execution = new Execution(definition, input.deepCopy(), outcome, interpreter);
    CoverageRecorder.offer(execution);
    return execution;
  }

  /**
   * Reads, substitutes and validates the definition now, rather than at the first run.
   *
   * @throws DefinitionException when a placeholder has no value or the definition is invalid
   * @return this executor, to chain more settings
   */
  public LocalExecutor check() {
    definition();
    return this;
  }

  private LoadedDefinition definition() {
    if (loaded == null) {
      Map<String, String> values = new LinkedHashMap<>();
      if (spec != null) {
        values.putAll(WorkflowDefaults.of(spec, region, accountId));
      }
      values.putAll(substitutions);
      loaded = LoadedDefinition.load(name, source, text, values);
    }
    return loaded;
  }

  private static Map<String, Map<Integer, Mock>> copy(Map<String, Map<Integer, Mock>> mocks) {
    Map<String, Map<Integer, Mock>> copy = new HashMap<>();
    mocks.forEach((state, byAttempt) -> copy.put(state, Map.copyOf(byAttempt)));
    return copy;
  }
}
