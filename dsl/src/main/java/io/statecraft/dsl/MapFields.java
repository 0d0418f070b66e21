package io.statecraft.dsl;

import java.util.Map;

/** Turns the fields a distributed Map's typed parts collect into the objects of the definition. */
final class MapFields {

  private MapFields() {}

  static ObjectValue object(Map<String, Value> fields) {
    Json.ObjectBuilder object = Json.object();
    fields.forEach(object::put);
    return object.build();
  }
}
