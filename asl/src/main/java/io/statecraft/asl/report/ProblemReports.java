package io.statecraft.asl.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.Problem;
import io.statecraft.asl.json.JsonDocuments;
import io.statecraft.asl.lint.DefinitionLinter.Finding;
import java.util.List;
import java.util.Locale;

/**
 * The machine-readable forms of a report of problems, shared by {@code lint} and {@code generate}
 * on the command line and the Maven plugin: {@code --format json} and {@code --format sarif}
 * ({@link SarifReport}). The text form is {@link Finding#describe()}, one line per problem.
 */
public final class ProblemReports {

  /** The formats a report is printed in. */
  public enum Format {
    TEXT,
    JSON,
    SARIF;

    /** The format named {@code name} ({@code text}, {@code json}, {@code sarif}), or null. */
    public static Format named(String name) {
      for (Format format : values()) {
        if (format.name().toLowerCase(Locale.ROOT).equals(name)) {
          return format;
        }
      }
      return null;
    }
  }

  private ProblemReports() {}

  /**
   * The problems as one JSON array of {@code {file, severity, code, awsCode, pointer, message,
   * source}}; {@code awsCode} is null where the service does not report the problem, {@code source}
   * (the Java file and line) is there for states built in Java.
   */
  public static String json(List<Finding> findings) {
    ObjectMapper mapper = JsonDocuments.mapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode array = mapper.createArrayNode();
    for (Finding finding : findings) {
      Problem problem = finding.problem();
      ObjectNode item = array.addObject()
          .put("file", finding.file())
          .put("severity", problem.severity().name())
          .put("code", problem.code())
          .put("awsCode", problem.serviceCode().orElse(null))
          .put("pointer", problem.pointer())
          .put("message", problem.message());
      problem.sourceLocation().ifPresent(source -> item.put("source", source.toString()));
    }
    try {
      return mapper.writeValueAsString((JsonNode) array).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }
}
