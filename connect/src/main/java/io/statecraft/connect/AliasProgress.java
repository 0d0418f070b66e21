package io.statecraft.connect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineAliasResponse;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;

/**
 * Follows the gradual deployments of a template's state machine aliases while {@link Deployment}
 * waits for the stack: prints where each alias routes its executions whenever that changes
 * ({@code alias live: 10% to version 4, 90% to version 3}), and notices a rollback and the alarm
 * that caused it.
 *
 * <p>What is observable, from AWS's documentation:
 * <ul>
 *   <li>An {@code AWS::StepFunctions::StateMachineAlias} with a {@code DeploymentPreference}
 *       (CANARY, LINEAR, ALL_AT_ONCE) makes CloudFormation shift traffic from the version the alias
 *       points to to the new one, and roll back if any of the listed alarms goes into ALARM
 *       (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-stepfunctions-statemachinealias-deploymentpreference.html),
 *       while the stack update stays in progress.
 *   <li>The alias's current weights come from Step Functions' {@code DescribeStateMachineAlias}:
 *       {@code routingConfiguration}, one or two {@code stateMachineVersionArn} and {@code weight}
 *       pairs summing to 100 (https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeStateMachineAlias.html,
 *       API_RoutingConfigurationListItem.html).
 *   <li>An alias ARN is the state machine's ARN, a colon and the alias name; a version ARN ends
 *       with a colon and the version number
 *       (https://docs.aws.amazon.com/step-functions/latest/apireference/API_StateMachineAliasListItem.html,
 *       https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html).
 *       The alias's ARN is taken from its stack events' {@code PhysicalResourceId}, the value its
 *       {@code Ref} returns (the generator's {@code StateMachineAliasArn} output relies on the same);
 *       when that is not an alias ARN, the alias is not followed and only its events show.
 *   <li>A rollback shows as a {@code *_FAILED} event of the alias with a {@code ResourceStatusReason},
 *       then the stack in {@code UPDATE_ROLLBACK_IN_PROGRESS}
 *       (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-monitor-stack.html).
 *       The reason's wording for an alarm is not documented, so the alarm is found defensively
 *       ({@link #alarmIn}) and the reason is always kept verbatim.
 * </ul>
 */
final class AliasProgress implements AutoCloseable {

  /**
   * An alias the template deploys gradually.
   *
   * @param logicalId its logical id in the template
   * @param name its {@code Name}, or the logical id when the name is not a literal
   * @param type the deployment's {@code Type}: CANARY, LINEAR or ALL_AT_ONCE
   * @param alarms the alarm names, as far as they are known before deploying (literals, and
   *     parameters whose value is given, previous or default)
   */
  record GradualAlias(String logicalId, String name, String type, List<String> alarms) {

    GradualAlias {
      alarms = List.copyOf(alarms);
    }
  }

  static final String ALIAS_TYPE = "AWS::StepFunctions::StateMachineAlias";

  // arn:PARTITION:states:REGION:ACCOUNT:stateMachine:NAME:ALIAS; an alias name is never only digits
  // (a version's qualifier is), which is what tells an alias ARN from a version ARN.
  private static final Pattern ALIAS_ARN =
      Pattern.compile("arn:[a-z-]+:states:[a-z0-9-]+:\\d{12}:stateMachine:[^:]+:(?!\\d+$)[^:]+");

  // A name in quotes or brackets after the word "alarm(s)": alarm 'X', alarm "X", alarms [X, Y].
  private static final Pattern QUOTED_ALARM =
      Pattern.compile("(?i)\\balarms?\\b[^'\"\\[\\]]{0,40}?['\"\\[]\\s*([^'\"\\[\\],]+?)\\s*['\"\\],]");

  // A version's qualifier: the number after the version ARN's last colon.
  private static final Pattern VERSION_NUMBER = Pattern.compile("\\d{1,18}");

  private static final class Followed {
    final GradualAlias alias;
    String arn;
    String shownRouting;
    boolean following = true;
    // Looked at while CloudFormation works on the alias, and once more after, to show where it ended.
    boolean inProgress;
    boolean lastLook;
    AliasRollback rollback;

    Followed(GradualAlias alias) {
      this.alias = alias;
    }

    String name() {
      return arn == null ? alias.name() : arn.substring(arn.lastIndexOf(':') + 1);
    }
  }

  private final Map<String, Followed> aliases = new LinkedHashMap<>();
  private final Supplier<SfnClient> clients;
  private final Consumer<String> log;
  private SfnClient sfn;

  /**
   * @param clients makes the Step Functions client, called only when a gradual alias is deployed
   */
  AliasProgress(List<GradualAlias> gradual, Supplier<SfnClient> clients, Consumer<String> log) {
    gradual.forEach(alias -> aliases.put(alias.logicalId(), new Followed(alias)));
    this.clients = clients;
    this.log = log;
  }

  /**
   * The aliases of {@code template} that have a {@code DeploymentPreference}, in template order.
   *
   * @param parameterValues the value each parameter will have, for alarm names given as {@code Ref}s
   */
  static List<GradualAlias> in(JsonNode template, Map<String, String> parameterValues) {
    List<GradualAlias> gradual = new ArrayList<>();
    template.path("Resources").fields().forEachRemaining(resource -> {
      JsonNode properties = resource.getValue().path("Properties");
      JsonNode preference = properties.path("DeploymentPreference");
      if (!ALIAS_TYPE.equals(resource.getValue().path("Type").asText()) || !preference.isObject()) {
        return;
      }
      List<String> alarms = new ArrayList<>();
      for (JsonNode alarm : preference.path("Alarms")) {
        String name = alarm.isTextual() ? alarm.asText() : parameterValues.get(alarm.path("Ref").asText());
        if (name != null && !name.isEmpty()) {
          alarms.add(name);
        }
      }
      JsonNode name = properties.path("Name");
      gradual.add(new GradualAlias(resource.getKey(), name.isTextual() ? name.asText() : resource.getKey(),
          preference.path("Type").asText(""), alarms));
    });
    return gradual;
  }

