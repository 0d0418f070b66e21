package io.statecraft.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.dsl.Context;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.Value;
import org.junit.jupiter.api.Test;

/** connect-api-gateway.html and api-gateway-iam.html: the request, the grant with IAM_ROLE, the error names. */
class ApiGatewayInvokeTest {

  @Test
  void aSignedCallIsGrantedExactlyItsApiStageMethodAndPath() {
    ApiGatewayInvoke bills = ApiGatewayInvoke.get(Value.of("a1b2c3.execute-api.eu-west-1.amazonaws.com"))
        .stage("prod").path("bills").header("Accept", Value.of("application/json"))
        .queryParameter("billId", Path.input().field("id")).authType(ApiGatewayInvoke.AuthType.IAM_ROLE);

    assertThat(bills.resource()).isEqualTo("arn:aws:states:::apigateway:invoke");
    assertThat(bills.payload()).isEqualTo(Json.object()
        .put("ApiEndpoint", "a1b2c3.execute-api.eu-west-1.amazonaws.com")
        .put("Method", "GET")
        .put("Stage", "prod")
        .put("Path", "bills")
        .put("Headers", Json.object().put("Accept", Json.array(Value.of("application/json"))))
        .put("QueryParameters", Json.object().put("billId", Json.array(Path.input().field("id"))))
        .put("AuthType", "IAM_ROLE").build());
    assertThat(bills.iamStatements()).containsExactly(IamStatement.allow("execute-api:Invoke",
        "arn:${AWS::Partition}:execute-api:eu-west-1:${AWS::AccountId}:a1b2c3/prod/GET/bills"));
  }

  @Test
  void anEndpointFromAParameterIsGrantedTheApiAndRegionItNames() {
    ApiGatewayInvoke add = ApiGatewayInvoke.post(Placeholder.string("BillsEndpoint")).path("/bills/add")
        .requestBody(Json.object().put("billId", "my-new-bill").build())
        .authType(ApiGatewayInvoke.AuthType.IAM_ROLE);

    assertThat(add.iamStatements()).containsExactly(IamStatement.allow("execute-api:Invoke",
        "arn:${AWS::Partition}:execute-api:${Select(2,Split(.,BillsEndpoint))}:${AWS::AccountId}:"
            + "${Select(0,Split(.,BillsEndpoint))}/$default/POST/bills/add"));
    assertThat(ApiGatewayInvoke.get(Path.input().field("api")).path(Path.input().field("path"))
        .authType(ApiGatewayInvoke.AuthType.IAM_ROLE).iamStatements()).containsExactly(IamStatement.allow(
            "execute-api:Invoke", "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:*/$default/GET/*"));
  }

  @Test
  void anApiOpenToStepFunctionsGrantsTheRoleNothing() {
    assertThat(ApiGatewayInvoke.get(Value.of("a1b2c3.execute-api.eu-west-1.amazonaws.com")).iamStatements()).isEmpty();
    assertThat(ApiGatewayInvoke.get(Value.of("a1b2c3.execute-api.eu-west-1.amazonaws.com"))
        .authType(ApiGatewayInvoke.AuthType.RESOURCE_POLICY).iamStatements()).isEmpty();
  }

  @Test
  void theCallbackPatternNeedsTheTokenInTheRequest() {
    ApiGatewayInvoke callback = ApiGatewayInvoke.post(Value.of("a1b2c3.execute-api.eu-west-1.amazonaws.com"))
        .header("TaskToken", Context.taskToken()).waitForTaskToken();
    assertThat(callback.resource()).isEqualTo("arn:aws:states:::apigateway:invoke.waitForTaskToken");
    assertThatThrownBy(ApiGatewayInvoke.post(Value.of("a1b2c3.execute-api.eu-west-1.amazonaws.com"))::waitForTaskToken)
        .hasMessage("apigateway:invoke.waitForTaskToken: no header, query parameter or body passes the task token on, "
            + "so the API could never answer and the task would wait until it times out; put Context.taskToken() "
            + "($$.Task.Token) in one of them");
  }

  @Test
  void errorsAreTheStatusOrTheException() {
    assertThat(ApiGatewayInvoke.status(403)).isEqualTo("ApiGateway.403");
    assertThat(ApiGatewayInvoke.error("SdkClientException")).isEqualTo("ApiGateway.SdkClientException");
  }

  @Test
  void whatTheIntegrationRefusesIsRefusedWhenTheWorkflowIsBuilt() {
    assertThatThrownBy(() -> ApiGatewayInvoke.get(Value.of("https://a1b2c3.execute-api.eu-west-1.amazonaws.com/prod")))
        .hasMessage("apigateway:invoke: ApiEndpoint https://a1b2c3.execute-api.eu-west-1.amazonaws.com/prod is not an "
            + "API Gateway host; give <API ID>.execute-api.<region>.amazonaws.com, without https:// or a path "
            + "(https://docs.aws.amazon.com/step-functions/latest/dg/connect-api-gateway.html)");
    assertThatThrownBy(() -> ApiGatewayInvoke.get(Value.of("a1b2c3.execute-api.eu-west-1.amazonaws.com"))
        .header("X-Amz-Date", Value.of("now")))
        .hasMessage("apigateway:invoke: Step Functions does not send the header X-Amz-Date (it refuses Authorization, "
            + "Host, X-Forwarded-*, X-Amz-* and other connection headers); authenticate with authType(...) instead "
            + "(https://docs.aws.amazon.com/step-functions/latest/dg/connect-api-gateway.html)");
  }

  @Test
  void itsTaskIsWrittenAndPassesTheValidator() {
    assertThat(Definitions.task(ApiGatewayInvoke.get(Placeholder.string("BillsEndpoint")).stage("prod").path("bills")
        .authType(ApiGatewayInvoke.AuthType.IAM_ROLE))).isEqualTo("{\"Type\":\"Task\",\"Resource\":"
            + "\"arn:aws:states:::apigateway:invoke\",\"Parameters\":{\"ApiEndpoint\":\"${BillsEndpoint}\","
            + "\"Method\":\"GET\",\"Stage\":\"prod\",\"Path\":\"bills\",\"AuthType\":\"IAM_ROLE\"},\"End\":true}");
  }
}
