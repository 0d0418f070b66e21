package io.statecraft.iam;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the ARN formats of AWS's Service Authorization Reference into CloudFormation {@code
 * Fn::Sub} strings for the stack being deployed.
 *
 * <pre>{@code
 * String arn =
 *     ArnFormats.toFnSub("arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}");
 * // "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/${InstanceId}"
 * ArnFormats.placeholders(arn); // [InstanceId]: still to be given in the Fn::Sub variable map
 * }</pre>
 */
public final class ArnFormats {

  /** A {@code ${Name}} placeholder; {@code ${!Literal}} is Fn::Sub's escape, not a placeholder. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(?!!)([^}]+)}");

  private ArnFormats() {}

  /**
   * The ARN format as an {@code Fn::Sub} string for the current stack: {@code ${Partition}}
   * becomes {@code ${AWS::Partition}}, {@code ${Region}} becomes {@code ${AWS::Region}} and
   * {@code ${Account}} becomes {@code ${AWS::AccountId}}, so the same template deploys in any
   * partition, region and account. Everything else is left as it is:
   *
   * <ul>
   *   <li>Resource-specific placeholders such as {@code ${InstanceId}} or {@code
   *       ${StateMachineName}}: the caller fills them, either in the {@code Fn::Sub} variable map
   *       or by replacing them in the string. CloudFormation rejects a template whose {@code
   *       Fn::Sub} names a variable that is neither there nor a parameter or resource, so check
   *       {@link #placeholders(String)} is empty, or covered, before writing the template.
   *   <li>{@code ${AccountId}} is one of them on purpose: a few services (Chime, DataSync, IAM
   *       Identity Center) write the stack's account that way, but Organizations and IAM Identity
   *       Center also use it for another account in the resource part, so only the caller knows.
   *   <li>Fixed parts, including a literal {@code *} or {@code aws} where AWS writes one.
   * </ul>
   *
   * @param arnFormat an ARN format as {@link IamResourceType#arnFormats()} gives it
   */
  public static String toFnSub(String arnFormat) {
    Objects.requireNonNull(arnFormat, "arnFormat == null");
    // The reference uses these three names only in the ARN's own partition, region and account
    // fields, never inside the resource part, so a plain replacement is exact.
    return arnFormat
        .replace("${Partition}", "${AWS::Partition}")
        .replace("${Region}", "${AWS::Region}")
        .replace("${Account}", "${AWS::AccountId}");
  }

  /**
   * The placeholders the caller still has to fill, in order of first appearance and without
   * repeats: every {@code ${Name}} except the {@code AWS::} pseudo parameters and the three that
   * {@link #toFnSub(String)} replaces. Works on an ARN format before or after that conversion.
   */
  public static Set<String> placeholders(String arnFormat) {
    Objects.requireNonNull(arnFormat, "arnFormat == null");
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(toFnSub(arnFormat));
    while (m.find()) {
      String name = m.group(1);
      if (!name.startsWith("AWS::")) {
        names.add(name);
      }
    }
    return Collections.unmodifiableSet(names);
  }
}
