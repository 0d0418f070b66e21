package io.statecraft.asl.validate;

import io.statecraft.dsl.QueryLanguage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.json.JsonPointers;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Every scope and every state of a definition, found once so that each rule can iterate over them
 * without walking the tree itself. Tolerant: whatever is malformed is skipped here and reported by
 * the rules.
 */
final class DefinitionIndex {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private final ObjectNode root;
  private final QueryLanguage topLevelLanguage;
  private final List<Scope> scopes = new ArrayList<>();
  private final List<StateEntry> states = new ArrayList<>();
  // By identity: a Scope record's equality would compare its JSON objects field by field.
  private final Map<Scope, List<StateEntry>> statesByScope = new IdentityHashMap<>();

  private DefinitionIndex(ObjectNode root) {
    this.root = root;
    JsonNode language = root.get("QueryLanguage");
    this.topLevelLanguage = language != null && language.isTextual()
        ? QueryLanguage.fromWritten(language.textValue()).orElse(QueryLanguage.JSONPATH)
        : QueryLanguage.JSONPATH;
  }

  static DefinitionIndex of(ObjectNode root) {
    DefinitionIndex index = new DefinitionIndex(root);
    index.addScope(new Scope(JsonPointers.ROOT, root, Scope.Kind.TOP_LEVEL, null));
    return index;
  }

  ObjectNode root() {
    return root;
  }

  QueryLanguage topLevelLanguage() {
    return topLevelLanguage;
  }

  List<Scope> scopes() {
    return scopes;
  }

  List<StateEntry> states() {
    return states;
  }

  /** The states of one scope, in the order written. */
  List<StateEntry> statesOf(Scope scope) {
    return statesByScope.getOrDefault(scope, List.of());
  }

  private void addScope(Scope scope) {
    scopes.add(scope);
    JsonNode statesNode = scope.node().get("States");
    if (statesNode == null || !statesNode.isObject()) {
      return;
    }
    String statesPointer = scope.statesPointer();
    for (Iterator<Map.Entry<String, JsonNode>> it = statesNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      addState(scope, JsonPointers.child(statesPointer, field.getKey()), field.getKey(), field.getValue());
    }
  }

  private void addState(Scope scope, String pointer, String name, JsonNode value) {
    ObjectNode node = value.isObject() ? (ObjectNode) value : null;
    StateType type = null;
    QueryLanguage language = topLevelLanguage;
    if (node != null) {
      JsonNode typeNode = node.get("Type");
      if (typeNode != null && typeNode.isTextual()) {
        type = StateType.parse(typeNode.textValue()).orElse(null);
      }
      JsonNode languageNode = node.get("QueryLanguage");
      if (languageNode != null && languageNode.isTextual()) {
        language = QueryLanguage.fromWritten(languageNode.textValue()).orElse(topLevelLanguage);
      }
    }
    StateEntry entry = new StateEntry(name, pointer, node, scope, type, language);
    states.add(entry);
    List<StateEntry> inScope = statesByScope.get(scope);
    if (inScope == null) {
      inScope = new ArrayList<>();
      statesByScope.put(scope, inScope);
    }
    inScope.add(entry);
    if (type == StateType.PARALLEL && node.get("Branches") instanceof ArrayNode branches) {
      for (int i = 0; i < branches.size(); i++) {
        if (branches.get(i).isObject()) {
          String branchPointer = JsonPointers.child(JsonPointers.child(pointer, "Branches"), i);
          addScope(new Scope(branchPointer, (ObjectNode) branches.get(i), Scope.Kind.BRANCH, name));
        }
      }
    }
    if (type == StateType.MAP) {
      addProcessor(node, pointer, name, "ItemProcessor", Scope.Kind.ITEM_PROCESSOR);
      addProcessor(node, pointer, name, "Iterator", Scope.Kind.ITERATOR);
    }
  }

  private void addProcessor(ObjectNode map, String mapPointer, String mapName, String field, Scope.Kind kind) {
    JsonNode processor = map.get(field);
    if (processor != null && processor.isObject()) {
      addScope(new Scope(JsonPointers.child(mapPointer, field), (ObjectNode) processor, kind, mapName));
    }
  }
}
