package io.statecraft.dsl.workflow;

import io.statecraft.dsl.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An SSM maintenance window ({@code AWS::SSM::MaintenanceWindow}) whose task starts the workflow
 * once per target instance ({@code AWS::SSM::MaintenanceWindowTask} of type
 * {@code STEP_FUNCTIONS}). The task's input may use {@link #TARGET_ID}, which Systems Manager
 * replaces with each target's id. Its description and input are the {@link TriggerOptions} every
 * trigger has.
 *
 * <pre>{@code
 * MaintenanceWindow.named("PatchWindow")
 *     .schedule(Parameter.string("WindowSchedule").defaultValue("cron(0 2 ? * SUN *)"))
 *     .timeZone("Etc/UTC")
 *     .durationHours(Parameter.number("WindowDurationHours").minValue(1).maxValue(24).defaultValue(4))
 *     .cutoffHours(1)
 *     .target(MaintenanceWindowTarget.named("PatchTargets").instancesTagged("Patch", TemplateValue.of("infrequent")))
 *     .taskInput(Json.object().put("InstanceId", MaintenanceWindow.TARGET_ID).build());
 * }</pre>
 */
public final class MaintenanceWindow extends TriggerOptions<MaintenanceWindow> {

  /** The pseudo parameter Systems Manager replaces with the target's id in the task input. */
  public static final String TARGET_ID = "{{TARGET_ID}}";

  private TemplateValue schedule;
  private TemplateValue timeZone;
  private TemplateValue durationHours = TemplateValue.of(2);
  private TemplateValue cutoffHours = TemplateValue.of(1);
  private boolean allowUnassociatedTargets;
  private final List<MaintenanceWindowTarget> targets = new ArrayList<>();
  private int priority = 1;
  private TemplateValue maxConcurrency = TemplateValue.of("1");
  private TemplateValue maxErrors = TemplateValue.of("1");

  private MaintenanceWindow(String logicalId) {
    super(logicalId);
  }

  /** A maintenance window with this logical id in the template; set its schedule next. */
  public static MaintenanceWindow named(String logicalId) {
    return new MaintenanceWindow(logicalId);
  }

  /** {@code Schedule}: {@code cron(...)} or {@code rate(...)}. */
  public MaintenanceWindow schedule(TemplateValue expression) {
    this.schedule = Objects.requireNonNull(expression, "expression == null");
    return this;
  }

  /** {@code Schedule} written out: {@code cron(...)} or {@code rate(...)}. */
  public MaintenanceWindow schedule(String expression) {
    return schedule(TemplateValue.of(expression));
  }

  /** {@code ScheduleTimezone}: an IANA time zone; UTC unless set. */
  public MaintenanceWindow timeZone(TemplateValue zone) {
    this.timeZone = zone;
    return this;
  }

  /** {@code ScheduleTimezone} written out, such as {@code Europe/Berlin}. */
  public MaintenanceWindow timeZone(String zone) {
    return timeZone(TemplateValue.of(zone));
  }

  /** {@code Duration}: how long the window stays open, 1 to 24 hours (2 unless set). */
  public MaintenanceWindow durationHours(int hours) {
    return durationHours(TemplateValue.of(hours));
  }

  /**
   * {@code Duration} from a {@code Number} parameter (or a literal). A literal, and the parameter's
   * default, {@code MinValue} and {@code MaxValue}, are checked at build time; the value a deployer
   * enters is checked by CloudFormation against the parameter's constraints, and by Systems
   * Manager when the stack is created. Give the parameter {@code minValue(1).maxValue(24)}.
   */
  public MaintenanceWindow durationHours(TemplateValue hours) {
    this.durationHours = Objects.requireNonNull(hours, "hours == null");
    return this;
  }

  /** {@code Cutoff}: no new task starts in the window's last hours (1 unless set); less than the duration. */
  public MaintenanceWindow cutoffHours(int hours) {
    return cutoffHours(TemplateValue.of(hours));
  }

  /**
   * {@code Cutoff} from a {@code Number} parameter (or a literal), 0 to 23 and less than the
   * duration. Checked like {@link #durationHours(TemplateValue)}: give the parameter
   * {@code minValue(0).maxValue(23)}; that it is less than the duration only Systems Manager can
   * check for values entered at deploy time (template rules cannot compare numbers).
   */
  public MaintenanceWindow cutoffHours(TemplateValue hours) {
    this.cutoffHours = Objects.requireNonNull(hours, "hours == null");
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
    return setInput(input);
  }

  /** The task's {@code Priority} (1 unless set; lower runs first). */
  public MaintenanceWindow priority(int priority) {
    this.priority = priority;
    return this;
  }

  /** {@code MaxConcurrency}: targets at once, a number or a percentage ("1" unless set). */
  public MaintenanceWindow maxConcurrency(String value) {
    return maxConcurrency(TemplateValue.of(Objects.requireNonNull(value, "value == null")));
  }

  /**
   * {@code MaxConcurrency} from a {@code String} parameter (or a literal): {@code 1} or more, or a
   * percentage from {@code 1%} to {@code 100%}. A literal and the parameter's default are checked
   * at build time; give the parameter an {@code allowedPattern} so that CloudFormation checks what
   * is entered at deploy time.
   */
  public MaintenanceWindow maxConcurrency(TemplateValue value) {
    this.maxConcurrency = Objects.requireNonNull(value, "value == null");
    return this;
  }

  /** {@code MaxErrors}: failures before the task stops, a number or a percentage ("1" unless set). */
  public MaintenanceWindow maxErrors(String value) {
    return maxErrors(TemplateValue.of(Objects.requireNonNull(value, "value == null")));
  }

  /** {@code MaxErrors} from a {@code String} parameter (or a literal): {@code 0} or more, or {@code 0%} to {@code 100%}. */
  public MaintenanceWindow maxErrors(TemplateValue value) {
    this.maxErrors = Objects.requireNonNull(value, "value == null");
    return this;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.maintenanceWindow(this);
  }

  /** The window's {@code Schedule}; null until set. */
  public TemplateValue schedule() {
    return schedule;
  }

  /** The window's {@code ScheduleTimezone}; null for UTC. */
  public TemplateValue timeZone() {
    return timeZone;
  }

  /** The duration: a {@link TemplateValue.Numeric} or a parameter. */
  public TemplateValue durationHours() {
    return durationHours;
  }

  /** The cutoff: a {@link TemplateValue.Numeric} or a parameter. */
  public TemplateValue cutoffHours() {
    return cutoffHours;
  }

  /** {@code AllowUnassociatedTargets}: whether the task may run without registered targets. */
  public boolean allowUnassociatedTargets() {
    return allowUnassociatedTargets;
  }

  /** The targets registered with the window, in the order given. */
  public List<MaintenanceWindowTarget> targets() {
    return List.copyOf(targets);
  }

  /** The task's execution input: {@link #input()}. */
  public Value taskInput() {
    return input();
  }

  /** The task's {@code Priority}: lower runs first among the window's tasks. */
  public int priority() {
    return priority;
  }

  /** The task's {@code MaxConcurrency}: how many targets run at once. */
  public TemplateValue maxConcurrency() {
    return maxConcurrency;
  }

  /** The task's {@code MaxErrors}: how many failures stop the task. */
  public TemplateValue maxErrors() {
    return maxErrors;
  }
}
