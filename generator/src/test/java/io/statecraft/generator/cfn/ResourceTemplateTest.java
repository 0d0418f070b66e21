package io.statecraft.generator.cfn;

import static io.statecraft.generator.cfn.TemplateGeneratorTest.compile;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.dsl.Json;
import io.statecraft.dsl.workflow.HttpConnection;
import io.statecraft.dsl.workflow.LambdaFunction;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.SnsTopic;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.dsl.workflow.WorkflowResource;
import io.statecraft.generator.workflow.CompiledWorkflow;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceTemplateTest {

  @Test
  void everyTypeOfResourceHasATemplateOfItsOwn() {
    List<String> resourceTypes = concreteTypes(WorkflowResource.class).stream().map(Class::getSimpleName).sorted().toList();
    List<String> templates = Arrays.stream(ResourceTemplate.class.getPermittedSubclasses())
        .map(template -> template.getRecordComponents()[0].getType().getSimpleName() + " -> " + template.getSimpleName())
        .sorted().toList();

    assertThat(templates).containsExactlyElementsOf(resourceTypes.stream().map(type -> type + " -> " + type + "Template").toList());
  }

  private static List<Class<?>> concreteTypes(Class<?> sealed) {
    List<Class<?>> found = new ArrayList<>();
    for (Class<?> permitted : sealed.getPermittedSubclasses()) {
      if (permitted.isSealed()) {
        found.addAll(concreteTypes(permitted));
      } else if (!Modifier.isAbstract(permitted.getModifiers())) {
        found.add(permitted);
      }
    }
    return found;
  }

  @Test
  void aCreatedResourcesArnPlaceholderIsFilledInAsArnResourceSays() {
    SnsTopic alerts = SnsTopic.named("Alerts");
    ArnPlaceholder topic = ArnPlaceholder.of(alerts).orElseThrow();
    ArnPlaceholder connection = ArnPlaceholder.of(HttpConnection.named("Api")).orElseThrow();
    ArnPlaceholder function = ArnPlaceholder.of(LambdaFunction.named("Work")).orElseThrow();

    assertThat(List.of(topic.name(), topic.alias(), topic.value().toString()))
        .containsExactly("AlertsArn", "Alerts", "{\"Ref\":\"Alerts\"}");
    assertThat(List.of(connection.name(), connection.alias(), connection.value().toString()))
        .containsExactly("ApiArn", "Api.Arn", "{\"Fn::GetAtt\":[\"Api\",\"Arn\"]}");
    assertThat(List.of(function.name(), function.alias(), function.value().toString()))
        .containsExactly("WorkArn", "Work.Arn", "{\"Fn::GetAtt\":[\"Work\",\"Arn\"]}");
    assertThat(ArnPlaceholder.of(SnsTopic.existing(Parameter.string("TopicArn")))).isEmpty();
    assertThat(ResourceTemplate.of(alerts).arnPlaceholder()).contains(topic);
  }

  @Test
  void aParameterNamedLikeAResourcesArnPlaceholderIsAnError() {
    Parameter clash = Parameter.string("AlertsArn");
    SnsTopic alerts = SnsTopic.named("Alerts");

    CompiledWorkflow compiled = compile(TemplateGeneratorTest.passing(Json.object().put("topic", clash.ref()))
        .parameters(clash).resources(alerts));

    assertThat(problems(compiled)).containsExactly("ERROR DUPLICATE_LOGICAL_ID /Parameters/AlertsArn: placeholder "
        + "${AlertsArn} stands for both a parameter and the ARN of resource Alerts; rename the parameter or the resource");
  }

  @Test
  void theParametersOfAResourceAreTheValuesOfItsProperties() {
    Parameter endpoint = Parameter.string("Endpoint");
    Parameter key = Parameter.string("KeyArn");

    assertThat(ResourceTemplate.of(SnsTopic.named("Alerts").kmsKey(key).subscription("https", endpoint)).propertyValues())
        .containsExactly(null, null, key, endpoint);
    assertThat(ResourceTemplate.of(LambdaFunction.named("Work").environment("TOPIC", TemplateValue.of("x")))
        .keepsLogsForLogRetention()).isTrue();
    assertThat(ResourceTemplate.of(LambdaFunction.existing(Parameter.string("WorkArn"))).keepsLogsForLogRetention())
        .isFalse();
  }
}
