package io.statecraft.dsl.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A named condition of the template's {@code Conditions} section, decided by CloudFormation from
 * parameter values when the stack is created or updated. Use it to choose a value
 * ({@link TemplateValue#when(TemplateCondition, TemplateValue, TemplateValue)}, written
 * {@code Fn::If}), to grant a permission only when it holds
 * ({@link WorkflowSpec.Builder#permissions(TemplateCondition, io.statecraft.dsl.IamStatement...)}),
 * or to create resources only when it holds
 * ({@link WorkflowSpec.Builder#resources(TemplateCondition, WorkflowResource...)}).
 *
 * <pre>{@code
 * Parameter key = Parameter.string("EbsKmsKeyArn").defaultValue("");
 * TemplateCondition hasKey = TemplateCondition.notEmpty("HasEbsKmsKey", key);
 * TemplateCondition slack = TemplateCondition.equal("PostsToSlack", format, "SLACK");
 * }</pre>
 *
 * <p>See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html
 * and https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-conditions.html.
 *
 * @param name its logical id in the {@code Conditions} section
 * @param test what it tests
 */
public record TemplateCondition(String name, Test test) {

  /**
   * Checks that the condition has a name and a test; use the static factories, which read as what
   * they test.
   */
  public TemplateCondition {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(test, "test == null");
  }

  /** True when {@code value} (a parameter, usually) is exactly {@code text}: {@code Fn::Equals}. */
  public static TemplateCondition equal(String name, TemplateValue value, String text) {
    return new TemplateCondition(name, new Equals(value, text));
  }

  /** True when {@code value} is not the empty text, the way an optional parameter is left unset. */
  public static TemplateCondition notEmpty(String name, TemplateValue value) {
    return new TemplateCondition(name, new Not(new Equals(value, "")));
  }

  /** True when {@code condition} is false: {@code Fn::Not}. */
  public static TemplateCondition not(String name, TemplateCondition condition) {
    return new TemplateCondition(name, new Not(new Holds(condition)));
  }

  /** True when any of 2 to 10 conditions is: {@code Fn::Or}. */
  public static TemplateCondition anyOf(String name, TemplateCondition... conditions) {
    return new TemplateCondition(name, new AnyOf(holds(conditions)));
  }

  /** True when all of 2 to 10 conditions are: {@code Fn::And}. */
  public static TemplateCondition allOf(String name, TemplateCondition... conditions) {
    return new TemplateCondition(name, new AllOf(holds(conditions)));
  }

  private static List<Test> holds(TemplateCondition... conditions) {
    List<Test> tests = new ArrayList<>();
    for (TemplateCondition condition : conditions) {
      tests.add(new Holds(condition));
    }
    return tests;
  }

  /** What a condition tests. */
  public sealed interface Test permits Equals, Not, AnyOf, AllOf, Holds {}

  /** {@code Fn::Equals [value, text]}. */
  public record Equals(TemplateValue value, String text) implements Test {
    /** Checks that the value and the text are given. */
    public Equals {
      Objects.requireNonNull(value, "value == null");
      Objects.requireNonNull(text, "text == null");
    }
  }

  /** Whether another named condition holds: {@code {"Condition": name}}. */
  public record Holds(TemplateCondition condition) implements Test {
    /** Checks that the condition is given. */
    public Holds {
      Objects.requireNonNull(condition, "condition == null");
    }
  }

  /** {@code Fn::Not [test]}. */
  public record Not(Test test) implements Test {
    /** Checks that the test to negate is given. */
    public Not {
      Objects.requireNonNull(test, "test == null");
    }
  }

  /** {@code Fn::Or}: 2 to 10 tests. */
  public record AnyOf(List<Test> tests) implements Test {
    /** Keeps an unmodifiable copy of the tests, in order. */
    public AnyOf {
      tests = List.copyOf(tests);
    }
  }

  /** {@code Fn::And}: 2 to 10 tests. */
  public record AllOf(List<Test> tests) implements Test {
    /** Keeps an unmodifiable copy of the tests, in order. */
    public AllOf {
      tests = List.copyOf(tests);
    }
  }
}
