package io.statecraft.aws;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Integration;
import io.statecraft.dsl.IntegrationPattern;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Lambda function called through Step Functions' optimized integration
 * ({@code arn:aws:states:::lambda:invoke}), with the payload and the result made explicit.
 *
 * <pre>{@code
 * LambdaInvoke report = LambdaInvoke.function(Placeholder.string("ReportFunction"))
 *     .payload(Json.object().put("instances", Path.input().field("ids")).build());
 * Task.named("Report").call(report)
 *     .retry(Retry.on(LambdaInvoke.TRANSIENT_ERRORS).intervalSeconds(1).backoffRate(2).maxAttempts(3))
 *     .resultSelector(Json.object().put("report", LambdaInvoke.PAYLOAD).build());
 * }</pre>
 *
 * <p>The payload is what the function receives as its event; {@link #payload(Value)} must be called
 * (with {@code Path.input()} to pass the whole state input), so nobody has to guess. The result is
 * the Invoke API's response, whose {@code Payload} member holds what the function returned:
 * {@link #PAYLOAD} and {@link #PAYLOAD_JSONATA} point at it.
 */
public final class LambdaInvoke implements Integration {

  /** What the function returned, in the task's result: {@code $.Payload}. */
  public static final Path PAYLOAD = Path.input().field("Payload");

  /** What the function returned, in a JSONata state: {@code $states.result.Payload}. */
  public static final Jsonata PAYLOAD_JSONATA = Jsonata.of("$states.result.Payload");

  /** Lambda's own failure to run the function, worth retrying. */
  public static final String SERVICE_EXCEPTION = "Lambda.ServiceException";
  /** {@code Lambda.AWSLambdaException}: an error of the Lambda service, worth retrying. */
  public static final String AWS_LAMBDA_EXCEPTION = "Lambda.AWSLambdaException";
  /** {@code Lambda.SdkClientException}: the call failed before Lambda answered, worth retrying. */
  public static final String SDK_CLIENT_EXCEPTION = "Lambda.SdkClientException";
  /** {@code Lambda.TooManyRequestsException}: the function is throttled. */
  public static final String TOO_MANY_REQUESTS = "Lambda.TooManyRequestsException";
  /** The function's code threw, or timed out: {@code Lambda.Unknown} when the runtime gave no error type. */
  public static final String UNKNOWN = "Lambda.Unknown";

  /** The transient errors AWS recommends every Lambda task retries. */
  public static final List<String> TRANSIENT_ERRORS =
      List.of(SERVICE_EXCEPTION, AWS_LAMBDA_EXCEPTION, SDK_CLIENT_EXCEPTION, TOO_MANY_REQUESTS);

  /** How Lambda runs the function. */
  public enum InvocationType {
    /** Waits for the function and returns its result (the default). */
    REQUEST_RESPONSE("RequestResponse"),
    /** Queues the event and returns at once; the result has no payload. */
    EVENT("Event"),
    /** Checks the call is allowed without running the function. */
    DRY_RUN("DryRun");

    private final String wire;

    InvocationType(String wire) {
      this.wire = wire;
    }
  }

  private final Value function;
  private final Value payload;
  private final Map<String, Value> options;
  private final IntegrationPattern pattern;

  private LambdaInvoke(Value function, Value payload, Map<String, Value> options, IntegrationPattern pattern) {
    this.function = function;
    this.payload = payload;
    this.options = options;
    this.pattern = pattern;
  }

  /** The function: its name, ARN, or a placeholder such as {@code ${ReportFunction}}. */
  public static LambdaInvoke function(Value function) {
    return new LambdaInvoke(Objects.requireNonNull(function, "function == null"), null, Map.of(),
        IntegrationPattern.REQUEST_RESPONSE);
  }

  /** The function by name or ARN. */
  public static LambdaInvoke function(String function) {
    return function(Value.of(function));
  }

  /** The event the function receives: an object, {@code Path.input()} for the whole input, ... */
  public LambdaInvoke payload(Value payload) {
    return new LambdaInvoke(function, Objects.requireNonNull(payload, "payload == null"), options, pattern);
  }

  /** The function's version or alias, {@code Qualifier}. */
  public LambdaInvoke qualifier(String qualifier) {
    return option("Qualifier", Value.of(qualifier));
  }

  /** {@code InvocationType}. */
  public LambdaInvoke invocationType(InvocationType type) {
    return option("InvocationType", Value.of(type.wire));
  }

  private LambdaInvoke option(String name, Value value) {
    Map<String, Value> copy = new LinkedHashMap<>(options);
    copy.put(name, value);
    return new LambdaInvoke(function, payload, copy, pattern);
  }

  /**
   * A copy that waits until someone returns the task token ({@code .waitForTaskToken}).
   *
   * @throws IllegalArgumentException when the payload does not pass the token on
   */
  public LambdaInvoke waitForTaskToken() {
    if (payload == null || !Payloads.passesTaskToken(payload)) {
      throw new IllegalArgumentException("lambda:invoke.waitForTaskToken: the payload does not pass the task token on, "
          + "so the function could never answer and the task would wait until it times out; put Context.taskToken() "
          + "($$.Task.Token) or, in JSONata, $states.context.Task.Token in the payload");
    }
    return new LambdaInvoke(function, payload, options, IntegrationPattern.WAIT_FOR_TASK_TOKEN);
  }

  @Override
  public String resource() {
    return "arn:aws:states:::lambda:invoke" + pattern.suffix();
  }

  /**
   * {@code FunctionName}, {@code Payload} and the options set.
   *
   * @throws IllegalStateException when no payload was given
   */
  @Override
  public ObjectValue payload() {
    if (payload == null) {
      throw new IllegalStateException("lambda:invoke of " + function + ": say what the function receives with "
          + ".payload(value), such as .payload(Path.input()) for the whole state input");
    }
    Map<String, Value> fields = new LinkedHashMap<>();
    fields.put("FunctionName", function);
    fields.put("Payload", payload);
    fields.putAll(options);
    return new ObjectValue(fields);
  }

  /** {@code lambda:InvokeFunction} on the function and its versions and aliases. */
  @Override
  public List<IamStatement> iamStatements() {
    String arn;
    if (function instanceof StringValue text && text.value().startsWith("arn:")) {
      arn = text.value();
    } else if (function instanceof StringValue text) {
      arn = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:" + text.value();
    } else if (function instanceof Placeholder placeholder) {
      arn = placeholder.token();
    } else {
      arn = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:*";
    }
    String base = arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
    return List.of(IamStatement.allow(List.of("lambda:InvokeFunction"),
        arn.endsWith(":*") ? List.of(arn) : List.of(base, base + ":*")));
  }

  @Override
  public IntegrationPattern pattern() {
    return pattern;
  }

  @Override
  public String toString() {
    return resource() + " " + function;
  }
}
