package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.workflow.SqsQueue;
import io.statecraft.dsl.workflow.TemplateValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link SqsQueue}: {@code AWS::SQS::Queue}, encrypted (SQS's key unless a customer managed one
 * is given), or nothing for an existing queue, whose URL {@code https://sqs.REGION.URL_SUFFIX/ACCOUNT/NAME}
 * is built from the parts of its ARN {@code arn:PARTITION:sqs:REGION:ACCOUNT:NAME}.
 */
record SqsQueueTemplate(SqsQueue queue) implements ResourceTemplate {

  @Override
  public List<TemplateValue> propertyValues() {
    return Arrays.asList(queue.existingArn(), queue.kmsKey() == null ? null : queue.kmsKey().existingArn());
  }

  @Override
  public Optional<ArnPlaceholder> arnPlaceholder() {
    return ArnPlaceholder.of(queue);
  }

  @Override
  public Map<String, JsonNode> placeholders() {
    String url = queue.url().name();
    if (!queue.isExisting()) {
      return Map.of(url, TemplateJson.ref(queue.logicalId())); // a queue's Ref is its URL
    }
    JsonNode arn = TemplateJson.ref(queue.existingArn().name());
    ObjectNode sub = TemplateJson.NODES.objectNode();
    ObjectNode parts = TemplateJson.NODES.objectNode();
    sub.putArray("Fn::Sub").add("https://sqs.${Region}.${AWS::URLSuffix}/${Account}/${Name}").add(parts);
    parts.set("Region", TemplateJson.select(3, ":", arn));
    parts.set("Account", TemplateJson.select(4, ":", arn.deepCopy()));
    parts.set("Name", TemplateJson.select(5, ":", arn.deepCopy()));
    return Map.of(url, sub);
  }

  @Override
  public void write(TemplateContext context) {
    if (queue.isExisting()) {
      return;
    }
    ObjectNode properties = context.resource(queue.logicalId(), "AWS::SQS::Queue");
    if (queue.isFifo()) {
      properties.put("FifoQueue", true);
    }
    if (queue.kmsKey() == null) {
      properties.put("SqsManagedSseEnabled", true);
    } else {
      properties.set("KmsMasterKeyId", TemplateJson.value(queue.kmsKey().templateArn()));
    }
  }
}
