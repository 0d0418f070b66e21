package io.statecraft.bench.startup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor of issue 19: a JVM that starts, builds a CloudFormation-shaped map of maps and writes
 * it as about 51 KB of indented JSON with Jackson, and nothing else. {@code bench/startup.sh}
 * compares whole Statecraft processes with this one. Run with the bench class path:
 * {@code java -cp ... io.statecraft.bench.startup.Floor OUTPUT_FILE}.
 */
public final class Floor {

  /** Resources in the template: 89 of them give about 51 KB of indented JSON. */
  static final int RESOURCES = 89;

  private Floor() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: Floor OUTPUT_FILE");
      System.exit(2);
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(Path.of(args[0]).toFile(), template());
  }

  static Map<String, Object> template() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    Map<String, Object> resources = new LinkedHashMap<>();
    Map<String, Object> outputs = new LinkedHashMap<>();
    for (int i = 0; i < RESOURCES; i++) {
      parameters.put("Parameter" + i, Map.of("Type", "String", "Description", "Parameter number " + i));
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("RoleArn", Map.of("Fn::GetAtt", List.of("Role" + i, "Arn")));
      properties.put("DefinitionSubstitutions", Map.of("Value", Map.of("Ref", "Parameter" + i)));
      properties.put("Tags", List.of(Map.of("Key", "Index", "Value", String.valueOf(i))));
      Map<String, Object> resource = new LinkedHashMap<>();
      resource.put("Type", "AWS::StepFunctions::StateMachine");
      resource.put("Properties", properties);
      resources.put("StateMachine" + i, resource);
      outputs.put("Arn" + i, Map.of("Value", Map.of("Ref", "StateMachine" + i)));
    }
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("AWSTemplateFormatVersion", "2010-09-09");
    template.put("Parameters", parameters);
    template.put("Resources", resources);
    template.put("Outputs", outputs);
    return template;
  }
}
