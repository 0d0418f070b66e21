package io.statecraft.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an adopted state machine becomes, before it is written as Java: its parameterized
 * definition, what feeds each {@code ${Name}} placeholder, its triggers and settings, and the
 * report of every value lifted out of the definition.
 *
 * @param id the workflow id (output folder, artifact classifier)
 * @param description the template's description, or null
 * @param definition the definition with {@code ${Name}} placeholders
 * @param parameters the parameters, in the order they were found
 * @param topics SNS topics the template creates, by the logical id whose {@code ${<Id>Arn}} the definition uses
 * @param type {@code STANDARD} or {@code EXPRESS}
 * @param logging the logging settings, or null to keep Statecraft's default
 * @param tracing X-Ray tracing, or null to keep Statecraft's default
 * @param tags literal tags of the state machine
 * @param pseudoParameters placeholders CloudFormation fills with a pseudo parameter, such as
 *     {@code Region} with {@code AWS::Region}
 * @param rolePolicies what the original execution role allowed, to compare with what the
 *     workflow derives; {@link RolePolicies#none()} when nothing was read
 * @param report one line per value lifted, per setting carried over and per thing left behind
 */
public record AdoptedWorkflow(
    String id,
    String description,
    ObjectNode definition,
    List<ParameterSpec> parameters,
    List<String> topics,
    List<TriggerSpec> triggers,
    String type,
    Logging logging,
    Boolean tracing,
    Map<String, String> tags,
    Map<String, String> pseudoParameters,
    RolePolicies rolePolicies,
    List<String> report) {

  public AdoptedWorkflow {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(definition, "definition == null");
    parameters = List.copyOf(parameters);
    topics = List.copyOf(topics);
    triggers = List.copyOf(triggers);
    tags = Map.copyOf(tags);
    pseudoParameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pseudoParameters));
    Objects.requireNonNull(rolePolicies, "rolePolicies == null");
    report = List.copyOf(report);
  }

  /** A copy that compares with {@code more} policies too, such as those given with {@code --role-policy}. */
  public AdoptedWorkflow withRolePolicies(RolePolicies more) {
    return new AdoptedWorkflow(id, description, definition, parameters, topics, triggers, type, logging, tracing, tags,
        pseudoParameters, rolePolicies.and(more), report);
  }

  /**
   * A template parameter of the workflow, as CloudFormation declares one.
   *
   * @param type the CloudFormation type: {@code String}, {@code Number}, {@code CommaDelimitedList}, {@code AWS::...}
   */
  public record ParameterSpec(String name, String type, String description, String defaultValue, boolean noEcho,
      List<String> allowedValues, String allowedPattern, Integer minLength, Integer maxLength, String constraintDescription) {

    public ParameterSpec {
      Objects.requireNonNull(name, "name == null");
      allowedValues = List.copyOf(allowedValues);
    }

    static ParameterSpec string(String name, String description, String defaultValue) {
      return new ParameterSpec(name, "String", description, defaultValue, false, List.of(), null, null, null, null);
    }
  }

  /** What starts the state machine. */
  public sealed interface TriggerSpec permits EventRuleSpec, ScheduleSpec, MaintenanceWindowSpec {
    String logicalId();
  }

  /**
   * An EventBridge rule targeting the state machine.
   *
   * @param schedule its {@code ScheduleExpression}, or null
   * @param eventPattern its {@code EventPattern}, or null
   * @param input the target's constant {@code Input} (JSON text), or null
   */
  public record EventRuleSpec(String logicalId, String description, String schedule, JsonNode eventPattern, String input)
      implements TriggerSpec {}

  /** An EventBridge Scheduler schedule targeting the state machine. */
  public record ScheduleSpec(String logicalId, String description, String expression, String timeZone, String input)
      implements TriggerSpec {}

  /**
   * An SSM maintenance window whose {@code STEP_FUNCTIONS} task starts the state machine.
   *
   * @param logicalId the window's logical id
   * @param durationHours {@code Duration}
   * @param cutoffHours {@code Cutoff}
   * @param targets the targets the task runs for
   * @param priority the task's {@code Priority}, or null
   * @param maxConcurrency the task's {@code MaxConcurrency}, or null
   * @param maxErrors the task's {@code MaxErrors}, or null
   * @param input the task's execution input (JSON text), or null
   */
  public record MaintenanceWindowSpec(String logicalId, String description, String schedule, String timeZone,
      int durationHours, int cutoffHours, boolean allowUnassociatedTargets, List<WindowTargetSpec> targets,
      Integer priority, String maxConcurrency, String maxErrors, String input) implements TriggerSpec {

    public MaintenanceWindowSpec {
      targets = List.copyOf(targets);
    }
  }

  /**
   * A maintenance window target: instances by tag ({@code key} {@code tag:Name}), by id
   * ({@code InstanceIds}), or a resource group ({@code resource-groups:Name}), with one value.
   */
  public record WindowTargetSpec(String logicalId, String description, String key, String value) {}

  /**
   * {@code LoggingConfiguration}: the level, whether execution data is logged, and the existing
   * log group it logs to, if it is carried over.
   *
   * @param logGroupArnParameter the name of the parameter (among the workflow's) that gives the ARN
   *     of an existing log group to log to, written as {@code LogGroup.existing(...)}; null to log to
   *     the log group the workflow's stack creates
   */
  public record Logging(String level, boolean includeExecutionData, String logGroupArnParameter) {

    /** Logging to the log group the workflow's stack creates. */
    public Logging(String level, boolean includeExecutionData) {
      this(level, includeExecutionData, null);
    }
  }
}
