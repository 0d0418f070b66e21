package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.dsl.workflow.DynamoDbTable;
import io.statecraft.dsl.workflow.TemplateValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link DynamoDbTable}: {@code AWS::DynamoDB::Table} on demand with point-in-time recovery, or
 * nothing for an existing table, whose name is the part after {@code /} of its ARN
 * {@code arn:PARTITION:dynamodb:REGION:ACCOUNT:table/NAME}.
 */
record DynamoDbTableTemplate(DynamoDbTable table) implements ResourceTemplate {

  private static final Set<String> TYPES = Set.of("S", "N", "B");

  @Override
  public List<TemplateValue> propertyValues() {
    return Arrays.asList(table.existingArn());
  }

  @Override
  public Optional<ArnPlaceholder> arnPlaceholder() {
    return ArnPlaceholder.of(table);
  }

  @Override
  public Map<String, JsonNode> placeholders() {
    return Map.of(table.name().name(), table.isExisting()
        ? TemplateJson.select(1, "/", TemplateJson.ref(table.existingArn().name()))
        : TemplateJson.ref(table.logicalId())); // a table's Ref is its name
  }

  @Override
  public void write(TemplateContext context) {
    if (table.isExisting()) {
      return;
    }
    String id = table.logicalId();
    ObjectNode properties = context.resource(id, "AWS::DynamoDB::Table");
    properties.put("BillingMode", "PAY_PER_REQUEST");
    ArrayNode attributes = properties.putArray("AttributeDefinitions");
    ArrayNode schema = properties.putArray("KeySchema");
    List<List<String>> keys = table.keys();
    if (keys.isEmpty() || keys.size() > 2) {
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, TemplateContext.pointer(id, "Properties", "KeySchema"),
          "table " + id + " has " + keys.size() + " keys; give it a partition key and at most a sort key with "
              + ".key(name, type)");
    }
    for (int i = 0; i < keys.size() && i < 2; i++) {
      List<String> key = keys.get(i);
      if (!TYPES.contains(key.get(1))) {
        context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, TemplateContext.pointer(id, "Properties",
            "AttributeDefinitions", String.valueOf(i), "AttributeType"), "key " + key.get(0) + " of table " + id
            + " has type '" + key.get(1) + "'; a key attribute is S (string), N (number) or B (binary)");
      }
      ObjectNode attribute = attributes.addObject();
      attribute.put("AttributeName", key.get(0));
      attribute.put("AttributeType", key.get(1));
      ObjectNode element = schema.addObject();
      element.put("AttributeName", key.get(0));
      element.put("KeyType", i == 0 ? "HASH" : "RANGE");
    }
    properties.putObject("PointInTimeRecoverySpecification").put("PointInTimeRecoveryEnabled", true);
  }
}
