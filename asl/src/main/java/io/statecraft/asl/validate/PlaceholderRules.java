package io.statecraft.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import io.statecraft.asl.json.JsonPointers;
import java.util.Iterator;
import java.util.Map;

/**
 * CloudFormation placeholders that are not closed ({@code "${OrderFunctionArn"}) anywhere in the
 * definition: DefinitionSubstitutions replaces only a whole {@code ${Name}}, so such text reaches
 * the service as it is. A {@code Resource} is checked as an ARN by {@link IntegrationRules}.
 */
final class PlaceholderRules {

  private final Problems problems;

  private PlaceholderRules(Problems problems) {
    this.problems = problems;
  }

  static void check(JsonNode definition, Problems problems) {
    new PlaceholderRules(problems).walk(definition, JsonPointers.ROOT);
  }

  // Pointers are built only for containers and for a problem: this visits every value.
  private void walk(JsonNode container, String pointer) {
    if (container.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = container.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!field.getKey().equals("Resource")) {
          visit(field.getValue(), pointer, field.getKey());
        }
      }
    } else {
      for (int i = 0; i < container.size(); i++) {
        visit(container.get(i), pointer, Integer.toString(i));
      }
    }
  }

  private void visit(JsonNode value, String parentPointer, String key) {
    if (value.isContainerNode()) {
      walk(value, JsonPointers.child(parentPointer, key));
    } else if (value.isTextual()) {
      String unclosed = Placeholders.unclosed(value.textValue());
      if (unclosed != null) {
        problems.error(ProblemCode.UNCLOSED_PLACEHOLDER, JsonPointers.child(parentPointer, key), "'" + unclosed
            + "' has no closing }, so CloudFormation never substitutes it and the text is sent as it is; write "
            + unclosed + "}");
      }
    }
  }
}
