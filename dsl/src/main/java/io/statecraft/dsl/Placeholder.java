package io.statecraft.dsl;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A value CloudFormation fills in when the stack is deployed: written {@code ${Name}} in the
 * definition, and resolved through the state machine's {@code DefinitionSubstitutions}.
 *
 * <p>CloudFormation substitutes text, so a placeholder always lands inside a JSON string. A
 * {@link Kind#NUMBER} or {@link Kind#LIST} placeholder is therefore written in a form the service
 * converts back: {@code States.StringToJson('${Name}')} in a JSONPath payload, {@code {% ${Name} %}}
 * where a JSONata expression is allowed.
 *
 * @param name the substitution key, letters, digits and underscores
 * @param kind what the value is once substituted
 */
public record Placeholder(String name, Kind kind) implements Value {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

  /**
   * A placeholder as it is written in text, {@code ${Name}}, with the name in group 1: how the
   * validator, the template generator and the importer find them in a definition.
   */
  public static final Pattern TOKEN = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

  /** What a placeholder stands for once CloudFormation has substituted it. */
  public enum Kind {
    /** A string: the substituted text is the value, as it lands inside a JSON string. */
    STRING,
    /** A number: written so that the service turns the substituted text back into a JSON number. */
    NUMBER,
    /** A comma-separated list, such as a {@code CommaDelimitedList} parameter. */
    LIST
  }

  /**
   * Checks the name, which must be letters, digits and underscores since it is a {@code
   * DefinitionSubstitutions} key.
   */
  public Placeholder {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(kind, "kind == null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "placeholder name must be letters, digits and underscores: " + name);
    }
  }

  /** A string placeholder, {@code ${name}}, the usual kind (an ARN, a name, a URL of the stack). */
  public static Placeholder string(String name) {
    return new Placeholder(name, Kind.STRING);
  }

  /** The text CloudFormation replaces: {@code ${Name}}. */
  public String token() {
    return "${" + name + "}";
  }

  @Override
  public String toString() {
    return token();
  }
}
