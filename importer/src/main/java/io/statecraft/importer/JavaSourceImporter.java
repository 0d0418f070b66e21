package io.statecraft.importer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.statecraft.dsl.ArrayValue;
import io.statecraft.dsl.BooleanValue;
import io.statecraft.dsl.ComparisonOperator;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Intrinsic;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.MapState;
import io.statecraft.dsl.NullValue;
import io.statecraft.dsl.NumberValue;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.Retry;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import io.statecraft.dsl.asl.AslBranch;
import io.statecraft.dsl.asl.AslCatcher;
import io.statecraft.dsl.asl.AslChoice;
import io.statecraft.dsl.asl.AslChoiceRule;
import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.dsl.asl.AslFail;
import io.statecraft.dsl.asl.AslIo;
import io.statecraft.dsl.asl.AslItemBatcher;
import io.statecraft.dsl.asl.AslItemReader;
import io.statecraft.dsl.asl.AslMap;
import io.statecraft.dsl.asl.AslParallel;
import io.statecraft.dsl.asl.AslPass;
import io.statecraft.dsl.asl.AslProcessorConfig;
import io.statecraft.dsl.asl.AslResultWriter;
import io.statecraft.dsl.asl.AslRetrier;
import io.statecraft.dsl.asl.AslState;
import io.statecraft.dsl.asl.AslSucceed;
import io.statecraft.dsl.asl.AslTask;
import io.statecraft.dsl.asl.AslWait;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;

/**
 * Turns an ASL definition into Java source that builds the same definition with the Statecraft
 * DSL, so that a console or Workflow Studio design can be continued in Java. Builder calls follow
 * the ASL field names one to one; states become local variables linked by object, so later edits
 * keep the typo safety of the DSL.
 *
 * <p>Legacy Map forms are written in their current form ({@code Iterator} as
 * {@code ItemProcessor}, {@code Parameters} as {@code ItemSelector}); the importer says so in
 * {@link Imported#notes()}.
 */
public final class JavaSourceImporter {

  private static final String DSL = "io.statecraft.dsl";
  private static final ClassName STATE_MACHINE = ClassName.get(DSL, "StateMachine");
  private static final ClassName JSON = ClassName.get(DSL, "Json");
  private static final ClassName VALUE = ClassName.get(DSL, "Value");
  private static final ClassName PATH = ClassName.get(DSL, "Path");
  private static final ClassName NULL_VALUE = ClassName.get(DSL, "NullValue");
  private static final ClassName NUMBER_VALUE = ClassName.get(DSL, "NumberValue");
  private static final ClassName INTRINSIC = ClassName.get(DSL, "Intrinsic");
  private static final ClassName JSONATA = ClassName.get(DSL, "Jsonata");
  private static final ClassName CONDITION = ClassName.get(DSL, "Condition");
  private static final ClassName COMPARISON_OPERATOR = ClassName.get(DSL, "ComparisonOperator");
  private static final ClassName QUERY_LANGUAGE = ClassName.get(DSL, "QueryLanguage");
  private static final ClassName RETRY = ClassName.get(DSL, "Retry");
  private static final ClassName CATCH = ClassName.get(DSL, "Catch");
  private static final ClassName MAP_STATE = ClassName.get(DSL, "MapState");
  private static final ClassName BIG_DECIMAL = ClassName.get(BigDecimal.class);
  private static final ClassName MAP = ClassName.get(Map.class);
  /** Setters that take a plain {@code String} for literal text. */
  private static final java.util.Set<String> TEXT_SETTERS = java.util.Set.of("timestamp", "error", "cause");

  /**
   * The generated source, and what the importer changed on the way.
   *
   * @param packageName the Java package of the class; empty for none
   * @param className the class's simple name
   * @param source the whole compilation unit
   * @param notes what the importer changed or could not carry over, one line each
   */
  public record Imported(String packageName, String className, String source, List<String> notes) {

    public Imported {
      notes = List.copyOf(notes);
    }

    /** Where the class goes under a source root: {@code com/acme/PatchAlerts.java}. */
    public java.nio.file.Path relativePath() {
      java.nio.file.Path file = java.nio.file.Path.of(className + ".java");
      return packageName.isEmpty() ? file : java.nio.file.Path.of(packageName.replace('.', '/')).resolve(file);
    }
  }

