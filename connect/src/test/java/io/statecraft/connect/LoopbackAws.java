package io.statecraft.connect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
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
 * A stand-in for AWS on the loopback interface, for tests: it speaks the two wire protocols the
 * SDK clients use (Step Functions: AWS JSON 1.0, the operation in {@code X-Amz-Target};
 * CloudFormation: the AWS Query protocol, a form-encoded POST with {@code Action=...} answered in
 * XML), records every request, and answers each operation with the responses a test scripted, in
 * order, repeating the last. It checks Statecraft's use of the APIs, not AWS itself.
 */
public final class LoopbackAws implements AutoCloseable {

  /** One request as the SDK sent it. */
  public record Request(String operation, Map<String, String> headers, String body, Map<String, String> form) {}

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

  /** Fake static credentials: the SDK signs with them, nothing checks them. */
  public static StaticCredentialsProvider fakeCredentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "fake-secret-key"));
  }

  /** Settings that point both clients at this server, in eu-west-1, with fake credentials. */
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

  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
    String target = headers.get("x-amz-target");
    Map<String, String> form = new LinkedHashMap<>();
    String operation;
    if (target != null) {
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
    requests.add(new Request(operation, headers, body, form));
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
    exchange.getResponseHeaders().add("Content-Type", response.contentType());
    exchange.getResponseHeaders().add("x-amzn-RequestId", "b9b4b068-3a41-11e5-94eb-example");
    exchange.sendResponseHeaders(response.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
