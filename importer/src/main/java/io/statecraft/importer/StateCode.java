package io.statecraft.importer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Lays out the statements that build a state machine in a generated class: one method with local
 * variables when they fit, otherwise fields and as many methods as it takes.
 *
 * <p>The Java Virtual Machine allows a method 65,535 bytes of bytecode
 * (<a href="https://docs.oracle.com/javase/specs/jvms/se17/html/jvms-4.html#jvms-4.7.3">JVMS 4.7.3</a>);
 * past that javac stops with "code too large". Source length is a safe stand-in for bytecode: the
 * densest statements the importer writes ({@code .put("a", Value.of(1))}) take more than two
 * characters of source per byte, so a method of at most {@link #METHOD_CHARACTERS} characters is
 * far below the limit.
 */
final class StateCode {

  private static final int METHOD_CHARACTERS = 25_000;

  private static final ClassName STATE_MACHINE = ClassName.get("io.statecraft.dsl", "StateMachine");

  /** One state: {@code Type variable = initializer;}. */
  record Declaration(ClassName type, String variable, CodeBlock initializer) {}

  private final List<Declaration> declarations;
  private final List<CodeBlock> links;
  private final CodeBlock machine;

  /**
   * @param links statements that link the states, without their semicolons
   * @param machine the expression that returns the state machine
   */
  StateCode(List<Declaration> declarations, List<CodeBlock> links, CodeBlock machine) {
    this.declarations = List.copyOf(declarations);
    this.links = List.copyOf(links);
    this.machine = machine;
  }

  /**
   * Adds {@code public static StateMachine stateMachine()} to {@code type}, and a private
   * constructor when {@code privateConstructor} (a class that only holds the state machine);
   * otherwise the class keeps its implicit public one (a workflow the plugin creates).
   */
  void addTo(TypeSpec.Builder type, ClassName self, CodeBlock javadoc, boolean privateConstructor) {
    MethodSpec.Builder entry = MethodSpec.methodBuilder("stateMachine")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(STATE_MACHINE)
        .addJavadoc(javadoc);
    if (size() <= METHOD_CHARACTERS) {
      declarations.forEach(d -> entry.addStatement("$T $L = $L", d.type(), d.variable(), d.initializer()));
      links.forEach(entry::addStatement);
      if (privateConstructor) {
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
      }
      type.addMethod(entry.addStatement("return $L", machine).build());
      return;
    }
    // Too large for one method: the states become fields, set and linked by numbered methods.
    declarations.forEach(d -> type.addField(FieldSpec.builder(d.type(), d.variable(), Modifier.PRIVATE).build()));
    if (privateConstructor) {
      type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    }
    type.addMethod(entry.addStatement("return new $T().build()", self).build());
    List<CodeBlock> statements = new ArrayList<>();
    declarations.forEach(d -> statements.add(CodeBlock.of("$L = $L", d.variable(), d.initializer())));
    statements.addAll(links);
    MethodSpec.Builder build = MethodSpec.methodBuilder("build").addModifiers(Modifier.PRIVATE).returns(STATE_MACHINE);
    List<MethodSpec> parts = parts(statements);
    parts.forEach(part -> build.addStatement("$N()", part));
    type.addMethod(build.addStatement("return $L", machine).build());
    parts.forEach(type::addMethod);
  }

  private List<MethodSpec> parts(List<CodeBlock> statements) {
    List<MethodSpec> parts = new ArrayList<>();
    MethodSpec.Builder part = null;
    int size = 0;
    for (CodeBlock statement : statements) {
      int length = statement.toString().length();
      if (part == null || size + length > METHOD_CHARACTERS) {
        if (part != null) {
          parts.add(part.build());
        }
        part = MethodSpec.methodBuilder("part" + (parts.size() + 1)).addModifiers(Modifier.PRIVATE);
        size = 0;
      }
      part.addStatement(statement);
      size += length;
    }
    if (part != null) {
      parts.add(part.build());
    }
    return parts;
  }

  private int size() {
    int size = 0;
    for (Declaration d : declarations) {
      size += d.initializer().toString().length();
    }
    for (CodeBlock link : links) {
      size += link.toString().length();
    }
    return size;
  }
}
