package io.statecraft.dsl;

import java.util.Optional;

/** How a state reads and shapes its data: JSONPath fields, or JSONata expressions. */
public enum QueryLanguage {
  /** {@code InputPath}, {@code Parameters}, {@code ResultSelector}, {@code ResultPath}, {@code OutputPath}. */
  JSONPATH("JSONPath"),
  /** {@code Arguments} and {@code Output} with {@code {% %}} expressions. */
  JSONATA("JSONata");

  private final String written;

  QueryLanguage(String written) {
    this.written = written;
  }

  /** The name as written in a definition. */
  public String written() {
    return written;
  }

  /**
   * The query language written {@code text} in a definition's {@code QueryLanguage} field ({@code
   * "JSONPath"} or {@code "JSONata"}, case sensitive), or empty for any other text.
   */
  public static Optional<QueryLanguage> fromWritten(String text) {
    for (QueryLanguage language : values()) {
      if (language.written.equals(text)) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }
}
