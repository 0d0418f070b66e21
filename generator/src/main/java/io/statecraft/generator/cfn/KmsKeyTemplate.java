package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.workflow.KmsKey;
import io.statecraft.dsl.workflow.TemplateValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@link KmsKey}: {@code AWS::KMS::Key}, rotated, with AWS's default key policy (the account
 * may grant its use through IAM policies, which is how the execution role gets it), or nothing.
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
 */
record KmsKeyTemplate(KmsKey key) implements ResourceTemplate {

  static final String KEY_POLICY_SID = "EnableIamPolicies";

  @Override
  public List<TemplateValue> propertyValues() {
    return Arrays.asList(key.existingArn());
  }

  @Override
  public Optional<ArnPlaceholder> arnPlaceholder() {
    return ArnPlaceholder.of(key);
  }

  @Override
  public void write(TemplateContext context) {
    if (key.isExisting()) {
      return;
    }
    String id = key.logicalId();
    ObjectNode properties = context.resource(id, "AWS::KMS::Key");
    properties.set("Description", TemplateJson.sub("${AWS::StackName} " + id));
    properties.put("EnableKeyRotation", true);
    ObjectNode policy = properties.putObject("KeyPolicy");
    policy.put("Version", "2012-10-17");
    ObjectNode statement = policy.putArray("Statement").addObject();
    statement.put("Sid", KEY_POLICY_SID);
    statement.put("Effect", "Allow");
    statement.putObject("Principal").set("AWS", TemplateJson.sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root"));
    statement.put("Action", "kms:*");
    statement.put("Resource", "*");
    context.wildcardReason(id, KEY_POLICY_SID, "in a key policy, * is this key; the statement is AWS's default key "
        + "policy, which lets this account's IAM policies (such as the execution role's) grant its use");
  }
}
