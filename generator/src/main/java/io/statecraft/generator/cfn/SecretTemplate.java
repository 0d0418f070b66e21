package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.workflow.Secret;
import io.statecraft.dsl.workflow.TemplateValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Secret}: {@code AWS::SecretsManager::Secret} whose value Secrets Manager generates
 * ({@code GenerateSecretString}), so that no secret is written in the template; or nothing.
 */
record SecretTemplate(Secret secret) implements ResourceTemplate {

  @Override
  public List<TemplateValue> propertyValues() {
    return Arrays.asList(secret.existingArn(), secret.kmsKey() == null ? null : secret.kmsKey().existingArn());
  }

  @Override
  public Optional<ArnPlaceholder> arnPlaceholder() {
    return ArnPlaceholder.of(secret);
  }

  @Override
  public void write(TemplateContext context) {
    if (secret.isExisting()) {
      return;
    }
    ObjectNode properties = context.resource(secret.logicalId(), "AWS::SecretsManager::Secret");
    properties.putObject("GenerateSecretString").put("PasswordLength", 32);
    if (secret.kmsKey() != null) {
      properties.set("KmsKeyId", TemplateJson.value(secret.kmsKey().templateArn()));
    }
  }
}