  private final Map<String, String> variables = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private final List<StateCode.Declaration> declarations = new ArrayList<>();
  private final List<CodeBlock> links = new ArrayList<>();

  // Adoption types Task states when it can; import writes every resource as it is.
  private final TypedTasks typedTasks;
  // The definition's QueryLanguage, or JSONPath: what a state without its own inherits in the DSL.
  private final QueryLanguage definitionLanguage;

  private JavaSourceImporter(TypedTasks typedTasks, QueryLanguage definitionLanguage) {
    this.typedTasks = typedTasks;
    this.definitionLanguage = definitionLanguage;
  }

  /**
   * The Java source of a class {@code packageName.className} with a method
   * {@code public static StateMachine stateMachine()} that builds {@code definition}.
   */
  public static Imported toJava(AslDefinition definition, String packageName, String className) {
    if (!SourceVersion.isName(packageName) && !packageName.isEmpty()) {
      throw new IllegalArgumentException("not a Java package name: " + packageName);
    }
    if (!SourceVersion.isIdentifier(className) || SourceVersion.isKeyword(className)) {
      throw new IllegalArgumentException("not a Java class name: " + className);
    }
    List<String> notes = new ArrayList<>();
    StateCode code = stateCode(definition, notes);
    TypeSpec.Builder type = TypeSpec.classBuilder(className)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Imported from an Amazon States Language definition by Statecraft.\n");
    code.addTo(type, ClassName.get(packageName, className), javadoc(definition), true);
    JavaFile file = JavaFile.builder(packageName, type.build()).indent("  ").skipJavaLangImports(true).build();
    return new Imported(packageName, className, file.toString(), notes);
  }

  /** The statements that build {@code definition}; what could not be carried over is added to {@code notes}. */
  static StateCode stateCode(AslDefinition definition, List<String> notes) {
    return stateCode(definition, notes, null);
  }

  /**
   * The statements that build {@code definition}, with each Task that {@code typedTasks} can type
   * written as a typed call; null to write every resource as it is.
   */
  static StateCode stateCode(AslDefinition definition, List<String> notes, TypedTasks typedTasks) {
    QueryLanguage language = definition.queryLanguage() == null ? QueryLanguage.JSONPATH : definition.queryLanguage();
    JavaSourceImporter importer = new JavaSourceImporter(typedTasks, language);
    importer.name(definition.states());
    importer.scope(definition.states(), language);

    CodeBlock.Builder machine = CodeBlock.builder()
        .add("$T.startWith($L)", STATE_MACHINE, importer.variables.get(definition.startAt()));
    if (definition.comment() != null) {
      machine.add("\n.comment($L)", JavaText.literal(definition.comment()));
    }
    if (definition.queryLanguage() != null) {
      machine.add("\n.queryLanguage($T.$L)", QUERY_LANGUAGE, definition.queryLanguage().name());
    }
    if (definition.version() != null) {
      machine.add("\n.version($L)", JavaText.literal(definition.version()));
    }
    if (definition.timeoutSeconds() != null) {
      machine.add("\n.timeoutSeconds($L)", definition.timeoutSeconds());
    }
    definition.extensions().forEach((key, value) ->
        machine.add("\n.raw($L, $L)", JavaText.literal(key), importer.literal(value)));

    notes.addAll(importer.notes);
    return new StateCode(importer.declarations, importer.links, machine.build());
  }

  /** The Javadoc of {@code stateMachine()}: what the definition's comment says. */
  static CodeBlock javadoc(AslDefinition definition) {
    return definition.comment() == null ? CodeBlock.of("Builds the state machine.\n")
        : CodeBlock.of("Builds the state machine: $L.\n", JavaText.javadoc(definition.comment()));
  }

  // Gives every state, nested ones included, a unique Java variable name.
  private void name(Map<String, AslState> states) {
    states.forEach((name, state) -> {
      String base = identifier(name);
      String candidate = base;
      for (int i = 2; variables.containsValue(candidate); i++) {
        candidate = base + i;
      }
      variables.put(name, candidate);
      for (AslBranch nested : AslDefinition.nestedScopes(state)) {
        name(nested.states());
      }
    });
  }

