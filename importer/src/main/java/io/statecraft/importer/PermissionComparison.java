package io.statecraft.importer;

import io.statecraft.dsl.IamStatement;
import io.statecraft.importer.RolePolicies.Grant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares what the adopted workflow's states will be granted (the statements its typed calls
 * derive, with the parameters at their defaults) with what the original role allowed, action by
 * action and resource by resource, and says which tasks derive nothing.
 *
 * <p>A pair is covered by the other side when an action there matches it (the prefix and the
 * action name are case-insensitive and take {@code *} and {@code ?},
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html) on a
 * resource that matches it ({@code *} any characters, across colons too, and {@code ?} one,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html);
 * a pseudo parameter such as {@code ${AWS::Region}} matches any one ARN segment, and in the
 * partition, Region or account segment of either side it matches what the other names, since both
 * deploy into the same account and Region. Conditions are not compared.
 */
final class PermissionComparison {

  /** One state's derived statements, or why there are none. */
  record StatePermissions(String state, String resource, List<IamStatement> statements, String reason) {}

  private static final String PSEUDO = "${AWS__";

  private PermissionComparison() {}

  /**
   * The report lines: a heading, then "granted before, not now", "granted now, not before", tasks
   * whose permissions are not derived, and what of the role was not read.
   *
   * @param defaults each parameter's default, by name, put into the derived resources
   */
  static List<String> report(RolePolicies role, List<StatePermissions> states, Map<String, String> defaults) {
    List<String> lines = new ArrayList<>();
    if (role.isEmpty() && states.isEmpty()) {
      return lines; // no task, no role: nothing to say
    }
    List<Grant> derived = new ArrayList<>();
    for (StatePermissions state : states) {
      for (IamStatement statement : state.statements()) {
        for (String action : statement.actions()) {
          for (String resource : statement.resources()) {
            derived.add(new Grant(action, RolePolicies.withDefaults(ownArn(resource), defaults), "state " + state.state()));
          }
        }
      }
    }
    if (role.isEmpty()) {
      lines.add("Permissions: no policy of the original role was read, so none is compared; pass its documents with "
          + "--role-policy FILE");
    } else {
      lines.add("Permissions: " + role.source() + " compared with what the states derive (parameters at their defaults):");
      // Each action and resource is compared with many others: its pattern is compiled once.
      Map<String, Pattern> patterns = new HashMap<>();
      Set<String> before = new LinkedHashSet<>();
      for (Grant grant : role.grants()) {
        if (derived.stream().noneMatch(d -> covers(d, grant, patterns))) {
          before.add("  granted before, not now: " + grant.action() + " on " + grant.resource() + " (" + grant.from() + ")");
        }
      }
      Set<String> now = new LinkedHashSet<>();
      for (Grant grant : derived) {
        if (role.grants().stream().noneMatch(o -> covers(o, grant, patterns))) {
          now.add("  granted now, not before: " + grant.action() + " on " + grant.resource() + " (" + grant.from() + ")");
        }
      }
      lines.addAll(before);
      lines.addAll(now);
      if (before.isEmpty() && now.isEmpty()) {
        lines.add("  the same actions on the same resources");
      }
      role.unread().forEach(line -> lines.add("  not compared: " + line));
    }
    for (StatePermissions state : states) {
      if (state.reason() != null) {
        lines.add("  not derived: state " + state.state() + " (" + state.resource() + ") stays a raw resource: "
            + state.reason() + "; it is granted nothing until you type it or add Task.permissions(...)");
      }
    }
    return lines;
  }

  /**
   * The workflow's own state machine ({@code ${StateMachine}}, which the template builder resolves
   * to its ARN) written as the ARN it is, so that a role's {@code stateMachine:*} covers it: the
   * format is arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}
   * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsstepfunctions.html),
   * and CloudFormation chooses the name, so it stays the placeholder {@code ${StateMachine.Name}}.
   */
  private static String ownArn(String resource) {
    return IamStatement.THIS_STATE_MACHINE.equals(resource)
        ? "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${StateMachine.Name}"
        : resource;
  }

  // Whether the grant `wide` allows what `narrow` names: its action and its resource.
  static boolean covers(Grant wide, Grant narrow) {
    return covers(wide, narrow, new HashMap<>());
  }

  // As above, reusing the patterns already compiled, by IAM text and case sensitivity.
  private static boolean covers(Grant wide, Grant narrow, Map<String, Pattern> patterns) {
    return pattern(wide.action(), true, patterns).matcher(narrow.action()).matches()
        && resourceCovers(wide.resource(), narrow.resource(), patterns);
  }

  // A pseudo parameter in the partition, Region or account of an ARN, on either side, stands for
  // the stack's, which the other side may name as a literal: Statecraft derives
  // arn:${AWS::Partition}:s3:::bucket where the original role says arn:aws:s3:::bucket.
  private static boolean resourceCovers(String wide, String narrow, Map<String, Pattern> patterns) {
    if (pattern(wide, false, patterns).matcher(narrow).matches()) {
      return true;
    }
    // ${AWS::Region} holds colons of its own: out of the way while the ARN is cut at its colons.
    String[] w = wide.replace("${AWS::", PSEUDO).split(":", 6);
    String[] n = narrow.replace("${AWS::", PSEUDO).split(":", 6);
    if (w.length != 6 || n.length != 6) {
      return false;
    }
    for (int i = 0; i < 6; i++) {
      boolean pseudo = (i == 1 || i == 3 || i == 4) && (w[i].startsWith(PSEUDO) || n[i].startsWith(PSEUDO));
      if (!pseudo && !pattern(w[i], false, patterns).matcher(n[i]).matches()) {
        return false;
      }
    }
    return true;
  }

  private static Pattern pattern(String iam, boolean caseInsensitive, Map<String, Pattern> patterns) {
    return patterns.computeIfAbsent((caseInsensitive ? "i:" : "s:") + iam, key -> pattern(iam, caseInsensitive));
  }

  private static Pattern pattern(String iam, boolean caseInsensitive) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < iam.length()) {
      char c = iam.charAt(i);
      if ((iam.startsWith("${AWS::", i) || iam.startsWith(PSEUDO, i)) && iam.indexOf('}', i) > 0) {
        regex.append("[^:]*");
        i = iam.indexOf('}', i) + 1;
        continue;
      }
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    return Pattern.compile(regex.toString(), caseInsensitive ? Pattern.CASE_INSENSITIVE : 0);
  }
}
