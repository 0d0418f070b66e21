package io.statecraft.generator.cfn;

import io.statecraft.dsl.workflow.StateMachineRef;
import io.statecraft.dsl.workflow.TemplateValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A {@link StateMachineRef}: nothing but its ARN parameter (a state machine's or an alias's). */
record StateMachineRefTemplate(StateMachineRef stateMachine) implements ResourceTemplate {

  @Override
  public List<TemplateValue> propertyValues() {
    return Arrays.asList(stateMachine.existingArn(),
        stateMachine.kmsKey() == null ? null : stateMachine.kmsKey().existingArn());
  }

  @Override
  public Optional<ArnPlaceholder> arnPlaceholder() {
    return ArnPlaceholder.of(stateMachine);
  }

  @Override
  public void write(TemplateContext context) {
    // Another stack's state machine: this template only grants on it.
  }
}
