package io.statecraft.aws;

import io.statecraft.dsl.ArrayValue;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Integration;
import io.statecraft.dsl.IntegrationPattern;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Kubernetes API of an Amazon EKS cluster through Step Functions' optimized EKS integration:
 * {@code eks:runJob} (request-response and {@code .sync}) runs a {@code batch/v1} Job, {@code eks:call}
 * (request-response) sends any request to the Kubernetes REST API. Both are Step Functions' own APIs,
 * not EKS': their request names the cluster, its API server's {@code Endpoint} and its
 * {@code CertificateAuthority} (both from EKS' {@code DescribeCluster}), and then the job, or the
 * method, path, query parameters and body (https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html).
 * Only API servers with public endpoint access can be reached.
 *
 * <pre>{@code
 * EksCluster cluster = EksCluster.of(Value.of("analytics"), Path.input().field("Endpoint"),
 *     Path.input().field("CertificateAuthority"));
 * Task.named("Report").call(cluster.runJob(job).namespace("reports").sync().retrieveLogs());
 * Task.named("ListPods").call(cluster.call(EksCluster.Method.GET, "/api/v1/namespaces/reports/pods")
 *     .queryParameter("labelSelector", Value.of("job-name=report")));
 * }</pre>
 *
 * <p>The cluster's own calls (create and delete the cluster, its node groups and Fargate profiles)
 * take EKS' SDK requests: {@code AwsSdk.optimized(CreateClusterRequest...)}, see {@link OptimizedIntegrations}.
 *
 * <p>IAM: neither call is granted anything. Step Functions does not call an AWS API for them but the
 * cluster's Kubernetes API server, which must itself admit the state machine's role (its RBAC, such as
 * the {@code aws-auth} ConfigMap); AWS's "IAM policies for Amazon EKS"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/eks-iam.html) writes no statement for them,
 * and the EKS page's "Permissions" section says what the cluster must grant. A role the cluster does
 * not admit fails the task with {@link OptimizedErrors.Eks#UNAUTHORIZED} ({@code EKS.401}).
 */
public final class EksCluster {

  private static final String PAGE = "https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html";

  /** The HTTP methods {@code eks:call} takes (connect-eks.html, {@code Method}). */
  public enum Method {
    /** Reads a Kubernetes object or list. */
    GET,
    /** Creates a Kubernetes object. */
    POST,
    /** Replaces a Kubernetes object. */
    PUT,
    /** Deletes a Kubernetes object. */
    DELETE,
    /** Like GET, headers only. */
    HEAD,
    /** Changes part of a Kubernetes object. */
    PATCH
  }

  /** The logs {@code eks:runJob.sync} retrieved, in the task's result: {@code $.logs} (connect-eks.html, {@code LogOptions}). */
  public static final Path LOGS = Path.input().field("logs");

  private final Value name;
  private final Value endpoint;
  private final Value certificateAuthority;

  private EksCluster(Value name, Value endpoint, Value certificateAuthority) {
    this.name = name;
    this.endpoint = endpoint;
    this.certificateAuthority = certificateAuthority;
  }

  /**
   * The cluster by name, with its API server's endpoint URL and its Base64 certificate authority data:
   * each written out, a placeholder, or a run-time value (such as {@code DescribeCluster}'s
   * {@code Cluster.Endpoint} and {@code Cluster.CertificateAuthority.Data}).
   *
   * @throws IllegalArgumentException when a written-out endpoint is not an {@code https://} URL
   */
  public static EksCluster of(Value name, Value endpoint, Value certificateAuthority) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(endpoint, "endpoint == null");
    Objects.requireNonNull(certificateAuthority, "certificateAuthority == null");
    if (endpoint instanceof StringValue text && !text.value().startsWith("https://")) {
      throw new IllegalArgumentException("eks: Endpoint " + text.value() + " is not the URL of a Kubernetes API server;"
          + " give the cluster's https:// endpoint, as DescribeCluster answers it (" + PAGE + ")");
    }
    return new EksCluster(name, endpoint, certificateAuthority);
  }

  /** {@link #of(Value, Value, Value)} with the three written out. */
  public static EksCluster of(String name, String endpoint, String certificateAuthority) {
    return of(Value.of(name), Value.of(endpoint), Value.of(certificateAuthority));
  }

  /**
   * {@code eks:runJob}: runs a Kubernetes Job, given as JSON (or as text).
   *
   * @throws IllegalArgumentException when a written-out job is not a {@code batch/v1} {@code Job}: other
   *     kinds of resources go through {@link #call(Method, String)}
   */
  public RunJob runJob(Value job) {
    Objects.requireNonNull(job, "job == null");
    if (job instanceof ObjectValue object) {
      requireLiteral(object, "apiVersion", "batch/v1");
      requireLiteral(object, "kind", "Job");
    }
    Map<String, Value> fields = new LinkedHashMap<>();
    fields.put("Job", job);
    return new RunJob(this, fields, IntegrationPattern.REQUEST_RESPONSE);
  }

  private static void requireLiteral(ObjectValue job, String field, String expected) {
    Value value = job.get(field);
    if (value instanceof StringValue text && !text.value().equals(expected)) {
      throw new IllegalArgumentException("eks:runJob runs batch/v1 Jobs only, not " + field + " " + text.value()
          + "; manage other Kubernetes resources with EksCluster.call(method, path) (" + PAGE + ")");
    }
  }

  /**
   * {@code eks:call}: one request to the Kubernetes REST API, such as {@code GET /api/v1/namespaces/default/pods}.
   *
   * @throws IllegalArgumentException when a written-out path does not start with {@code /}
   */
  public Call call(Method method, String path) {
    Objects.requireNonNull(path, "path == null");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("eks:call: Path " + path + " is not a path of the Kubernetes REST API; "
          + "give it from the root, such as /api/v1/namespaces/default/pods (" + PAGE + ")");
    }
    return call(method, Value.of(path));
  }

  /** {@link #call(Method, String)} with a path known at deploy or run time. */
  public Call call(Method method, Value path) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(path, "path == null");
    Map<String, Value> fields = new LinkedHashMap<>();
    fields.put("Method", Value.of(method.name()));
    fields.put("Path", path);
    return new Call(this, fields);
  }

  // ClusterName, CertificateAuthority and Endpoint first, as the page lists them, then the call's own.
  private ObjectValue payload(Map<String, Value> fields) {
    Map<String, Value> payload = new LinkedHashMap<>();
    payload.put("ClusterName", name);
    payload.put("CertificateAuthority", certificateAuthority);
    payload.put("Endpoint", endpoint);
    payload.putAll(fields);
    return new ObjectValue(payload);
  }

  // eks:runJob and eks:call raise the optimized integrations' EKS. names (OptimizedErrors.Eks).
  private static String error(String exceptionName) {
    return "EKS." + Objects.requireNonNull(exceptionName, "exceptionName == null");
  }

  private static Map<String, Value> with(Map<String, Value> fields, String field, Value value) {
    Map<String, Value> copy = new LinkedHashMap<>(fields);
    copy.put(field, value);
    return copy;
  }

  // QueryParameters and LogParameters map each name to a list of strings.
  private static Value withEntry(Value existing, String name, Value... values) {
    Objects.requireNonNull(name, "name == null");
    Map<String, Value> entries = new LinkedHashMap<>(existing instanceof ObjectValue object ? object.fields() : Map.of());
    entries.put(name, new ArrayValue(Arrays.asList(values)));
    return new ObjectValue(entries);
  }

  /** {@code arn:aws:states:::eks:runJob}, or {@code eks:runJob.sync} to wait for the Job to end. */
  public static final class RunJob implements Integration {

    private final EksCluster cluster;
    private final Map<String, Value> fields;
    private final IntegrationPattern pattern;

    private RunJob(EksCluster cluster, Map<String, Value> fields, IntegrationPattern pattern) {
      this.cluster = cluster;
      this.fields = fields;
      this.pattern = pattern;
    }

    /** {@code Namespace}; left out, Kubernetes' {@code default}. */
    public RunJob namespace(String namespace) {
      return namespace(Value.of(namespace));
    }

    /** {@link #namespace(String)} known at deploy or run time. */
    public RunJob namespace(Value namespace) {
      return new RunJob(cluster, with(fields, "Namespace", Objects.requireNonNull(namespace, "namespace == null")),
          pattern);
    }

    /** A copy that waits until the Job has ended ({@code .sync}); Step Functions polls it, at first about once a minute. */
    public RunJob sync() {
      return new RunJob(cluster, fields, IntegrationPattern.RUN_JOB);
    }

    /**
     * {@code LogOptions.RetrieveLogs}: once the Job has ended, its pods' logs are in the result under
     * {@link #LOGS}, parsed as JSON where they are.
     *
     * @throws IllegalStateException before {@link #sync()}: only {@code .sync} waits for the logs
     */
    public RunJob retrieveLogs() {
      return withLogOption("RetrieveLogs", Value.of(true));
    }

    /** {@code LogOptions.RawLogs}: the logs retrieved as text, not parsed as JSON (implies {@link #retrieveLogs()}). */
    public RunJob rawLogs() {
      return retrieveLogs().withLogOption("RawLogs", Value.of(true));
    }

    /**
     * One of {@code LogOptions.LogParameters}, the Kubernetes Read Log API's query parameters, such as
     * {@code tailLines} or {@code limitBytes} to keep the result under Step Functions' 256 KiB.
     */
    public RunJob logParameter(String name, Value... values) {
      ObjectValue options = logOptions();
      return withLogOption("LogParameters", withEntry(options == null ? null : options.get("LogParameters"), name, values));
    }

    private ObjectValue logOptions() {
      return fields.get("LogOptions") instanceof ObjectValue options ? options : null;
    }

    private RunJob withLogOption(String option, Value value) {
      if (pattern != IntegrationPattern.RUN_JOB) {
        throw new IllegalStateException("eks:runJob: LogOptions apply only when the task waits for the Job; "
            + "call sync() first (" + PAGE + ")");
      }
      ObjectValue options = logOptions();
      Map<String, Value> copy = new LinkedHashMap<>(options == null ? Map.of() : options.fields());
      copy.put(option, value);
      return new RunJob(cluster, with(fields, "LogOptions", new ObjectValue(copy)), pattern);
    }

    /** The error name for an exception of this call: {@code EKS.<exceptionName>}; see {@link OptimizedErrors.Eks}. */
    public String error(String exceptionName) {
      return EksCluster.error(exceptionName);
    }

    @Override
    public String resource() {
      return "arn:aws:states:::eks:runJob" + pattern.suffix();
    }

    @Override
    public IntegrationPattern pattern() {
      return pattern;
    }

    /** {@code ClusterName}, {@code CertificateAuthority}, {@code Endpoint}, {@code Job}, and the fields set. */
    @Override
    public ObjectValue payload() {
      return cluster.payload(fields);
    }

    /** None: the cluster's Kubernetes RBAC admits the role, not IAM (see {@link EksCluster}). */
    @Override
    public List<IamStatement> iamStatements() {
      return List.of();
    }

    @Override
    public String toString() {
      return resource();
    }
  }

  /** {@code arn:aws:states:::eks:call}: request-response only. */
  public static final class Call implements Integration {

    private final EksCluster cluster;
    private final Map<String, Value> fields;

    private Call(EksCluster cluster, Map<String, Value> fields) {
      this.cluster = cluster;
      this.fields = fields;
    }

    /** One of {@code QueryParameters}, with its values: {@code queryParameter("labelSelector", Value.of("job-name=report"))}. */
    public Call queryParameter(String name, Value... values) {
      return new Call(cluster, with(fields, "QueryParameters", withEntry(fields.get("QueryParameters"), name, values)));
    }

    /** {@code RequestBody}: JSON or text, such as the resource object a {@code POST} creates. */
    public Call requestBody(Value body) {
      return new Call(cluster, with(fields, "RequestBody", Objects.requireNonNull(body, "body == null")));
    }

    /** The error name for an exception of this call: {@code EKS.<exceptionName>}; see {@link OptimizedErrors.Eks}. */
    public String error(String exceptionName) {
      return EksCluster.error(exceptionName);
    }

    @Override
    public String resource() {
      return "arn:aws:states:::eks:call";
    }

    @Override
    public IntegrationPattern pattern() {
      return IntegrationPattern.REQUEST_RESPONSE;
    }

    /** {@code ClusterName}, {@code CertificateAuthority}, {@code Endpoint}, {@code Method}, {@code Path}, and the fields set. */
    @Override
    public ObjectValue payload() {
      return cluster.payload(fields);
    }

    /** None: the cluster's Kubernetes RBAC admits the role, not IAM (see {@link EksCluster}). */
    @Override
    public List<IamStatement> iamStatements() {
      return List.of();
    }

    @Override
    public String toString() {
      return resource() + " " + fields.get("Method") + " " + fields.get("Path");
    }
  }
}
