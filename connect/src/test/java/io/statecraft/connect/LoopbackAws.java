package io.statecraft.connect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A stand-in for AWS on the loopback interface, for tests: it speaks the three wire protocols the
 * SDK clients use (Step Functions: AWS JSON 1.0, the operation in {@code X-Amz-Target};
 * CloudFormation: the AWS Query protocol, a form-encoded POST with {@code Action=...} answered in
 * XML; S3: REST, {@code PUT /bucket/key} path-style or {@code PUT /key} on the bucket's host, the
 * body in {@code aws-chunked} encoding when the SDK streams it), records every request, and answers
 * each operation with the responses a test scripted, in order, repeating the last. It checks
 * Statecraft's use of the APIs, not AWS itself.
 */
public final class LoopbackAws implements AutoCloseable {

  /**
   * One request as the SDK sent it.
   *
   * @param body the body; for S3, the object's bytes as text with any {@code aws-chunked} framing removed
   * @param bucket for S3, the bucket from the path or the host; else null
   * @param key for S3, the object key, decoded; else null
   */
  public record Request(String operation, Map<String, String> headers, String body, Map<String, String> form,
      String bucket, String key) {}

  /** One scripted answer. */
  public record Response(int status, String contentType, String body) {}

  public static final String CLOUDFORMATION_NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

  private final HttpServer server;
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Deque<Response>> scripts = new HashMap<>();

  public LoopbackAws() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A server started on a free loopback port, for a test's field initializer. */
  public static LoopbackAws start() {
    try {
      return new LoopbackAws();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fake static credentials: the SDK signs with them, nothing checks them. */
  public static StaticCredentialsProvider fakeCredentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "fake-secret-key"));
  }

  /** Settings that point every client at this server, in eu-west-1, with fake credentials. */
  public AwsSettings settings() {
    return AwsSettings.defaults().withRegion("eu-west-1").withEndpoint(uri()).withCredentials(fakeCredentials());
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Scripts the answers to an operation ({@code ValidateTemplate}, {@code StartExecution}). */
  public LoopbackAws on(String operation, Response... responses) {
    scripts.put(operation, new ArrayDeque<>(List.of(responses)));
    return this;
  }

  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** The operations called, in order. */
  public List<String> operations() {
    return requests().stream().map(Request::operation).toList();
  }

  public static Response json(String body) {
    return new Response(200, "application/x-amz-json-1.0", body);
  }

  /** A Step Functions error: AWS JSON 1.0 puts the error's name in {@code __type}. */
  public static Response jsonError(int status, String type, String message) {
    return new Response(status, "application/x-amz-json-1.0",
        "{\"__type\":\"" + type + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}");
  }

  /** A CloudFormation answer: {@code <ActionResponse><ActionResult>result</ActionResult>...}. */
  public static Response xml(String action, String result) {
    return new Response(200, "text/xml", "<" + action + "Response xmlns=\"" + CLOUDFORMATION_NS + "\">"
        + "<" + action + "Result>" + result + "</" + action + "Result>"
        + "<ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>"
        + "</" + action + "Response>");
  }

  /** A CloudFormation error in the Query protocol's {@code ErrorResponse} shape. */
  public static Response xmlError(int status, String code, String message) {
    return new Response(status, "text/xml", "<ErrorResponse xmlns=\"" + CLOUDFORMATION_NS + "\">"
        + "<Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + escape(message) + "</Message></Error>"
        + "<RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ErrorResponse>");
  }

  /** An S3 PutObject answer: 200, no body, the object's ETag in a header. */
  public static Response s3Ok() {
    return new Response(200, "", "");
  }

  /** An S3 error: {@code <Error><Code>...</Code><Message>...</Message>...</Error>} (S3's REST error shape). */
  public static Response s3Error(int status, String code, String message) {
    return new Response(status, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code
        + "</Code><Message>" + escape(message) + "</Message><RequestId>4442587FB7D0A2F9</RequestId>"
        + "<HostId>example-host-id</HostId></Error>");
  }

  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] raw;
    try (InputStream in = exchange.getRequestBody()) {
      raw = in.readAllBytes();
    }
    String body = new String(raw, StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
    String target = headers.get("x-amz-target");
    Map<String, String> form = new LinkedHashMap<>();
    String operation;
    String bucket = null;
    String key = null;
    if (!exchange.getRequestMethod().equals("POST")) {
      // S3's REST protocol: the bucket is the path's first segment (path-style) or the host's first label.
      String path = exchange.getRequestURI().getPath();
      String host = headers.getOrDefault("host", "");
      boolean pathStyle = host.startsWith("127.0.0.1") || host.startsWith("localhost");
      String[] parts = path.substring(1).split("/", pathStyle ? 2 : 1);
      bucket = pathStyle ? parts[0] : host.substring(0, host.indexOf('.'));
      key = pathStyle ? (parts.length > 1 ? parts[1] : "") : parts[0];
      operation = exchange.getRequestMethod().equals("PUT") && !key.isEmpty() ? "PutObject"
          : exchange.getRequestMethod() + " /" + key;
      if (String.valueOf(headers.get("content-encoding")).contains("aws-chunked")) {
        body = new String(unchunk(raw, headers), StandardCharsets.UTF_8);
      }
    } else if (target != null) {
      operation = target.substring(target.indexOf('.') + 1);
    } else {
      for (String pair : body.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
      }
      operation = form.getOrDefault("Action", "?");
    }
    requests.add(new Request(operation, headers, body, form, bucket, key));
    Response response;
    synchronized (scripts) {
      Deque<Response> script = scripts.get(operation);
      if (script == null || script.isEmpty()) {
        response = new Response(500, "text/plain", "no scripted response for " + operation);
      } else {
        response = script.size() > 1 ? script.poll() : script.peek();
      }
    }
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    if (!response.contentType().isEmpty()) {
      exchange.getResponseHeaders().add("Content-Type", response.contentType());
    }
    exchange.getResponseHeaders().add("x-amzn-RequestId", "b9b4b068-3a41-11e5-94eb-example");
    if (bucket != null) {
      exchange.getResponseHeaders().add("x-amz-request-id", "4442587FB7D0A2F9");
      exchange.getResponseHeaders().add("ETag", "\"fba9dede5f27731c9771645a39863328\"");
    }
    // -1: no body at all (a length of 0 would mean a chunked one to the JDK's server).
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /**
   * The payload of an {@code aws-chunked} body: chunks of {@code HEX-SIZE[;chunk-signature=...]\r\n
   * DATA\r\n}, a last one of size 0, then trailing headers (such as the checksum), which are added
   * to {@code headers}. https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
   */
  static byte[] unchunk(byte[] raw, Map<String, String> headers) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int at = 0;
    while (at < raw.length) {
      int lineEnd = indexOfCrlf(raw, at);
      String sizeLine = new String(raw, at, lineEnd - at, StandardCharsets.US_ASCII);
      int size = Integer.parseInt(sizeLine.split(";", 2)[0].strip(), 16);
      at = lineEnd + 2;
      if (size == 0) {
        // Trailers: NAME:VALUE lines up to an empty one.
        while (at < raw.length) {
          int end = indexOfCrlf(raw, at);
          String trailer = new String(raw, at, end - at, StandardCharsets.US_ASCII);
          at = end + 2;
          int colon = trailer.indexOf(':');
          if (colon > 0) {
            headers.put(trailer.substring(0, colon).toLowerCase(), trailer.substring(colon + 1).strip());
          }
          if (trailer.isEmpty()) {
            break;
          }
        }
        break;
      }
      out.write(raw, at, size);
      at += size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOfCrlf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return bytes.length;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
