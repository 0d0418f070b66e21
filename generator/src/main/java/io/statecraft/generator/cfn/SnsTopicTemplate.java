package io.statecraft.generator.cfn;

import io.statecraft.asl.ProblemCode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.workflow.SnsTopic;
import io.statecraft.dsl.workflow.TemplateValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** An {@link SnsTopic}: {@code AWS::SNS::Topic} with its subscriptions, or nothing for an existing topic. */
record SnsTopicTemplate(SnsTopic topic) implements ResourceTemplate {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private static final Set<String> PROTOCOLS = Set.of(
      "email", "email-json", "http", "https", "sqs", "sms", "lambda", "application", "firehose");

  @Override
  public List<TemplateValue> propertyValues() {
    List<TemplateValue> values = new ArrayList<>();
    values.add(topic.existingArn());
    values.add(topic.displayName());
    values.add(topic.kmsKey());
    for (SnsTopic.Subscription subscription : topic.subscriptions()) {
      values.add(subscription.endpoint());
    }
    return values;
  }

  @Override
  public Optional<ArnPlaceholder> arnPlaceholder() {
    return ArnPlaceholder.of(topic);
  }

  @Override
  public void write(TemplateContext context) {
    if (topic.isExisting()) {
      return;
    }
    String id = topic.logicalId();
    ObjectNode properties = context.resource(id, "AWS::SNS::Topic");
    if (topic.displayName() != null) {
      properties.set("DisplayName", TemplateJson.value(topic.displayName()));
    }
    if (topic.kmsKey() != null) {
      properties.set("KmsMasterKeyId", TemplateJson.value(topic.kmsKey()));
    }
    if (!topic.subscriptions().isEmpty()) {
      ArrayNode subscriptions = properties.putArray("Subscription");
      for (int i = 0; i < topic.subscriptions().size(); i++) {
        SnsTopic.Subscription subscription = topic.subscriptions().get(i);
        if (!PROTOCOLS.contains(subscription.protocol())) {
          context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, TemplateContext.pointer(id, "Properties", "Subscription",
              String.valueOf(i), "Protocol"), "SNS protocol '" + subscription.protocol() + "' of topic " + id
              + " is not one of " + new TreeSet<>(PROTOCOLS));
        }
        ObjectNode node = subscriptions.addObject();
        node.put("Protocol", subscription.protocol());
        node.set("Endpoint", TemplateJson.value(subscription.endpoint()));
      }
    }
  }
}
