package io.statecraft.iam;

import java.util.Optional;

/**
 * The access levels of AWS's Service Authorization Reference, in the order its tables use.
 *
 * <p>An action can have more than one: the catalog's source marks tagging and
 * permissions-management actions as writes too ({@code "Tagging, Write"}), so {@link
 * IamAction#accessLevels()} is a set and {@link IamAction#accessLevel()} picks the most specific,
 * the one AWS's reference tables show.
 */
public enum IamAccessLevel {
  /** Lists resources, such as {@code s3:ListAllMyBuckets}. */
  LIST("List"),
  /** Reads contents or attributes, such as {@code s3:GetObject}. */
  READ("Read"),
  /** Creates, changes or deletes, such as {@code states:StartExecution}. */
  WRITE("Write"),
  /** Changes who may do what, such as {@code s3:PutBucketPolicy}; also a write. */
  PERMISSIONS_MANAGEMENT("Permissions management"),
  /** Only changes tags, such as {@code sns:TagResource}; also a write. */
  TAGGING("Tagging");

  private final String label;

  IamAccessLevel(String label) {
    this.label = label;
  }

  /** The name as AWS writes it, such as {@code Permissions management}. */
  public String label() {
    return label;
  }

  /** The level whose {@link #label()} is {@code label}, compared without regard to case. */
  public static Optional<IamAccessLevel> fromLabel(String label) {
    for (IamAccessLevel level : values()) {
      if (level.label.equalsIgnoreCase(label)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }
}
