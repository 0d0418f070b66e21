package io.statecraft.generator.cfn;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.SnsTopic;
import io.statecraft.dsl.workflow.WorkflowSpec;
import io.statecraft.generator.workflow.CompiledWorkflow;
import org.junit.jupiter.api.Test;

/** One mistake, one problem: the cause with the author's line, not what the generator wrote from it. */
class UndeclaredParameterTest {

  @Test
  void aParameterUsedButNotDeclaredIsOneProblemAtTheStateThatUsesIt() {
    Parameter topicArn = Parameter.string("TopicArn");
    SnsTopic topic = SnsTopic.existing(topicArn);
    Task publish = Task.named("Publish").resource("arn:aws:states:::sns:publish")
        .parameters(Json.object().put("TopicArn", topic.arn()).put("Message", "hello"))
        .permissions(topic.publishStatements().toArray(IamStatement[]::new));

    // The topic's ARN is in the definition and in the role's policy; the parameter is declared nowhere.
    CompiledWorkflow compiled = TemplateGeneratorTest.compile(WorkflowSpec.builder(StateMachine.startWith(publish)));

    assertThat(TemplateGeneratorTest.problems(compiled)).containsExactly(
        "ERROR MISSING_SUBSTITUTION /States/Publish/Parameters/TopicArn: placeholder ${TopicArn} is filled in by no"
            + " parameter or resource of the workflow; declare the Parameter in WorkflowSpec.parameters(...) or the"
            + " resource in WorkflowSpec.resources(...) (io/statecraft/generator/cfn/UndeclaredParameterTest.java:22)");
  }

  @Test
  void aReferenceNoPlaceholderExplainsIsStillReported() {
    Parameter topicArn = Parameter.string("TopicArn");
    SnsTopic topic = SnsTopic.existing(topicArn);
    Task publish = Task.named("Publish").resource("arn:aws:states:::sns:publish")
        .parameters(Json.object().put("TopicArn", "arn:aws:sns:eu-west-1:111122223333:fixed").put("Message", "hello"))
        .permissions(topic.publishStatements().toArray(IamStatement[]::new));

    CompiledWorkflow compiled = TemplateGeneratorTest.compile(WorkflowSpec.builder(StateMachine.startWith(publish)));

    assertThat(TemplateGeneratorTest.problems(compiled)).containsExactly(
        "ERROR UNKNOWN_REFERENCE /Resources/StateMachineRole/Properties/Policies/0/PolicyDocument/Statement/0/Resource/0/Fn::Sub:"
            + " ${TopicArn} names 'TopicArn', which is not a parameter or resource of the template; declare it in the"
            + " WorkflowSpec, or write ${!TopicArn} for the literal text");
  }
}
