package io.statecraft.dsl.workflow;

import io.statecraft.dsl.IamStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Lambda function the workflow calls: created by the stack from inline code or code in S3,
 * with a role of its own ({@code <LogicalId>Role}) holding only {@link #permissions} and the
 * right to write to its own log group ({@code <LogicalId>LogGroup}); or an existing function
 * given by an ARN parameter ({@link #existing}).
 *
 * <pre>{@code
 * LambdaFunction rotate = LambdaFunction.named("RotateKey")
 *     .runtime("python3.13").handler("index.handler").inlineCode(source)
 *     .permissions(IamStatement.allow("iam:UpdateAccessKey", "arn:${AWS::Partition}:iam::${AWS::AccountId}:user/*"));
 * Task.named("Rotate").resource("arn:aws:states:::lambda:invoke")
 *     .parameters(Json.object().put("FunctionName", rotate.arn()).build())
 *     .permissions(rotate.invokeStatement());
 * }</pre>
 */
public final class LambdaFunction implements ArnResource {

  /** The runtime used when none is chosen: a current one, with the longest support ahead. */
  public static final String DEFAULT_RUNTIME = "python3.13";

  /** Runtimes Lambda still lets you create functions with (not deprecated). */
  public static final Set<String> CURRENT_RUNTIMES = Set.of(
      "python3.10", "python3.11", "python3.12", "python3.13",
      "nodejs20.x", "nodejs22.x",
      "java11", "java17", "java21",
      "dotnet8", "ruby3.3", "ruby3.4", "provided.al2", "provided.al2023");

  private final String logicalId;
  private final Parameter existingArn;
  private String description;
  private String runtime = DEFAULT_RUNTIME;
  private String handler = "index.handler";
  private String inlineCode;
  private TemplateValue s3Bucket;
  private TemplateValue s3Key;
  private int timeoutSeconds = 30;
  private int memorySizeMb = 128;
  private final Map<String, TemplateValue> environment = new LinkedHashMap<>();
  private final List<IamStatement> permissions = new ArrayList<>();

  private LambdaFunction(String logicalId, Parameter existingArn) {
    this.logicalId = Objects.requireNonNull(logicalId, "logicalId == null");
    this.existingArn = existingArn;
  }

  /** A function the stack creates. */
  public static LambdaFunction named(String logicalId) {
    return new LambdaFunction(logicalId, null);
  }

  /** An existing function whose ARN the deployer gives in {@code functionArn}. */
  public static LambdaFunction existing(Parameter functionArn) {
    Objects.requireNonNull(functionArn, "functionArn == null");
    return new LambdaFunction(functionArn.name(), functionArn);
  }

  /** The function's {@code Description}, shown in the Lambda console. */
  public LambdaFunction description(String description) {
    this.description = description;
    return this;
  }

  /** {@code Runtime}; {@value #DEFAULT_RUNTIME} unless set. Deprecated runtimes are reported. */
  public LambdaFunction runtime(String runtime) {
    this.runtime = Objects.requireNonNull(runtime, "runtime == null");
    return this;
  }

  /** {@code Handler}; {@code index.handler} unless set. */
  public LambdaFunction handler(String handler) {
    this.handler = Objects.requireNonNull(handler, "handler == null");
    return this;
  }

  /** Inline source code ({@code Code.ZipFile}, up to 4 KB, Python and Node.js only). */
  public LambdaFunction inlineCode(String source) {
    this.inlineCode = Objects.requireNonNull(source, "source == null");
    this.s3Bucket = null;
    this.s3Key = null;
    return this;
  }

  /** Code in S3 ({@code Code.S3Bucket}, {@code Code.S3Key}), usually parameters. */
  public LambdaFunction s3Code(TemplateValue bucket, TemplateValue key) {
    this.s3Bucket = Objects.requireNonNull(bucket, "bucket == null");
    this.s3Key = Objects.requireNonNull(key, "key == null");
    this.inlineCode = null;
    return this;
  }

  /** {@code Timeout}, 30 seconds unless set. */
  public LambdaFunction timeoutSeconds(int seconds) {
    this.timeoutSeconds = seconds;
    return this;
  }

  /** {@code MemorySize}, 128 MB unless set. */
  public LambdaFunction memorySizeMb(int megabytes) {
    this.memorySizeMb = megabytes;
    return this;
  }

  /** An environment variable. */
  public LambdaFunction environment(String name, TemplateValue value) {
    environment.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
    return this;
  }

  /** What the function itself may do, in its own role (scoped like a workflow's statements). */
  public LambdaFunction permissions(IamStatement... statements) {
    permissions.addAll(List.of(statements));
    return this;
  }

  @Override
  public String logicalId() {
    return logicalId;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.function(this);
  }

  /** The permission to invoke this function (and its versions and aliases). */
  public IamStatement invokeStatement() {
    String arn = policyArn();
    return IamStatement.allow(List.of("lambda:InvokeFunction"), List.of(arn, arn + ":*"));
  }

  @Override
  public Parameter existingArn() {
    return existingArn;
  }

  /** The function's {@code Description}, or null. */
  public String description() {
    return description;
  }

  /** The function's {@code Runtime}, such as {@code python3.12}. */
  public String runtime() {
    return runtime;
  }

  /**
   * The function's {@code Handler}: the entry point Lambda calls, such as {@code index.handler}.
   */
  public String handler() {
    return handler;
  }

  /**
   * The function's code written into the template ({@code Code.ZipFile}), or null when it comes
   * from S3.
   */
  public String inlineCode() {
    return inlineCode;
  }

  /**
   * The bucket of the function's deployment package ({@code Code.S3Bucket}), or null for inline
   * code.
   */
  public TemplateValue s3Bucket() {
    return s3Bucket;
  }

  /** The key of the function's deployment package ({@code Code.S3Key}), or null for inline code. */
  public TemplateValue s3Key() {
    return s3Key;
  }

  /** The function's {@code Timeout}: the most seconds one invocation may run. */
  public int timeoutSeconds() {
    return timeoutSeconds;
  }

  /** The function's {@code MemorySize} in MB. */
  public int memorySizeMb() {
    return memorySizeMb;
  }

  /** The function's environment variables by name, in the order added. */
  public Map<String, TemplateValue> environment() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
  }

  /**
   * The statements of the function's own execution role (not the workflow's), in the order added.
   */
  public List<IamStatement> permissions() {
    return List.copyOf(permissions);
  }
}
