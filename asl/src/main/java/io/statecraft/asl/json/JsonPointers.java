package io.statecraft.asl.json;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON Pointers (RFC 6901) as the problem reports use them: {@code /States/Notify/Retry/0}. The
 * root is the empty string; {@code ~} and {@code /} inside a key are escaped as {@code ~0} and
 * {@code ~1}, so a state named {@code a/b} is {@code /States/a~1b}.
 */
public final class JsonPointers {

  private JsonPointers() {}

  /** The pointer to the whole document. */
  public static final String ROOT = "";

  /** The pointer to field {@code key} of the object at {@code parent}. */
  public static String child(String parent, String key) {
    return parent + "/" + escape(key);
  }

  /** The pointer to item {@code index} of the array at {@code parent}. */
  public static String child(String parent, int index) {
    return parent + "/" + index;
  }

  /** One key escaped as a pointer segment: {@code ~} first, so that {@code /} stays {@code ~1}. */
  public static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** Whether {@code pointer} is {@code ancestor} itself or lies inside it. */
  public static boolean isWithin(String pointer, String ancestor) {
    return pointer.equals(ancestor) || pointer.startsWith(ancestor + "/");
  }

  /** The keys and indexes of {@code pointer}, unescaped: {@code /States/a~1b} gives {@code States}, {@code a/b}. */
  public static List<String> tokens(String pointer) {
    if (pointer.isEmpty()) {
      return List.of();
    }
    List<String> tokens = new ArrayList<>();
    for (String token : pointer.substring(1).split("/", -1)) {
      tokens.add(unescape(token));
    }
    return tokens;
  }

  /** The last key or index of {@code pointer}, unescaped; empty for the root. */
  public static String lastToken(String pointer) {
    return pointer.isEmpty() ? "" : unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }
}
