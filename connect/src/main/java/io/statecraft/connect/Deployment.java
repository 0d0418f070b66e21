package io.statecraft.connect;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Change;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.CreateChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.ResourceChange;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.Tag;

/**
 * Creates or updates a workflow's stack through a change set, the one entry point that {@code
 * statecraft deploy} and the {@code deploy} goal call: create the change set, wait for it, print
 * the plan (action, logical id, type, replacement), and, unless it is a dry run, execute it and
 * print the stack events as they come, then the outputs. A change set without changes means the
 * stack is up to date. While a state machine alias with a {@code DeploymentPreference} shifts its
 * traffic, the alias's routing is printed as it changes, and a rollback names the alarm that
 * caused it ({@link AliasProgress}).
 *
 * <p>References (CloudFormation API):
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateChangeSet.html
 * (TemplateBody at most 51,200 bytes; ChangeSetType CREATE for a new stack, which CloudFormation
 * creates in REVIEW_IN_PROGRESS), API_DescribeChangeSet.html (Status FAILED with a StatusReason
 * when there is nothing to change), API_ExecuteChangeSet.html, API_DescribeStackEvents.html
 * (newest first), and the stack statuses of
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/view-stack-events.html
 * (a stack in ROLLBACK_COMPLETE after a failed create can only be deleted).
 */
public final class Deployment {

  /**
   * What to deploy.
   *
   * @param workflow the generated workflow whose template is deployed
   * @param stackName the stack to create or update
   * @param parameters parameter values by name, none of them NoEcho (from a file and the command line)
   * @param secrets values of NoEcho parameters, from environment variables or Maven's settings; never printed
   * @param capabilities such as {@code CAPABILITY_IAM}
   * @param tags stack tags
   * @param dryRun create the change set and print the plan, but do not execute it
   * @param pollInterval how long to wait between two looks at the change set or the stack
   * @param templateBucket where a template over 51,200 bytes is uploaded to be deployed by URL;
   *     null to refuse such a template
   */
  public record Request(GeneratedWorkflow workflow, String stackName, Map<String, String> parameters,
      Map<String, String> secrets, List<String> capabilities, Map<String, String> tags, boolean dryRun,
      Duration pollInterval, TemplateBucket templateBucket) {

    public Request {
      Objects.requireNonNull(workflow, "workflow == null");
      Objects.requireNonNull(stackName, "stackName == null");
      parameters = Map.copyOf(parameters);
      secrets = Map.copyOf(secrets);
      capabilities = List.copyOf(capabilities);
      tags = Map.copyOf(tags);
      Objects.requireNonNull(pollInterval, "pollInterval == null");
    }

    /** Without a bucket. */
    public Request(GeneratedWorkflow workflow, String stackName, Map<String, String> parameters,
        Map<String, String> secrets, List<String> capabilities, Map<String, String> tags, boolean dryRun,
        Duration pollInterval) {
      this(workflow, stackName, parameters, secrets, capabilities, tags, dryRun, pollInterval, null);
    }

    public Request withTemplateBucket(TemplateBucket bucket) {
      return new Request(workflow, stackName, parameters, secrets, capabilities, tags, dryRun, pollInterval, bucket);
    }
  }

  /** How a deployment ended. */
  public enum Result {
    /** The change set had no changes. */
    UP_TO_DATE,
    /** A dry run: the change set was created and left for review. */
    PLANNED,
    /** The change set was executed and the stack is complete. */
    DEPLOYED,
    /** The stack failed or rolled back; the failed events were printed. */
    FAILED
  }

  /**
   * The result and, when deployed, the stack's outputs.
   *
   * @param result how the deployment ended
   * @param outputs the stack's outputs by key, when deployed; else empty
   * @param rollback when a gradual deployment of an alias was rolled back, which alias and why;
   *     else null
   */
  public record Outcome(Result result, Map<String, String> outputs, AliasRollback rollback) {

    /** Copies the outputs. */
    public Outcome {
      outputs = Map.copyOf(outputs);
    }

    /** Without a rollback of an alias. */
    public Outcome(Result result, Map<String, String> outputs) {
      this(result, outputs, null);
    }
  }

  /**
   * Waits between two looks at the change set or the stack. Tests pass one that records the
   * interval instead of sleeping.
   */
  @FunctionalInterface
  public interface Sleeper {

