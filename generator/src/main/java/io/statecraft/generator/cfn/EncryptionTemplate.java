package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.workflow.Encryption;
import io.statecraft.dsl.workflow.KmsKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A workflow encrypted with a customer managed key ({@link Encryption}): the state machine's
 * {@code EncryptionConfiguration}, the execution role's and callers' grants on the key, the key
 * policy statements for CloudWatch Logs, and the log group encrypted with the key, each as the
 * Step Functions developer guide's "Data at rest encryption" page documents it
 * (https://docs.aws.amazon.com/step-functions/latest/dg/encryption-at-rest.html).
 *
 * <p>That page documents no key policy statement for Step Functions itself: the execution role is
 * granted through IAM, which the key's default policy (the account may grant its use) allows, and
 * Step Functions calls KMS as that role. So a key the stack creates gets only the CloudWatch Logs
 * statements here; an existing key's policy is its owner's (see docs/cloudformation.md).
 */
final class EncryptionTemplate {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  static final String TYPE = "CUSTOMER_MANAGED_KMS_KEY";
  /** {@code KmsDataKeyReusePeriodSeconds}: 60 to 900 (EncryptionConfiguration in the API reference). */
  static final int MIN_REUSE_SECONDS = 60;
  static final int MAX_REUSE_SECONDS = 900;
  /** The encryption context key Step Functions passes to KMS for a state machine's data. */
  static final String STATE_MACHINE_CONTEXT = "kms:EncryptionContext:aws:states:stateMachineArn";
  static final String LOG_DELIVERY_SID = "AllowLogDeliveryToDecrypt";
  static final String LOGS_SID = "AllowCloudWatchLogsForTheLogGroup";

  private EncryptionTemplate() {}

  /**
   * Writes {@code EncryptionConfiguration} into the state machine's properties, and checks the
   * options against the log group: {@code logGroupId} is the one the state machine logs to, null
   * when logging is off; {@code existingLogGroup} says whether it is one the stack does not create.
   */
  static void configuration(TemplateContext context, Encryption encryption, ObjectNode stateMachine, String logGroupId,
      boolean existingLogGroup) {
    ObjectNode configuration = stateMachine.putObject("EncryptionConfiguration");
    configuration.put("Type", TYPE);
    configuration.set("KmsKeyId", TemplateJson.value(encryption.key().templateArn()));
    String pointer = TemplateContext.pointer(TemplateGenerator.STATE_MACHINE, "Properties", "EncryptionConfiguration");
    Duration reuse = encryption.dataKeyReusePeriod();
    if (reuse != null) {
      long seconds = reuse.getSeconds();
      if (reuse.getNano() != 0 || seconds < MIN_REUSE_SECONDS || seconds > MAX_REUSE_SECONDS) {
        context.error(ProblemCode.INVALID_ENCRYPTION, pointer + "/KmsDataKeyReusePeriodSeconds", "Step Functions "
            + "reuses a data key for whole seconds from " + MIN_REUSE_SECONDS + " to " + MAX_REUSE_SECONDS + ", not "
            + reuse + "; use Duration.ofSeconds(n) or Duration.ofMinutes(1 to 15)");
      }
      configuration.put("KmsDataKeyReusePeriodSeconds", seconds);
    }
    if (!encryption.encryptsLogs()) {
      return;
    }
    if (logGroupId == null) {
      context.error(ProblemCode.INVALID_ENCRYPTION, pointer, "encryptLogs() encrypts the state machine's log group, "
          + "but logging is OFF; log with WorkflowSpec.logging(...) or drop encryptLogs()");
    } else if (existingLogGroup) {
      // The stack cannot set the key of a log group it does not create.
      context.error(ProblemCode.INVALID_ENCRYPTION, pointer, "encryptLogs() encrypts the log group the template "
          + "creates for the state machine, but it logs to the existing log group " + logGroupId + "; encrypt that log "
          + "group where it is created, or drop encryptLogs()");
    } else if (!TemplateGenerator.STATE_MACHINE_LOG_GROUP.equals(logGroupId)) {
      context.error(ProblemCode.INVALID_ENCRYPTION, pointer, "encryptLogs() encrypts the log group the template "
          + "creates for the state machine, but it logs to " + logGroupId + "; give that LogGroup .kmsKeyArn(key."
          + "templateArn()) and allow CloudWatch Logs in the key's policy, or drop encryptLogs()");
    }
  }

  /**
   * The execution role's grants: {@code kms:Decrypt} and {@code kms:GenerateDataKey} for its own
   * executions (encryption context {@code aws:states:stateMachineArn}), and, when it logs,
   * {@code kms:GenerateDataKey} for log delivery, with the page's condition on
   * {@code kms:EncryptionContext:SourceArn} as it writes it.
   */
  static List<Grant> executionRoleGrants(Encryption encryption, boolean logging) {
    String key = encryption.key().policyArn();
    List<Grant> grants = new ArrayList<>();
    grants.add(new Grant(inStateMachineContext(List.of("kms:Decrypt", "kms:GenerateDataKey"), key),
        "WorkflowSpec.encryption", null));
    if (logging) {
      grants.add(new Grant(IamStatement.allow(List.of("kms:GenerateDataKey"), List.of(key))
          .withCondition("StringEquals", "kms:EncryptionContext:SourceArn",
              List.of("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:*")),
          "WorkflowSpec.encryption (logging)", null));
    }
    return grants;
  }

  /**
   * What a caller that describes this workflow's executions needs besides the Step Functions
   * action: {@code kms:Decrypt} for DescribeExecution (StartExecution needs no KMS permission), in
   * the state machine's encryption context. Empty when the workflow is not encrypted.
   */
  static List<IamStatement> describeStatements(Encryption encryption) {
    if (encryption == null) {
      return List.of();
    }
    return List.of(inStateMachineContext(List.of("kms:Decrypt"), encryption.key().policyArn()));
  }

  /** {@code actions} on {@code key}, only for this state machine's data (its encryption context). */
  private static IamStatement inStateMachineContext(List<String> actions, String key) {
    return IamStatement.allow(actions, List.of(key))
        .withCondition("StringEquals", STATE_MACHINE_CONTEXT, List.of(IamStatement.THIS_STATE_MACHINE));
  }

  /** Encrypts the state machine's own log group with the key, when asked. */
  static void logGroup(Encryption encryption, ObjectNode logGroup) {
    if (encryption != null && encryption.encryptsLogs()) {
      logGroup.set("KmsKeyId", TemplateJson.value(encryption.key().templateArn()));
    }
  }

  /**
   * Adds to the policy of a key the stack creates what CloudWatch Logs needs: log delivery
   * ({@code delivery.logs.amazonaws.com}) decrypts when the state machine logs, and CloudWatch
   * Logs ({@code logs.<region>.amazonaws.com}) uses the key for the state machine's log group only
   * when that is encrypted too. The log group is named by its known name, not by a reference:
   * the log group needs the key first, so the key cannot wait for the log group.
   */
  static void keyPolicy(TemplateContext context, Encryption encryption, boolean logging) {
    KmsKey key = encryption.key();
    JsonNode statements = context.resources.path(key.logicalId()).path("Properties").path("KeyPolicy").path("Statement");
    if (key.isExisting() || !(statements instanceof ArrayNode policy)) {
      return;
    }
    if (logging) {
      ObjectNode delivery = policy.addObject();
      delivery.put("Sid", LOG_DELIVERY_SID);
      delivery.put("Effect", "Allow");
      delivery.putObject("Principal").put("Service", "delivery.logs.amazonaws.com");
      delivery.put("Action", "kms:Decrypt");
      delivery.put("Resource", "*");
      context.wildcardReason(key.logicalId(), LOG_DELIVERY_SID, "in a key policy, * is this key; CloudWatch Logs "
          + "delivers the state machine's logs only if it may decrypt with it (encryption-at-rest.html, step 3)");
    }
    if (encryption.encryptsLogs() && logging) {
      ObjectNode logs = policy.addObject();
      logs.put("Sid", LOGS_SID);
      logs.put("Effect", "Allow");
      logs.putObject("Principal").set("Service", TemplateJson.sub("logs.${AWS::Region}.amazonaws.com"));
      ArrayNode actions = logs.putArray("Action");
      for (String action : List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*",
          "kms:Describe*")) {
        actions.add(action);
      }
      logs.put("Resource", "*");
      logs.putObject("Condition").putObject("ArnEquals").set("kms:EncryptionContext:aws:logs:arn", TemplateJson.sub(
          "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:"
              + LogGroupTemplate.stepFunctionsName(TemplateGenerator.STATE_MACHINE_LOG_GROUP)));
      context.wildcardReason(key.logicalId(), LOGS_SID, "in a key policy, * is this key; the condition limits "
          + "CloudWatch Logs to the state machine's log group (encryption-at-rest.html, step 4; CloudWatch Logs' "
          + "encrypt-log-data-kms.html)");
    }
  }
}
