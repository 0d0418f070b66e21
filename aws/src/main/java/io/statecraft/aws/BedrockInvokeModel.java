package io.statecraft.aws;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Integration;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Bedrock model invoked through Step Functions' optimized integration
 * ({@code arn:aws:states:::bedrock:invokeModel}). Its request is not the SDK's {@code InvokeModelRequest}:
 * {@code Body} is JSON rather than bytes, and {@code Input} and {@code Output} ({@code S3Uri}) exist only
 * here (https://docs.aws.amazon.com/step-functions/latest/dg/connect-bedrock.html).
 *
 * <pre>{@code
 * Task.named("Summarize").call(BedrockInvokeModel.model("amazon.titan-text-express-v1")
 *         .body(Json.object().put("inputText", Path.input().field("text")).build()))
 *     .resultSelector(Json.object().put("summary", BedrockInvokeModel.BODY.field("results")).build());
 * }</pre>
 *
 * <p>Exactly one of {@link #body(Value)} and {@link #input(Value)} must be given. It grants
 * {@code bedrock:InvokeModel} on the model, as the page's policies do: a model id is a foundation model
 * of the stack's region ({@code arn:${AWS::Partition}:bedrock:${AWS::Region}::foundation-model/<id>}), an
 * ARN (a provisioned or custom model, an inference profile) is granted as written, and a model chosen
 * at run time gets the page's full-access resources, every foundation and provisioned model.
 */
public final class BedrockInvokeModel implements Integration {

  /** What the model returned, in the task's result: {@code $.Body}. */
  public static final Path BODY = Path.input().field("Body");

  /** What the model returned, in a JSONata state: {@code $states.result.Body}. */
  public static final Jsonata BODY_JSONATA = Jsonata.of("$states.result.Body");

  private static final String BEDROCK = "arn:${AWS::Partition}:bedrock:${AWS::Region}:";
  private static final String FOUNDATION_MODELS = BEDROCK + ":foundation-model/";
  private static final String ACCOUNT = BEDROCK + "${AWS::AccountId}:";

  private final Value model;
  private final Map<String, Value> fields;

  private BedrockInvokeModel(Value model, Map<String, Value> fields) {
    this.model = model;
    this.fields = fields;
  }

  /**
   * The model, {@code ModelId}: a foundation model's id ({@code amazon.titan-text-express-v1}), a model's
   * ARN, or a placeholder holding a foundation model's id.
   */
  public static BedrockInvokeModel model(Value model) {
    return new BedrockInvokeModel(Objects.requireNonNull(model, "model == null"), Map.of());
  }

  /** The model by id or ARN. */
  public static BedrockInvokeModel model(String model) {
    return model(Value.of(model));
  }

  /** {@code Body}: the model's input, as JSON (up to 256 KiB); Step Functions does not check it. */
  public BedrockInvokeModel body(Value body) {
    return with("Body", Objects.requireNonNull(body, "body == null"));
  }

  /** {@code Input.S3Uri}: read the model's input from S3 instead of {@code Body}. */
  public BedrockInvokeModel input(Value s3Uri) {
    return with("Input", new ObjectValue(Map.of("S3Uri", Objects.requireNonNull(s3Uri, "s3Uri == null"))));
  }

  /** {@code Output.S3Uri}: write the response to S3; the result then points at it instead of holding it. */
  public BedrockInvokeModel output(Value s3Uri) {
    return with("Output", new ObjectValue(Map.of("S3Uri", Objects.requireNonNull(s3Uri, "s3Uri == null"))));
  }

  /** {@code ContentType} of the input (default {@code application/json}). */
  public BedrockInvokeModel contentType(String contentType) {
    return with("ContentType", Value.of(contentType));
  }

  /** {@code Accept}: the content type of the response (default {@code application/json}). */
  public BedrockInvokeModel accept(String accept) {
    return with("Accept", Value.of(accept));
  }

  private BedrockInvokeModel with(String name, Value value) {
    Map<String, Value> copy = new LinkedHashMap<>(fields);
    copy.put(name, value);
    return new BedrockInvokeModel(model, copy);
  }

  @Override
  public String resource() {
    return "arn:aws:states:::bedrock:invokeModel";
  }

  /**
   * {@code ModelId} and the fields set.
   *
   * @throws IllegalStateException when neither or both of {@code Body} and {@code Input} were given
   */
  @Override
  public ObjectValue payload() {
    if (fields.containsKey("Body") == fields.containsKey("Input")) {
      throw new IllegalStateException("bedrock:invokeModel of " + model + ": give the model's input with exactly one "
          + "of .body(value) and .input(s3Uri) (https://docs.aws.amazon.com/step-functions/latest/dg/connect-bedrock.html)");
    }
    Map<String, Value> payload = new LinkedHashMap<>();
    payload.put("ModelId", model);
    payload.putAll(fields);
    return new ObjectValue(payload);
  }

  /** {@code bedrock:InvokeModel} on the model. */
  @Override
  public List<IamStatement> iamStatements() {
    List<String> resources;
    if (model instanceof StringValue text && text.value().startsWith("arn:")) {
      resources = List.of(text.value());
    } else if (model instanceof StringValue text) {
      resources = List.of(FOUNDATION_MODELS + text.value());
    } else if (model instanceof Placeholder placeholder) {
      resources = List.of(FOUNDATION_MODELS + placeholder.token());
    } else {
      resources = List.of(FOUNDATION_MODELS + "*", ACCOUNT + "provisioned-model/*");
    }
    return List.of(IamStatement.allow(List.of("bedrock:InvokeModel"), resources));
  }

  // CreateModelCustomizationJob as the Step Functions page grants it: the base model (a foundation
  // model's id or ARN; a custom model is one of custom-model/*), every custom model and every
  // customization job (Bedrock assigns their ids).
  static List<String> customizationResources(Value baseModel) {
    List<String> resources = new ArrayList<>();
    if (baseModel instanceof StringValue text && text.value().startsWith("arn:")) {
      if (!text.value().contains(":custom-model/")) {
        resources.add(text.value());
      }
    } else if (baseModel instanceof StringValue text) {
      resources.add(FOUNDATION_MODELS + text.value());
    } else if (baseModel instanceof Placeholder placeholder) {
      resources.add(FOUNDATION_MODELS + placeholder.token());
    } else {
      resources.add(FOUNDATION_MODELS + "*");
    }
    resources.add(ACCOUNT + "custom-model/*");
    resources.add(ACCOUNT + "model-customization-job/*");
    return List.copyOf(resources);
  }

  @Override
  public String toString() {
    return resource() + " " + model;
  }
}