    /**
     * Waits for {@code interval}.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration interval) throws InterruptedException;
  }

  private static final DateTimeFormatter CHANGE_SET_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final CloudFormationClient cfn;
  private final TemplateUpload templates;
  private final AwsSettings settings;
  private final Consumer<String> log;
  private final Sleeper sleeper;

  private Deployment(CloudFormationClient cfn, TemplateUpload templates, AwsSettings settings, Consumer<String> log,
      Sleeper sleeper) {
    this.cfn = cfn;
    this.templates = templates;
    this.settings = settings;
    this.log = log;
    this.sleeper = sleeper;
  }

  /**
   * Deploys, printing progress through {@code log} one line at a time.
   *
   * @throws AwsException when AWS cannot be called, the change set cannot be created, or the
   *     stack is in a state it cannot be deployed from; the message says what to do
   * @throws IllegalArgumentException when the parameters do not fit the template
   */
  public static Outcome deploy(Request request, AwsSettings settings, Consumer<String> log) {
    return deploy(request, settings, log, interval -> Thread.sleep(interval.toMillis()));
  }

  /**
   * Deploys as {@link #deploy(Request, AwsSettings, Consumer)} does, waiting with {@code sleeper}
   * between two looks at AWS.
   *
   * @throws AwsException when AWS cannot be called, the change set cannot be created, or the
   *     stack is in a state it cannot be deployed from; the message says what to do
   * @throws IllegalArgumentException when the parameters do not fit the template
   */
  public static Outcome deploy(Request request, AwsSettings settings, Consumer<String> log, Sleeper sleeper) {
    Objects.requireNonNull(sleeper, "sleeper == null");
    checkParameters(request);
    try (CloudFormationClient cfn = settings.cloudFormation();
        TemplateUpload templates = new TemplateUpload(settings, request.templateBucket(), log)) {
      return new Deployment(cfn, templates, settings, log, sleeper).run(request);
    }
  }

  private Outcome run(Request request) {
    String stack = request.stackName();
    Optional<Stack> existing = describe(stack);
    if (existing.isPresent()) {
      String status = existing.get().stackStatusAsString();
      if (status.equals("ROLLBACK_COMPLETE")) {
        throw new AwsException("stack " + stack + " is in ROLLBACK_COMPLETE: its first create failed and it cannot be"
            + " updated; delete it (aws cloudformation delete-stack --stack-name " + stack + ") and deploy again");
      }
      if (status.endsWith("_IN_PROGRESS") && !status.equals("REVIEW_IN_PROGRESS")) {
        throw new AwsException("stack " + stack + " is busy (" + status + "); wait until it is done and deploy again");
      }
    }
    // A stack left in REVIEW_IN_PROGRESS by a dry run of its first create has never been created.
    boolean create = existing.isEmpty() || existing.get().stackStatusAsString().equals("REVIEW_IN_PROGRESS");
    List<Parameter> parameters = parameters(request, create ? Set.of() : previousParameters(existing.get()));
    TemplateUpload.Template template = template(request.workflow());
    String changeSetName = "statecraft-" + CHANGE_SET_TIME.format(Instant.now());
    log.accept((create ? "creating" : "updating") + " stack " + stack + " with change set " + changeSetName);
    CreateChangeSetResponse created = AwsErrors.call("cloudformation:CreateChangeSet", () -> cfn.createChangeSet(r -> r
        .stackName(stack).changeSetName(changeSetName)
        .changeSetType(create ? ChangeSetType.CREATE : ChangeSetType.UPDATE)
        .templateBody(template.body()).templateURL(template.url()).parameters(parameters).capabilitiesWithStrings(request.capabilities())
        .tags(request.tags().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build()).toList())
        .description("Statecraft deploy of workflow " + request.workflow().id())));
    String changeSetId = created.id();

    DescribeChangeSetResponse changeSet = waitForChangeSet(changeSetId, request.pollInterval());
    if (changeSet.statusAsString().equals("FAILED")) {
      String reason = String.valueOf(changeSet.statusReason());
      if (reason.contains("didn't contain changes") || reason.contains("No updates are to be performed")) {
        AwsErrors.call("cloudformation:DeleteChangeSet", () -> cfn.deleteChangeSet(r -> r.changeSetName(changeSetId)));
        log.accept("stack " + stack + " is up to date: no changes");
        return new Outcome(Result.UP_TO_DATE, Map.of());
      }
      throw new AwsException("change set " + changeSetName + " of stack " + stack + " failed: " + reason);
    }
    printPlan(changeSetId, changeSet);
    if (request.dryRun()) {
      log.accept("dry run: change set " + changeSetName + " is left for review; deploy without --dry-run"
          + " (-Dstatecraft.dryRun=false) to apply the changes");
      return new Outcome(Result.PLANNED, Map.of());
    }
    Set<String> seenEvents = new HashSet<>();
    events(stack).forEach(event -> seenEvents.add(event.eventId()));
    AwsErrors.call("cloudformation:ExecuteChangeSet", () -> cfn.executeChangeSet(r -> r.changeSetName(changeSetId)));
    log.accept("executing change set " + changeSetName);
    List<AliasProgress.GradualAlias> gradual = AliasProgress.in(request.workflow().template(),
        parameterValues(request, create ? Optional.empty() : existing));
    try (AliasProgress aliases = new AliasProgress(gradual, settings::stepFunctions, log)) {
      return waitForStack(stack, create, seenEvents, request.pollInterval(), aliases);
    }
  }

