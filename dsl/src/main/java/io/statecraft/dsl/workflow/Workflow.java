package io.statecraft.dsl.workflow;

/**
 * The unit a Statecraft user writes: a state machine plus everything it needs to run in an
 * account (template parameters, triggers, supporting resources, outputs).
 *
 * <p>Implementations need a public no-argument constructor, so that the Maven plugin and the
 * command line can create them from a class name. List them in
 * {@code META-INF/services/io.statecraft.dsl.workflow.Workflow} so that they are discovered
 * without configuration.
 *
 * <pre>{@code
 * public final class PatchAlerts implements Workflow {
 *   public String id() { return "patch-alerts"; }
 *   public WorkflowSpec spec() {
 *     return WorkflowSpec.builder(StateMachine.startWith(...)).description("...").build();
 *   }
 * }
 * }</pre>
 */
public interface Workflow {

  /**
   * The workflow's id: lower-case letters, digits and hyphens, starting with a letter, such as
   * {@code patch-alerts}. It names the output folder ({@code target/statecraft/<id>/}) and the
   * classifier of the published artifacts, so it must stay stable.
   */
  String id();

  /** The state machine and everything around it; called once per build. */
  WorkflowSpec spec();

  /** Whether {@code id} is a valid workflow id. */
  static boolean isValidId(String id) {
    return id != null && id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*") && id.length() <= 64;
  }
}
