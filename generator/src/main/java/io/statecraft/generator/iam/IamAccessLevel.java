package io.statecraft.generator.iam;

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
  LIST("List"),
  READ("Read"),
  WRITE("Write"),
  PERMISSIONS_MANAGEMENT("Permissions management"),
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