  /**
   * The value each non-NoEcho parameter will have: given, else the stack's previous one, else the
   * template's default. Only for naming alarms in messages; NoEcho values are left out.
   */
  private static Map<String, String> parameterValues(Request request, Optional<Stack> previous) {
    Map<String, String> values = new HashMap<>();
    GeneratedWorkflow workflow = request.workflow();
    workflow.parameters().forEach((name, declaration) -> {
      if (declaration.has("Default") && !workflow.isNoEcho(name)) {
        values.put(name, declaration.get("Default").asText());
      }
    });
    previous.ifPresent(stack -> stack.parameters().stream()
        .filter(parameter -> !workflow.isNoEcho(parameter.parameterKey()) && parameter.parameterValue() != null)
        .forEach(parameter -> values.put(parameter.parameterKey(), parameter.parameterValue())));
    values.putAll(request.parameters());
    return values;
  }

  private Optional<Stack> describe(String stack) {
    try {
      return cfn.describeStacks(r -> r.stackName(stack)).stacks().stream().findFirst();
    } catch (CloudFormationException e) {
      // DescribeStacks answers ValidationError "Stack with id NAME does not exist" for a new stack.
      if (e.awsErrorDetails() != null && "ValidationError".equals(e.awsErrorDetails().errorCode())
          && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
        return Optional.empty();
      }
      throw AwsErrors.translate("cloudformation:DescribeStacks", e);
    } catch (SdkException e) {
      throw AwsErrors.translate("cloudformation:DescribeStacks", e);
    }
  }

  private static Set<String> previousParameters(Stack stack) {
    Set<String> names = new HashSet<>();
    stack.parameters().forEach(parameter -> names.add(parameter.parameterKey()));
    return names;
  }

  /** Every template parameter: a given value, else the stack's previous value, else the template's default. */
  private static List<Parameter> parameters(Request request, Set<String> previous) {
    List<Parameter> parameters = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    GeneratedWorkflow workflow = request.workflow();
    for (Map.Entry<String, JsonNode> entry : workflow.parameters().entrySet()) {
      String name = entry.getKey();
      String value = workflow.isNoEcho(name) ? request.secrets().get(name) : request.parameters().get(name);
      if (value != null) {
        parameters.add(Parameter.builder().parameterKey(name).parameterValue(value).build());
      } else if (previous.contains(name)) {
        parameters.add(Parameter.builder().parameterKey(name).usePreviousValue(true).build());
      } else if (!entry.getValue().has("Default")) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("no value for " + String.join(", ", missing) + ", which "
          + (missing.size() == 1 ? "has" : "have") + " no default: give " + (missing.size() == 1 ? "it" : "them")
          + " in the parameters file or one by one" + noEchoAdvice(workflow, missing));
    }
    return parameters;
  }

  private static String noEchoAdvice(GeneratedWorkflow workflow, List<String> names) {
    List<String> secret = names.stream().filter(workflow::isNoEcho).toList();
    return secret.isEmpty() ? "" : " (NoEcho " + String.join(", ", secret) + ": only from the environment variable "
        + secretVariable(secret.get(0)) + (secret.size() > 1 ? " and so on" : "") + " or a Maven settings.xml server)";
  }

  /** The environment variable that holds a NoEcho parameter's value: {@code STATECRAFT_PARAMETER_WebhookSecret}. */
  public static String secretVariable(String parameter) {
    return "STATECRAFT_PARAMETER_" + parameter;
  }

  /** Refuses values a template does not declare, and NoEcho values given where they would show. */
  private static void checkParameters(Request request) {
    GeneratedWorkflow workflow = request.workflow();
    Set<String> declared = workflow.parameters().keySet();
    for (String name : new TreeSet<>(request.parameters().keySet())) {
      if (!declared.contains(name)) {
        throw new IllegalArgumentException("the template of " + workflow.id() + " has no parameter " + name
            + (declared.isEmpty() ? "" : "; it has " + String.join(", ", declared)));
      }
      if (workflow.isNoEcho(name)) {
        throw new IllegalArgumentException(name + " is NoEcho: give its value only in the environment variable "
            + secretVariable(name) + " or a Maven settings.xml server, never in a file or on the command line");
      }
    }
  }

  /** By body, or uploaded to the bucket first; refused before anything is created when too large and no bucket. */
  private TemplateUpload.Template template(GeneratedWorkflow workflow) {
    TemplateUpload.Template template = templates.of(workflow);
    if (template.tooLarge()) {
      throw new AwsException("the template of " + workflow.id() + " is " + template.bytes() + " bytes as compact JSON,"
          + " over CloudFormation's " + RemoteValidation.MAX_TEMPLATE_BODY_BYTES + " for a body; "
          + TemplateUpload.GIVE_A_BUCKET);
    }
    return template;
  }

