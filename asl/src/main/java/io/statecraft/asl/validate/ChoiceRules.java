package io.statecraft.asl.validate;

import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import io.statecraft.dsl.QueryLanguage;
import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.dsl.Jsonata;
import io.statecraft.asl.json.JsonPointers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Choice states: a non-empty Choices array whose rules each have exactly one operator (a
 * comparison with its Variable, And/Or/Not, or in JSONata a Condition), Next on top-level rules
 * only, and operands of the right kind.
 */
final class ChoiceRules {

  private static final Set<String> BOOLEAN_OPERATORS = Set.of("And", "Or", "Not");
  private static final Set<String> JSONPATH_RULE_FIELDS = Set.of("Variable", "Next", "Comment", "Assign");
  private static final Set<String> JSONATA_RULE_FIELDS = Set.of("Condition", "Next", "Comment", "Assign", "Output");
  /** Every field a JSONPath rule may have, for a "did you mean". */
  private static final Set<String> JSONPATH_RULE_KNOWN = jsonPathRuleKnown();

  /** The check of each Numeric* operand, made once rather than for every rule. */
  private static final Map<String, FieldChecks.NumberSpec> NUMBER_OPERANDS = numberOperands();

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private static Set<String> jsonPathRuleKnown() {
    Set<String> known = new HashSet<>(JSONPATH_RULE_FIELDS);
    known.addAll(BOOLEAN_OPERATORS);
    known.addAll(ChoiceOperators.ALL.keySet());
    return Set.copyOf(known);
  }

  private static Map<String, FieldChecks.NumberSpec> numberOperands() {
    Map<String, FieldChecks.NumberSpec> operands = new HashMap<>();
    for (Map.Entry<String, ChoiceOperators.Operand> entry : ChoiceOperators.ALL.entrySet()) {
      if (entry.getValue() == ChoiceOperators.Operand.NUMBER) {
        operands.put(entry.getKey(),
            new FieldChecks.NumberSpec(entry.getKey(), false, null, null, false, entry.getKey() + "Path"));
      }
    }
    return Map.copyOf(operands);
  }

  private final Problems problems;
  private final FieldChecks checks;

  private ChoiceRules(Problems problems) {
    this.problems = problems;
    this.checks = new FieldChecks(problems);
  }

  static void check(DefinitionIndex index, Problems problems) {
    ChoiceRules rules = new ChoiceRules(problems);
    for (StateEntry state : index.states()) {
      if (state.is(StateType.CHOICE)) {
        rules.checkChoice(state);
      }
    }
  }

  private void checkChoice(StateEntry state) {
    checks.string(state.node(), state.pointer(), "Default");
    JsonNode choices = state.get("Choices");
    if (choices == null) {
      return; // reported as a missing required field
    }
    String pointer = state.pointer("Choices");
    if (!choices.isArray()) {
      problems.error(ProblemCode.INVALID_VALUE_TYPE, pointer,
          "Choices must be an array of choice rules, got " + FieldChecks.shown(choices));
      return;
    }
    if (choices.isEmpty()) {
      problems.error(ProblemCode.EMPTY_ARRAY, pointer, "Choices is empty; a Choice state needs at least one rule");
      return;
    }
    for (int i = 0; i < choices.size(); i++) {
      String rulePointer = JsonPointers.child(pointer, i);
      if (state.isJsonata()) {
        checkJsonataRule(state, choices.get(i), rulePointer);
      } else {
        checkRule(state, choices.get(i), rulePointer, true);
      }
    }
  }

  private void checkJsonataRule(StateEntry state, JsonNode rule, String pointer) {
    if (!rule.isObject()) {
      problems.error(ProblemCode.INVALID_VALUE_TYPE, pointer, "a choice rule must be an object with Condition and Next");
      return;
    }
    for (Iterator<String> names = rule.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (JSONATA_RULE_FIELDS.contains(field)) {
        continue;
      }
      String fieldPointer = JsonPointers.child(pointer, field);
      if (ChoiceOperators.ALL.containsKey(field) || JSONPATH_RULE_FIELDS.contains(field) || BOOLEAN_OPERATORS.contains(field)) {
        StructureRules.languageMismatch(problems, fieldPointer, field, QueryLanguage.JSONATA, state.describe());
      } else {
        unknownRuleField(fieldPointer, field, JSONATA_RULE_FIELDS);
      }
    }
    JsonNode condition = rule.get("Condition");
    if (condition == null) {
      problems.error(ProblemCode.MISSING_REQUIRED_FIELD, pointer,
          "a JSONata choice rule needs a Condition, such as \"{% $states.input.count > 0 %}\"");
    } else if (!(condition.isTextual() && Jsonata.isExpression(condition.textValue())) && !condition.isBoolean()) {
      problems.error(ProblemCode.INVALID_VALUE_TYPE, JsonPointers.child(pointer, "Condition"),
          "Condition must be a {% %} expression or a boolean, got " + FieldChecks.shown(condition));
    }
    requireNext(rule, pointer);
  }