  static String identifier(String stateName) {
    StringBuilder id = new StringBuilder();
    boolean upper = false;
    for (char c : stateName.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        id.append(id.length() == 0 ? Character.toLowerCase(c) : upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = id.length() > 0;
      }
    }
    String result = id.length() == 0 ? "state" : id.toString();
    if (!Character.isJavaIdentifierStart(result.charAt(0))) {
      result = "state" + result;
    }
    return SourceVersion.isKeyword(result) ? result + "State" : result;
  }

  private void scope(Map<String, AslState> states, QueryLanguage inherited) {
    states.forEach((name, state) -> {
      QueryLanguage language = state.queryLanguage() != null ? state.queryLanguage() : inherited;
      declare(name, state, language);
      link(name, state);
      for (AslBranch nested : AslDefinition.nestedScopes(state)) {
        scope(nested.states(), language);
      }
    });
  }

  private void declare(String name, AslState state, QueryLanguage language) {
    String type = state instanceof AslMap ? "MapState" : state.type();
    ClassName stateType = ClassName.get(DSL, type);
    CodeBlock.Builder code = CodeBlock.builder().add("$T.named($L)", stateType, JavaText.literal(name));
    if (state.comment() != null) {
      code.add("\n.comment($L)", JavaText.literal(state.comment()));
    }
    if (state.queryLanguage() != null) {
      code.add("\n.queryLanguage($T.$L)", QUERY_LANGUAGE, state.queryLanguage().name());
    }
    if (state instanceof AslTask task) {
      task(name, task, code, language);
    } else if (state instanceof AslPass pass) {
      io(pass.io(), code, language);
      if (pass.result() != null) {
        code.add("\n.result($L)", literal(pass.result()));
      }
    } else if (state instanceof AslWait wait) {
      io(wait.io(), code, language);
      call(code, "seconds", wait.seconds(), language);
      call(code, "secondsPath", wait.secondsPath(), language);
      call(code, "timestamp", wait.timestamp(), language);
      call(code, "timestampPath", wait.timestampPath(), language);
    } else if (state instanceof AslChoice choice) {
      io(choice.io(), code, language);
    } else if (state instanceof AslSucceed succeed) {
      io(succeed.io(), code, language);
    } else if (state instanceof AslFail fail) {
      call(code, "error", fail.error(), language);
      call(code, "errorPath", fail.errorPath(), language);
      call(code, "cause", fail.cause(), language);
      call(code, "causePath", fail.causePath(), language);
    } else if (state instanceof AslParallel parallel) {
      io(parallel.io(), code, language);
      retry(parallel.retry(), code);
    } else if (state instanceof AslMap map) {
      map(name, map, code, language);
    }
    state.extensions().forEach((key, value) -> code.add("\n.raw($L, $L)", JavaText.literal(key), literal(value)));
    declarations.add(new StateCode.Declaration(stateType, variables.get(name), code.build()));
  }

  private void task(String name, AslTask task, CodeBlock.Builder code, QueryLanguage language) {
    Optional<CodeBlock> typed = typedTasks == null ? Optional.empty()
        : typedTasks.type(name, task, language == QueryLanguage.JSONPATH, value -> payload(value, language));
    if (typed.isPresent()) {
      // The call writes the resource and the Parameters, and brings the statements it needs.
      code.add("\n.call($L)", typed.get());
    } else {
      TypedTasks.Typing typing = typedTasks == null ? null : typedTasks.byState().get(name);
      if (typing != null && typing.integration() != null) {
        // Said where the reader looks: why this AWS call is not typed, so its permissions are not derived.
        code.add("\n// Not typed, so no permissions are derived: $L", JavaText.javadoc(typing.reason()));
      }
      code.add("\n.resource($L)", JavaText.literal(task.resource()));
    }
    if (task.credentials() instanceof ObjectValue credentials && credentials.fields().size() == 1
        && credentials.get("RoleArn") != null) {
      code.add("\n.credentials($L)", value(credentials.get("RoleArn"), language));
    } else if (task.credentials() != null) {
      code.add("\n.raw($L, $L)", JavaText.literal("Credentials"), rawPayload(task.credentials()));
    }
    io(typed.isPresent() ? task.io().withParameters(null) : task.io(), code, language);
    call(code, "timeoutSeconds", task.timeoutSeconds(), language);
    call(code, "timeoutSecondsPath", task.timeoutSecondsPath(), language);
    call(code, "heartbeatSeconds", task.heartbeatSeconds(), language);
    call(code, "heartbeatSecondsPath", task.heartbeatSecondsPath(), language);
    retry(task.retry(), code);
  }