  private DescribeChangeSetResponse waitForChangeSet(String changeSetId, Duration interval) {
    while (true) {
      DescribeChangeSetResponse changeSet = AwsErrors.call("cloudformation:DescribeChangeSet",
          () -> cfn.describeChangeSet(r -> r.changeSetName(changeSetId)));
      String status = changeSet.statusAsString();
      if (status.equals("CREATE_COMPLETE") || status.equals("FAILED") || status.equals("DELETE_COMPLETE")) {
        return changeSet;
      }
      sleep(interval);
    }
  }

  private void printPlan(String changeSetId, DescribeChangeSetResponse first) {
    List<ResourceChange> changes = new ArrayList<>();
    DescribeChangeSetResponse page = first;
    while (true) {
      page.changes().stream().map(Change::resourceChange).filter(Objects::nonNull).forEach(changes::add);
      String next = page.nextToken();
      if (next == null || next.isEmpty()) {
        break;
      }
      page = AwsErrors.call("cloudformation:DescribeChangeSet",
          () -> cfn.describeChangeSet(r -> r.changeSetName(changeSetId).nextToken(next)));
    }
    log.accept("plan: " + changes.size() + (changes.size() == 1 ? " change" : " changes"));
    for (ResourceChange change : changes) {
      String replacement = change.replacementAsString();
      log.accept(String.format("  %-8s %-32s %-40s%s", change.actionAsString(), change.logicalResourceId(),
          change.resourceType(), replacement == null ? "" : " replacement: " + replacement));
    }
  }

  private List<StackEvent> events(String stack) {
    // The first page holds the newest events, which is all a running deployment adds between looks.
    return AwsErrors.call("cloudformation:DescribeStackEvents",
        () -> cfn.describeStackEvents(r -> r.stackName(stack)).stackEvents());
  }

  private Outcome waitForStack(String stack, boolean created, Set<String> seen, Duration interval,
      AliasProgress aliases) {
    List<StackEvent> failures = new ArrayList<>();
    while (true) {
      List<StackEvent> fresh = new ArrayList<>(events(stack).stream().filter(event -> seen.add(event.eventId())).toList());
      java.util.Collections.reverse(fresh);
      for (StackEvent event : fresh) {
        log.accept("  " + describe(event));
        if (event.resourceStatusAsString() != null && event.resourceStatusAsString().endsWith("_FAILED")) {
          failures.add(event);
        }
        aliases.observe(event);
      }
      // After the events, so that the routing line follows the alias's own events; on the last look too,
      // so that where the alias ended up (all on the new version, or back on the old one) is shown.
      aliases.poll();
      Stack now = describe(stack).orElseThrow(() -> new AwsException("stack " + stack + " disappeared while deploying"));
      String status = now.stackStatusAsString();
      if (!status.endsWith("_IN_PROGRESS")) {
        return finish(stack, now, status, created, failures, aliases.rollback());
      }
      sleep(interval);
    }
  }

  private Outcome finish(String stack, Stack now, String status, boolean created, List<StackEvent> failures,
      AliasRollback rollback) {
    if (status.equals("CREATE_COMPLETE") || status.equals("UPDATE_COMPLETE") || status.equals("IMPORT_COMPLETE")) {
      Map<String, String> outputs = new LinkedHashMap<>();
      now.outputs().forEach(output -> outputs.put(output.outputKey(), output.outputValue()));
      log.accept("stack " + stack + " is " + status);
      outputs.forEach((key, value) -> log.accept("  " + key + " = " + value));
      return new Outcome(Result.DEPLOYED, outputs);
    }
    log.accept("stack " + stack + " failed: final status " + status);
    for (StackEvent failure : failures) {
      log.accept("  failed: " + describe(failure));
    }
    if (rollback != null) {
      log.accept(rollback.summary() + "; fix what " + (rollback.alarm() != null ? "the alarm caught" : "failed")
          + " and deploy again");
    }
    if (created && status.equals("ROLLBACK_COMPLETE")) {
      log.accept("the first create of " + stack + " failed, so the stack cannot be updated: fix the cause above,"
          + " delete it (aws cloudformation delete-stack --stack-name " + stack + ") and deploy again");
    }
    return new Outcome(Result.FAILED, Map.of(), rollback);
  }

  private static String describe(StackEvent event) {
    String reason = event.resourceStatusReason();
    return event.logicalResourceId() + " " + event.resourceType() + " " + event.resourceStatusAsString()
        + (reason == null || reason.isEmpty() ? "" : ": " + reason);
  }

  private void sleep(Duration interval) {
    try {
      sleeper.sleep(interval);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AwsException("interrupted while waiting for CloudFormation");
    }
  }
}
