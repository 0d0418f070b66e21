package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.workflow.EventBus;
import io.statecraft.dsl.workflow.TemplateValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An {@link EventBus}: {@code AWS::Events::EventBus} named {@code <stack>-<id>} (a bus must have a name), or nothing. */
record EventBusTemplate(EventBus bus) implements ResourceTemplate {

  @Override
  public List<TemplateValue> propertyValues() {
    return Arrays.asList(bus.existingArn());
  }

  @Override
  public Optional<ArnPlaceholder> arnPlaceholder() {
    return ArnPlaceholder.of(bus);
  }

  @Override
  public void write(TemplateContext context) {
    if (!bus.isExisting()) {
      ObjectNode properties = context.resource(bus.logicalId(), "AWS::Events::EventBus");
      properties.set("Name", TemplateJson.stackNamed(bus.logicalId()));
    }
  }
}
