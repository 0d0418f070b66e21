package io.statecraft.asl.validate;

import io.statecraft.dsl.QueryLanguage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.json.JsonPointers;

/**
 * One state of the definition, with what the rules need to know about it.
 *
 * @param name the state name
 * @param pointer where the state is
 * @param node the state's object; null when the state is not an object
 * @param scope the scope it belongs to
 * @param type its Type; null when missing or unknown
 * @param language its effective query language: its own QueryLanguage, else the top level's
 */
record StateEntry(String name, String pointer, ObjectNode node, Scope scope, StateType type, QueryLanguage language) {

  boolean is(StateType wanted) {
    return type == wanted;
  }

  boolean isJsonata() {
    return language == QueryLanguage.JSONATA;
  }

  boolean has(String field) {
    return node != null && node.has(field);
  }

  JsonNode get(String field) {
    return node == null ? null : node.get(field);
  }

  String pointer(String field) {
    return JsonPointers.child(pointer, field);
  }

  /** "Task state 'Notify'", or "state 'Notify'" when the type is unknown. */
  String describe() {
    return (type == null ? "state" : type.written() + " state") + " '" + name + "'";
  }

  /** Whether the state ends its scope: Succeed, Fail, or End: true. */
  boolean isTerminal() {
    if (type == StateType.SUCCEED || type == StateType.FAIL) {
      return true;
    }
    JsonNode end = get("End");
    // A string End ("${Done}") is reported on its own; counting it as terminal avoids a cascade
    // of graph problems that would all go away with the fix.
    return end != null && (end.isBoolean() && end.booleanValue() || end.isTextual());
  }
}
