package io.statecraft.dsl.workflow;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StateMachine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link Workflow} deploys: its state machine and everything around it (template
 * parameters, supporting resources, triggers, outputs and the state machine's options).
 * Immutable; make one with {@link #builder(StateMachine)}.
 *
 * <pre>{@code
 * Parameter webhookUrl = Parameter.string("WebhookUrl").allowedPattern("https://[^@]+");
 * HttpConnection teams = HttpConnection.named("TeamsConnection").apiKey("x-unused", token);
 * return WorkflowSpec.builder(StateMachine.startWith(first))
 *     .description("Alerts Teams about EC2 instances missing patches")
 *     .parameterGroup("Microsoft Teams", webhookUrl, token)
 *     .resources(teams)
 *     .triggers(Schedule.named("WeeklySchedule").expression("cron(0 8 ? * MON *)").timeZone("Europe/Bucharest"))
 *     .build();
 * }</pre>
 *
 * <p>Defaults: a STANDARD workflow, logging at ERROR level without execution data to a log group
 * of its own whose retention is the parameter {@code LogRetentionInDays}, X-Ray tracing on, no
 * physical name, outputs {@code StateMachineArn} and {@code StateMachineName}, data encrypted with
 * Step Functions' own key (see {@link Builder#encryption(KmsKey)} for a customer managed one).
 */
public final class WorkflowSpec {

  private final StateMachine stateMachine;
  private final String description;
  private final WorkflowType type;
  private final List<Parameter> parameters;
  private final List<ParameterGroup> parameterGroups;
  private final List<WorkflowResource> resources;
  private final LogLevel logLevel;
  private final boolean includeExecutionData;
  private final LogGroup logGroup;
  private final boolean tracing;
  private final Map<String, TemplateValue> tags;
  private final Parameter name;
  private final List<Output> outputs;
  private final List<IamStatement> permissions;
  private final TemplateValue alarmTopicArn;
  private final List<ConditionalPermission> conditionalPermissions;
  private final Map<WorkflowResource, TemplateCondition> resourceConditions;
  private final Map<String, TemplateValue> substitutions;
  private final String versionDescription;
  private final String alias;
  private final Deployment deployment;
  private final List<VersionWeight> routing;
  private final Encryption encryption;

  /**
   * A statement of the execution role granted only when {@code condition} holds.
   *
   * @param condition the template condition
   * @param statement the statement
   */
  public record ConditionalPermission(TemplateCondition condition, IamStatement statement) {
    /** Checks that neither part is null. */
    public ConditionalPermission {
      Objects.requireNonNull(condition, "condition == null");
      Objects.requireNonNull(statement, "statement == null");
    }
  }

  private WorkflowSpec(Builder builder) {
    this.stateMachine = builder.stateMachine;
    this.description = builder.description;
    this.type = builder.type;
    this.parameters = List.copyOf(builder.parameters);
    this.parameterGroups = List.copyOf(builder.parameterGroups);
    List<WorkflowResource> resources = new ArrayList<>(builder.resources);
    // The key of .encryption(...) is a resource of the template even when not listed with it.
    if (builder.encryption != null && !resources.contains(builder.encryption.key())) {
      resources.add(builder.encryption.key());
    }
    this.resources = List.copyOf(resources);
    this.logLevel = builder.logLevel;
    this.includeExecutionData = builder.includeExecutionData;
    this.logGroup = builder.logGroup;
    this.tracing = builder.tracing;
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(builder.tags));
    this.name = builder.name;
    this.outputs = List.copyOf(builder.outputs);
    this.permissions = List.copyOf(builder.permissions);
    this.alarmTopicArn = builder.alarmTopicArn;
    this.conditionalPermissions = List.copyOf(builder.conditionalPermissions);
    this.resourceConditions = Collections.unmodifiableMap(new LinkedHashMap<>(builder.resourceConditions));
    this.substitutions = Collections.unmodifiableMap(new LinkedHashMap<>(builder.substitutions));
    this.versionDescription = builder.versionDescription;
    this.alias = builder.alias;
    this.deployment = builder.deployment;
    this.routing = List.copyOf(builder.routing);
    this.encryption = builder.encryption;
  }

  /** A builder for a workflow around {@code stateMachine}. */
  public static Builder builder(StateMachine stateMachine) {
    return new Builder(stateMachine);
  }

  /** The state machine this workflow deploys. */
  public StateMachine stateMachine() {
    return stateMachine;
  }

  /** The template's {@code Description}; null when none was given. */
  public String description() {
    return description;
  }

  /** Standard or Express ({@code StateMachineType}). */
  public WorkflowType type() {
    return type;
  }

  /** The parameters declared, in order (those in groups included); not those only resources use. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** The parameter groups for the console's {@code AWS::CloudFormation::Interface}, in order. */
  public List<ParameterGroup> parameterGroups() {
    return parameterGroups;
  }

  /** Supporting resources and triggers, in the order declared. */
  public List<WorkflowResource> resources() {
    return resources;
  }

  /** The triggers among {@link #resources()}. */
  public List<Trigger> triggers() {
    List<Trigger> triggers = new ArrayList<>();
    for (WorkflowResource resource : resources) {
      if (resource instanceof Trigger trigger) {
        triggers.add(trigger);
      }
    }
    return List.copyOf(triggers);
  }

  /** The execution log level ({@code LoggingConfiguration.Level}). */
  public LogLevel logLevel() {
    return logLevel;
  }

  /** Whether the logs include each state's input and output ({@code IncludeExecutionData}). */
  public boolean includeExecutionData() {
    return includeExecutionData;
  }

  /** The log group chosen for the state machine; null for the default one. */
  public LogGroup logGroup() {
    return logGroup;
  }

  /** Whether X-Ray tracing is on ({@code TracingConfiguration.Enabled}). */
  public boolean tracing() {
    return tracing;
  }

  /** The state machine's tags, in the order given. */
  public Map<String, TemplateValue> tags() {
    return tags;
  }

  /** The parameter that names the state machine; null to let CloudFormation name it. */
  public Parameter name() {
    return name;
  }

  /** Outputs beyond the default two. */
  public List<Output> outputs() {
    return outputs;
  }

  /** Statements added to the execution role as they are, beyond what the states declare. */
  public List<IamStatement> permissions() {
    return permissions;
  }

  /** The SNS topic that failure alarms notify; null when the workflow has no alarms. */
  public TemplateValue alarmTopicArn() {
    return alarmTopicArn;
  }

  /** Statements of the execution role granted only when their condition holds. */
  public List<ConditionalPermission> conditionalPermissions() {
    return conditionalPermissions;
  }

  /** The condition under which {@code resource} is created; null when it always is. */
  public TemplateCondition conditionOf(WorkflowResource resource) {
    return resourceConditions.get(resource);
  }

  /** Placeholders of the definition filled in by a template value of their own, by name. */
  public Map<String, TemplateValue> substitutions() {
    return substitutions;
  }

  /** Whether each change of the definition or settings publishes a version. */
  public boolean publishesVersions() {
    return versionDescription != null;
  }

  /** The description of the published versions; null when none are published. */
  public String versionDescription() {
    return versionDescription;
  }

  /** The name of the alias that points at the published version; null for none. */
  public String alias() {
    return alias;
  }

  /** How the alias moves to a new version; null to move it at once without alarms. */
  public Deployment deployment() {
    return deployment;
  }

  /**
   * The alias's fixed split of executions between versions, in order; empty when the alias runs
   * the published version only (or moves by {@link #deployment()}).
   */
  public List<VersionWeight> routing() {
    return routing;
  }

  /** Encryption with a customer managed key; null for Step Functions' own (AWS owned) key. */
  public Encryption encryption() {
    return encryption;
  }

  /** Builds a {@link WorkflowSpec}. */
  public static final class Builder {
    private final StateMachine stateMachine;
    private String description;
    private WorkflowType type = WorkflowType.STANDARD;
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<ParameterGroup> parameterGroups = new ArrayList<>();
    private final List<WorkflowResource> resources = new ArrayList<>();
    private LogLevel logLevel = LogLevel.ERROR;
    private boolean includeExecutionData;
    private LogGroup logGroup;
    private boolean tracing = true;
    private final Map<String, TemplateValue> tags = new LinkedHashMap<>();
    private Parameter name;
    private final List<Output> outputs = new ArrayList<>();
    private final List<IamStatement> permissions = new ArrayList<>();
    private TemplateValue alarmTopicArn;
    private final List<ConditionalPermission> conditionalPermissions = new ArrayList<>();
    private final Map<WorkflowResource, TemplateCondition> resourceConditions = new LinkedHashMap<>();
    private final Map<String, TemplateValue> substitutions = new LinkedHashMap<>();
    private String versionDescription;
    private String alias;
    private Deployment deployment;
    private final List<VersionWeight> routing = new ArrayList<>();
    private Encryption encryption;

    private Builder(StateMachine stateMachine) {
      this.stateMachine = Objects.requireNonNull(stateMachine, "stateMachine == null");
    }

    /** The template's {@code Description}: what the workflow does, in a sentence. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** STANDARD (the default) or EXPRESS. */
    public Builder type(WorkflowType type) {
      this.type = Objects.requireNonNull(type, "type == null");
      return this;
    }

    /**
     * Template parameters the state machine uses through {@link Parameter#ref()}. Parameters
     * that only resources, tags or outputs use need not be listed.
     */
    public Builder parameters(Parameter... parameters) {
      for (Parameter parameter : parameters) {
        addParameter(Objects.requireNonNull(parameter, "parameter == null"));
      }
      return this;
    }

    /** Parameters shown together under {@code label} in the console; they are declared too. */
    public Builder parameterGroup(String label, Parameter... parameters) {
      parameterGroups.add(ParameterGroup.of(label, parameters));
      return parameters(parameters);
    }

    private void addParameter(Parameter parameter) {
      if (!parameters.contains(parameter)) {
        parameters.add(parameter);
      }
    }

    /** Supporting resources the states use: topics, connections, functions, log groups. */
    public Builder resources(WorkflowResource... resources) {
      for (WorkflowResource resource : resources) {
        this.resources.add(Objects.requireNonNull(resource, "resource == null"));
      }
      return this;
    }

    /**
     * Supporting resources created only when {@code condition} holds (their {@code Condition}
     * attribute). What refers to them must be created under the same condition, or choose with
     * {@link TemplateValue#when(TemplateCondition, TemplateValue, TemplateValue)}.
     */
    public Builder resources(TemplateCondition condition, WorkflowResource... resources) {
      Objects.requireNonNull(condition, "condition == null");
      resources(resources);
      for (WorkflowResource resource : resources) {
        resourceConditions.put(resource, condition);
      }
      return this;
    }

    /**
     * A placeholder of the definition ({@code ${Name}}, from {@code Placeholder.string(name)})
     * filled in by {@code value}, a value no parameter or resource gives as it is, such as the ARN
     * of whichever of two conditional resources exists:
     * {@code TemplateValue.when(condition, first.templateArn(), second.templateArn())}.
     */
    public Builder substitution(Placeholder placeholder, TemplateValue value) {
      Objects.requireNonNull(placeholder, "placeholder == null");
      substitutions.put(placeholder.name(), Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /** What starts the workflow: schedules, rules, maintenance windows. */
    public Builder triggers(Trigger... triggers) {
      return resources(triggers);
    }

    /**
     * {@code LoggingConfiguration}: the level (ERROR unless set; OFF turns logging off) and
     * whether to log execution input and output (off unless set: they may hold personal data).
     */
    public Builder logging(LogLevel level, boolean includeExecutionData) {
      this.logLevel = Objects.requireNonNull(level, "level == null");
      this.includeExecutionData = includeExecutionData;
      return this;
    }

    /**
     * The log group to log to, instead of the one created by default: one the stack creates
     * ({@link LogGroup#named}) or an existing one given by its ARN parameter ({@link LogGroup#existing}).
     */
    public Builder logGroup(LogGroup logGroup) {
      this.logGroup = Objects.requireNonNull(logGroup, "logGroup == null");
      return this;
    }

    /** {@code TracingConfiguration}: X-Ray tracing, on unless set. */
    public Builder tracing(boolean enabled) {
      this.tracing = enabled;
      return this;
    }

    /** A tag on the state machine. */
    public Builder tag(String key, TemplateValue value) {
      tags.put(Objects.requireNonNull(key, "key == null"), Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /** A tag on the state machine, its value written out. */
    public Builder tag(String key, String value) {
      return tag(key, TemplateValue.of(value));
    }

    /**
     * {@code StateMachineName} from a parameter, for deployers who need a known name. Left unset,
     * CloudFormation names the state machine, so the stack deploys any number of times.
     */
    public Builder name(Parameter name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /** Outputs beyond {@code StateMachineArn} and {@code StateMachineName}. */
    public Builder outputs(Output... outputs) {
      for (Output output : outputs) {
        this.outputs.add(Objects.requireNonNull(output, "output == null"));
      }
      return this;
    }

    /**
     * Permissions the execution role needs that no state declares, such as for a service called
     * through a raw resource in a nested workflow. They are merged with the states' statements.
     */
    public Builder permissions(IamStatement... statements) {
      for (IamStatement statement : statements) {
        permissions.add(Objects.requireNonNull(statement, "statement == null"));
      }
      return this;
    }

    /**
     * Permissions the execution role has only when {@code condition} holds, such as the grants on
     * an optional key parameter: each statement is written {@code Fn::If [condition, statement,
     * AWS::NoValue]}.
     */
    public Builder permissions(TemplateCondition condition, IamStatement... statements) {
      Objects.requireNonNull(condition, "condition == null");
      for (IamStatement statement : statements) {
        conditionalPermissions.add(new ConditionalPermission(condition, Objects.requireNonNull(statement, "statement == null")));
      }
      return this;
    }

    /**
     * CloudWatch alarms that notify the SNS topic {@code topicArn} (a parameter, usually) when an
     * execution fails, times out or is aborted, and when a trigger's dead-letter queue holds a
     * message: failures someone sees. The topic must let CloudWatch publish to it, and if it is
     * encrypted, use a customer managed key whose policy lets CloudWatch use it; see
     * {@code docs/cloudformation.md}.
     */
    public Builder alarms(TemplateValue topicArn) {
      this.alarmTopicArn = Objects.requireNonNull(topicArn, "topicArn == null");
      return this;
    }

    /**
     * Publishes a version ({@code AWS::StepFunctions::StateMachineVersion}) of the state machine's
     * current revision: a new one when, and only when, the definition or settings change.
     */
    public Builder publishVersion() {
      return publishVersion("Published by the stack");
    }

    /** {@link #publishVersion()} with the versions' description. */
    public Builder publishVersion(String description) {
      this.versionDescription = Objects.requireNonNull(description, "description == null");
      return this;
    }

    /**
     * An alias ({@code AWS::StepFunctions::StateMachineAlias}) that points at the published
     * version; triggers start the workflow through it. Needs {@link #publishVersion()}.
     */
    public Builder alias(String name) {
      this.alias = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /** How the alias moves to a newly published version: canary, linear or all at once, with alarms. */
    public Builder deployment(Deployment deployment) {
      this.deployment = Objects.requireNonNull(deployment, "deployment == null");
      return this;
    }

    /**
     * A fixed split of the alias's executions between at most two versions whose weights add up
     * to 100, such as the published version and the one before it while you watch the new one:
     * {@code .routing(VersionWeight.publishedVersion(90), VersionWeight.version(previousArn, 10))}.
     * CloudFormation takes either this or {@link #deployment(Deployment)}, not both.
     */
    public Builder routing(VersionWeight... weights) {
      for (VersionWeight weight : weights) {
        routing.add(Objects.requireNonNull(weight, "weight == null"));
      }
      return this;
    }

    /**
     * {@link #routing(VersionWeight...)} of {@code previousVersionPercent} percent of the alias's
     * executions to the version {@code previousVersionArn} (a parameter, usually) and the rest to
     * the version the stack publishes.
     */
    public Builder routing(TemplateValue previousVersionArn, int previousVersionPercent) {
      return routing(VersionWeight.publishedVersion(100 - previousVersionPercent),
          VersionWeight.version(previousVersionArn, previousVersionPercent));
    }

    /**
     * Encrypts the definition and execution history with {@code key}, a customer managed key
     * (created by the stack or existing), with Step Functions' default data key reuse period. The
     * key becomes a resource of the template if it is not listed already.
     */
    public Builder encryption(KmsKey key) {
      return encryption(Encryption.with(key));
    }

    /** Encryption with a customer managed key and its options (reuse period, the log group too). */
    public Builder encryption(Encryption encryption) {
      this.encryption = Objects.requireNonNull(encryption, "encryption == null");
      return this;
    }

    /** The workflow as declared; the generator checks it when it builds the template. */
    public WorkflowSpec build() {
      return new WorkflowSpec(this);
    }
  }
}
