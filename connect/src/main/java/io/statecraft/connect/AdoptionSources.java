package io.statecraft.connect;

import io.statecraft.importer.AdoptedWorkflow;
import io.statecraft.importer.AdoptionException;
import io.statecraft.importer.TemplateAdopter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.GetGeneratedTemplateResponse;
import software.amazon.awssdk.services.cloudformation.model.TemplateFormat;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.LogDestination;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/**
 * Reads what {@code adopt} starts from when it is in AWS: a deployed state machine, or a template
 * the CloudFormation IaC generator made. Read calls only; every failure is one line
 * ({@link AwsErrors}).
 */
public final class AdoptionSources {

  /**
   * A deployed state machine as {@code DescribeStateMachine} gives it
   * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeStateMachine.html).
   *
   * @param type {@code STANDARD} or {@code EXPRESS}
   * @param loggingLevel {@code ALL}, {@code ERROR}, {@code FATAL} or {@code OFF}; null when not given
   * @param logGroupArns the CloudWatch Logs log groups its logging configuration sends to
   * @param tags its tags, as {@code ListTagsForResource} gives them
   *     (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListTagsForResource.html)
   */
  public record DescribedStateMachine(String arn, String name, String definition, String type,
      String loggingLevel, boolean includeExecutionData, boolean tracing, List<String> logGroupArns,
      Map<String, String> tags) {

    public DescribedStateMachine {
      Objects.requireNonNull(definition, "definition == null");
      logGroupArns = List.copyOf(logGroupArns);
      tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /**
     * Adopts this state machine ({@link TemplateAdopter#fromStateMachine}), named by its ARN in
     * messages: the one mapping of what AWS said to what the adopter takes, for the command line
     * and the Maven goal alike.
     *
     * @throws AdoptionException when the definition cannot be adopted
     */
    public AdoptedWorkflow adopt(TemplateAdopter.Options options) {
      return TemplateAdopter.fromStateMachine(arn, name, definition, type,
          loggingLevel == null ? null : new AdoptedWorkflow.Logging(loggingLevel, includeExecutionData),
          tracing, logGroupArns, tags, options);
    }
  }

  private AdoptionSources() {}

  /**
   * The state machine {@code arnOrName}: an ARN is described directly; a name is looked up with
   * {@code ListStateMachines} in the settings' Region first
   * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListStateMachines.html).
   *
   * @throws AwsException when AWS cannot be called, denies the call, or has no such state machine
   */
  public static DescribedStateMachine describeStateMachine(String arnOrName, AwsSettings settings) {
    try (SfnClient sfn = settings.stepFunctions()) {
      String arn = arnOrName.startsWith("arn:") ? arnOrName : AwsErrors.call("states:ListStateMachines", () ->
          sfn.listStateMachinesPaginator(r -> { }).stateMachines().stream()
              .filter(machine -> machine.name().equals(arnOrName)).map(StateMachineListItem::stateMachineArn)
              .findFirst().orElseThrow(() -> new AwsException("no state machine is named " + arnOrName
                  + " in this account and Region; give its ARN, or the --region it is in")));
      DescribeStateMachineResponse described = AwsErrors.call("states:DescribeStateMachine",
          () -> sfn.describeStateMachine(r -> r.stateMachineArn(arn)));
      List<String> logGroups = new ArrayList<>();
      if (described.loggingConfiguration() != null) {
        for (LogDestination destination : described.loggingConfiguration().destinations()) {
          if (destination.cloudWatchLogsLogGroup() != null && destination.cloudWatchLogsLogGroup().logGroupArn() != null) {
            logGroups.add(destination.cloudWatchLogsLogGroup().logGroupArn());
          }
        }
      }
      Map<String, String> tags = new LinkedHashMap<>();
      AwsErrors.call("states:ListTagsForResource", () -> sfn.listTagsForResource(r -> r.resourceArn(arn)))
          .tags().forEach(tag -> tags.put(tag.key(), tag.value()));
      return new DescribedStateMachine(described.stateMachineArn(), described.name(), described.definition(),
          described.typeAsString(),
          described.loggingConfiguration() == null ? null : described.loggingConfiguration().levelAsString(),
          described.loggingConfiguration() != null && Boolean.TRUE.equals(described.loggingConfiguration().includeExecutionData()),
          described.tracingConfiguration() != null && Boolean.TRUE.equals(described.tracingConfiguration().enabled()),
          logGroups, tags);
    }
  }

  /**
   * The body of the IaC generator's template {@code name} (or ARN), as JSON
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_GetGeneratedTemplate.html).
   * A template still being generated comes back as it last was when complete; one never complete
   * comes back empty, which is refused here.
   *
   * @throws AwsException when AWS cannot be called, denies the call, or the template is empty
   */
  public static String generatedTemplate(String name, AwsSettings settings) {
    try (CloudFormationClient cloudFormation = settings.cloudFormation()) {
      GetGeneratedTemplateResponse response = AwsErrors.call("cloudformation:GetGeneratedTemplate",
          () -> cloudFormation.getGeneratedTemplate(r -> r.generatedTemplateName(name).format(TemplateFormat.JSON)));
      String body = response.templateBody();
      if (body == null || body.isBlank()) {
        throw new AwsException("the generated template " + name + " is " + response.statusAsString()
            + " and has no content yet; wait until the IaC generator has finished it");
      }
      return body;
    }
  }
}
