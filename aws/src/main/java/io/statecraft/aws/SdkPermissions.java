package io.statecraft.aws;

import io.statecraft.dsl.ArrayValue;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import io.statecraft.iam.ArnFormats;
import io.statecraft.iam.IamAction;
import io.statecraft.iam.IamActionResource;
import io.statecraft.iam.IamCatalog;
import io.statecraft.iam.IamResourceType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IAM statements an AWS SDK call needs, from AWS's Service Authorization Reference (the
 * {@link IamCatalog}): the action's exact name, and its resources scoped by the request's members
 * where AWS scopes the action by them.
 *
 * <p>How resources are found, for each resource type the action names that is required, or that a
 * request member fills:
 *
 * <ul>
 *   <li>a member named after the type with {@code Arn} ({@code TopicArn} for {@code topic}) or a
 *       member holding a literal {@code arn:...} gives the whole ARN;
 *   <li>otherwise each placeholder of the type's ARN format ({@code ${InstanceId}}) is filled from
 *       the member of that name, its plural ({@code InstanceIds}: one ARN per id), or one of the
 *       few other names AWS gives it ({@code Bucket} for {@code ${BucketName}});
 *   <li>a type the action accepts without requiring it is included only when the request fills
 *       all of its placeholders (SendCommand's {@code instance} from {@code InstanceIds});
 *   <li>a member given at run time (a path or JSONata expression) or not given at all becomes
 *       {@code *} inside the ARN, which stays scoped to the stack's partition, region and account;
 *   <li>a placeholder {@link Placeholder} stays {@code ${Name}}, which CloudFormation fills.
 * </ul>
 *
 * <p>An action without resource types is granted on {@code *}, with the reason.
 */
final class SdkPermissions {

  /**
   * SDK operations whose IAM action has another name. Every other operation's action has the
   * operation's own name, which the catalog confirms.
   */
  static final Map<String, List<String>> ACTIONS = Map.ofEntries(
      Map.entry("s3:ListBuckets", List.of("ListAllMyBuckets")),
      Map.entry("s3:ListObjects", List.of("ListBucket")),
      Map.entry("s3:ListObjectsV2", List.of("ListBucket")),
      Map.entry("s3:HeadBucket", List.of("ListBucket")),
      Map.entry("s3:HeadObject", List.of("GetObject")),
      Map.entry("s3:ListObjectVersions", List.of("ListBucketVersions")),
      Map.entry("s3:ListMultipartUploads", List.of("ListBucketMultipartUploads")),
      Map.entry("s3:ListParts", List.of("ListMultipartUploadParts")),
      Map.entry("s3:DeleteObjects", List.of("DeleteObject")),
      Map.entry("s3:CreateMultipartUpload", List.of("PutObject")),
      Map.entry("s3:UploadPart", List.of("PutObject")),
      Map.entry("s3:CompleteMultipartUpload", List.of("PutObject")),
      Map.entry("s3:GetBucketLifecycleConfiguration", List.of("GetLifecycleConfiguration")),
      Map.entry("s3:PutBucketLifecycleConfiguration", List.of("PutLifecycleConfiguration")),
      Map.entry("s3:DeleteBucketLifecycle", List.of("PutLifecycleConfiguration")),
      Map.entry("s3:GetBucketNotificationConfiguration", List.of("GetBucketNotification")),
      Map.entry("s3:PutBucketNotificationConfiguration", List.of("PutBucketNotification")),
      Map.entry("s3:GetBucketEncryption", List.of("GetEncryptionConfiguration")),
      Map.entry("s3:PutBucketEncryption", List.of("PutEncryptionConfiguration")),
      Map.entry("s3:DeleteBucketEncryption", List.of("PutEncryptionConfiguration")),
      Map.entry("s3:GetBucketReplication", List.of("GetReplicationConfiguration")),
      Map.entry("s3:PutBucketReplication", List.of("PutReplicationConfiguration")),
      Map.entry("s3:DeleteBucketReplication", List.of("PutReplicationConfiguration")),
      Map.entry("s3:GetObjectLockConfiguration", List.of("GetBucketObjectLockConfiguration")),
      Map.entry("s3:PutObjectLockConfiguration", List.of("PutBucketObjectLockConfiguration")),
      Map.entry("s3:GetPublicAccessBlock", List.of("GetBucketPublicAccessBlock")),
      Map.entry("s3:PutPublicAccessBlock", List.of("PutBucketPublicAccessBlock")),
      Map.entry("s3:DeletePublicAccessBlock", List.of("PutBucketPublicAccessBlock")),
      Map.entry("s3:DeleteBucketCors", List.of("PutBucketCORS")),
      Map.entry("s3:DeleteBucketTagging", List.of("PutBucketTagging")),
      Map.entry("s3:GetBucketAccelerateConfiguration", List.of("GetAccelerateConfiguration")),
      Map.entry("s3:PutBucketAccelerateConfiguration", List.of("PutAccelerateConfiguration")),
      Map.entry("s3:GetBucketIntelligentTieringConfiguration", List.of("GetIntelligentTieringConfiguration")),
      Map.entry("s3:GetBucketInventoryConfiguration", List.of("GetInventoryConfiguration")),
      Map.entry("s3:GetBucketMetricsConfiguration", List.of("GetMetricsConfiguration")),
      Map.entry("s3:GetBucketAnalyticsConfiguration", List.of("GetAnalyticsConfiguration")),
      Map.entry("s3:PutBucketAnalyticsConfiguration", List.of("PutAnalyticsConfiguration")),
      Map.entry("s3:DeleteBucketAnalyticsConfiguration", List.of("PutAnalyticsConfiguration")),
      Map.entry("s3:ListBucketAnalyticsConfigurations", List.of("GetAnalyticsConfiguration")),
      Map.entry("s3:PutBucketIntelligentTieringConfiguration", List.of("PutIntelligentTieringConfiguration")),
      Map.entry("s3:DeleteBucketIntelligentTieringConfiguration", List.of("PutIntelligentTieringConfiguration")),
      Map.entry("s3:ListBucketIntelligentTieringConfigurations", List.of("GetIntelligentTieringConfiguration")),
      Map.entry("s3:PutBucketInventoryConfiguration", List.of("PutInventoryConfiguration")),
      Map.entry("s3:DeleteBucketInventoryConfiguration", List.of("PutInventoryConfiguration")),
      Map.entry("s3:ListBucketInventoryConfigurations", List.of("GetInventoryConfiguration")),
      Map.entry("s3:PutBucketMetricsConfiguration", List.of("PutMetricsConfiguration")),
      Map.entry("s3:DeleteBucketMetricsConfiguration", List.of("PutMetricsConfiguration")),
      Map.entry("s3:ListBucketMetricsConfigurations", List.of("GetMetricsConfiguration")),
      Map.entry("s3:DeleteBucketOwnershipControls", List.of("PutBucketOwnershipControls")),
      Map.entry("sns:PublishBatch", List.of("Publish")),
      Map.entry("sqs:SendMessageBatch", List.of("SendMessage")),
      Map.entry("sqs:DeleteMessageBatch", List.of("DeleteMessage")),
      Map.entry("sqs:ChangeMessageVisibilityBatch", List.of("ChangeMessageVisibility")),
      Map.entry("dynamodb:TransactGetItems", List.of("GetItem")),
      Map.entry("dynamodb:TransactWriteItems", List.of("PutItem", "UpdateItem", "DeleteItem", "ConditionCheckItem")),
      Map.entry("lambda:GetLayerVersionByArn", List.of("GetLayerVersion")),
      Map.entry("lambda:Invoke", List.of("InvokeFunction")),
      Map.entry("lambda:InvokeWithResponseStream", List.of("InvokeFunction")));

  /** Other member names under which AWS's APIs take an ARN placeholder's value. */
  private static final Map<String, List<Alias>> ALIASES = Map.ofEntries(
      Map.entry("BucketName", List.of(Alias.same("Bucket"))),
      Map.entry("ObjectName", List.of(Alias.same("Key"))),
      Map.entry("QueueName", List.of(new Alias("QueueUrl", Conversion.LAST_PATH_SEGMENT, false, true))),
      Map.entry("ParameterNameWithoutLeadingSlash",
          List.of(new Alias("Name", Conversion.WITHOUT_LEADING_SLASH, false, false))),
      Map.entry("TaskDefinitionFamilyName", List.of(new Alias("TaskDefinition", Conversion.BEFORE_COLON, false, false))),
      Map.entry("JobQueueName", List.of(Alias.same("JobQueue"))),
      Map.entry("JobDefinitionName", List.of(new Alias("JobDefinition", Conversion.BEFORE_COLON, false, false))),
      Map.entry("WorkGroupName", List.of(Alias.same("WorkGroup"))));

  /**
   * Member names one service alone gives a placeholder, by {@code prefix:Placeholder}: EMR on EKS'
   * DeleteVirtualCluster names the cluster {@code Id}, EKS' CreateCluster and DeleteCluster name it
   * {@code Name} (other services' {@code Id} or {@code Name} mean something else).
   */
  private static final Map<String, List<Alias>> SERVICE_ALIASES = Map.of(
      "emr-containers:VirtualClusterId", List.of(Alias.same("Id")),
      "eks:ClusterName", List.of(Alias.same("Name")));

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(?!AWS::)([^}!]+)}");

  /**
   * A member that gives a placeholder's value.
   *
   * @param convert turns the member's text into the placeholder's
   * @param same whether the member holds the value as it is, so that a deploy-time placeholder
   *     given for it can stand in the ARN too
   */
  /**
   * A member under which an API takes a placeholder's value, and how its literal value converts.
   * {@code queueArnFromUrl}: the whole ARN comes from a deploy-time placeholder's parts, by the
   * placeholder's name: a queue given by a URL parameter is granted exactly, in the region and
   * account its URL names, rather than {@code *} in the stack's.
   */
  private record Alias(String member, Conversion convert, boolean same, boolean queueArnFromUrl) {

    static Alias same(String member) {
      return new Alias(member, Conversion.SAME, true, false);
    }
  }

  // Constants rather than functions: the table above is built in every JVM that generates a typed
  // call, and each lambda or method reference would be a class spun at run time (issue 19).
  private enum Conversion {
    SAME, LAST_PATH_SEGMENT, WITHOUT_LEADING_SLASH, BEFORE_COLON;

    String apply(String value) {
      switch (this) {
        case LAST_PATH_SEGMENT:
          return lastPathSegment(value);
        case WITHOUT_LEADING_SLASH:
          return value.replaceFirst("^/", "");
        case BEFORE_COLON:
          return beforeColon(value);
        default:
          return value;
      }
    }
  }

  private SdkPermissions() {}

  /** The catalog's actions for an operation: one, except for a few such as TransactWriteItems. */
  static List<IamAction> actions(SdkOperation operation) {
    IamCatalog catalog = IamCatalog.standard();
    String prefix = null;
    for (String candidate : operation.service().iamPrefixCandidates()) {
      if (catalog.hasService(candidate)) {
        prefix = candidate;
        break;
      }
    }
    if (prefix == null) {
      throw new IllegalArgumentException(operation + ": AWS's Service Authorization Reference has no service "
          + String.join(" or ", operation.service().iamPrefixCandidates())
          + "; give the statements yourself with AwsSdk.call(request).permissions(IamStatement...)");
    }
    List<IamAction> actions = new ArrayList<>();
    for (String actionName : ACTIONS.getOrDefault(prefix + ":" + operation.name(), List.of(operation.name()))) {
      Optional<IamAction> action = catalog.action(prefix, actionName);
      if (action.isEmpty()) {
        throw new IllegalArgumentException(operation
            + ": AWS's Service Authorization Reference has no action " + prefix + ":" + actionName
            + "; give the statements yourself with AwsSdk.call(request).permissions(IamStatement...)");
      }
      actions.add(action.get());
    }
    return actions;
  }

  /** The statements for a call of {@code operation} with this payload, one per action. */
  static List<IamStatement> statements(SdkOperation operation, ObjectValue payload) {
    List<IamStatement> statements = new ArrayList<>();
    for (IamAction action : actions(operation)) {
      statements.add(statement(action, payload));
    }
    return List.copyOf(statements);
  }

  /** One statement for {@code action}, scoped by the members of {@code payload}. */
  static IamStatement statement(IamAction action, ObjectValue payload) {
    if (!action.supportsResourceLevelPermissions()) {
      return IamStatement.allowOnAnyResource(List.of(action.qualifiedName()), noResourceLevel(action));
    }
    IamCatalog catalog = IamCatalog.standard();
    Set<String> resources = new LinkedHashSet<>();
    for (IamActionResource use : action.resourceTypes()) {
      IamResourceType type = catalog.resourceType(action.servicePrefix(), use.name()).orElseThrow();
      List<String> arns = arns(action, type, payload, use.required());
      resources.addAll(arns);
    }
    if (resources.isEmpty()) {
      // Nothing required and nothing named by the request: every type the action accepts, with
      // its names open but its partition, region and account fixed.
      for (IamResourceType type : catalog.resourceTypes(action)) {
        resources.add(wildcard(ArnFormats.toFnSub(type.arnFormats().get(0))));
      }
    }
    return IamStatement.allow(List.of(action.qualifiedName()), List.copyOf(resources));
  }

  /** The reason written beside a statement on {@code *}. */
  static String noResourceLevel(IamAction action) {
    return action.qualifiedName() + " supports no resource-level permissions (AWS Service Authorization "
        + "Reference), so IAM can grant it only on all resources";
  }

  private static List<String> arns(IamAction action, IamResourceType type, ObjectValue payload, boolean required) {
    String format = ArnFormats.toFnSub(type.arnFormats().get(0));
    Optional<String> ofPlaceholder = arnOfPlaceholder(format, payload);
    if (ofPlaceholder.isPresent()) {
      return List.of(ofPlaceholder.get());
    }
    String service = action.servicePrefix();
    Optional<Value> whole = wholeArn(type, payload);
    if (whole.isEmpty()) {
      whole = arnInPlaceholderMember(service, format, payload);
    }
    if (whole.isPresent()) {
      List<String> arns = new ArrayList<>();
      for (Value value : items(whole.get())) {
        arns.add(value instanceof StringValue s && s.value().startsWith("arn:") ? escape(s.value())
            : value instanceof Placeholder p ? p.token() : wildcard(format));
      }
      return arns;
    }
    List<String> arns = List.of(format);
    boolean allNamed = true;
    Matcher m = PLACEHOLDER.matcher(format);
    Set<String> seen = new LinkedHashSet<>();
    while (m.find()) {
      seen.add(m.group(1));
    }
    for (String placeholder : seen) {
      Optional<List<String>> values = placeholderValues(service, placeholder, payload);
      allNamed &= values.isPresent();
      List<String> next = new ArrayList<>();
      for (String arn : arns) {
        for (String value : values.orElse(List.of("*"))) {
          next.add(arn.replace("${" + placeholder + "}", value));
        }
      }
      arns = next;
    }
    // A type the action accepts but does not require is granted only when the request names all
    // of it (SendCommand's instances by InstanceIds), not for every optional type it might use.
    if (!required && !allNamed) {
      return List.of();
    }
    List<String> fixed = new ArrayList<>();
    for (String arn : arns) {
      fixed.add(awsOwned(action, type, arn));
    }
    return fixed;
  }

  // AWS's own SSM documents (AWS-RunPatchBaseline, ...) have ARNs without an account:
  // arn:aws:ssm:us-east-1::document/AWS-RunPatchBaseline.
  private static String awsOwned(IamAction action, IamResourceType type, String arn) {
    if (action.servicePrefix().equals("ssm") && type.name().equals("document") && arn.contains(":document/AWS-")) {
      return arn.replace("${AWS::AccountId}:document/", ":document/");
    }
    return arn;
  }

  private static Optional<Value> wholeArn(IamResourceType type, ObjectValue payload) {
    String wanted = type.name().replace("-", "").toLowerCase(Locale.ROOT) + "arn";
    for (Map.Entry<String, Value> field : payload.fields().entrySet()) {
      if (field.getKey().toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(field.getValue());
      }
    }
    return Optional.empty();
  }

  // A member that may hold a name or an ARN (a Lambda FunctionName, a DynamoDB TableName, an ECS
  // TaskDefinition) and holds an ARN gives the whole ARN: one written out, or a placeholder whose
  // name ends in Arn (a resource's arn(), an ARN parameter), which holds the ARN of a resource that
  // may be in another account or region.
  private static Optional<Value> arnInPlaceholderMember(String service, String format, ObjectValue payload) {
    Matcher m = PLACEHOLDER.matcher(format);
    while (m.find()) {
      for (Alias alias : candidates(service, m.group(1))) {
        Value value = payload.get(alias.member());
        if (value instanceof StringValue s && s.value().startsWith("arn:") || holdsArn(value)) {
          return Optional.of(value);
        }
      }
    }
    return Optional.empty();
  }

  /** Whether a value is a placeholder that holds an ARN: by Statecraft's naming, its name ends in {@code Arn}. */
  static boolean holdsArn(Value value) {
    return value instanceof Placeholder p && p.kind() == Placeholder.Kind.STRING && p.name().endsWith("Arn");
  }

  // The whole ARN of a resource a deploy-time placeholder names in another form (a queue's URL).
  private static Optional<String> arnOfPlaceholder(String format, ObjectValue payload) {
    Matcher m = PLACEHOLDER.matcher(format);
    while (m.find()) {
      for (Alias alias : ALIASES.getOrDefault(m.group(1), List.of())) {
        if (alias.queueArnFromUrl() && payload.get(alias.member()) instanceof Placeholder p
            && p.kind() == Placeholder.Kind.STRING) {
          return Optional.of(queueArnOfUrl(p.name()));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The ARN of the queue a URL names, each part taken from the URL
   * {@code https://sqs.<region>.amazonaws.com/<account>/<name>} (the form SQS gives queue URLs,
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-queue-message-identifiers.html):
   * the region is the second part split at {@code .}, the account and name the fourth and fifth split at {@code /}.
   */
  static String queueArnOfUrl(String url) {
    return "arn:${AWS::Partition}:sqs:" + IamStatement.part(url, '.', 1) + ":" + IamStatement.part(url, '/', 3) + ":"
        + IamStatement.part(url, '/', 4);
  }

  private static List<Alias> candidates(String service, String placeholder) {
    List<Alias> candidates = new ArrayList<>();
    String base = placeholder.replace("WithPath", "");
    candidates.add(Alias.same(base));
    candidates.add(Alias.same(base + "s"));
    candidates.addAll(ALIASES.getOrDefault(placeholder, List.of()));
    candidates.addAll(SERVICE_ALIASES.getOrDefault(service + ":" + placeholder, List.of()));
    return candidates;
  }

  /** The texts a placeholder takes from the request: one per list item, {@code *} for dynamic ones. */
  private static Optional<List<String>> placeholderValues(String service, String placeholder, ObjectValue payload) {
    for (Alias alias : candidates(service, placeholder)) {
      Value value = payload.get(alias.member());
      if (value == null) {
        continue;
      }
      List<String> texts = new ArrayList<>();
      for (Value item : items(value)) {
        if (item instanceof StringValue s) {
          texts.add(s.value().startsWith("arn:") ? "*" : escape(alias.convert().apply(s.value())));
        } else if (item instanceof Placeholder p && p.kind() == Placeholder.Kind.STRING && alias.same()) {
          texts.add(p.token());
        } else {
          texts.add("*");
        }
      }
      return Optional.of(texts.isEmpty() ? List.of("*") : List.copyOf(new LinkedHashSet<>(texts)));
    }
    return Optional.empty();
  }

  private static List<Value> items(Value value) {
    return value instanceof ArrayValue array ? array.items() : List.of(value);
  }

  /** Every {@code ${Name}} still open in an Fn::Sub ARN format becomes {@code *}. */
  static String wildcard(String fnSubFormat) {
    return PLACEHOLDER.matcher(fnSubFormat).replaceAll("*");
  }

  // A literal "${" inside an Fn::Sub string is written "${!".
  private static String escape(String literal) {
    return literal.replace("${", "${!");
  }

  private static String lastPathSegment(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private static String beforeColon(String name) {
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(0, colon);
  }
}