  private void map(String name, AslMap map, CodeBlock.Builder code, QueryLanguage language) {
    AslIo io = map.io();
    if (map.iterator() != null) {
      notes.add("Map '" + name + "': the legacy Iterator is written as ItemProcessor");
    }
    if (io.parameters() != null) {
      notes.add("Map '" + name + "': the legacy Parameters is written as ItemSelector");
      io = io.withParameters(null);
      code.add("\n.itemSelector($L)", payload(map.io().parameters(), language));
    }
    io(io, code, language);
    call(code, "itemsPath", map.itemsPath(), language);
    if (map.items() != null) {
      code.add("\n.items($L)", value(map.items(), language));
    }
    if (map.itemSelector() != null) {
      code.add("\n.itemSelector($L)", payload(map.itemSelector(), language));
    }
    AslProcessorConfig config = map.processor() == null ? null : map.processor().processorConfig();
    if (config != null) {
      if (!config.extensions().isEmpty()) {
        notes.add("Map '" + name + "': the unknown fields of ProcessorConfig are not kept: " + config.extensions().keySet());
      }
      CodeBlock executionType = config.executionType() == null ? null : CodeBlock.of("$T.ExecutionType.$L", MAP_STATE,
          JavaText.constant(config.executionType(), names(MapState.ExecutionType.values()),
              "Map '" + name + "' ProcessorConfig.ExecutionType"));
      if ("DISTRIBUTED".equals(config.mode()) && executionType != null) {
        code.add("\n.distributed($L)", executionType);
      } else {
        code.add("\n.processorConfig($L, $L)",
            config.mode() == null ? "null" : CodeBlock.of("$T.Mode.$L", MAP_STATE,
                JavaText.constant(config.mode(), names(MapState.Mode.values()), "Map '" + name + "' ProcessorConfig.Mode")),
            executionType == null ? "null" : executionType);
      }
    }
    // The DSL's builders pick Parameters or Arguments by the state's own language, else the definition's.
    QueryLanguage builderLanguage = map.queryLanguage() != null ? map.queryLanguage() : definitionLanguage;
    DistributedMapCode parts = new DistributedMapCode(builderLanguage == QueryLanguage.JSONATA,
        v -> value(v, language), object -> objectBuilder(object, language));
    if (map.itemReader() != null) {
      AslItemReader r = map.itemReader();
      typedOrRaw(name, "itemReader", parts.itemReader(r), r.extensions().keySet(), () -> CodeBlock.of(
          "new $T($L, $L, $L, $L, $T.of())", AslItemReader.class, JavaText.literal(r.resource()),
          payloadOrNull(r.readerConfig(), language), payloadOrNull(r.parameters(), language),
          payloadOrNull(r.arguments(), language), MAP), code);
    }
    if (map.itemBatcher() != null) {
      AslItemBatcher b = map.itemBatcher();
      typedOrRaw(name, "itemBatcher", parts.itemBatcher(b), b.extensions().keySet(), () -> CodeBlock.of(
          "new $T($L, $L, $L, $L, $L, $T.of())", AslItemBatcher.class,
          payloadOrNull(b.maxItemsPerBatch(), language), payloadOrNull(b.maxItemsPerBatchPath(), language),
          payloadOrNull(b.maxInputBytesPerBatch(), language), payloadOrNull(b.maxInputBytesPerBatchPath(), language),
          payloadOrNull(b.batchInput(), language), MAP), code);
    }
    if (map.resultWriter() != null) {
      AslResultWriter w = map.resultWriter();
      typedOrRaw(name, "resultWriter", parts.resultWriter(w), w.extensions().keySet(), () -> CodeBlock.of(
          "new $T($L, $L, $L, $L, $T.of())", AslResultWriter.class, JavaText.literal(w.resource()),
          payloadOrNull(w.parameters(), language), payloadOrNull(w.arguments(), language),
          payloadOrNull(w.writerConfig(), language), MAP), code);
    }
    call(code, "maxConcurrency", map.maxConcurrency(), language);
    call(code, "maxConcurrencyPath", map.maxConcurrencyPath(), language);
    call(code, "toleratedFailurePercentage", map.toleratedFailurePercentage(), language);
    call(code, "toleratedFailurePercentagePath", map.toleratedFailurePercentagePath(), language);
    call(code, "toleratedFailureCount", map.toleratedFailureCount(), language);
    call(code, "toleratedFailureCountPath", map.toleratedFailureCountPath(), language);
    if (map.label() != null) {
      code.add("\n.label($L)", JavaText.literal(map.label()));
    }
    retry(map.retry(), code);
  }

