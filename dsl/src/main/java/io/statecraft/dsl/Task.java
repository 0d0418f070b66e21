package io.statecraft.dsl;

import io.statecraft.dsl.asl.AslState;
import io.statecraft.dsl.asl.AslTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code Task} state: calls an AWS service, an activity, an HTTP endpoint or a function.
 * Prefer {@link #call(Integration)} with a typed integration: it sets the resource and the
 * payload, and declares the permissions the call needs.
 */
public final class Task extends State<Task> implements Chainable<Task>, HasInputOutput<Task>,
    HasAssign<Task>, HasParameters<Task>, HasArguments<Task>, HasResultSelector<Task>,
    HasResultPath<Task>, HasErrorHandling<Task> {

  private String resource;
  private Integration integration;
  private Value credentials;
  private Value timeoutSeconds;
  private Value timeoutSecondsPath;
  private Value heartbeatSeconds;
  private Value heartbeatSecondsPath;

  private Task(String name) {
    super(name);
  }

  /** A new Task named {@code name}. */
  public static Task named(String name) {
    return new Task(name);
  }

  /**
   * Calls a typed integration: its ARN becomes {@code Resource}, its request becomes
   * {@code Parameters} (JSONPath) or {@code Arguments} (JSONata) unless set explicitly, and its
   * permissions go into the execution role.
   */
  public Task call(Integration integration) {
    this.integration = Objects.requireNonNull(integration, "integration == null");
    this.resource = integration.resource();
    return this;
  }

  /**
   * {@code Resource}, written out. A raw resource brings no permissions: declare them with
   * {@link #permissions(IamStatement...)}.
   */
  public Task resource(String resource) {
    this.resource = Objects.requireNonNull(resource, "resource == null");
    this.integration = null;
    return this;
  }

  /** {@code Resource} given at deploy time, such as the ARN of a function in the stack. */
  public Task resource(Placeholder resource) {
    return resource(resource.token());
  }

  /** Permissions the execution role needs for this task, in addition to the integration's. */
  @Override
  public Task permissions(IamStatement... statements) {
    return super.permissions(statements);
  }

  /** {@code Credentials}: the role to assume for a cross-account call. */
  public Task credentials(Value roleArn) {
    this.credentials = Json.object().put("RoleArn", roleArn).build();
    return this;
  }

  /** {@code TimeoutSeconds}. */
  public Task timeoutSeconds(int seconds) {
    return timeoutSeconds(Value.of(seconds));
  }

  /** {@code TimeoutSeconds} as a JSONata expression or a deploy-time placeholder. */
  public Task timeoutSeconds(Value seconds) {
    this.timeoutSeconds = seconds;
    return this;
  }

  /** {@code TimeoutSecondsPath} (JSONPath). */
  public Task timeoutSecondsPath(Path path) {
    this.timeoutSecondsPath = path;
    return this;
  }

  /** {@code HeartbeatSeconds}: the most time between two heartbeats of the worker. */
  public Task heartbeatSeconds(int seconds) {
    return heartbeatSeconds(Value.of(seconds));
  }

  /**
   * {@code HeartbeatSeconds} as a JSONata expression or a deploy-time placeholder, for a heartbeat
   * that depends on the input or the stack.
   */
  public Task heartbeatSeconds(Value seconds) {
    this.heartbeatSeconds = seconds;
    return this;
  }

  /** {@code HeartbeatSecondsPath} (JSONPath). */
  public Task heartbeatSecondsPath(Path path) {
    this.heartbeatSecondsPath = path;
    return this;
  }

  /** The typed integration this task calls, or null for a raw resource. */
  public Integration integration() {
    return integration;
  }

  /** Every permission this task needs: its integration's and those declared on it. */
  public List<IamStatement> requiredPermissions() {
    List<IamStatement> all = new ArrayList<>();
    if (integration != null) {
      all.addAll(integration.iamStatements());
    }
    all.addAll(permissions);
    return List.copyOf(all);
  }

  @Override
  AslState toAsl(DefinitionBuilder builder) {
    if (resource == null) {
      builder.issue(this, BuildIssue.Code.MISSING_RESOURCE,
          "Task has no Resource: give it call(integration) or resource(arn)");
    }
    var io = this.io;
    if (integration != null && integration.payload() != null) {
      if (effectiveLanguage(builder.defaultLanguage()) == QueryLanguage.JSONATA) {
        io = io.arguments() == null ? io.withArguments(integration.payload()) : io;
      } else {
        io = io.parameters() == null ? io.withParameters(integration.payload()) : io;
      }
    }
    return new AslTask(commentValue(), queryLanguageValue(), resource == null ? "" : resource, credentials, io,
        timeoutSeconds, timeoutSecondsPath, heartbeatSeconds, heartbeatSecondsPath,
        retriers, catchersAsl(), nextName(), next == null, extensionsValue());
  }
}
