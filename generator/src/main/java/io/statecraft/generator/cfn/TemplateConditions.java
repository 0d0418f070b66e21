package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.json.JsonPointers;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.TemplateCondition;
import io.statecraft.dsl.workflow.TemplateValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The template's {@code Conditions} section: every {@link TemplateCondition} a workflow uses (in
 * values, conditional grants and conditional resources, and those they name), by name, sorted, so
 * that the same workflow always writes the same section. As CloudFormation requires, a condition
 * refers only to parameters and other conditions
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html).
 */
final class TemplateConditions {

  /** Fn::And and Fn::Or take 2 to 10 conditions. */
  static final int MIN_PARTS = 2;
  static final int MAX_PARTS = 10;

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private final Map<String, TemplateCondition> byName = new TreeMap<>();
  private final List<String> clashes = new ArrayList<>();

  /** Adds {@code condition} and the conditions it names. */
  void add(TemplateCondition condition) {
    if (condition == null) {
      return;
    }
    TemplateCondition earlier = byName.putIfAbsent(condition.name(), condition);
    if (earlier != null) {
      if (!earlier.equals(condition)) {
        clashes.add(condition.name());
      }
      return;
    }
    addNamed(condition.test());
  }

  /** Adds the conditions a value chooses with. */
  void add(TemplateValue value) {
    if (value instanceof TemplateValue.Conditional conditional) {
      add(conditional.condition());
      add(conditional.ifTrue());
      add(conditional.ifFalse());
    }
  }

  private void addNamed(TemplateCondition.Test test) {
    if (test instanceof TemplateCondition.Holds holds) {
      add(holds.condition());
    } else if (test instanceof TemplateCondition.Not not) {
      addNamed(not.test());
    } else if (test instanceof TemplateCondition.AnyOf any) {
      for (TemplateCondition.Test part : any.tests()) {
        addNamed(part);
      }
    } else if (test instanceof TemplateCondition.AllOf all) {
      for (TemplateCondition.Test part : all.tests()) {
        addNamed(part);
      }
    } else if (test instanceof TemplateCondition.Equals equals) {
      add(equals.value());
    }
  }

  boolean isEmpty() {
    return byName.isEmpty();
  }

  boolean contains(String name) {
    return byName.containsKey(name);
  }

  /** The parameters a condition compares, in order, with those of the conditions it names. */
  static List<Parameter> parametersOf(TemplateCondition condition) {
    List<Parameter> found = new ArrayList<>();
    parametersOf(condition.test(), found);
    return found;
  }

  private static void parametersOf(TemplateCondition.Test test, List<Parameter> found) {
    if (test instanceof TemplateCondition.Equals equals) {
      for (Parameter parameter : parametersOf(equals.value())) {
        if (!found.contains(parameter)) {
          found.add(parameter);
        }
      }
    } else if (test instanceof TemplateCondition.Holds holds) {
      parametersOf(holds.condition().test(), found);
    } else if (test instanceof TemplateCondition.Not not) {
      parametersOf(not.test(), found);
    } else if (test instanceof TemplateCondition.AnyOf any) {
      for (TemplateCondition.Test part : any.tests()) {
        parametersOf(part, found);
      }
    } else if (test instanceof TemplateCondition.AllOf all) {
      for (TemplateCondition.Test part : all.tests()) {
        parametersOf(part, found);
      }
    }
  }

  /** The parameters a value uses, those its conditions compare included. */
  static List<Parameter> parametersOf(TemplateValue value) {
    List<Parameter> found = new ArrayList<>();
    if (value instanceof Parameter parameter) {
      found.add(parameter);
    } else if (value instanceof TemplateValue.Conditional conditional) {
      found.addAll(parametersOf(conditional.condition()));
      found.addAll(parametersOf(conditional.ifTrue()));
      found.addAll(parametersOf(conditional.ifFalse()));
    }
    return found;
  }

  /** Writes the conditions into {@code section}, reporting what CloudFormation would reject. */
  void write(ObjectNode section, TemplateContext context) {
    for (String clash : clashes) {
      context.error(ProblemCode.DUPLICATE_LOGICAL_ID, JsonPointers.child("/Conditions", clash), "two different "
          + "template conditions are named '" + clash + "'; create the TemplateCondition once and use it everywhere, "
          + "or rename one");
    }
    for (Map.Entry<String, TemplateCondition> entry : byName.entrySet()) {
      String name = entry.getKey();
      TemplateCondition condition = entry.getValue();
      String pointer = JsonPointers.child("/Conditions", name);
      if (!ParameterRules.isValidLogicalId(name)) {
        context.error(ProblemCode.INVALID_LOGICAL_ID, pointer, "template condition name '" + name
            + "' must be 1 to 255 letters and digits; rename it");
      }
      section.set(name, json(condition.test(), pointer, context));
    }
  }

  private static JsonNode json(TemplateCondition.Test test, String pointer, TemplateContext context) {
    ObjectNode node = TemplateJson.NODES.objectNode();
    if (test instanceof TemplateCondition.Equals equals) {
      ArrayNode args = node.putArray("Fn::Equals");
      args.add(TemplateJson.value(equals.value()));
      args.add(equals.text());
    } else if (test instanceof TemplateCondition.Holds holds) {
      node.put("Condition", holds.condition().name());
    } else if (test instanceof TemplateCondition.Not not) {
      node.putArray("Fn::Not").add(json(not.test(), JsonPointers.child(JsonPointers.child(pointer, "Fn::Not"), 0), context));
    } else {
      boolean any = test instanceof TemplateCondition.AnyOf;
      String function = any ? "Fn::Or" : "Fn::And";
      List<TemplateCondition.Test> parts = any ? ((TemplateCondition.AnyOf) test).tests()
          : ((TemplateCondition.AllOf) test).tests();
      String here = JsonPointers.child(pointer, function);
      if (parts.size() < MIN_PARTS || parts.size() > MAX_PARTS) {
        context.error(ProblemCode.INVALID_CONDITION, here, function + " takes " + MIN_PARTS + " to " + MAX_PARTS
            + " conditions, not " + parts.size() + "; " + (parts.size() < MIN_PARTS ? "use the condition itself"
                : "group them into conditions of their own"));
      }
      ArrayNode args = node.putArray(function);
      for (int i = 0; i < parts.size(); i++) {
        args.add(json(parts.get(i), JsonPointers.child(here, i), context));
      }
    }
    return node;
  }
}
