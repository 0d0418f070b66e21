package io.statecraft.dsl.workflow;

import io.statecraft.dsl.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An SSM maintenance window ({@code AWS::SSM::MaintenanceWindow}) whose task starts the workflow
 * once per target instance ({@code AWS::SSM::MaintenanceWindowTask} of type
 * {@code STEP_FUNCTIONS}). The task's input may use {@link #TARGET_ID}, which Systems Manager
 * replaces with each target's id.
 *
 * <pre>{@code
 * MaintenanceWindow.named("PatchWindow")
 *     .schedule(Parameter.string("WindowSchedule").defaultValue("cron(0 2 ? * SUN *)"))
 *     .timeZone("Etc/UTC").durationHours(4).cutoffHours(1)
 *     .target(MaintenanceWindowTarget.named("PatchTargets").instancesTagged("Patch", TemplateValue.of("infrequent")))
 *     .taskInput(Json.object().put("InstanceId", MaintenanceWindow.TARGET_ID).build());
 * }</pre>
 */
public final class MaintenanceWindow implements Trigger {

  /** The pseudo parameter Systems Manager replaces with the target's id in the task input. */
  public static final String TARGET_ID = "{{TARGET_ID}}";

  private final String logicalId;
  private String description;
  private TemplateValue schedule;
  private TemplateValue timeZone;
  private int durationHours = 2;
  private int cutoffHours = 1;
  private boolean allowUnassociatedTargets;
  private final List<MaintenanceWindowTarget> targets = new ArrayList<>();
  private Value taskInput;
  private int priority = 1;
  private String maxConcurrency = "1";
  private String maxErrors = "1";

  private MaintenanceWindow(String logicalId) {
    this.logicalId = Objects.requireNonNull(logicalId, "logicalId == null");
  }

  public static MaintenanceWindow named(String logicalId) {
    return new MaintenanceWindow(logicalId);
  }

  public MaintenanceWindow description(String description) {
    this.description = description;
    return this;
  }

  /** {@code Schedule}: {@code cron(...)} or {@code rate(...)}. */
  public MaintenanceWindow schedule(TemplateValue expression) {
    this.schedule = Objects.requireNonNull(expression, "expression == null");
    return this;
  }

  public MaintenanceWindow schedule(String expression) {
    return schedule(TemplateValue.of(expression));
  }

  /** {@code ScheduleTimezone}: an IANA time zone; UTC unless set. */
  public MaintenanceWindow timeZone(TemplateValue zone) {
    this.timeZone = zone;
    return this;
  }

  public MaintenanceWindow timeZone(String zone) {
    return timeZone(TemplateValue.of(zone));
  }

  /** {@code Duration}: how long the window stays open, 1 to 24 hours (2 unless set). */
  public MaintenanceWindow durationHours(int hours) {
    this.durationHours = hours;
    return this;
  }

  /** {@code Cutoff}: no new task starts in the window's last hours (1 unless set); less than the duration. */
  public MaintenanceWindow cutoffHours(int hours) {
    this.cutoffHours = hours;
    return this;
  }

  /** {@code AllowUnassociatedTargets}: false unless set. */
  public MaintenanceWindow allowUnassociatedTargets(boolean allow) {
    this.allowUnassociatedTargets = allow;
    return this;
  }

  /** A target the task runs for; at least one is needed. */
  public MaintenanceWindow target(MaintenanceWindowTarget target) {
    targets.add(Objects.requireNonNull(target, "target == null"));
    return this;
  }

  /** The execution input, literal JSON; use {@link #TARGET_ID} for the target's id. */
  public MaintenanceWindow taskInput(Value input) {
    this.taskInput = input;
    return this;
  }

  /** The task's {@code Priority} (1 unless set; lower runs first). */
  public MaintenanceWindow priority(int priority) {
    this.priority = priority;
    return this;
  }

  /** {@code MaxConcurrency}: targets at once, a number or a percentage ("1" unless set). */
  public MaintenanceWindow maxConcurrency(String value) {
    this.maxConcurrency = Objects.requireNonNull(value, "value == null");
    return this;
  }

  /** {@code MaxErrors}: failures before the task stops, a number or a percentage ("1" unless set). */
  public MaintenanceWindow maxErrors(String value) {
    this.maxErrors = Objects.requireNonNull(value, "value == null");
    return this;
  }

  @Override
  public String logicalId() {
    return logicalId;
  }

  public String description() {
    return description;
  }

  public TemplateValue schedule() {
    return schedule;
  }

  public TemplateValue timeZone() {
    return timeZone;
  }

  public int durationHours() {
    return durationHours;
  }

  public int cutoffHours() {
    return cutoffHours;
  }

  public boolean allowUnassociatedTargets() {
    return allowUnassociatedTargets;
  }

  public List<MaintenanceWindowTarget> targets() {
    return List.copyOf(targets);
  }

  public Value taskInput() {
    return taskInput;
  }

  public int priority() {
    return priority;
  }

  public String maxConcurrency() {
    return maxConcurrency;
  }

  public String maxErrors() {
    return maxErrors;
  }
}
