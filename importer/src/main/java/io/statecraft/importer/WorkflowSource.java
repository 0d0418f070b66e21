package io.statecraft.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.statecraft.asl.AslReader;
import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.importer.AdoptedWorkflow.EventRuleSpec;
import io.statecraft.importer.AdoptedWorkflow.MaintenanceWindowSpec;
import io.statecraft.importer.AdoptedWorkflow.ParameterSpec;
import io.statecraft.importer.AdoptedWorkflow.ScheduleSpec;
import io.statecraft.importer.AdoptedWorkflow.TriggerSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;

/**
 * Writes an {@link AdoptedWorkflow} as the Java source of a {@code Workflow} class: its id, a
 * constant per parameter and resource, {@code spec()} with the triggers and settings, and
 * {@code stateMachine()} with the state code the importer writes. Every text from the source goes
 * through {@link JavaText}.
 */
public final class WorkflowSource {

  private static final String WORKFLOW = "io.statecraft.dsl.workflow";
  private static final ClassName WORKFLOW_TYPE = ClassName.get(WORKFLOW, "Workflow");
  private static final ClassName SPEC = ClassName.get(WORKFLOW, "WorkflowSpec");
  private static final ClassName PARAMETER = ClassName.get(WORKFLOW, "Parameter");
  private static final ClassName PARAMETER_TYPE = ClassName.get(WORKFLOW, "ParameterType");
  private static final ClassName SNS_TOPIC = ClassName.get(WORKFLOW, "SnsTopic");
  private static final ClassName EVENT_RULE = ClassName.get(WORKFLOW, "EventRule");
  private static final ClassName SCHEDULE = ClassName.get(WORKFLOW, "Schedule");
  private static final ClassName MAINTENANCE_WINDOW = ClassName.get(WORKFLOW, "MaintenanceWindow");
  private static final ClassName WINDOW_TARGET = ClassName.get(WORKFLOW, "MaintenanceWindowTarget");
  private static final ClassName LOG_LEVEL = ClassName.get(WORKFLOW, "LogLevel");
  private static final ClassName LOG_GROUP = ClassName.get(WORKFLOW, "LogGroup");
  private static final ClassName TYPE = ClassName.get(WORKFLOW, "WorkflowType");
  private static final ClassName JSON = ClassName.get("io.statecraft.dsl", "Json");
  private static final ClassName PLACEHOLDER = ClassName.get("io.statecraft.dsl", "Placeholder");
  private static final ClassName TEMPLATE_VALUE = ClassName.get(WORKFLOW, "TemplateValue");
  private static final ClassName VALUE = ClassName.get("io.statecraft.dsl", "Value");
  private static final ClassName NULL_VALUE = ClassName.get("io.statecraft.dsl", "NullValue");
  private static final ClassName NUMBER_VALUE = ClassName.get("io.statecraft.dsl", "NumberValue");
  private static final Set<String> LOG_LEVELS = Set.of("ALL", "ERROR", "FATAL", "OFF");

  /**
   * The source of one class and where it goes.
   *
   * @param notes what the importer could not carry over, one line each
   * @param report one line per task typed or left raw, the SDK modules the class needs, and the
   *     comparison of its permissions with the original role's
   * @param dependencies the Maven dependencies ({@code groupId:artifactId}) the class's typed calls
   *     need on the compile class path, such as {@code software.amazon.awssdk:sns}
   */
  public record Written(String packageName, String className, String source, List<String> notes, List<String> report,
      List<String> dependencies) {

    public Written {
      notes = List.copyOf(notes);
      report = List.copyOf(report);
      dependencies = List.copyOf(dependencies);
    }

    /** Where the class goes under a source root: {@code com/acme/PatchAlerts.java}. */
    public java.nio.file.Path relativePath() {
      java.nio.file.Path file = java.nio.file.Path.of(className + ".java");
      return packageName.isEmpty() ? file : java.nio.file.Path.of(packageName.replace('.', '/')).resolve(file);
    }

    /** The fully qualified class name, as the services file lists it. */
    public String qualifiedName() {
      return packageName.isEmpty() ? className : packageName + "." + className;
    }
  }

  private WorkflowSource() {}

  /** The class {@code packageName.className} for {@code workflow}. */
  public static Written write(AdoptedWorkflow workflow, String packageName, String className) {
    return write(workflow, packageName, className, io.statecraft.asl.SdkResponseClass.loader());
  }

