package io.statecraft.generator.cfn;

import io.statecraft.asl.ProblemCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.workflow.LogGroup;
import io.statecraft.dsl.workflow.TemplateValue;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A {@link LogGroup}: {@code AWS::Logs::LogGroup} with a retention CloudWatch Logs offers. */
record LogGroupTemplate(LogGroup logGroup) implements ResourceTemplate {

  @Override
  public List<TemplateValue> propertyValues() {
    return Arrays.asList(logGroup.retentionInDays(), logGroup.kmsKeyArn());
  }

  @Override
  public Optional<ArnPlaceholder> arnPlaceholder() {
    return Optional.empty();
  }

  @Override
  public void write(TemplateContext context) {
    String id = logGroup.logicalId();
    ObjectNode properties = context.resource(id, "AWS::Logs::LogGroup");
    if (logGroup.retentionInDays() != null) {
      TemplateValue retention = logGroup.retentionInDays();
      if (retention instanceof TemplateValue.Numeric number && Arrays.stream(LogGroup.RETENTION_DAYS)
          .noneMatch(days -> BigDecimal.valueOf(days).compareTo(number.value()) == 0)) {
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
}
