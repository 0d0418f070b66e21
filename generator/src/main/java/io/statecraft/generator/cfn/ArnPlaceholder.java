package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.dsl.workflow.ArnResource;
import java.util.Objects;
import java.util.Optional;

/**
 * The placeholder that stands for the ARN of a resource the stack creates, as {@link ArnResource}
 * names it: {@code ${TeamsArn}} in the definition, filled in by the resource's {@code templateArn()}
 * ({@code Fn::GetAtt Teams.Arn}, or a topic's {@code Ref}), and written {@code ${Teams.Arn}} where
 * an {@code Fn::Sub} text or an IAM statement uses it.
 */
record ArnPlaceholder(ArnResource resource) {

  ArnPlaceholder {
    Objects.requireNonNull(resource, "resource == null");
  }

  /** The placeholder of a created resource; none for an existing one, whose ARN is a parameter's placeholder. */
  static Optional<ArnPlaceholder> of(ArnResource resource) {
    return resource.isExisting() ? Optional.empty() : Optional.of(new ArnPlaceholder(resource));
  }

  /** {@code <LogicalId>Arn}. */
  String name() {
    return resource.arn().name();
  }

  /** What fills it in: {@code Fn::GetAtt <LogicalId>.Arn} or {@code Ref <LogicalId>}. */
  JsonNode value() {
    return TemplateJson.value(resource.templateArn());
  }

  /** The reference inside {@code ${...}} of an {@code Fn::Sub} text: {@code <LogicalId>.Arn} or {@code <LogicalId>}. */
  String alias() {
    String inSub = resource.policyArn();
    return inSub.substring("${".length(), inSub.length() - "}".length());
  }
}
