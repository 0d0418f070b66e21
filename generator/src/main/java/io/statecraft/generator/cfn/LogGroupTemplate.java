package io.statecraft.generator.cfn;

import io.statecraft.asl.ProblemCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.workflow.LogGroup;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.TemplateValue;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@link LogGroup}: {@code AWS::Logs::LogGroup} with a retention CloudWatch Logs offers, or
 * nothing for an existing one given by its ARN parameter (whose default is checked to end in
 * {@code :*}, as Step Functions takes it).
 */
record LogGroupTemplate(LogGroup logGroup) implements ResourceTemplate {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).

  /**
   * Where a state machine's log group goes. CloudWatch Logs' resource policy, which Step Functions
   * extends for every log group it logs to, holds at most 5,120 characters; log groups under
   * {@code /aws/vendedlogs/} need no entry in it (Step Functions best practices, "Avoiding
   * CloudWatch Logs resource policy size restrictions":
   * https://docs.aws.amazon.com/step-functions/latest/dg/bp-cwl.html).
   */
  static final String STEP_FUNCTIONS_PREFIX = "/aws/vendedlogs/states/";

  /**
   * Names the log group {@code logicalId}, already written, for a state machine's logs:
   * {@code /aws/vendedlogs/states/<stack name>-<logical id>}. Unique in the account and Region as
   * the stack name is, and within CloudWatch Logs' 512 characters for any stack name (128) and
   * logical id (255).
   */
  static void nameForStepFunctions(TemplateContext context, String logicalId) {
    if (context.resources.path(logicalId).path("Properties") instanceof ObjectNode properties) {
      properties.set("LogGroupName", TemplateJson.sub(stepFunctionsName(logicalId)));
    }
  }

  /**
   * The {@code Fn::Sub} format of the name {@link #nameForStepFunctions} gives log group
   * {@code logicalId}, for what must name it before it exists (a key policy's condition).
   */
  static String stepFunctionsName(String logicalId) {
    return STEP_FUNCTIONS_PREFIX + "${AWS::StackName}-" + logicalId;
  }

  /**
   * What the ARN of a log group for a state machine's logs ends with: the CloudFormation reference
   * of {@code AWS::StepFunctions::StateMachine CloudWatchLogsLogGroup} says "The ARN must end with
   * :*" (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-stepfunctions-statemachine-cloudwatchlogsloggroup.html).
   */
  static final String LOG_STREAMS_SUFFIX = ":*";

  @Override
  public List<TemplateValue> propertyValues() {
    return Arrays.asList(logGroup.existingArn(), logGroup.retentionInDays(), logGroup.kmsKeyArn());
  }

  @Override
  public Optional<ArnPlaceholder> arnPlaceholder() {
    return Optional.empty();
  }

  private static boolean isOffered(BigDecimal retentionInDays) {
    for (long days : LogGroup.RETENTION_DAYS) {
      if (BigDecimal.valueOf(days).compareTo(retentionInDays) == 0) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void write(TemplateContext context) {
    if (logGroup.isExisting()) {
      checkExistingArn(context, logGroup.existingArn());
      return;
    }
    String id = logGroup.logicalId();
    ObjectNode properties = context.resource(id, "AWS::Logs::LogGroup");
    if (logGroup.retentionInDays() != null) {
      TemplateValue retention = logGroup.retentionInDays();
      if (retention instanceof TemplateValue.Numeric number && !isOffered(number.value())) {
        context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, TemplateContext.pointer(id, "Properties", "RetentionInDays"),
            "log group " + id + " keeps logs " + number.value().toPlainString() + " days, which CloudWatch Logs does not offer; "
                + "choose one of " + Arrays.toString(LogGroup.RETENTION_DAYS));
      }
      properties.set("RetentionInDays", TemplateJson.value(retention));
    }
    if (logGroup.kmsKeyArn() != null) {
      properties.set("KmsKeyId", TemplateJson.value(logGroup.kmsKeyArn()));
    }
  }

  /**
   * An existing log group's ARN parameter: its default, when it has one, must be a CloudWatch Logs
   * log group ARN ending in {@code :*}, or Step Functions rejects the stack at deploy time.
   */
  private static void checkExistingArn(TemplateContext context, Parameter arn) {
    String value = arn.defaultValue();
    if (value == null || value.isEmpty()) {
      return;
    }
    String pointer = "/Parameters/" + arn.name() + "/Default";
    if (!value.startsWith("arn:") || !value.contains(":logs:") || !value.contains(":log-group:")) {
      context.error(ProblemCode.INVALID_LOG_GROUP_ARN, pointer, "the default of parameter " + arn.name() + " ('" + value
          + "') is no CloudWatch Logs log group ARN; give arn:${AWS::Partition}:logs:REGION:ACCOUNT:log-group:NAME:*");
    } else if (!value.endsWith(LOG_STREAMS_SUFFIX)) {
      context.error(ProblemCode.INVALID_LOG_GROUP_ARN, pointer, "the default of parameter " + arn.name() + " ('" + value
          + "') does not end in ':*', which Step Functions needs of a log group ARN; write '" + value + LOG_STREAMS_SUFFIX + "'");
    }
  }
}
