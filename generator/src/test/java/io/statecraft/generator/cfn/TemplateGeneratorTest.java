package io.statecraft.generator.cfn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.MapState;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.workflow.EventRule;
import io.statecraft.dsl.workflow.HttpConnection;
import io.statecraft.dsl.workflow.LambdaFunction;
import io.statecraft.dsl.workflow.LogLevel;
import io.statecraft.dsl.workflow.MaintenanceWindow;
import io.statecraft.dsl.workflow.MaintenanceWindowTarget;
import io.statecraft.dsl.workflow.Output;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.Schedule;
import io.statecraft.dsl.workflow.SnsTopic;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import io.statecraft.dsl.workflow.WorkflowType;
import io.statecraft.asl.Problem;
import io.statecraft.asl.json.CanonicalJson;
import io.statecraft.generator.workflow.CompiledWorkflow;
import io.statecraft.generator.workflow.OutputFile;
import io.statecraft.generator.workflow.WorkflowCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateGeneratorTest {

  static Workflow workflow(WorkflowSpec spec) {
    return new Workflow() {
      @Override
      public String id() {
        return "sample";
      }

      @Override
      public WorkflowSpec spec() {
        return spec;
      }
    };
  }

  static CompiledWorkflow compile(WorkflowSpec.Builder spec) {
    return WorkflowCompiler.compile(workflow(spec.build()));
  }

  static JsonNode template(CompiledWorkflow compiled) {
    return json(compiled.files().get(OutputFile.TEMPLATE_JSON));
  }

  static JsonNode json(String text) {
    try {
      return CanonicalJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> problems(CompiledWorkflow compiled) {
    return compiled.problems().stream().map(Problem::describe).toList();
  }

  static WorkflowSpec.Builder passing(Json.ObjectBuilder parameters) {
    return WorkflowSpec.builder(StateMachine.startWith(Pass.named("Use").parameters(parameters)));
  }

  @Test
  void parametersBecomePlaceholdersAndSubstitutionsOfTheirKind() {
    Parameter format = Parameter.string("Format").allowedValues("card", "text").defaultValue("card");
    Parameter limit = Parameter.number("Limit").defaultValue(10);
    Parameter groups = Parameter.commaDelimitedList("Groups").defaultValue(List.of("a", "b"));

    CompiledWorkflow compiled = compile(passing(Json.object()
        .put("format", format.ref()).put("limit", limit.ref()).put("groups", groups.ref()))
        .parameters(format, limit, groups));

    assertThat(problems(compiled)).isEmpty();
    JsonNode machine = template(compiled).at("/Resources/StateMachine/Properties");
    assertThat(machine.at("/Definition/States/Use/Parameters")).isEqualTo(json("""
        {"format": "${Format}", "limit.$": "States.StringToJson('${Limit}')",
         "groups.$": "States.StringSplit('${Groups}', ',')"}"""));
    assertThat(machine.get("DefinitionSubstitutions")).isEqualTo(json("""
        {"Format": {"Ref": "Format"}, "Groups": {"Ref": "Groups"}, "Limit": {"Ref": "Limit"}}"""));
    assertThat(machine.has("DefinitionString")).isFalse();
    assertThat(template(compiled).at("/Parameters/Groups")).isEqualTo(json("""
        {"Type": "CommaDelimitedList", "Default": "a,b"}"""));
    assertThat(template(compiled).at("/Parameters/Limit")).isEqualTo(json("{\"Type\": \"String\", \"Default\": \"10\", "
        + "\"AllowedPattern\": \"" + ANY_INTEGER + "\", \"ConstraintDescription\": \"a whole number\"}"));
  }

  @Test
  void aPlaceholderWithoutParameterIsAnErrorAtTheStateThatUsesIt() {
    Parameter declared = Parameter.string("WebhookURL");
    CompiledWorkflow compiled = compile(passing(Json.object().put("url", Placeholder.string("WebhookUrl")))
        .parameters(declared));

    assertThat(problems(compiled)).containsExactly(
        "WARNING UNUSED_PARAMETER /Parameters/WebhookURL: parameter WebhookURL is declared but used nowhere; use it "
            + "with ref() in the state machine or in a resource, or remove it",
        "ERROR MISSING_SUBSTITUTION /States/Use/Parameters/url: placeholder ${WebhookUrl} is filled in by no "
            + "parameter or resource of the workflow (did you mean ${WebhookURL}?); declare the Parameter in "
            + "WorkflowSpec.parameters(...) or the resource in WorkflowSpec.resources(...) "
            + "(io/statecraft/generator/cfn/TemplateGeneratorTest.java:76)");
    assertThat(compiled.hasErrors()).isTrue();
  }

  @Test
  void aNoEchoParameterInTheDefinitionIsAnError() {
    Parameter token = Parameter.string("Token").noEcho();
    CompiledWorkflow compiled = compile(passing(Json.object().put("token", token.ref())).parameters(token));

    assertThat(problems(compiled)).containsExactly(
        "ERROR NOECHO_IN_DEFINITION /States/Use/Parameters/token: parameter Token is NoEcho (a secret), but the "
            + "definition uses it, so its value would be readable by anyone who can describe the state machine; pass "
            + "secrets through an HttpConnection or a Secrets Manager dynamic reference "
            + "(io/statecraft/generator/cfn/TemplateGeneratorTest.java:76)");
  }

  @Test
  void parameterSettingsThatContradictEachOtherAreReported() {
    Parameter format = Parameter.string("Format").allowedValues("card", "text").defaultValue("html");
    Parameter url = Parameter.string("Url").allowedPattern("https://.+").defaultValue("http://x").maxLength(5);
    Parameter limit = Parameter.number("Limit").minValue(1).maxValue(10).defaultValue(20);
    Parameter secret = Parameter.string("Secret").noEcho().defaultValue("hunter2");
    Parameter badName = Parameter.string("Bad-Name");
    Parameter kind = Parameter.string("Kind").minValue(1);

    CompiledWorkflow compiled = compile(passing(Json.object()
        .put("a", format.ref()).put("b", url.ref()).put("c", limit.ref()).put("e", kind.ref()))
        .parameters(format, url, limit, kind)
        .tag("Secret", secret).tag("Bad", badName));

    assertThat(problems(compiled)).containsExactly(
        "ERROR INVALID_LOGICAL_ID /Parameters/Bad-Name: parameter name 'Bad-Name' must be 1 to 255 letters and digits "
            + "(CloudFormation accepts nothing else); rename it",
        "ERROR INVALID_PARAMETER /Parameters/Format/Default: parameter Format has Default 'html', which is not one of "
            + "its AllowedValues [card, text]; add it to AllowedValues or choose one of them",
        "ERROR INVALID_PARAMETER /Parameters/Kind: parameter Kind is a String, which MinValue and MaxValue do not "
            + "apply to; use a Number parameter, or MinLength and MaxLength",
        "ERROR INVALID_PARAMETER /Parameters/Limit/Default: parameter Limit has Default 20, outside its range 1 to 10; "
            + "fix the default or the range",
        "ERROR INVALID_PARAMETER /Parameters/Secret/Default: parameter Secret is NoEcho, but its Default is written in "
            + "the template for anyone to read; remove the default (or make it empty) and give the value when deploying",
        "ERROR INVALID_PARAMETER /Parameters/Url/Default: parameter Url has Default 'http://x', which does not match "
            + "its AllowedPattern https://.+; fix the default or the pattern",
        "ERROR INVALID_PARAMETER /Parameters/Url/Default: parameter Url has a Default of 8 characters, outside its "
            + "length limits 0 to 5",
        "ERROR NOECHO_EXPOSED /Resources/StateMachine/Properties/Tags/0/Value: parameter Secret is NoEcho (a secret), "
            + "but this property shows its value to anyone who can read the resource; use it only as a secret of an "
            + "HttpConnection");
  }

  @Test
  void unknownIamActionsAreErrorsWithTheRightName() {
    Task list = Task.named("List").resource("arn:aws:states:::aws-sdk:s3:listBuckets")
        .permissions(IamStatement.allowOnAnyResource(List.of("s3:ListBuckets"), "listing buckets takes no resource"),
            IamStatement.allow("sfn:StartExecution", "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:x"),
            IamStatement.allow("ec2:DescribeInstancs", "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/*"));

    CompiledWorkflow compiled = compile(WorkflowSpec.builder(StateMachine.startWith(list)));

    assertThat(problems(compiled)).containsExactly(
        "ERROR UNKNOWN_IAM_ACTION /Resources/StateMachineRole/Properties/Policies/0/PolicyDocument/Statement/0/Action/0: "
            + "IAM action 'ec2:DescribeInstancs' (declared for state List) is not in the AWS Service Authorization "
            + "Reference; did you mean 'ec2:DescribeInstances'? (io/statecraft/generator/cfn/TemplateGeneratorTest.java:167)",
        "ERROR UNKNOWN_IAM_ACTION /Resources/StateMachineRole/Properties/Policies/0/PolicyDocument/Statement/1/Action/0: "
            + "IAM action 'sfn:StartExecution' (declared for state List) is not in the AWS Service Authorization "
            + "Reference; the IAM prefix of that service is 'states', so write 'states:StartExecution' "
            + "(io/statecraft/generator/cfn/TemplateGeneratorTest.java:167)",
        "ERROR UNKNOWN_IAM_ACTION /Resources/StateMachineRole/Properties/Policies/0/PolicyDocument/Statement/3/Action/0: "
            + "IAM action 's3:ListBuckets' (declared for state List) is not in the AWS Service Authorization "
            + "Reference; the IAM action for that API is 's3:ListAllMyBuckets' "
            + "(io/statecraft/generator/cfn/TemplateGeneratorTest.java:167)");
  }

  @Test
  void statementsAreMergedSpeltAsAwsDoesAndWildcardsIsolatedWithTheirReason() {
    String instances = "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/*";
    Task start = Task.named("Start").resource("arn:aws:states:::aws-sdk:ec2:startInstances")
        .permissions(IamStatement.allow("ec2:startinstances", instances),
            IamStatement.allow("ec2:DescribeInstances", instances));
    Task stop = Task.named("Stop").resource("arn:aws:states:::aws-sdk:ec2:stopInstances")
        .permissions(IamStatement.allow("ec2:StopInstances", instances));
    start.next(stop);

    JsonNode template = template(compile(WorkflowSpec.builder(StateMachine.startWith(start))
        .logging(LogLevel.OFF, false).tracing(false)));

    assertThat(template.at("/Resources/StateMachineRole/Properties/Policies/0/PolicyDocument/Statement")).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["ec2:StartInstances", "ec2:StopInstances"],
          "Resource": [{"Fn::Sub": "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/*"}]},
         {"Sid": "Ec2DescribeInstances", "Effect": "Allow", "Action": ["ec2:DescribeInstances"], "Resource": ["*"]}]"""));
    assertThat(template.at("/Metadata/Statecraft::IamWildcards")).isEqualTo(json("""
        {"StateMachineRole": {"Ec2DescribeInstances": "ec2:DescribeInstances supports no resource-level permissions, so it can only be granted on * (AWS Service Authorization Reference)"}}"""));
  }

  @Test
  void theExecutionRoleTrustsStepFunctionsOfThisAccountAndLogsAndTraces() {
    JsonNode template = template(compile(passing(Json.object().put("a", 1))));

    assertThat(template.at("/Resources/StateMachineRole/Properties/AssumeRolePolicyDocument")).isEqualTo(json("""
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "states.amazonaws.com"},
          "Action": "sts:AssumeRole", "Condition": {
            "StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}},
            "ArnLike": {"aws:SourceArn": {"Fn::Sub": "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:*"}}}}]}"""));
    assertThat(template.at("/Resources/StateMachineRole/Properties/Policies/0/PolicyDocument/Statement")).isEqualTo(json("""
        [{"Sid": "CloudWatchLogsDelivery", "Effect": "Allow", "Action": ["logs:CreateLogDelivery", "logs:DeleteLogDelivery",
           "logs:DescribeLogGroups", "logs:DescribeResourcePolicies", "logs:GetLogDelivery", "logs:ListLogDeliveries",
           "logs:PutResourcePolicy", "logs:UpdateLogDelivery"], "Resource": ["*"]},
         {"Sid": "XRayTracing", "Effect": "Allow", "Action": ["xray:GetSamplingRules", "xray:GetSamplingTargets",
           "xray:PutTelemetryRecords", "xray:PutTraceSegments"], "Resource": ["*"]}]"""));
    JsonNode machine = template.at("/Resources/StateMachine/Properties");
    assertThat(machine.get("LoggingConfiguration")).isEqualTo(json("""
        {"Level": "ERROR", "IncludeExecutionData": false, "Destinations": [{"CloudWatchLogsLogGroup":
          {"LogGroupArn": {"Fn::GetAtt": ["StateMachineLogGroup", "Arn"]}}}]}"""));
    assertThat(machine.get("TracingConfiguration")).isEqualTo(json("{\"Enabled\": true}"));
    assertThat(machine.has("StateMachineName")).isFalse();
    assertThat(template.at("/Resources/StateMachineLogGroup")).isEqualTo(json("""
        {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": {"Ref": "LogRetentionInDays"},
          "LogGroupName": {"Fn::Sub": "/aws/vendedlogs/states/${AWS::StackName}-StateMachineLogGroup"}}}"""));
    assertThat(template.at("/Parameters/LogRetentionInDays/Default").intValue()).isEqualTo(90);
    assertThat(template.get("Description").textValue()).isEqualTo("Statecraft workflow sample");
    assertThat(template.get("Outputs")).isEqualTo(json("""
        {"StateMachineArn": {"Description": "ARN of the state machine", "Value": {"Ref": "StateMachine"},
           "Export": {"Name": {"Fn::Sub": "${AWS::StackName}-StateMachineArn"}}},
         "StateMachineName": {"Description": "Name of the state machine", "Value": {"Fn::GetAtt": ["StateMachine", "Name"]},
           "Export": {"Name": {"Fn::Sub": "${AWS::StackName}-StateMachineName"}}}}"""));
  }

  @Test
  void optionsNameTypeTagsAndNoLogging() {
    Parameter name = Parameter.string("MachineName");
    Parameter team = Parameter.string("Team");
    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1))
        .type(WorkflowType.EXPRESS).name(name).tag("Team", team).tag("App", "alerts")
        .logging(LogLevel.OFF, false).tracing(false)
        .outputs(Output.named("Team", team).notExported()));
    JsonNode template = template(compiled);

    // An Express workflow's logs are its only history.
    assertThat(problems(compiled)).containsExactly("WARNING EXPRESS_WITHOUT_LOGS /Resources/StateMachine/Properties: an "
        + "EXPRESS workflow has no execution history, so with logging OFF nothing shows what a run did or why it failed; "
        + "log with WorkflowSpec.logging(LogLevel.ERROR or ALL, includeExecutionData)");
    assertThat(problems(compile(passing(Json.object().put("a", 1)).type(WorkflowType.EXPRESS)
        .logging(LogLevel.ALL, true)))).isEmpty();

    JsonNode machine = template.at("/Resources/StateMachine/Properties");
    assertThat(machine.get("StateMachineName")).isEqualTo(json("{\"Ref\": \"MachineName\"}"));
    assertThat(machine.get("StateMachineType").textValue()).isEqualTo("EXPRESS");
    assertThat(machine.has("LoggingConfiguration")).isFalse();
    assertThat(machine.get("TracingConfiguration")).isEqualTo(json("{\"Enabled\": false}"));
    assertThat(machine.get("Tags")).isEqualTo(json("""
        [{"Key": "Team", "Value": {"Ref": "Team"}}, {"Key": "App", "Value": "alerts"}]"""));
    assertThat(template.at("/Resources/StateMachineRole/Properties/AssumeRolePolicyDocument/Statement/0/Condition/ArnLike"))
        .isEqualTo(json("""
            {"aws:SourceArn": {"Fn::Sub": "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${MachineName}"}}"""));
    assertThat(template.at("/Resources/StateMachineRole/Properties").has("Policies")).isFalse();
    assertThat(template.at("/Resources").has("StateMachineLogGroup")).isFalse();
    assertThat(template.at("/Parameters").has("LogRetentionInDays")).isFalse();
    assertThat(template.at("/Outputs/Team")).isEqualTo(json("{\"Value\": {\"Ref\": \"Team\"}}"));
  }

  @Test
  void httpConnectionStatementsNamingTheStateMachineGoToASeparatePolicy() {
    Parameter url = Parameter.string("Url");
    Parameter key = Parameter.string("ApiKey").noEcho();
    HttpConnection api = HttpConnection.named("Api").apiKey("x-api-key", key).header("Accept", TemplateValue.of("application/json"));
    Task call = Task.named("Call").resource("arn:aws:states:::http:invoke")
        .parameters(Json.object().put("ApiEndpoint", url.ref()).put("Method", "GET")
            .put("Authentication", Json.object().put("ConnectionArn", api.arn())))
        .permissions(api.iamStatementsForInvoke(url.ref(), "GET").toArray(IamStatement[]::new));

    CompiledWorkflow compiled = compile(WorkflowSpec.builder(StateMachine.startWith(call)).parameters(url).resources(api)
        .triggers(Schedule.named("Daily").expression("rate(1 day)")));

    assertThat(problems(compiled)).isEmpty();
    JsonNode template = template(compiled);
    assertThat(template.at("/Resources/StateMachine/Properties/DefinitionSubstitutions")).isEqualTo(json("""
        {"ApiArn": {"Fn::GetAtt": ["Api", "Arn"]}, "Url": {"Ref": "Url"}}"""));
    assertThat(template.at("/Resources/StateMachinePolicy")).isEqualTo(json("""
        {"Type": "AWS::IAM::Policy", "Properties": {"PolicyName": "StateMachineSelfReferences",
          "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Action": ["states:InvokeHTTPEndpoint"], "Resource": [{"Fn::Sub": "${StateMachine}"}],
            "Condition": {"StringEquals": {"states:HTTPEndpoint": [{"Fn::Sub": "${Url}"}], "states:HTTPMethod": ["GET"]}}}]},
          "Roles": [{"Ref": "StateMachineRole"}]}}"""));
    assertThat(template.at("/Resources/StateMachineRole/Properties/Policies/0/PolicyDocument/Statement").toString())
        .contains("{\"Effect\":\"Allow\",\"Action\":[\"events:RetrieveConnectionCredentials\"],\"Resource\":[{\"Fn::Sub\":\"${Api.Arn}\"}]}")
        .contains("{\"Effect\":\"Allow\",\"Action\":[\"secretsmanager:DescribeSecret\",\"secretsmanager:GetSecretValue\"],"
            + "\"Resource\":[{\"Fn::Sub\":\"${Api.SecretArn}\"}]}")
        .doesNotContain("InvokeHTTPEndpoint");
    assertThat(template.at("/Resources/Api")).isEqualTo(json("""
        {"Type": "AWS::Events::Connection", "Properties": {"AuthorizationType": "API_KEY", "AuthParameters": {
          "ApiKeyAuthParameters": {"ApiKeyName": "x-api-key", "ApiKeyValue": {"Ref": "ApiKey"}},
          "InvocationHttpParameters": {"HeaderParameters": [{"Key": "Accept", "Value": "application/json", "IsValueSecret": false}]}}}}"""));
    assertThat(template.at("/Resources/Daily/DependsOn")).isEqualTo(json("[\"StateMachinePolicy\"]"));
  }

  @Test
  void connectionSecretsComeOnlyFromNoEchoParameters() {
    Parameter user = Parameter.string("User");
    Parameter password = Parameter.string("Password");
    HttpConnection basic = HttpConnection.named("Basic").basic(user, password)
        .secretQueryParameter("sig", Parameter.string("Signature"));
    HttpConnection oauth = HttpConnection.named("OAuth")
        .oauthClientCredentials(TemplateValue.of("https://auth.example.com/token"), HttpConnection.OAuthMethod.POST,
            Parameter.string("ClientId"), Parameter.string("ClientSecret").noEcho())
        .oauthParameter(HttpConnection.Location.BODY, "scope", TemplateValue.of("read"), false);
    HttpConnection none = HttpConnection.named("None");

    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).resources(basic, oauth, none));

    assertThat(problems(compiled)).containsExactly(
        "ERROR SECRET_NOT_NOECHO /Resources/Basic/Properties/AuthParameters/BasicAuthParameters/Password: the password "
            + "of connection Basic is a secret, but parameter Password is not NoEcho; add .noEcho() to it",
        "ERROR SECRET_NOT_NOECHO /Resources/Basic/Properties/AuthParameters/InvocationHttpParameters/QueryStringParameters/0/Value: "
            + "the secret querystring parameter sig of connection Basic is a secret, but parameter Signature is not NoEcho; "
            + "add .noEcho() to it",
        "ERROR INVALID_RESOURCE_PROPERTY /Resources/None/Properties/AuthorizationType: connection None has no "
            + "authorization; choose apiKey(...), basic(...) or oauthClientCredentials(...) (an endpoint without "
            + "authentication still needs one: an API key header it ignores)");
    assertThat(template(compiled).at("/Resources/OAuth/Properties")).isEqualTo(json("""
        {"AuthorizationType": "OAUTH_CLIENT_CREDENTIALS", "AuthParameters": {"OAuthParameters": {
          "AuthorizationEndpoint": "https://auth.example.com/token", "HttpMethod": "POST",
          "ClientParameters": {"ClientID": {"Ref": "ClientId"}, "ClientSecret": {"Ref": "ClientSecret"}},
          "OAuthHttpParameters": {"BodyParameters": [{"Key": "scope", "Value": "read", "IsValueSecret": false}]}}}}"""));
  }

  @Test
  void aDistributedMapMayStartAndFollowItsChildExecutions() {
    MapState map = MapState.named("EachItem").itemsPath(Path.of("$.items"))
        .distributed(MapState.ExecutionType.STANDARD).itemProcessor(Pass.named("Item"));

    JsonNode template = template(compile(WorkflowSpec.builder(StateMachine.startWith(map)).tracing(false)
        .logging(LogLevel.OFF, false)));

    assertThat(template.at("/Resources/StateMachinePolicy/Properties/PolicyDocument/Statement")).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["states:StartExecution"], "Resource": [{"Fn::Sub": "${StateMachine}"}]},
         {"Effect": "Allow", "Action": ["states:DescribeExecution", "states:StopExecution"],
          "Resource": [{"Fn::Sub": "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:${StateMachine.Name}/*"}]}]"""));
  }

  @Test
  void topicsFunctionsAndExistingResourcesResolveThroughSubstitutions() {
    Parameter key = Parameter.string("KeyArn");
    SnsTopic topic = SnsTopic.named("Alerts").kmsKey(key).displayName(TemplateValue.of("Alerts"));
    SnsTopic existing = SnsTopic.existing(Parameter.string("OtherTopicArn"));
    LambdaFunction function = LambdaFunction.named("Work").inlineCode("def handler(e, c):\n  return e\n");
    LambdaFunction existingFunction = LambdaFunction.existing(Parameter.string("OtherFunctionArn"));
    Task task = Task.named("Use").resource("arn:aws:states:::lambda:invoke")
        .parameters(Json.object().put("FunctionName", function.arn()).put("Other", existingFunction.arn())
            .put("Topic", topic.arn()).put("OtherTopic", existing.arn()))
        .permissions(function.invokeStatement(), existingFunction.invokeStatement())
        .permissions(topic.publishStatements().toArray(IamStatement[]::new))
        .permissions(existing.publishStatements().toArray(IamStatement[]::new));

    CompiledWorkflow compiled = compile(WorkflowSpec.builder(StateMachine.startWith(task)).tracing(false)
        .logging(LogLevel.OFF, false).resources(topic, existing, function, existingFunction));

    assertThat(problems(compiled)).isEmpty();
    JsonNode template = template(compiled);
    assertThat(template.at("/Resources/StateMachine/Properties/DefinitionSubstitutions")).isEqualTo(json("""
        {"AlertsArn": {"Ref": "Alerts"}, "OtherFunctionArn": {"Ref": "OtherFunctionArn"},
         "OtherTopicArn": {"Ref": "OtherTopicArn"}, "WorkArn": {"Fn::GetAtt": ["Work", "Arn"]}}"""));
    assertThat(template.at("/Resources/StateMachineRole/Properties/Policies/0/PolicyDocument/Statement")).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["sns:Publish"], "Resource": [{"Fn::Sub": "${Alerts}"}, {"Fn::Sub": "${OtherTopicArn}"}]},
         {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": [{"Fn::Sub": "${KeyArn}"}]},
         {"Effect": "Allow", "Action": ["lambda:InvokeFunction"], "Resource": [{"Fn::Sub": "${OtherFunctionArn}"},
           {"Fn::Sub": "${OtherFunctionArn}:*"}, {"Fn::Sub": "${Work.Arn}"}, {"Fn::Sub": "${Work.Arn}:*"}]}]"""));
    assertThat(template.at("/Resources/Alerts")).isEqualTo(json("""
        {"Type": "AWS::SNS::Topic", "Properties": {"DisplayName": "Alerts", "KmsMasterKeyId": {"Ref": "KeyArn"}}}"""));
    assertThat(template.at("/Resources/Work")).isEqualTo(json("""
        {"Type": "AWS::Lambda::Function", "Properties": {"Runtime": "python3.13", "Handler": "index.handler",
          "Code": {"ZipFile": "def handler(e, c):\\n  return e\\n"}, "Role": {"Fn::GetAtt": ["WorkRole", "Arn"]},
          "Timeout": 30, "MemorySize": 128}}"""));
    assertThat(template.at("/Resources/WorkRole")).isEqualTo(json("""
        {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}}"""));
    assertThat(template.at("/Resources/WorkLogGroup")).isEqualTo(json("""
        {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": {"Fn::Sub": "/aws/lambda/${Work}"},
          "RetentionInDays": {"Ref": "LogRetentionInDays"}}}"""));
    assertThat(template.at("/Resources/WorkLogsPolicy/Properties/PolicyDocument/Statement")).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": [{"Fn::Sub": "${WorkLogGroup.Arn}"}]}]"""));
    assertThat(template.at("/Resources").has("OtherTopicArn")).isFalse();
  }

  @Test
  void functionSettingsAreChecked() {
    LambdaFunction old = LambdaFunction.named("Old").runtime("python3.7").inlineCode("x").timeoutSeconds(0);
    LambdaFunction none = LambdaFunction.named("None").memorySizeMb(64);

    assertThat(problems(compile(passing(Json.object().put("a", 1)).resources(old, none)))).containsExactly(
        "ERROR INVALID_RESOURCE_PROPERTY /Resources/None/Properties/Code: function None has no code; give "
            + "inlineCode(...) or s3Code(bucket, key)",
        "ERROR INVALID_RESOURCE_PROPERTY /Resources/None/Properties/MemorySize: function None has 64 MB of memory; "
            + "Lambda allows 128 to 10240",
        "ERROR DEPRECATED_RUNTIME /Resources/Old/Properties/Runtime: runtime 'python3.7' of function Old is deprecated "
            + "or unknown, so Lambda refuses to create the function; choose a current one such as python3.13 (dotnet8, "
            + "java11, java17, java21, nodejs20.x, nodejs22.x, provided.al2, provided.al2023, python3.10, python3.11, "
            + "python3.12, python3.13, ruby3.3, ruby3.4)",
        "ERROR INVALID_RESOURCE_PROPERTY /Resources/Old/Properties/Timeout: function Old has a timeout of 0 seconds; "
            + "Lambda allows 1 to 900");
  }

  @Test
  void schedulesAreCheckedAndStartOnlyThisStateMachine() {
    Parameter expression = Parameter.string("When").defaultValue("cron(0 8 * * MON *)");
    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).triggers(
        Schedule.named("Bad").expression(expression).timeZone("Europe/Bucharets").flexibleWindowMinutes(2000),
        Schedule.named("Rate").expression("rate(1 days)"),
        Schedule.named("Good").expression("at(2026-01-01T08:00:00)").timeZone("Europe/Bucharest")
            .input(Json.object().put("from", "schedule").build())));

    assertThat(problems(compiled)).containsExactly(
        "ERROR INVALID_SCHEDULE_EXPRESSION /Parameters/When/Default: cron 'cron(0 8 * * MON *)' must have ? in exactly "
            + "one of day-of-month (3rd field) and day-of-week (5th field), such as cron(0 8 ? * MON *)",
        "ERROR INVALID_RESOURCE_PROPERTY /Resources/Bad/Properties/FlexibleTimeWindow: schedule Bad has a flexible window "
            + "of 2000 minutes; the Scheduler allows 1 to 1440, or 0 for none",
        "ERROR INVALID_TIME_ZONE /Resources/Bad/Properties/ScheduleExpressionTimezone: 'Europe/Bucharets' is not an IANA "
            + "time zone name; write one such as Europe/Bucharest, America/New_York or Etc/UTC",
        "ERROR INVALID_SCHEDULE_EXPRESSION /Resources/Rate/Properties/ScheduleExpression: rate 'rate(1 days)' must read "
            + "rate(1 day) for one and rate(N days) for more");
    JsonNode template = template(compiled);
    assertThat(template.at("/Resources/Good")).isEqualTo(json("""
        {"Type": "AWS::Scheduler::Schedule", "Properties": {"ScheduleExpression": "at(2026-01-01T08:00:00)",
          "ScheduleExpressionTimezone": "Europe/Bucharest", "FlexibleTimeWindow": {"Mode": "OFF"},
          "Target": {"Arn": {"Ref": "StateMachine"}, "RoleArn": {"Fn::GetAtt": ["GoodRole", "Arn"]},
            "Input": "{\\"from\\":\\"schedule\\"}"}}}"""));
    assertThat(template.at("/Resources/GoodRole")).isEqualTo(json("""
        {"Type": "AWS::IAM::Role", "Properties": {
          "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Principal": {"Service": "scheduler.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {
              "StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}},
              "ArnEquals": {"aws:SourceArn": {"Fn::Sub": "arn:${AWS::Partition}:scheduler:${AWS::Region}:${AWS::AccountId}:schedule-group/default"}}}}]},
          "Policies": [{"PolicyName": "StartStateMachine", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": ["states:StartExecution"], "Resource": [{"Fn::Sub": "${StateMachine}"}]}]}}]}}"""));
  }

  @Test
  void rulesPassTheEventThroughTheirInputTransformer() {
    EventRule rule = EventRule.named("OnEvent")
        .eventPattern(Json.object().put("source", Json.strings("aws.health")).build())
        .inputTransformer(Map.of("type", "$.detail.eventTypeCode"), "{\"type\": <type>, \"at\": <time>}");
    EventRule empty = EventRule.named("Empty");

    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).triggers(rule, empty));

    assertThat(problems(compiled)).containsExactly(
        "ERROR INVALID_RESOURCE_PROPERTY /Resources/Empty/Properties: rule Empty has neither a schedule nor an event "
            + "pattern, so it never starts the workflow; give schedule(...) or eventPattern(...)",
        "ERROR INVALID_RESOURCE_PROPERTY /Resources/OnEvent/Properties/Targets/0/InputTransformer/InputTemplate: the "
            + "input template of rule OnEvent uses <time>, which its input paths do not define; add it to the paths or "
            + "fix the name (defined: [type])");
    assertThat(template(compiled).at("/Resources/OnEvent/Properties")).isEqualTo(json("""
        {"Name": {"Fn::Sub": ["OnEvent-${StackUuid}", {"StackUuid": {"Fn::Select": [2, {"Fn::Split": ["/",
           {"Ref": "AWS::StackId"}]}]}}]},
         "EventPattern": {"source": ["aws.health"]}, "State": "ENABLED", "Targets": [{"Id": "StateMachine",
          "Arn": {"Ref": "StateMachine"}, "RoleArn": {"Fn::GetAtt": ["OnEventRole", "Arn"]},
          "InputTransformer": {"InputPathsMap": {"type": "$.detail.eventTypeCode"},
            "InputTemplate": "{\\"type\\": <type>, \\"at\\": <time>}"}}]}"""));
    assertThat(template(compiled).at("/Resources/OnEventRole/Properties/AssumeRolePolicyDocument/Statement/0/Principal"))
        .isEqualTo(json("{\"Service\": \"events.amazonaws.com\"}"));
  }

  @Test
  void maintenanceWindowsRunTheWorkflowOncePerTarget() {
    MaintenanceWindow window = MaintenanceWindow.named("Window").schedule("rate(7 days)").durationHours(2).cutoffHours(2)
        .target(MaintenanceWindowTarget.named("Targets").instanceIds(Parameter.aws("Instances", "List<AWS::EC2::Instance::Id>")))
        .taskInput(Json.object().put("instance", "all").build());

    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).triggers(window));

    assertThat(problems(compiled)).containsExactly(
        "ERROR INVALID_RESOURCE_PROPERTY /Resources/Window/Properties/Cutoff: maintenance window Window has a cutoff "
            + "of 2 hours, which must be less than its duration (2 hours)",
        "WARNING MISSING_TARGET_ID /Resources/WindowTask/Properties/TaskInvocationParameters/"
            + "MaintenanceWindowStepFunctionsParameters/Input: the task of maintenance window Window runs once per "
            + "target, but its input never says which: put MaintenanceWindow.TARGET_ID ({{TARGET_ID}}) in taskInput(...)");
    JsonNode template = template(compiled);
    assertThat(template.at("/Resources/Targets/Properties/Targets")).isEqualTo(json("""
        [{"Key": "InstanceIds", "Values": {"Ref": "Instances"}}]"""));
    assertThat(template.at("/Parameters/Instances/Type").textValue()).isEqualTo("List<AWS::EC2::Instance::Id>");
    assertThat(template.at("/Resources/WindowRole/Properties/Policies/0/PolicyDocument/Statement")).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["states:StartExecution"], "Resource": [{"Fn::Sub": "${StateMachine}"}]},
         {"Effect": "Allow", "Action": ["states:DescribeExecution"], "Resource": [{"Fn::Sub":
           "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:${StateMachine.Name}:*"}]}]"""));
  }

  @Test
  void windowDurationCutoffAndTagComeFromParameters() {
    Parameter duration = Parameter.number("DurationHours").minValue(1).maxValue(24).defaultValue(4);
    Parameter cutoff = Parameter.number("CutoffHours").minValue(0).maxValue(23).defaultValue(1);
    Parameter tagKey = Parameter.string("TagKey").defaultValue("Patch");
    Parameter tagValue = Parameter.string("TagValue").defaultValue("weekly");
    MaintenanceWindow window = MaintenanceWindow.named("Window").schedule("rate(7 days)")
        .durationHours(duration).cutoffHours(cutoff)
        .target(MaintenanceWindowTarget.named("Targets").instancesTagged(tagKey, tagValue))
        .taskInput(Json.object().put("instance", MaintenanceWindow.TARGET_ID).build());

    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).triggers(window));

    assertThat(problems(compiled)).isEmpty();
    JsonNode template = template(compiled);
    assertThat(template.at("/Resources/Window/Properties")).isEqualTo(json("""
        {"Name": {"Fn::Sub": ["Window-${StackUuid}", {"StackUuid": {"Fn::Select": [2, {"Fn::Split": ["/",
           {"Ref": "AWS::StackId"}]}]}}]}, "Schedule": "rate(7 days)",
         "Duration": {"Ref": "DurationHours"}, "Cutoff": {"Ref": "CutoffHours"}, "AllowUnassociatedTargets": false}"""));
    assertThat(template.at("/Resources/Targets/Properties/Targets")).isEqualTo(json("""
        [{"Key": {"Fn::Sub": "tag:${TagKey}"}, "Values": [{"Ref": "TagValue"}]}]"""));
    assertThat(template.at("/Parameters").fieldNames()).toIterable()
        .containsExactly("DurationHours", "CutoffHours", "TagKey", "TagValue", "LogRetentionInDays");
  }

  @Test
  void windowHoursAreCheckedWhereTheyAreKnown() {
    Parameter text = Parameter.string("DurationText").defaultValue("4");
    Parameter wide = Parameter.number("WideCutoff").minValue(0).maxValue(30).defaultValue(1);
    Parameter longCutoff = Parameter.number("LongCutoff").defaultValue(6);
    Parameter shortDuration = Parameter.number("ShortDuration").minValue(1).maxValue(24).defaultValue(4);
    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).triggers(
        MaintenanceWindow.named("Text").schedule("rate(7 days)").durationHours(text).cutoffHours(wide)
            .target(MaintenanceWindowTarget.named("TextTargets").instanceIds(TemplateValue.of("i-0123456789abcdef0")))
            .taskInput(Json.object().put("instance", MaintenanceWindow.TARGET_ID).build()),
        MaintenanceWindow.named("Short").schedule("rate(7 days)").durationHours(shortDuration).cutoffHours(longCutoff)
            .target(MaintenanceWindowTarget.named("ShortTargets").instanceIds(TemplateValue.of("i-0123456789abcdef0")))
            .taskInput(Json.object().put("instance", MaintenanceWindow.TARGET_ID).build()),
        MaintenanceWindow.named("Literal").schedule("rate(7 days)").durationHours(25).cutoffHours(-1)
            .target(MaintenanceWindowTarget.named("LiteralTargets").instanceIds(TemplateValue.of("i-0123456789abcdef0")))
            .taskInput(Json.object().put("instance", MaintenanceWindow.TARGET_ID).build())));

    assertThat(problems(compiled)).containsExactly(
        "ERROR INVALID_PARAMETER /Parameters/WideCutoff/MaxValue: parameter WideCutoff gives the Cutoff of maintenance "
            + "window Text, which Systems Manager allows 0 to 23 hours, but its MaxValue is 30; use maxValue(23)",
        "ERROR INVALID_RESOURCE_PROPERTY /Resources/Literal/Properties/Cutoff: maintenance window Literal has a cutoff "
            + "of -1 hours; Systems Manager allows 0 to 23 hours",
        "ERROR INVALID_RESOURCE_PROPERTY /Resources/Literal/Properties/Duration: maintenance window Literal has a "
            + "duration of 25 hours; Systems Manager allows 1 to 24 hours",
        "ERROR INVALID_RESOURCE_PROPERTY /Resources/Short/Properties/Cutoff: maintenance window Short has a cutoff of "
            + "6 hours (default of LongCutoff), which must be less than its duration (4 hours (default of ShortDuration))",
        "ERROR INVALID_RESOURCE_PROPERTY /Resources/Text/Properties/Duration: the Duration of maintenance window Text "
            + "is a number of hours; give a number or a Number parameter (DurationText is a String)");
  }

  @Test
  void ruleTargetsRetryAndKeepWhatFailsInAnEncryptedQueueOnlyTheRuleMaySendTo() {
    EventRule rule = EventRule.named("OnEvent")
        .eventPattern(Json.object().put("source", Json.strings("aws.health")).build())
        .retryPolicy(10, 3600)
        .deadLetterQueue();

    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).triggers(rule)
        .outputs(Output.named("DeadLetterQueueUrl", rule.deadLetterQueueUrl())));

    assertThat(problems(compiled)).isEmpty();
    JsonNode template = template(compiled);
    assertThat(template.at("/Resources/OnEvent/Properties/Targets/0")).isEqualTo(json("""
        {"Id": "StateMachine", "Arn": {"Ref": "StateMachine"}, "RoleArn": {"Fn::GetAtt": ["OnEventRole", "Arn"]},
         "RetryPolicy": {"MaximumEventAgeInSeconds": 3600, "MaximumRetryAttempts": 10},
         "DeadLetterConfig": {"Arn": {"Fn::GetAtt": ["OnEventDeadLetterQueue", "Arn"]}}}"""));
    assertThat(template.at("/Resources/OnEventDeadLetterQueue")).isEqualTo(json("""
        {"Type": "AWS::SQS::Queue", "Properties": {"MessageRetentionPeriod": 1209600, "SqsManagedSseEnabled": true}}"""));
    assertThat(template.at("/Resources/OnEventDeadLetterQueuePolicy")).isEqualTo(json("""
        {"Type": "AWS::SQS::QueuePolicy", "Properties": {"Queues": [{"Ref": "OnEventDeadLetterQueue"}],
          "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Sid": "DeadLetters", "Effect": "Allow",
            "Principal": {"Service": "events.amazonaws.com"}, "Action": "sqs:SendMessage",
            "Resource": {"Fn::GetAtt": ["OnEventDeadLetterQueue", "Arn"]},
            "Condition": {"ArnEquals": {"aws:SourceArn": {"Fn::GetAtt": ["OnEvent", "Arn"]}}}}]}}}"""));
    assertThat(template.at("/Outputs/DeadLetterQueueUrl/Value")).isEqualTo(json("{\"Ref\": \"OnEventDeadLetterQueue\"}"));
  }

  @Test
  void scheduleDeadLettersAreSentByTheSchedulesRole() {
    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).triggers(
        Schedule.named("Daily").expression("rate(1 day)").retryPolicy(3, 900).deadLetterQueue(),
        Schedule.named("Bad").expression("rate(1 day)").retryPolicy(186, 59)));

    assertThat(problems(compiled)).containsExactly(
        "ERROR INVALID_RESOURCE_PROPERTY /Resources/Bad/Properties/Target/RetryPolicy/MaximumEventAgeInSeconds: "
            + "schedule Bad keeps retrying an event for 59 seconds; EventBridge allows 60 to 86400",
        "ERROR INVALID_RESOURCE_PROPERTY /Resources/Bad/Properties/Target/RetryPolicy/MaximumRetryAttempts: "
            + "schedule Bad retries 186 times; EventBridge allows 0 to 185");
    JsonNode template = template(compiled);
    assertThat(template.at("/Resources/Daily/Properties/Target")).isEqualTo(json("""
        {"Arn": {"Ref": "StateMachine"}, "RoleArn": {"Fn::GetAtt": ["DailyRole", "Arn"]},
         "RetryPolicy": {"MaximumEventAgeInSeconds": 900, "MaximumRetryAttempts": 3},
         "DeadLetterConfig": {"Arn": {"Fn::GetAtt": ["DailyDeadLetterQueue", "Arn"]}}}"""));
    assertThat(template.at("/Resources/DailyRole/Properties/Policies/0/PolicyDocument/Statement")).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": [{"Fn::Sub": "${DailyDeadLetterQueue.Arn}"}]},
         {"Effect": "Allow", "Action": ["states:StartExecution"], "Resource": [{"Fn::Sub": "${StateMachine}"}]}]"""));
    assertThat(template.at("/Resources/DailyDeadLetterQueuePolicy").isMissingNode()).isTrue();
  }

  @Test
  void referencesToWhatTheTemplateLacksAndTakenNamesAreErrors() {
    Task publish = Task.named("Publish").resource("arn:aws:states:::sns:publish")
        .permissions(IamStatement.allow("sns:Publish", "${AlertsTopic}"));

    CompiledWorkflow compiled = compile(WorkflowSpec.builder(StateMachine.startWith(publish)).tracing(false)
        .logging(LogLevel.OFF, false).resources(SnsTopic.named("StateMachineRole"), SnsTopic.named("Bad_Id"))
        .outputs(Output.named("StateMachineArn", TemplateValue.of("x"))));

    assertThat(problems(compiled)).containsExactly(
        "ERROR DUPLICATE_LOGICAL_ID /Outputs/StateMachineArn: two outputs are named 'StateMachineArn' "
            + "(StateMachineArn and StateMachineName are always there, StateMachineVersionArn and "
            + "StateMachineAliasArn with a version and an alias); rename one",
        "ERROR INVALID_LOGICAL_ID /Resources/Bad_Id: logical id 'Bad_Id' of a AWS::SNS::Topic must be 1 to 255 letters "
            + "and digits; rename it",
        "ERROR DUPLICATE_LOGICAL_ID /Resources/StateMachineRole: logical id 'StateMachineRole' of a AWS::SNS::Topic is "
            + "already taken by another resource (the generator reserves StateMachine, StateMachineRole, StateMachinePolicy, "
            + "StateMachineLogGroup and <Id>Role, <Id>LogGroup, <Id>LogsPolicy, <Id>Task, <Id>DeadLetterQueue, "
            + "<Id>DeadLetterQueuePolicy of functions and triggers); rename one",
        "ERROR UNKNOWN_REFERENCE /Resources/StateMachineRole/Properties/Policies/0/PolicyDocument/Statement/0/Resource/0/Fn::Sub: "
            + "${AlertsTopic} names 'AlertsTopic', which is not a parameter or resource of the template; declare it in the "
            + "WorkflowSpec, or write ${!AlertsTopic} for the literal text");
  }

  @Test
  void aTaskWithoutPermissionsAndAParameterInTwoGroupsAreReported() {
    Parameter region = Parameter.string("Region");
    Task call = Task.named("Call").resource("arn:aws:states:::aws-sdk:ec2:describeRegions")
        .parameters(Json.object().put("RegionNames", Json.array(region.ref())));
    Task wait = Task.named("Wait").resource("arn:aws:states:us-east-1:123456789012:activity:approve");
    call.next(wait);

    CompiledWorkflow compiled = compile(WorkflowSpec.builder(StateMachine.startWith(call))
        .parameterGroup("One", region).parameterGroup("Two", region));

    assertThat(problems(compiled)).containsExactly(
        "ERROR DUPLICATE_LOGICAL_ID /Metadata/AWS::CloudFormation::Interface/ParameterGroups: parameter Region is in "
            + "two parameter groups; the console shows it once, so keep it in one",
        "WARNING MISSING_TASK_PERMISSIONS /States/Call/Resource: task Call calls arn:aws:states:::aws-sdk:ec2:describeRegions "
            + "but declares no IAM permission, so the execution role will not allow the call; use a typed integration "
            + "with Task.call(...), or add Task.permissions(...) (io/statecraft/generator/cfn/TemplateGeneratorTest.java:631)");
  }

  @Test
  void placeholdersWorkInResourcesChoiceLiteralsAndJsonataNumbers() {
    Parameter mode = Parameter.string("Mode").allowedValues("fast", "slow").defaultValue("fast");
    Parameter pause = Parameter.number("PauseSeconds").defaultValue(5);
    LambdaFunction work = LambdaFunction.named("Work").inlineCode("def handler(e, c):\n  return e\n");
    Task call = Task.named("Call").resource(work.arn()).permissions(work.invokeStatement());
    io.statecraft.dsl.Choice choose = io.statecraft.dsl.Choice.named("Choose");
    io.statecraft.dsl.Wait wait = io.statecraft.dsl.Wait.named("Pause").queryLanguage(io.statecraft.dsl.QueryLanguage.JSONATA)
        .seconds(pause.ref());
    choose.when(io.statecraft.dsl.Condition.stringEquals(Path.of("$.mode"), mode.ref()), call).otherwise(wait);

    CompiledWorkflow compiled = compile(WorkflowSpec.builder(StateMachine.startWith(choose))
        .parameters(mode, pause).resources(work));

    assertThat(problems(compiled)).isEmpty();
    assertThat(json(compiled.files().get(OutputFile.DEFINITION))).isEqualTo(json("""
        {"StartAt": "Choose", "States": {
          "Choose": {"Type": "Choice", "Choices": [{"Variable": "$.mode", "StringEquals": "${Mode}", "Next": "Call"}],
                     "Default": "Pause"},
          "Call": {"Type": "Task", "Resource": "${WorkArn}", "End": true},
          "Pause": {"Type": "Wait", "QueryLanguage": "JSONata", "Seconds": "{% ${PauseSeconds} %}", "End": true}}}"""));
    assertThat(template(compiled).at("/Resources/StateMachine/Properties/DefinitionSubstitutions")).isEqualTo(json("""
        {"Mode": {"Ref": "Mode"}, "PauseSeconds": {"Ref": "PauseSeconds"}, "WorkArn": {"Fn::GetAtt": ["Work", "Arn"]}}"""));
  }

  @Test
  void aTriggerInputMayHoldParametersAndResourcesFilledInByFnSub() {
    SnsTopic topic = SnsTopic.named("Alerts");
    Parameter team = Parameter.string("Team");
    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).parameters(team).resources(topic).triggers(
        EventRule.named("Hourly").schedule("rate(1 hour)")
            .input(Json.object().put("topic", topic.arn()).put("team", team.ref()).put("note", "50% off").build())));

    assertThat(problems(compiled)).isEmpty();
    assertThat(template(compiled).at("/Resources/Hourly/Properties/Targets/0/Input")).isEqualTo(json("""
        {"Fn::Sub": "{\\"topic\\":\\"${Alerts}\\",\\"team\\":\\"${Team}\\",\\"note\\":\\"50% off\\"}"}"""));
  }

  @Test
  void aDescriptionOverCloudFormationsLimitIsAnError() {
    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).description("x".repeat(1020)));

    assertThat(problems(compiled)).containsExactly("ERROR TOO_LARGE /Description: the template's Description "
        + "(\"sample: \" and the workflow's description) is 1028 characters, over CloudFormation's 1024; shorten "
        + "WorkflowSpec.description(...)");
  }

  @Test
  void inlinePoliciesOverIamsLimitAreAnError() {
    // Different actions on different resources: nothing merges.
    Task task = Task.named("Many").resource("arn:aws:states:::aws-sdk:s3:getObject");
    List<String> actions = io.statecraft.iam.IamCatalog.standard().actions("s3").stream()
        .filter(io.statecraft.iam.IamAction::supportsResourceLevelPermissions)
        .map(io.statecraft.iam.IamAction::qualifiedName).limit(150).toList();
    for (int i = 0; i < actions.size(); i++) {
      task.permissions(IamStatement.allow(actions.get(i), "arn:${AWS::Partition}:s3:::bucket-number-" + i + "/*"));
    }

    CompiledWorkflow compiled = compile(WorkflowSpec.builder(StateMachine.startWith(task)).tracing(false)
        .logging(LogLevel.OFF, false));

    assertThat(problems(compiled)).containsExactly("ERROR TOO_LARGE /Resources/StateMachineRole/Properties/Policies: "
        + "the inline policies of role StateMachineRole take about 19948 characters, over IAM's 10240 for a role; "
        + "grant on fewer, broader resources (an ARN pattern) or split the workflow");
  }

  @Test
  void windowTaskLimitsComeFromTextOrStringParameters() {
    Parameter concurrency = Parameter.string("Concurrency").allowedPattern("[1-9][0-9]*%?").defaultValue("10%");
    Parameter errors = Parameter.string("Errors").defaultValue("none");
    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).triggers(
        MaintenanceWindow.named("Good").schedule("rate(7 days)").maxConcurrency(concurrency).maxErrors("0")
            .target(MaintenanceWindowTarget.named("GoodTargets").instanceIds(TemplateValue.of("i-0123456789abcdef0")))
            .taskInput(Json.object().put("instance", MaintenanceWindow.TARGET_ID).build()),
        MaintenanceWindow.named("Bad").schedule("rate(7 days)").maxConcurrency("0").maxErrors(errors)
            .target(MaintenanceWindowTarget.named("BadTargets").instanceIds(TemplateValue.of("i-0123456789abcdef0")))
            .taskInput(Json.object().put("instance", MaintenanceWindow.TARGET_ID).build()),
        MaintenanceWindow.named("Typed").schedule("rate(7 days)").maxConcurrency(Parameter.number("Many").defaultValue(5))
            .target(MaintenanceWindowTarget.named("TypedTargets").instanceIds(TemplateValue.of("i-0123456789abcdef0")))
            .taskInput(Json.object().put("instance", MaintenanceWindow.TARGET_ID).build())));

    assertThat(problems(compiled)).containsExactly(
        "ERROR INVALID_PARAMETER /Parameters/Errors/Default: the MaxErrors of maintenance window Bad is 'none', but "
            + "Systems Manager expects a number from 0 or a percentage from 0% to 100%",
        "ERROR INVALID_RESOURCE_PROPERTY /Resources/BadTask/Properties/MaxConcurrency: the MaxConcurrency of maintenance "
            + "window Bad is '0', but Systems Manager expects a number from 1 or a percentage from 1% to 100%",
        "ERROR INVALID_RESOURCE_PROPERTY /Resources/TypedTask/Properties/MaxConcurrency: the MaxConcurrency of "
            + "maintenance window Typed is a number from 1 or a percentage from 1% to 100%, written as text; give a text "
            + "or a String parameter (Many is a Number)");
    JsonNode task = template(compiled).at("/Resources/GoodTask/Properties");
    assertThat(task.get("MaxConcurrency")).isEqualTo(json("{\"Ref\": \"Concurrency\"}"));
    assertThat(task.get("MaxErrors")).isEqualTo(json("\"0\""));
  }

  @Test
  void aNoEchoParameterInANonSecretConnectionParameterIsAnError() {
    Parameter key = Parameter.string("Key").noEcho();
    Parameter token = Parameter.string("Token").noEcho();
    HttpConnection api = HttpConnection.named("Conn").apiKey("X-Key", key).header("X-Token", token)
        .secretHeader("X-Other", Parameter.string("Other").noEcho());

    CompiledWorkflow compiled = compile(passing(Json.object().put("a", 1)).resources(api));

    assertThat(problems(compiled)).containsExactly(
        "ERROR NOECHO_EXPOSED /Resources/Conn/Properties/AuthParameters/InvocationHttpParameters/HeaderParameters/0/Value: "
            + "the header parameter X-Token of connection Conn is not secret (IsValueSecret: false), but parameter "
            + "Token is NoEcho; add it with the secret form (secretHeader, secretQueryParameter, or secret = true)");
  }

  /** A Number parameter the definition uses, without a range, is text holding an integer of up to 15 digits. */
  static final String ANY_INTEGER = "-([1-9]|[1-9][0-9]{1,14})|[0-9]|[1-9][0-9]{1,14}";
}
