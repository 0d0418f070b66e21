package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/**
 * What an expression in a state can see: the value {@code $} stands for, the context object
 * ({@code $$}, built only when asked for), and the workflow variables.
 */
record Scope(JsonNode input, Supplier<JsonNode> context, Variables variables) {

  Scope withInput(JsonNode other) {
    return new Scope(other, context, variables);
  }
}
