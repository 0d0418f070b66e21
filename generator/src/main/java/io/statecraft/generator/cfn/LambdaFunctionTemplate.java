package io.statecraft.generator.cfn;

import io.statecraft.asl.ProblemCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.json.JsonPointers;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.workflow.LambdaFunction;
import io.statecraft.dsl.workflow.TemplateValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A {@link LambdaFunction}: {@code AWS::Lambda::Function} with a role of its own
 * ({@code <id>Role}, holding only the function's permissions), its log group ({@code <id>LogGroup})
 * and the right to write there ({@code <id>LogsPolicy}); or nothing for an existing function.
 */
record LambdaFunctionTemplate(LambdaFunction function) implements ResourceTemplate {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  /** CloudFormation's limit on inline code ({@code Code.ZipFile}). */
  private static final int MAX_INLINE_CODE_BYTES = 4096;

  @Override
  public List<TemplateValue> propertyValues() {
    List<TemplateValue> values = new ArrayList<>();
    values.add(function.existingArn());
    values.add(function.s3Bucket());
    values.add(function.s3Key());
    values.addAll(function.environment().values());
    return values;
  }

  @Override
  public Optional<ArnPlaceholder> arnPlaceholder() {
    return ArnPlaceholder.of(function);
  }

  @Override
  public boolean keepsLogsForLogRetention() {
    return !function.isExisting();
  }

  @Override
  public void write(TemplateContext context) {
    if (function.isExisting()) {
      return;
    }
    String id = function.logicalId();
    String roleId = id + "Role";
    ObjectNode properties = context.resource(id, "AWS::Lambda::Function");
    String pointer = TemplateContext.pointer(id, "Properties");
    if (function.description() != null) {
      properties.put("Description", function.description());
    }
    if (!LambdaFunction.CURRENT_RUNTIMES.contains(function.runtime())) {
      context.error(ProblemCode.DEPRECATED_RUNTIME, JsonPointers.child(pointer, "Runtime"), "runtime '"
          + function.runtime() + "' of function " + id + " is deprecated or unknown, so Lambda refuses to create the "
          + "function; choose a current one such as " + LambdaFunction.DEFAULT_RUNTIME + " ("
          + String.join(", ", new TreeSet<>(LambdaFunction.CURRENT_RUNTIMES)) + ")");
    }
    properties.put("Runtime", function.runtime());
    properties.put("Handler", function.handler());
    ObjectNode code = properties.putObject("Code");
    if (function.inlineCode() != null) {
      int bytes = function.inlineCode().getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_INLINE_CODE_BYTES) {
        context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, pointer + "/Code/ZipFile", "the inline "
            + "code of function " + id + " is " + bytes + " bytes, over CloudFormation's " + MAX_INLINE_CODE_BYTES
            + "; put it in S3 with s3Code(...)");
      }
      if (!function.runtime().startsWith("python") && !function.runtime().startsWith("nodejs")) {
        context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, pointer + "/Code/ZipFile", "function " + id
            + " has inline code, which only Python and Node.js runtimes accept, but its runtime is " + function.runtime());
      }
      code.put("ZipFile", function.inlineCode());
    } else if (function.s3Bucket() != null) {
      code.set("S3Bucket", TemplateJson.value(function.s3Bucket()));
      code.set("S3Key", TemplateJson.value(function.s3Key()));
    } else {
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "Code"), "function " + id
          + " has no code; give inlineCode(...) or s3Code(bucket, key)");
    }
    properties.set("Role", TemplateJson.getAtt(roleId, "Arn"));
    if (function.timeoutSeconds() < 1 || function.timeoutSeconds() > 900) {
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "Timeout"), "function " + id
          + " has a timeout of " + function.timeoutSeconds() + " seconds; Lambda allows 1 to 900");
    }
    properties.put("Timeout", function.timeoutSeconds());
    if (function.memorySizeMb() < 128 || function.memorySizeMb() > 10240) {
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "MemorySize"), "function " + id
          + " has " + function.memorySizeMb() + " MB of memory; Lambda allows 128 to 10240");
    }
    properties.put("MemorySize", function.memorySizeMb());
    if (!function.environment().isEmpty()) {
      ObjectNode variables = properties.putObject("Environment").putObject("Variables");
      for (Map.Entry<String, TemplateValue> variable : function.environment().entrySet()) {
        variables.set(variable.getKey(), TemplateJson.value(variable.getValue()));
      }
    }

    ObjectNode role = context.role(roleId, "lambda.amazonaws.com", null);
    List<Grant> grants = new ArrayList<>();
    for (IamStatement statement : function.permissions()) {
      grants.add(new Grant(statement, "function " + id, null));
    }
    context.inlinePolicy(roleId, role, "FunctionPermissions", grants);

    // The function's log group is named after the function, so it is created after the function,
    // and the right to write to it is attached to the role after both exist.
    String logGroupId = id + "LogGroup";
    ObjectNode logGroup = context.resource(logGroupId, "AWS::Logs::LogGroup");
    logGroup.set("LogGroupName", TemplateJson.sub("/aws/lambda/${" + id + "}"));
    logGroup.set("RetentionInDays", TemplateJson.ref(TemplateGenerator.LOG_RETENTION_PARAMETER));
    String policyId = id + "LogsPolicy";
    ObjectNode policy = context.resource(policyId, "AWS::IAM::Policy");
    policy.put("PolicyName", "WriteLogs");
    policy.set("PolicyDocument", context.policyDocument(policyId,
        List.of(new Grant(IamStatement.allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
            List.of("${" + logGroupId + ".Arn}")), "function " + id, null)),
        TemplateContext.pointer(policyId, "Properties", "PolicyDocument", "Statement")));
    policy.putArray("Roles").add(TemplateJson.ref(roleId));
  }
}