  /**
   * Takes in one stack event, oldest first: learns an alias's ARN, and prints the cause of the first
   * failure of a gradual alias (the rollback).
   */
  void observe(StackEvent event) {
    Followed followed = aliases.get(event.logicalResourceId());
    if (followed == null || !ALIAS_TYPE.equals(event.resourceType())) {
      return;
    }
    String physical = event.physicalResourceId();
    if (physical != null && ALIAS_ARN.matcher(physical).matches()) {
      followed.arn = physical;
    }
    String status = event.resourceStatusAsString();
    followed.inProgress = status != null && status.endsWith("_IN_PROGRESS");
    followed.lastLook = !followed.inProgress;
    if (followed.rollback == null && status != null && status.endsWith("_FAILED")) {
      String reason = Objects.requireNonNullElse(event.resourceStatusReason(), "");
      followed.rollback = new AliasRollback(followed.name(), alarmIn(reason, followed.alias.alarms()),
          reason.isEmpty() ? "CloudFormation gave no reason" : reason);
      log.accept("alias " + followed.name() + " is rolling back: " + followed.rollback.cause());
    }
  }

  /**
   * After each look at the stack's events: prints the routing of each alias CloudFormation is
   * working on (or has just finished with) when it changed.
   */
  void poll() {
    for (Followed followed : aliases.values()) {
      if (followed.arn == null || !followed.following || !(followed.inProgress || followed.lastLook)) {
        continue;
      }
      followed.lastLook = false;
      DescribeStateMachineAliasResponse alias;
      try {
        alias = sfn().describeStateMachineAlias(r -> r.stateMachineAliasArn(followed.arn));
      } catch (ResourceNotFoundException e) {
        continue; // not created yet, or deleted by the rollback of a first create: the events tell
      } catch (SdkException e) {
        // The stack goes on without us; say once why its routing is not shown.
        followed.following = false;
        log.accept("alias " + followed.name() + ": cannot follow its routing ("
            + AwsErrors.translate("states:DescribeStateMachineAlias", e).getMessage() + ")");
        continue;
      }
      String routing = routing(alias.routingConfiguration());
      if (!routing.isEmpty() && !routing.equals(followed.shownRouting)) {
        followed.shownRouting = routing;
        log.accept("alias " + followed.name() + ": " + routing);
      }
    }
  }

  /** The first rollback of a gradual alias seen, or null. */
  AliasRollback rollback() {
    return aliases.values().stream().map(followed -> followed.rollback).filter(Objects::nonNull).findFirst()
        .orElse(null);
  }

  /** {@code 10% to version 4, 90% to version 3}: the newest version first. */
  static String routing(List<RoutingConfigurationListItem> routes) {
    return routes.stream()
        .sorted(Comparator.comparingLong((RoutingConfigurationListItem route) -> versionNumber(route.stateMachineVersionArn()))
            .reversed())
        .map(route -> route.weight() + "% to " + version(route.stateMachineVersionArn()))
        .reduce((a, b) -> a + ", " + b).orElse("");
  }

  /** {@code version 4} for {@code arn:...:stateMachine:Name:4}; the ARN itself when it does not end with a number. */
  static String version(String versionArn) {
    long number = versionNumber(versionArn);
    return number >= 0 ? "version " + number : String.valueOf(versionArn);
  }

  private static long versionNumber(String versionArn) {
    String qualifier = versionArn == null ? "" : versionArn.substring(versionArn.lastIndexOf(':') + 1);
    return VERSION_NUMBER.matcher(qualifier).matches() ? Long.parseLong(qualifier) : -1;
  }

  /**
   * The alarm a failure reason names, or null. AWS does not document how the reason words an
   * alarm, so this looks first for one of the deployment's own alarm names (as a whole word, the
   * longest first), then for a name in quotes or brackets after the word "alarm".
   */
  static String alarmIn(String reason, List<String> knownAlarms) {
    List<String> longestFirst = new ArrayList<>(knownAlarms);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    for (String alarm : longestFirst) {
      if (containsWord(reason, alarm)) {
        return alarm;
      }
    }
    Matcher quoted = QUOTED_ALARM.matcher(reason);
    return quoted.find() ? quoted.group(1) : null;
  }

  private static boolean containsWord(String text, String word) {
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      boolean startsWord = at == 0 || !isNameChar(text.charAt(at - 1));
      int end = at + word.length();
      // A full stop that ends the sentence ends the name too; one inside a name ("p99.9") does not.
      boolean endsWord = end == text.length() || !isNameChar(text.charAt(end))
          || text.charAt(end) == '.' && (end + 1 == text.length() || !isNameChar(text.charAt(end + 1)));
      if (startsWord && endsWord) {
        return true;
      }
    }
    return false;
  }

  // CloudWatch alarm names are free text, but the ones that run into a longer word are what to avoid.
  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
  }

  private SfnClient sfn() {
    if (sfn == null) {
      sfn = clients.get();
    }
    return sfn;
  }

  @Override
  public void close() {
    if (sfn != null) {
      sfn.close();
    }
  }
}
