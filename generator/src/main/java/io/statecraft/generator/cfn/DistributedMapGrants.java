package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.Problem;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import io.statecraft.asl.json.JsonPointers;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the execution role needs to run one distributed Map: starting and following its child
 * executions, reading its items from S3 ({@code ItemReader}) and exporting its results to S3
 * ({@code ResultWriter}). Bucket, key and prefix are taken from the reader's and the writer's
 * request, as literals or {@code ${Name}} placeholders, so each grant is exact; what is only known at
 * run time gets a warning that says which statement to declare instead.
 *
 * <p>The statements are those of the Step Functions Developer Guide, "IAM policies for using
 * Distributed Map states" (https://docs.aws.amazon.com/step-functions/latest/dg/iam-policies-eg-dist-map.html),
 * with the fields of "ItemReader (Map)" (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html)
 * and "ResultWriter (Map)" (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html).
 * Neither page documents a statement of its own for a manifest reader beyond reading objects: an S3
 * Inventory manifest gets {@code s3:GetObject} on the manifest and on the inventory files S3 publishes
 * next to it (see {@link #inventoryFiles}); an Athena data manifest gets it on the manifest, and a
 * warning for the data files, whose location only the UNLOAD query knows.
 */
final class DistributedMapGrants {

  private static final Pattern READ = Pattern.compile("arn:aws[a-z-]*:states:::s3:(getObject|listObjectsV2)");
  private static final Pattern WRITE = Pattern.compile("arn:aws[a-z-]*:states:::s3:putObject");
  private static final String S3 = "arn:${AWS::Partition}:s3:::";
  /** The actions a Map Run's export needs on its prefix (multipart uploads of large result files). */
  static final List<String> WRITER_ACTIONS = List.of(
      "s3:PutObject", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload");

  private final String state;
  private final SourceLocation source;
  private final boolean declaresOwn;
  private final List<Grant> grants;
  private final Problems problems;

  /**
   * @param declaresOwn whether the Map declares statements of its own, in which case what cannot be
   *     derived is taken to be among them and no warning is given
   */
  private DistributedMapGrants(String state, SourceLocation source, boolean declaresOwn, List<Grant> grants,
      Problems problems) {
    this.state = state;
    this.source = source;
    this.declaresOwn = declaresOwn;
    this.grants = grants;
    this.problems = problems;
  }

  /** Adds the grants of the distributed Map {@code map} at {@code pointer} to {@code grants}. */
  static void add(JsonNode map, String pointer, SourceLocation source, boolean declaresOwn, List<Grant> grants,
      Problems problems) {
    String state = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    DistributedMapGrants maps = new DistributedMapGrants(state, source, declaresOwn, grants, problems);
    // A distributed Map runs its iterations as child executions of this state machine.
    maps.grant(IamStatement.allow("states:StartExecution", IamStatement.THIS_STATE_MACHINE));
    maps.grant(IamStatement.allow(List.of("states:DescribeExecution", "states:StopExecution"),
        List.of("arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:${StateMachine.Name}/*")));
    maps.reader(map.path("ItemReader"), JsonPointers.child(pointer, "ItemReader"));
    maps.writer(map.path("ResultWriter"), JsonPointers.child(pointer, "ResultWriter"));
  }

  private void reader(JsonNode reader, String pointer) {
    String resource = reader.path("Resource").asText("");
    var read = READ.matcher(resource);
    if (!read.matches()) {
      return; // no reader (items from the state input), or a resource the validator reports
    }
    Request request = Request.of(reader, pointer);
    String bucket = request.text("Bucket");
    JsonNode config = reader.path("ReaderConfig");
    if ("listObjectsV2".equals(read.group(1))) {
      String prefix = request.has("Prefix") ? request.text("Prefix") : "";
      if (bucket == null || prefix == null) {
        missing(request.pointer(bucket == null ? "Bucket" : "Prefix"), "lists the objects of a bucket or prefix",
            "s3:ListBucket", S3 + "<bucket>");
        return;
      }
      IamStatement list = IamStatement.allow("s3:ListBucket", S3 + bucket);
      grant(prefix.isEmpty() ? list : list.withCondition("StringLike", "s3:prefix", List.of(prefix)));
      if ("LOAD_AND_FLATTEN".equals(config.path("Transformation").asText())) {
        // The reader then reads every object it lists.
        grant(IamStatement.allow("s3:GetObject", S3 + bucket + "/" + prefix + "*"));
      }
      return;
    }
    String key = request.text("Key");
    if (bucket == null || key == null) {
      missing(request.pointer(bucket == null ? "Bucket" : "Key"), "reads an object", "s3:GetObject",
          S3 + "<bucket>/<key>");
      return;
    }
    grant(IamStatement.allow("s3:GetObject", S3 + bucket + "/" + key));
    String manifestType = config.path("ManifestType").asText("");
    if (manifestType.equals("S3_INVENTORY") || manifestType.isEmpty() && "MANIFEST".equals(config.path("InputType").asText())) {
      inventoryFiles(bucket, key);
    } else if (manifestType.equals("ATHENA_DATA") && !declaresOwn) {
      // An UNLOAD writes its data files to the query's TO location, and its manifest to the query
      // result location: the definition names only the manifest, so the files' bucket is unknown.
      problems.add(Problem.warning(ProblemCode.MISSING_MAP_PERMISSIONS, JsonPointers.child(pointer, "ReaderConfig"),
          "distributed Map " + state + " reads the data files its Athena manifest lists, which the UNLOAD wrote to "
              + "its TO location, unknown to the template; declare s3:GetObject on them with "
              + "MapState.permissions(IamStatement.allow(\"s3:GetObject\", \"" + S3 + "<bucket>/<prefix>/*\"))").at(source));
    }
  }

  /**
   * The inventory files an S3 Inventory {@code manifest.json} lists. S3 publishes the manifest at
   * {@code destination-prefix/source-bucket/config-ID/YYYY-MM-DDTHH-MMZ/manifest.json} and the files
   * at {@code destination-prefix/source-bucket/config-ID/data/}, both in the destination bucket
   * ("Locating your inventory list", https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-inventory-location.html),
   * so the files' prefix follows from the manifest's key. A key of another shape leaves only the
   * bucket, which is granted whole with the reason recorded.
   */
  private void inventoryFiles(String bucket, String key) {
    int dated = key.lastIndexOf('/');
    int config = dated > 0 ? key.lastIndexOf('/', dated - 1) : -1;
    if (key.endsWith("/manifest.json") && config > 0) {
      grant(IamStatement.allow("s3:GetObject", S3 + bucket + "/" + key.substring(0, config) + "/data/*"));
      return;
    }
    grant(new IamStatement(List.of("s3:GetObject"), List.of(S3 + bucket + "/*"), Map.of(), "distributed Map " + state
        + " reads the inventory files its S3 Inventory manifest lists; the manifest key '" + key + "' is not "
        + "<prefix>/<source-bucket>/<config-ID>/<date>/manifest.json, where the files would be under "
        + "<prefix>/<source-bucket>/<config-ID>/data/, so the whole destination bucket is granted"));
  }

  private void writer(JsonNode writer, String pointer) {
    if (!WRITE.matcher(writer.path("Resource").asText("")).matches()) {
      return; // no export to S3 (a WriterConfig alone shapes the state's output)
    }
    Request request = Request.of(writer, pointer);
    String bucket = request.text("Bucket");
    String prefix = request.has("Prefix") ? request.text("Prefix") : "";
    if (bucket == null || prefix == null) {
      missing(request.pointer(bucket == null ? "Bucket" : "Prefix"), "exports its results", String.join(", ", WRITER_ACTIONS),
          S3 + "<bucket>/<prefix>/*");
      return;
    }
    String folder = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    grant(IamStatement.allow(WRITER_ACTIONS, List.of(S3 + bucket + "/" + folder + "*")));
  }

  private void grant(IamStatement statement) {
    grants.add(new Grant(statement, "distributed Map " + state, source));
  }

  private void missing(String pointer, String what, String actions, String resource) {
    if (declaresOwn) {
      return;
    }
    problems.add(Problem.warning(ProblemCode.MISSING_MAP_PERMISSIONS, pointer, "distributed Map " + state + " " + what
        + " known only at run time, so no permission is derived for it and every run would fail with AccessDenied; "
        + "declare " + actions + " on " + resource + " with MapState.permissions(...)").at(source));
  }

  /** The reader's or writer's request: {@code Parameters} (JSONPath) or {@code Arguments} (JSONata). */
  private record Request(JsonNode fields, String pointer) {

    static Request of(JsonNode owner, String ownerPointer) {
      String field = owner.has("Arguments") ? "Arguments" : "Parameters";
      return new Request(owner.path(field), JsonPointers.child(ownerPointer, field));
    }

    boolean has(String field) {
      return fields.has(field) || fields.has(field + ".$");
    }

    /** The field's text when fixed before the run (a literal or a placeholder); null when dynamic or absent. */
    String text(String field) {
      JsonNode value = fields.get(field);
      if (value == null || !value.isTextual() || Jsonata.isExpression(value.textValue())) {
        return null;
      }
      return value.textValue();
    }

    String pointer(String field) {
      if (fields.has(field + ".$")) {
        return JsonPointers.child(pointer, field + ".$");
      }
      return fields.has(field) ? JsonPointers.child(pointer, field) : pointer;
    }
  }
}