  /**
   * The class {@code packageName.className} for {@code workflow}, typing the tasks whose SDK
   * model classes {@code sdkClasses} finds.
   */
  public static Written write(AdoptedWorkflow workflow, String packageName, String className, ClassLoader sdkClasses) {
    if (!packageName.isEmpty() && !SourceVersion.isName(packageName)) {
      throw new IllegalArgumentException("not a Java package name: " + packageName);
    }
    if (!SourceVersion.isIdentifier(className) || SourceVersion.isKeyword(className)) {
      throw new IllegalArgumentException("not a Java class name: " + className);
    }
    if (!workflow.id().matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("not a workflow id: " + workflow.id()
          + "; use lower-case letters, digits and hyphens, starting with a letter");
    }
    AslDefinition definition = AslReader.read(workflow.definition());
    List<String> notes = new ArrayList<>();
    TypedTasks typedTasks = new TypedTasks(sdkClasses);
    StateCode states = JavaSourceImporter.stateCode(definition, notes, typedTasks);
    List<String> report = new ArrayList<>();
    Set<String> dependencies = new java.util.TreeSet<>();
    List<PermissionComparison.StatePermissions> permissions = new ArrayList<>();
    Map<String, String> resources = resources(definition);
    typedTasks.byState().forEach((state, typing) -> {
      String resource = resources.getOrDefault(state, "");
      if (typing.typed()) {
        if (typing.dependency() != null) {
          dependencies.add(typing.dependency());
        }
        report.add("States/" + state + ": " + resource + " -> typed call (" + typing.integration()
            + "), its permissions derived");
      } else if (typing.integration() != null) {
        report.add("States/" + state + ": " + resource + " -> raw resource: " + typing.reason());
      }
      if (!resource.contains(":activity:")) {
        permissions.add(new PermissionComparison.StatePermissions(state, resource, typing.statements(),
            typing.typed() ? null : typing.reason()));
      }
    });
    if (!dependencies.isEmpty()) {
      report.add("Dependencies: the typed calls compile against " + String.join(", ", dependencies)
          + " (the AWS SDK's service modules; add them to the workflow module's pom.xml, versions from the SDK's BOM)");
    }
    Map<String, String> defaults = new LinkedHashMap<>();
    workflow.parameters().forEach(p -> {
      if (p.defaultValue() != null) {
        defaults.put(p.name(), p.defaultValue());
      }
    });
    report.addAll(PermissionComparison.report(workflow.rolePolicies(), permissions, defaults));

    TypeSpec.Builder type = TypeSpec.classBuilder(className)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(WORKFLOW_TYPE)
        .addJavadoc("Adopted by Statecraft$L.\n", workflow.description() == null ? ""
            : CodeBlock.of(": $L", JavaText.javadoc(workflow.description())));
    type.addField(FieldSpec.builder(String.class, "ID", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The workflow id: output folder and artifact classifier.\n")
        .initializer("$L", JavaText.literal(workflow.id())).build());

    Set<String> constants = new HashSet<>(Set.of("ID"));
    Map<String, String> parameterConstants = new LinkedHashMap<>();
    for (ParameterSpec parameter : workflow.parameters()) {
      String constant = constant(parameter.name(), constants);
      parameterConstants.put(parameter.name(), constant);
      type.addField(FieldSpec.builder(PARAMETER, constant, Modifier.STATIC, Modifier.FINAL)
          .initializer(parameter(parameter)).build());
    }
    List<String> topicConstants = new ArrayList<>();
    for (String topic : workflow.topics()) {
      String constant = constant(topic, constants);
      topicConstants.add(constant);
      type.addField(FieldSpec.builder(SNS_TOPIC, constant, Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.named($L)", SNS_TOPIC, JavaText.literal(topic)).build());
    }

    type.addMethod(MethodSpec.methodBuilder("id").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(String.class).addStatement("return ID").build());
    type.addMethod(MethodSpec.methodBuilder("spec").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(SPEC).addStatement("return $L", spec(workflow, parameterConstants, topicConstants)).build());
    states.addTo(type, ClassName.get(packageName, className), JavaSourceImporter.javadoc(definition), false);
    JavaFile file = JavaFile.builder(packageName, type.build()).indent("  ").skipJavaLangImports(true).build();
    return new Written(packageName, className, file.toString(), notes, report, List.copyOf(dependencies));
  }

  // Each Task's resource, by state name, nested states included.
  private static Map<String, String> resources(AslDefinition definition) {
    Map<String, String> resources = new LinkedHashMap<>();
    collectResources(definition.states(), resources);
    return resources;
  }

  private static void collectResources(Map<String, io.statecraft.dsl.asl.AslState> states, Map<String, String> resources) {
    states.forEach((name, state) -> {
      if (state instanceof io.statecraft.dsl.asl.AslTask task) {
        resources.put(name, task.resource());
      }
      for (io.statecraft.dsl.asl.AslBranch nested : AslDefinition.nestedScopes(state)) {
        collectResources(nested.states(), resources);
      }
    });
  }

  private static CodeBlock spec(AdoptedWorkflow workflow, Map<String, String> parameters, List<String> topics) {
    CodeBlock.Builder spec = CodeBlock.builder().add("$T.builder(stateMachine())", SPEC);
    if (workflow.description() != null) {
      spec.add("\n.description($L)", JavaText.literal(workflow.description()));
    }
    if ("EXPRESS".equals(workflow.type())) {
      spec.add("\n.type($T.EXPRESS)", TYPE);
    }
    if (!parameters.isEmpty()) {
      spec.add("\n.parameters($L)", String.join(", ", parameters.values()));
    }
    if (!topics.isEmpty()) {
      spec.add("\n.resources($L)", String.join(", ", topics));
    }
    for (TriggerSpec trigger : workflow.triggers()) {
      spec.add("\n.triggers($L)", trigger(trigger));
    }
    if (workflow.logging() != null) {
      spec.add("\n.logging($T.$L, $L)", LOG_LEVEL,
          JavaText.constant(workflow.logging().level(), LOG_LEVELS, "LoggingConfiguration.Level"),
          workflow.logging().includeExecutionData());
      String logGroupArn = workflow.logging().logGroupArnParameter();
      if (logGroupArn != null && parameters.containsKey(logGroupArn)) {
        spec.add("\n.logGroup($T.existing($L))", LOG_GROUP, parameters.get(logGroupArn));
      }
    }
    if (workflow.tracing() != null) {
      spec.add("\n.tracing($L)", workflow.tracing());
    }
    workflow.pseudoParameters().forEach((placeholder, pseudo) -> spec.add("\n.substitution($T.string($L), $T.sub($L))",
        PLACEHOLDER, JavaText.literal(placeholder), TEMPLATE_VALUE, JavaText.literal("${" + pseudo + "}")));
    new java.util.TreeMap<>(workflow.tags()).forEach((key, value) ->
        spec.add("\n.tag($L, $L)", JavaText.literal(key), JavaText.literal(value)));
    return spec.add("\n.build()").build();
  }

  private static CodeBlock parameter(ParameterSpec p) {
    CodeBlock.Builder code = CodeBlock.builder();
    switch (p.type()) {
      case "String" -> code.add("$T.string($L)", PARAMETER, JavaText.literal(p.name()));
      case "Number" -> code.add("$T.number($L)", PARAMETER, JavaText.literal(p.name()));
      case "CommaDelimitedList" -> code.add("$T.commaDelimitedList($L)", PARAMETER, JavaText.literal(p.name()));
      default -> code.add("$T.of($L, new $T($L))", PARAMETER, JavaText.literal(p.name()), PARAMETER_TYPE, JavaText.literal(p.type()));
    }
    code.indent().indent();
    if (p.description() != null) {
      code.add("\n.description($L)", JavaText.literal(p.description()));
    }
    if (p.defaultValue() != null) {
      if (p.type().equals("Number") && p.defaultValue().matches("-?\\d{1,18}")) {
        code.add("\n.defaultValue($LL)", Long.parseLong(p.defaultValue()));
      } else if (p.type().equals("CommaDelimitedList")) {
        code.add("\n.defaultValue($T.of($L))", List.class, JavaText.literal(p.defaultValue()));
      } else {
        code.add("\n.defaultValue($L)", JavaText.literal(p.defaultValue()));
      }
    }
    if (!p.allowedValues().isEmpty()) {
      code.add("\n.allowedValues($L)", p.allowedValues().stream().map(JavaText::literal)
          .reduce((a, b) -> a + ", " + b).orElse(""));
    }
    if (p.allowedPattern() != null) {
      code.add("\n.allowedPattern($L)", JavaText.literal(p.allowedPattern()));
    }
    if (p.minLength() != null) {
      code.add("\n.minLength($L)", p.minLength());
    }
    if (p.maxLength() != null) {
      code.add("\n.maxLength($L)", p.maxLength());
    }
    if (p.noEcho()) {
      code.add("\n.noEcho()");
    }
    if (p.constraintDescription() != null) {
      code.add("\n.constraintDescription($L)", JavaText.literal(p.constraintDescription()));
    }
    return code.unindent().unindent().build();
  }

  private static CodeBlock trigger(TriggerSpec trigger) {
    CodeBlock.Builder code = CodeBlock.builder();
    String input;
    if (trigger instanceof EventRuleSpec rule) {
      code.add("$T.named($L)", EVENT_RULE, JavaText.literal(rule.logicalId()));
      if (rule.description() != null) {
        code.add(".description($L)", JavaText.literal(rule.description()));
      }
      if (rule.schedule() != null) {
        code.add(".schedule($L)", JavaText.literal(rule.schedule()));
      }
      if (rule.eventPattern() != null) {
        code.add(".eventPattern($L)", json(rule.eventPattern()));
      }
      input = rule.input();
    } else if (trigger instanceof MaintenanceWindowSpec window) {
      code.add("$T.named($L)", MAINTENANCE_WINDOW, JavaText.literal(window.logicalId()));
      if (window.description() != null) {
        code.add(".description($L)", JavaText.literal(window.description()));
      }
      code.add(".schedule($L)", JavaText.literal(window.schedule()));
      if (window.timeZone() != null) {
        code.add(".timeZone($L)", JavaText.literal(window.timeZone()));
      }
      code.add(".durationHours($L).cutoffHours($L)", window.durationHours(), window.cutoffHours());
      if (window.allowUnassociatedTargets()) {
        code.add(".allowUnassociatedTargets(true)");
      }
      for (AdoptedWorkflow.WindowTargetSpec target : window.targets()) {
        code.add("\n    .target($T.named($L)", WINDOW_TARGET, JavaText.literal(target.logicalId()));
        if (target.key().startsWith("tag:")) {
          code.add(".instancesTagged($L, $T.of($L))", JavaText.literal(target.key().substring(4)), TEMPLATE_VALUE,
              JavaText.literal(target.value()));
        } else if (target.key().equals("InstanceIds")) {
          code.add(".instanceIds($T.of($L))", TEMPLATE_VALUE, JavaText.literal(target.value()));
        } else {
          code.add(".resourceGroup($T.of($L))", TEMPLATE_VALUE, JavaText.literal(target.value()));
        }
        if (target.description() != null) {
          code.add(".description($L)", JavaText.literal(target.description()));
        }
        code.add(")");
      }
      if (window.priority() != null) {
        code.add(".priority($L)", window.priority());
      }
      if (window.maxConcurrency() != null) {
        code.add(".maxConcurrency($L)", JavaText.literal(window.maxConcurrency()));
      }
      if (window.maxErrors() != null) {
        code.add(".maxErrors($L)", JavaText.literal(window.maxErrors()));
      }
      if (window.input() != null) {
        try {
          code.add(".taskInput($L)", json(TemplateReader.parse(window.input())));
        } catch (IOException e) {
          code.add(".taskInput($T.of($L))", VALUE, JavaText.literal(window.input()));
        }
      }
      return code.build();
    } else {
      ScheduleSpec schedule = (ScheduleSpec) trigger;
      code.add("$T.named($L)", SCHEDULE, JavaText.literal(schedule.logicalId()));
      if (schedule.description() != null) {
        code.add(".description($L)", JavaText.literal(schedule.description()));
      }
      code.add(".expression($L)", JavaText.literal(schedule.expression()));
      if (schedule.timeZone() != null) {
        code.add(".timeZone($L)", JavaText.literal(schedule.timeZone()));
      }
      input = schedule.input();
    }
    if (input != null) {
      try {
        code.add(".input($L)", json(TemplateReader.parse(input)));
      } catch (IOException e) {
        code.add(".input($T.of($L))", VALUE, JavaText.literal(input));
      }
    }
    return code.build();
  }

  /** JSON as DSL values, keys exactly as written. */
  private static CodeBlock json(JsonNode node) {
    if (node.isObject()) {
      CodeBlock.Builder code = CodeBlock.builder().add("$T.object()", JSON);
      node.fields().forEachRemaining(field ->
          code.add("\n    .putRaw($L, $L)", JavaText.literal(field.getKey()), json(field.getValue())));
      return code.add("\n    .build()").build();
    }
    if (node.isArray()) {
      List<CodeBlock> items = new ArrayList<>();
      node.forEach(item -> items.add(json(item)));
      return CodeBlock.of("$T.array($L)", JSON, CodeBlock.join(items, ", "));
    }
    if (node.isTextual()) {
      return CodeBlock.of("$T.of($L)", VALUE, JavaText.literal(node.textValue()));
    }
    if (node.isBoolean()) {
      return CodeBlock.of("$T.of($L)", VALUE, node.booleanValue());
    }
    if (node.isNumber()) {
      BigDecimal number = node.decimalValue();
      return number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
          ? CodeBlock.of("$T.of($LL)", VALUE, number.longValueExact())
          : CodeBlock.of("new $T(new $T($L))", NUMBER_VALUE, BigDecimal.class, JavaText.literal(number.toString()));
    }
    return CodeBlock.of("$T.INSTANCE", NULL_VALUE);
  }

  // NotifyTopicArn gives NOTIFY_TOPIC_ARN; unique among the class's constants.
  private static String constant(String name, Set<String> taken) {
    String base = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
        .replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
    if (base.isEmpty() || !Character.isJavaIdentifierStart(base.charAt(0))) {
      base = "P_" + base;
    }
    String candidate = base;
    for (int i = 2; !taken.add(candidate); i++) {
      candidate = base + "_" + i;
    }
    return candidate;
  }
}
