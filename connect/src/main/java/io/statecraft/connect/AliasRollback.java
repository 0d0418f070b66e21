package io.statecraft.connect;

import java.util.Objects;

/**
 * A gradual deployment of a state machine alias that CloudFormation rolled back, and why.
 *
 * <p>CloudFormation rolls the alias back when one of the deployment's CloudWatch alarms goes into
 * the ALARM state (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-stepfunctions-statemachinealias-deploymentpreference.html,
 * "Alarms"). Which alarm it was is read from the failed event's reason, whose wording AWS does not
 * document, so {@code alarm} is null when the reason names none that Statecraft recognizes; the
 * reason itself is always kept as AWS wrote it.
 *
 * @param alias the alias's name, such as {@code live}
 * @param alarm the name of the alarm that caused the rollback; null when the reason does not say
 * @param reason the failed event's {@code ResourceStatusReason}, verbatim
 */
public record AliasRollback(String alias, String alarm, String reason) {

  /** Checks the required values. */
  public AliasRollback {
    Objects.requireNonNull(alias, "alias == null");
    Objects.requireNonNull(reason, "reason == null");
  }

  /**
   * What caused the rollback, in a few words: {@code alarm ErrorRate went into ALARM}, or the
   * reason verbatim when it names no alarm Statecraft recognizes.
   */
  public String cause() {
    return alarm != null ? "alarm " + alarm + " went into ALARM" : reason;
  }

  /** One line for a report: {@code alias live was rolled back: alarm ErrorRate went into ALARM}. */
  public String summary() {
    return "alias " + alias + " was rolled back: " + cause();
  }
}
