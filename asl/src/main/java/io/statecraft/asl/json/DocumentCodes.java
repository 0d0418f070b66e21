package io.statecraft.asl.json;

/** The problem codes of reading a document; see {@code docs/validation-rules.md}. */
public final class DocumentCodes {

  private DocumentCodes() {}

  /** The text is not JSON or YAML (the service's own name for this). */
  public static final String INVALID_JSON_DESCRIPTION = "INVALID_JSON_DESCRIPTION";
  /** The document is empty (the service's own name for this). */
  public static final String MISSING_DESCRIPTION = "MISSING_DESCRIPTION";
  /** Two states of one {@code States} object share a name (the service's own name for this). */
  public static final String DUPLICATE_STATE_NAME = "DUPLICATE_STATE_NAME";
  /** The same key appears twice in one object, outside {@code States}. */
  public static final String DUPLICATE_KEY = "DUPLICATE_KEY";
}
