package io.statecraft.dsl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One permission a workflow's execution role needs, declared by the integration that needs it.
 *
 * <p>Resources are written in CloudFormation {@code Fn::Sub} syntax, so that they are scoped to
 * what the stack creates or is given: {@code arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/*},
 * {@code ${AlertsTopic}} (a template parameter or resource), {@code ${Connection.Arn}} (an
 * attribute), or {@code ${Name}} where {@code Name} is a {@link Placeholder} of the definition,
 * which the generator replaces by the value it substitutes. {@link #THIS_STATE_MACHINE} stands for
 * the workflow's own state machine. A lone {@code *} is allowed only for actions that support no
 * resource-level permission, and then {@code reason} says so; the generator puts it in a
 * statement of its own.
 *
 * @param actions IAM actions, {@code service:Action}
 * @param resources Fn::Sub strings, or {@code *}
 * @param conditions condition operator → key → values, such as
 *     {@code StringEquals → states:HTTPMethod → [POST]}
 * @param reason why this statement exists; required when a resource is {@code *}
 */
public record IamStatement(
    List<String> actions,
    List<String> resources,
    Map<String, Map<String, List<String>>> conditions,
    String reason) {

  private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9]+");

  /** A resource: the workflow's own state machine, by its ARN. */
  public static final String THIS_STATE_MACHINE = "${StateMachine}";

  /** A resource: every execution of the workflow's own state machine. */
  public static final String THIS_STATE_MACHINE_EXECUTIONS =
      "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:${StateMachine.Name}:*";

  /** Part {@code index} of a reference split at {@code separator}: {@code Fn::Select}/{@code Fn::Split} in the template. */
  public static String part(String reference, char separator, int index) {
    return "${Select(" + index + ",Split(" + separator + "," + reference + "))}";
  }

  /**
   * The executions of the state machine whose ARN {@code reference} holds, each part taken from that
   * ARN (https://docs.aws.amazon.com/step-functions/latest/dg/stepfunctions-iam.html).
   */
  public static String executionsOf(String reference) {
    return "arn:" + part(reference, ':', 1) + ":states:" + part(reference, ':', 3) + ":"
        + part(reference, ':', 4) + ":execution:" + part(reference, ':', 6) + ":*";
  }

  /**
   * Checks that there is at least one action and one resource, that every action is a plain {@code
   * service:Action} (IAM wildcards in actions are refused, so that a role grants exactly what is
   * used), and that a {@code *} resource comes with a reason.
   */
  public IamStatement {
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
    if (actions.isEmpty() || resources.isEmpty()) {
      throw new IllegalArgumentException("a statement needs at least one action and one resource");
    }
    for (String action : actions) {
      if (!ACTION.matcher(action).matches()) {
        throw new IllegalArgumentException("an action is service:Action without wildcards: " + action);
      }
    }
    Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
    // Loops, not forEach with lambdas: each lambda is a class spun at run time in the cold JVM
    // of a generate (issue 19).
    for (Map.Entry<String, Map<String, List<String>>> operator
        : Objects.requireNonNullElse(conditions, Map.<String, Map<String, List<String>>>of()).entrySet()) {
      Map<String, List<String>> keyCopy = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> key : operator.getValue().entrySet()) {
        keyCopy.put(key.getKey(), List.copyOf(key.getValue()));
      }
      copy.put(operator.getKey(), Collections.unmodifiableMap(keyCopy));
    }
    conditions = Collections.unmodifiableMap(copy);
    if (resources.contains("*") && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException(
          "a statement on resource * must say why (the actions " + actions
              + " support no resource-level permission?)");
    }
  }

  /** Actions on specific resources. */
  public static IamStatement allow(List<String> actions, List<String> resources) {
    return new IamStatement(actions, resources, Map.of(), null);
  }

  /** Actions on specific resources. */
  public static IamStatement allow(String action, String... resources) {
    return allow(List.of(action), List.of(resources));
  }

  /** Actions that AWS does not scope to resources, on {@code *}, with the reason. */
  public static IamStatement allowOnAnyResource(List<String> actions, String reason) {
    return new IamStatement(actions, List.of("*"), Map.of(), reason);
  }

  /** A copy with one more condition. */
  public IamStatement withCondition(String operator, String key, List<String> values) {
    Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>(conditions);
    Map<String, List<String>> keys = new LinkedHashMap<>(copy.getOrDefault(operator, Map.of()));
    keys.put(key, values);
    copy.put(operator, keys);
    return new IamStatement(actions, resources, copy, reason);
  }

  /**
   * Whether this statement grants its actions on every resource ({@code *}), which the generator
   * puts in a statement of its own with {@link #reason()}.
   */
  public boolean isOnAnyResource() {
    return resources.contains("*");
  }
}