  /**
   * {@code .method(builder code)}; when the builder cannot express the part, the raw record after a
   * comment saying why, and a note (with the unknown fields it drops, which the record is written
   * without).
   */
  private void typedOrRaw(String name, String method, DistributedMapCode.Part part, Set<String> unknown,
      Supplier<CodeBlock> raw, CodeBlock.Builder code) {
    if (part.code() != null) {
      // The builder's own chain one step further in than the state's, as a person would indent it.
      code.add("\n.$L($>$>$L$<$<)", method, part.code());
      return;
    }
    notes.add("Map '" + name + "': " + part.whyNot()
        + (unknown.isEmpty() ? "" : "; its unknown fields are not kept: " + unknown));
    code.add("\n// $L\n.$L($L)", part.whyNot(), method, raw.get());
  }

  private void io(AslIo io, CodeBlock.Builder code, QueryLanguage language) {
    call(code, "inputPath", io.inputPath(), language);
    if (io.parameters() != null) {
      code.add("\n.parameters($L)", payload(io.parameters(), language));
    }
    if (io.arguments() != null) {
      code.add("\n.arguments($L)", payload(io.arguments(), language));
    }
    if (io.resultSelector() != null) {
      code.add("\n.resultSelector($L)", payload(io.resultSelector(), language));
    }
    if (io.resultPath() instanceof NullValue) {
      code.add("\n.discardResult()");
    } else {
      call(code, "resultPath", io.resultPath(), language);
    }
    call(code, "outputPath", io.outputPath(), language);
    if (io.output() != null) {
      code.add("\n.output($L)", payload(io.output(), language));
    }
    if (io.assign() instanceof ObjectValue assign) {
      code.add("\n.assign($L)", payload(assign, language));
    }
  }

  private void retry(List<AslRetrier> retriers, CodeBlock.Builder code) {
    for (AslRetrier r : retriers) {
      CodeBlock.Builder retry = CodeBlock.builder().add("$T.on($L)", RETRY, strings(r.errorEquals()));
      if (r.intervalSeconds() != null) {
        retry.add(".intervalSeconds($L)", r.intervalSeconds());
      }
      if (r.maxAttempts() != null) {
        retry.add(".maxAttempts($L)", r.maxAttempts());
      }
      if (r.backoffRate() != null) {
        retry.add(".backoffRate($L)", number(r.backoffRate()));
      }
      if (r.maxDelaySeconds() != null) {
        retry.add(".maxDelaySeconds($L)", r.maxDelaySeconds());
      }
      if (r.jitterStrategy() != null) {
        retry.add(".jitterStrategy($T.Jitter.$L)", RETRY,
            JavaText.constant(r.jitterStrategy(), names(Retry.Jitter.values()), "a Retry's JitterStrategy"));
      }
      if (r.comment() != null) {
        retry.add(".comment($L)", JavaText.literal(r.comment()));
      }
      r.extensions().forEach((key, value) -> retry.add(".raw($L, $L)", JavaText.literal(key), literal(value)));
      code.add("\n.retry($L)", retry.build());
    }
  }