  private void checkRule(StateEntry state, JsonNode rule, String pointer, boolean topLevel) {
    if (!rule.isObject()) {
      problems.error(ProblemCode.INVALID_VALUE_TYPE, pointer, "a choice rule must be an object");
      return;
    }
    List<String> operators = new ArrayList<>();
    for (Iterator<String> names = rule.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (ChoiceOperators.ALL.containsKey(field) || BOOLEAN_OPERATORS.contains(field)) {
        operators.add(field);
      } else if (field.equals("Condition") || field.equals("Output")) {
        StructureRules.languageMismatch(problems, JsonPointers.child(pointer, field), field, QueryLanguage.JSONPATH,
            state.describe());
      } else if (!JSONPATH_RULE_FIELDS.contains(field)) {
        unknownRuleField(JsonPointers.child(pointer, field), field, JSONPATH_RULE_KNOWN);
      } else if (!topLevel && (field.equals("Next") || field.equals("Assign"))) {
        problems.error(ProblemCode.FIELD_NOT_ALLOWED, JsonPointers.child(pointer, field), field
            + " is only allowed on a top-level choice rule, not inside And, Or or Not; move it to the enclosing rule");
      }
    }
    if (operators.isEmpty()) {
      problems.error(ProblemCode.INVALID_CHOICE_RULE, pointer, "the choice rule has no operator; add a comparison "
          + "such as StringEquals (with Variable) or combine rules with And, Or or Not");
    } else if (operators.size() > 1) {
      problems.error(ProblemCode.INVALID_CHOICE_RULE, pointer, "the choice rule has " + operators.size()
          + " operators (" + String.join(", ", operators) + "); a rule takes exactly one, so combine them with And or Or");
    } else {
      String operator = operators.get(0);
      if (BOOLEAN_OPERATORS.contains(operator)) {
        checkBoolean(state, rule, pointer, operator);
      } else {
        checkComparison(state, rule, pointer, operator);
      }
    }
    if (topLevel) {
      requireNext(rule, pointer);
    }
  }

  private void checkBoolean(StateEntry state, JsonNode rule, String pointer, String operator) {
    if (rule.has("Variable")) {
      problems.error(ProblemCode.INVALID_CHOICE_RULE, JsonPointers.child(pointer, "Variable"), operator
          + " combines nested rules, which carry their own Variable; move Variable into the nested rules");
    }
    JsonNode operand = rule.get(operator);
    String operandPointer = JsonPointers.child(pointer, operator);
    if (operator.equals("Not")) {
      if (!operand.isObject()) {
        problems.error(ProblemCode.INVALID_VALUE_TYPE, operandPointer, "Not must be one nested choice rule (an object)");
      } else {
        checkRule(state, operand, operandPointer, false);
      }
      return;
    }
    if (!operand.isArray()) {
      problems.error(ProblemCode.INVALID_VALUE_TYPE, operandPointer, operator + " must be an array of nested choice rules");
    } else if (operand.isEmpty()) {
      problems.error(ProblemCode.EMPTY_ARRAY, operandPointer, operator + " is empty; give it at least one nested rule");
    } else {
      for (int i = 0; i < operand.size(); i++) {
        checkRule(state, operand.get(i), JsonPointers.child(operandPointer, i), false);
      }
    }
  }

  private void checkComparison(StateEntry state, JsonNode rule, String pointer, String operator) {
    JsonNode variable = rule.get("Variable");
    if (variable == null) {
      problems.error(ProblemCode.INVALID_CHOICE_RULE, pointer, operator
          + " compares the value at Variable, but the rule has no Variable; add one such as \"$.status\"");
    } else if (!variable.isTextual()) {
      problems.error(ProblemCode.INVALID_VALUE_TYPE, JsonPointers.child(pointer, "Variable"),
          "Variable must be a path string, got " + FieldChecks.shown(variable));
    } else {
      PathRules.referencePath(problems, variable.textValue(), pointer, "Variable");
    }
    JsonNode operand = rule.get(operator);
    switch (ChoiceOperators.ALL.get(operator)) {
      case STRING:
        if (checks.string(rule, pointer, operator) != null && JsonPathSyntax.looksDynamic(operand.textValue())
            && !operator.equals("StringMatches")) {
          problems.warning(ProblemCode.NO_PATH, JsonPointers.child(pointer, operator), operator + " compares with the literal text '"
              + operand.textValue() + "'; to compare with the value at that path use " + operator + "Path");
        }
        break;
      case TIMESTAMP:
        checks.timestamp(rule, pointer, operator, false);
        break;
      case NUMBER:
        checks.number(rule, pointer, NUMBER_OPERANDS.get(operator));
        break;
      case BOOLEAN:
        checks.bool(rule, pointer, operator);
        break;
      default:
        if (operand.isTextual()) {
          PathRules.referencePath(problems, operand.textValue(), pointer, operator);
        } else {
          problems.error(ProblemCode.INVALID_VALUE_TYPE, JsonPointers.child(pointer, operator),
              operator + " must be a path string, got " + FieldChecks.shown(operand));
        }
    }
  }

  private void requireNext(JsonNode rule, String pointer) {
    JsonNode next = rule.get("Next");
    if (next == null) {
      problems.error(ProblemCode.MISSING_REQUIRED_FIELD, pointer,
          "a top-level choice rule needs Next: the state to run when the rule matches");
    } else if (!next.isTextual()) {
      problems.error(ProblemCode.INVALID_VALUE_TYPE, JsonPointers.child(pointer, "Next"),
          "Next must be a state name, got " + FieldChecks.shown(next));
    }
  }

  private void unknownRuleField(String pointer, String field, Set<String> known) {
    checks.unknownField(pointer, field, "a choice rule", known);
  }
}
