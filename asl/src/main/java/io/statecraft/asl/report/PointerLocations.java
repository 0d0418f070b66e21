package io.statecraft.asl.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.statecraft.asl.json.JsonDocuments;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each JSON Pointer of a document starts in its text, by line and column (1-based), as the
 * Jackson parser that reads it reports: a field at its name, an array item at its value. A
 * pointer to something the text lacks (a missing field) falls back to its nearest ancestor.
 */
public final class PointerLocations {

  /** A place in the text, 1-based. */
  public record Location(int line, int column) {}

  private static final Location START = new Location(1, 1);

  private final Map<String, Location> locations;

  private PointerLocations(Map<String, Location> locations) {
    this.locations = locations;
  }

  /**
   * The locations in {@code text}, read as JSON or YAML as {@link JsonDocuments#formatOf} decides;
   * a text that does not parse (a problem of its own) has only its start.
   */
  public static PointerLocations of(String text, String fileName) {
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Map<String, Location> found = new HashMap<>();
    found.put("", START);
    boolean yaml = JsonDocuments.formatOf(fileName, content) == JsonDocuments.Format.YAML;
    try (JsonParser parser = (yaml ? JsonDocuments.yamlMapper() : JsonDocuments.mapper()).getFactory()
        .createParser(content)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        // A container's token already opened its own context; its place is in the parent's.
        JsonStreamContext context = token.isStructStart() ? parser.getParsingContext().getParent()
            : parser.getParsingContext();
        if (token == JsonToken.FIELD_NAME || context.inArray() && !token.isStructEnd()) {
          String pointer = context.pathAsPointer().toString();
          JsonLocation at = parser.currentTokenLocation();
          found.putIfAbsent(pointer, new Location(at.getLineNr(), at.getColumnNr()));
        }
      }
    } catch (IOException | RuntimeException e) {
      // What was read so far stays: the document's own problem says where it breaks.
    }
    return new PointerLocations(found);
  }

  /** Where {@code pointer} starts, or its nearest ancestor that the text has. */
  public Location find(String pointer) {
    String at = pointer;
    while (!locations.containsKey(at)) {
      at = at.substring(0, Math.max(at.lastIndexOf('/'), 0));
    }
    return locations.get(at);
  }
}