  private void link(String name, AslState state) {
    String variable = variables.get(name);
    if (state instanceof AslChoice choice) {
      for (AslChoiceRule rule : choice.choices()) {
        QueryLanguage language = state.queryLanguage();
        if (rule.assign() == null && rule.output() == null) {
          links.add(CodeBlock.of("$L.when($L, $L)", variable, condition(rule.condition()), variables.get(rule.next())));
        } else {
          links.add(CodeBlock.of("$L.when($L, $L, $L, $L)", variable, condition(rule.condition()),
              variables.get(rule.next()),
              rule.assign() == null ? "null" : payload(rule.assign(), language),
              rule.output() == null ? "null" : payload(rule.output(), language)));
        }
      }
      if (choice.defaultState() != null) {
        links.add(CodeBlock.of("$L.otherwise($L)", variable, variables.get(choice.defaultState())));
      }
    }
    String next = state.next();
    if (next != null) {
      links.add(CodeBlock.of("$L.next($L)", variable, variables.get(next)));
    }
    for (AslCatcher catcher : state.catchers()) {
      CodeBlock.Builder spec = CodeBlock.builder().add("$T.on($L)", CATCH, strings(catcher.errorEquals()));
      if (catcher.resultPath() instanceof NullValue) {
        spec.add(".resultPath($T.INSTANCE)", NULL_VALUE);
      } else if (catcher.resultPath() instanceof Path path) {
        spec.add(".resultPath($T.of($L))", PATH, JavaText.literal(path.expression()));
      }
      if (catcher.output() != null) {
        spec.add(".output($L)", payload(catcher.output(), state.queryLanguage()));
      }
      if (catcher.assign() instanceof ObjectValue assign) {
        spec.add(".assign($L)", payload(assign, state.queryLanguage()));
      }
      if (catcher.comment() != null) {
        spec.add(".comment($L)", JavaText.literal(catcher.comment()));
      }
      catcher.extensions().forEach((key, value) -> spec.add(".raw($L, $L)", JavaText.literal(key), literal(value)));
      links.add(CodeBlock.of("$L.catchErrors($L, $L)", variable, spec.build(), variables.get(catcher.next())));
    }
    if (state instanceof AslParallel parallel) {
      for (AslBranch branch : parallel.branches()) {
        noteBranchFields(name, branch);
        links.add(CodeBlock.of("$L.branch($L)", variable, variables.get(branch.startAt())));
      }
    }
    if (state instanceof AslMap map && map.processor() != null) {
      noteBranchFields(name, map.processor());
      links.add(CodeBlock.of("$L.itemProcessor($L)", variable, variables.get(map.processor().startAt())));
    }
  }

  private void noteBranchFields(String name, AslBranch branch) {
    if (branch.comment() != null || branch.queryLanguage() != null || !branch.extensions().isEmpty()) {
      notes.add("'" + name + "': the Comment, QueryLanguage and unknown fields of a branch or item processor "
          + "are not kept (the DSL sets them per state)");
    }
  }

  private CodeBlock condition(Condition condition) {
    CodeBlock comment = condition.comment() == null ? CodeBlock.of("") : CodeBlock.of(".withComment($L)", JavaText.literal(condition.comment()));
    if (condition instanceof Condition.And and) {
      return CodeBlock.of("$T.and($L)$L", CONDITION, conditions(and.conditions()), comment);
    }
    if (condition instanceof Condition.Or or) {
      return CodeBlock.of("$T.or($L)$L", CONDITION, conditions(or.conditions()), comment);
    }
    if (condition instanceof Condition.Not not) {
      return CodeBlock.of("$T.not($L)$L", CONDITION, condition(not.condition()), comment);
    }
    if (condition instanceof Condition.JsonataCondition jsonata) {
      if (jsonata.condition() instanceof Jsonata expression && Jsonata.of(expression.text()).equals(expression)) {
        return CodeBlock.of("$T.jsonata($L)$L", CONDITION, JavaText.literal(expression.text()), comment);
      }
      return CodeBlock.of("new $T.JsonataCondition($L, $L)", CONDITION, literal(jsonata.condition()), JavaText.literal(condition.comment()));
    }
    Condition.Comparison c = (Condition.Comparison) condition;
    CodeBlock variable = CodeBlock.of("$T.of($L)", PATH, JavaText.literal(c.variable().expression()));
    CodeBlock typed = typedComparison(c, variable);
    if (typed != null) {
      return CodeBlock.of("$L$L", typed, comment);
    }
    return CodeBlock.of("new $T.Comparison($L, $T.$L, $L, $L)", CONDITION, variable, COMPARISON_OPERATOR,
        c.operator().name(), literal(c.operand()), JavaText.literal(c.comment()));
  }

