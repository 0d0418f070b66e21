package io.statecraft.generator.validate;

import java.util.Optional;

/** The two query languages of ASL, as written in {@code QueryLanguage}. */
enum QueryLanguage {
  JSONPATH("JSONPath"),
  JSONATA("JSONata");

  private final String written;

  QueryLanguage(String written) {
    this.written = written;
  }

  String written() {
    return written;
  }

  QueryLanguage other() {
    return this == JSONPATH ? JSONATA : JSONPATH;
  }

  static Optional<QueryLanguage> parse(String text) {
    for (QueryLanguage language : values()) {
      if (language.written.equals(text)) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }
}