  // The factory call for a comparison whose operand has the operator's type; null otherwise.
  private CodeBlock typedComparison(Condition.Comparison c, CodeBlock variable) {
    ComparisonOperator op = c.operator();
    String method = Character.toLowerCase(op.written().charAt(0)) + op.written().substring(1);
    Value operand = c.operand();
    switch (op.operand()) {
      case PATH:
        return operand instanceof Path p ? CodeBlock.of("$T.$L($L, $T.of($L))", CONDITION, method, variable, PATH, JavaText.literal(p.expression())) : null;
      case STRING:
      case TIMESTAMP:
        return operand instanceof StringValue s ? CodeBlock.of("$T.$L($L, $L)", CONDITION, method, variable, JavaText.literal(s.value())) : null;
      case NUMBER:
        return operand instanceof NumberValue n ? CodeBlock.of("$T.$L($L, $L)", CONDITION, method, variable, numberArgument(n.value())) : null;
      case BOOLEAN:
        if (!(operand instanceof BooleanValue b)) {
          return null;
        }
        if (op == ComparisonOperator.BOOLEAN_EQUALS || !b.value()) {
          return CodeBlock.of("$T.$L($L, $L)", CONDITION, method, variable, b.value());
        }
        return CodeBlock.of("$T.$L($L)", CONDITION, method, variable);
      default:
        return null;
    }
  }

  private CodeBlock conditions(List<Condition> conditions) {
    return conditions.stream().map(this::condition).collect(CodeBlock.joining(",\n  "));
  }

  private static CodeBlock strings(List<String> values) {
    return values.stream().map(v -> CodeBlock.of("$L", JavaText.literal(v))).collect(CodeBlock.joining(", "));
  }

  // A value given to a setter that takes it alone: paths, numbers, text, expressions.
  private void call(CodeBlock.Builder code, String method, Value value, QueryLanguage language) {
    if (value == null) {
      return;
    }
    if (value instanceof Path path && method.endsWith("Path") && !method.equals("errorPath") && !method.equals("causePath")) {
      code.add("\n.$L($T.of($L))", method, PATH, JavaText.literal(path.expression()));
    } else if (value instanceof NullValue) {
      code.add("\n.$L($T.INSTANCE)", method, NULL_VALUE);
    } else if (value instanceof NumberValue n && n.isInt() && n.value().scale() <= 0) {
      code.add("\n.$L($L)", method, n.value().intValueExact());
    } else if (value instanceof StringValue s && TEXT_SETTERS.contains(method)) {
      code.add("\n.$L($L)", method, JavaText.literal(s.value()));
    } else {
      code.add("\n.$L($L)", method, value(value, language));
    }
  }

  private CodeBlock payloadOrNull(Value value, QueryLanguage language) {
    return value == null ? CodeBlock.of("null") : payload(value, language);
  }

  /** A payload: object fields with {@code put}, dynamic values as their DSL types. */
  private CodeBlock payload(Value value, QueryLanguage language) {
    if (value instanceof ObjectValue object) {
      return CodeBlock.builder().add(objectBuilder(object, language)).add("\n  .build()").build();
    }
    if (value instanceof ArrayValue array) {
      return CodeBlock.of("$T.array($L)", JSON,
          array.items().stream().map(item -> payload(item, language)).collect(CodeBlock.joining(", ")));
    }
    return value(value, language);
  }

  /** {@code Json.object().put(...)...} without {@code .build()}, for a method that takes the builder. */
  private CodeBlock objectBuilder(ObjectValue object, QueryLanguage language) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.object()", JSON);
    object.fields().forEach((key, field) -> {
      if (key.endsWith(".$")) {
        code.add("\n  .putRaw($L, $L)", JavaText.literal(key), payload(field, language));
      } else {
        code.add("\n  .put($L, $L)", JavaText.literal(key), payload(field, language));
      }
    });
    return code.build();
  }

  /**
   * A payload given as raw JSON: a path or intrinsic under key {@code K} is written as it is read,
   * {@code "K.$": "expression"}, since raw JSON keeps keys exactly as they are.
   */
  private CodeBlock rawPayload(Value value) {
    if (value instanceof ObjectValue object) {
      CodeBlock.Builder code = CodeBlock.builder().add("$T.object()", JSON);
      object.fields().forEach((key, field) -> {
        if (field instanceof Path path) {
          code.add("\n  .putRaw($L, $T.of($L))", JavaText.literal(key + ".$"), VALUE, JavaText.literal(path.expression()));
        } else if (field instanceof Intrinsic call) {
          code.add("\n  .putRaw($L, $T.of($L))", JavaText.literal(key + ".$"), VALUE, JavaText.literal(call.render()));
        } else {
          code.add("\n  .putRaw($L, $L)", JavaText.literal(key), rawPayload(field));
        }
      });
      return code.add("\n  .build()").build();
    }
    if (value instanceof ArrayValue array) {
      return CodeBlock.of("$T.array($L)", JSON, array.items().stream().map(this::rawPayload).collect(CodeBlock.joining(", ")));
    }
    return value(value, null);
  }

  /** A literal: keys exactly as written. */
  private CodeBlock literal(Value value) {
    if (value instanceof ObjectValue object) {
      CodeBlock.Builder code = CodeBlock.builder().add("$T.object()", JSON);
      object.fields().forEach((key, field) -> code.add("\n  .putRaw($L, $L)", JavaText.literal(key), literal(field)));
      return code.add("\n  .build()").build();
    }
    if (value instanceof ArrayValue array) {
      return CodeBlock.of("$T.array($L)", JSON, array.items().stream().map(this::literal).collect(CodeBlock.joining(", ")));
    }
    return value(value, null);
  }

  private CodeBlock value(Value value, QueryLanguage language) {
    if (value instanceof ObjectValue || value instanceof ArrayValue) {
      return payload(value, language);
    }
    if (value instanceof StringValue s) {
      return CodeBlock.of("$T.of($L)", VALUE, JavaText.literal(s.value()));
    }
    if (value instanceof NumberValue n) {
      return n.isInt() && n.value().scale() <= 0
          ? CodeBlock.of("$T.of($L)", VALUE, n.value().intValueExact())
          : CodeBlock.of("new $T(new $T($L))", NUMBER_VALUE, BIG_DECIMAL, JavaText.literal(n.value().toString()));
    }
    if (value instanceof BooleanValue b) {
      return CodeBlock.of("$T.of($L)", VALUE, b.value());
    }
    if (value instanceof NullValue) {
      return CodeBlock.of("$T.INSTANCE", NULL_VALUE);
    }
    if (value instanceof Path p) {
      return CodeBlock.of("$T.of($L)", PATH, JavaText.literal(p.expression()));
    }
    if (value instanceof Intrinsic call) {
      return CodeBlock.of("$T.parse($L)", INTRINSIC, JavaText.literal(call.render()));
    }
    if (value instanceof Jsonata expression) {
      return Jsonata.of(expression.text()).equals(expression)
          ? CodeBlock.of("$T.of($L)", JSONATA, JavaText.literal(expression.text()))
          : CodeBlock.of("$T.parse($L)", JSONATA, JavaText.literal(expression.render()));
    }
    throw new IllegalArgumentException("cannot import " + value);
  }

  private static CodeBlock number(BigDecimal number) {
    if (number.scale() <= 0) {
      return CodeBlock.of("$L", number.toBigIntegerExact());
    }
    if (BigDecimal.valueOf(number.doubleValue()).equals(number)) {
      return CodeBlock.of("$L", number.toPlainString());
    }
    return CodeBlock.of("new $T($L)", BIG_DECIMAL, JavaText.literal(number.toString()));
  }

  private static CodeBlock numberArgument(BigDecimal number) {
    if (number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) < 0) {
      return CodeBlock.of("$L", number.intValueExact());
    }
    return CodeBlock.of("new $T($L)", BIG_DECIMAL, JavaText.literal(number.toString()));
  }

  private static Set<String> names(Enum<?>[] constants) {
    return Arrays.stream(constants).map(Enum::name).collect(Collectors.toUnmodifiableSet());
  }

  /** A Java-friendly class name for a file name such as {@code patch-alerts.asl.json}. */
  public static String classNameFor(String fileName) {
    String base = fileName.replaceAll("(\\.asl)?\\.(json|ya?ml)$", "");
    String id = identifier(base);
    return id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
  }
}
