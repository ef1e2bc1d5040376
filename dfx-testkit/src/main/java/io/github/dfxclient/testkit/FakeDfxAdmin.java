package io.github.dfxclient.testkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.dfxclient.auths.AuthsOperations;
import io.github.dfxclient.auths.OrgClientCredentials;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxOperation;
import io.github.dfxclient.core.codec.JsonObjectCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The admin API of a {@link FakeDfxServer}, under {@code /__dfx}, for tests that drive the server
 * over plain HTTP (a JavaScript front end's end-to-end tests, curl). Every answer is JSON with
 * {@code Content-Type: application/json; charset=utf-8}; errors are {@code {"Code","Message"}}.
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><th>request</th><th>answer</th></tr>
 *   <tr><td>{@code POST /__dfx/pairs} with {@code {"subject":"device"}} (optional; default
 *       {@code device}; a subject not starting with {@code device} is a user)</td>
 *       <td>201 {@code {"Token","RefreshToken"}}: a new current pair</td></tr>
 *   <tr><td>{@code PUT /__dfx/organizations/{orgId}} with the JSON action 2306 should answer</td>
 *       <td>204; 2306 serves it from now on</td></tr>
 *   <tr><td>{@code POST /__dfx/sso/codes} with {@code {"orgIdentifier","redirectURL"}}</td>
 *       <td>201 {@code {"code"}}: a one-time SSO authorization code that {@code POST
 *       /auth/v1/sso/token} exchanges once, with the same {@code orgIdentifier} and {@code
 *       redirectURL}, within five minutes ({@link FakeAuthsBackend#mintSsoCode})</td></tr>
 *   <tr><td>{@code GET /__dfx/outbox}</td>
 *       <td>200 {@code [{"kind","recipient","identifier","content"}]}, oldest first</td></tr>
 *   <tr><td>{@code DELETE /__dfx/outbox}</td><td>204</td></tr>
 *   <tr><td>{@code POST /__dfx/failures/{actionId or name}} (an operation without an action ID by
 *       its name, e.g. {@code get-auth-v1-authenticate} or {@code post-auth-v1-sso-token}) with {@code {"kind": "error" | "unavailable" |
 *       "rateLimited" | "connectionReset" | "answerLost" | "errorAfterActing" | "slow", "status",
 *       "code", "message", "retryAfterSeconds", "delayMillis", "times"}}</td>
 *       <td>204; the next {@code times} (default 1) requests of that operation fail so; 400 for an
 *       operation the server does not serve</td></tr>
 *   <tr><td>{@code GET /__dfx/requests}</td><td>200 {@code {"2304": 1, ...}}: requests received per
 *       operation, by action ID (by name for an operation without one)</td></tr>
 *   <tr><td>{@code POST /__dfx/reset}</td><td>204; every pair, message, organization, script and count forgotten</td></tr>
 * </table>
 */
public final class FakeDfxAdmin {
  private static final JsonFactory JSON = new JsonFactory();

  private FakeDfxAdmin() {}

  /**
   * @param backend the state
   * @param method the request method
   * @param path the path below {@code /__dfx}
   * @param body the request body
   * @return the reply
   */
  static Reply serve(FakeAuthsBackend backend, String method, String path, byte[] body) {
    try {
      if (method.equals("POST") && path.equals("/pairs")) {
        String subject = body.length == 0 ? FakeAuths.DEVICE : string(read(body), "subject", FakeAuths.DEVICE);
        TokenPair pair = backend.issuePair(subject);
        return json(201, AuthsOperations.RENEW.answer().encode(pair));
      }
      if (method.equals("PUT") && path.startsWith("/organizations/") && path.length() > "/organizations/".length()) {
        String orgId = URLDecoder.decode(path.substring("/organizations/".length()).replace("+", "%2B"),
            StandardCharsets.UTF_8);
        OrgClientCredentials org = AuthsOperations.ORG_CLIENT_CREDENTIALS.answer().decode(body);
        backend.addOrganization(orgId, org);
        return empty();
      }
      if (method.equals("POST") && path.equals("/sso/codes")) {
        Map<String, Object> request = read(body);
        String code = backend.mintSsoCode(required(request, "orgIdentifier"), required(request, "redirectURL"));
        return json(201, write(g -> {
          g.writeStartObject();
          g.writeStringField("code", code);
          g.writeEndObject();
        }));
      }
      if (path.equals("/outbox") && method.equals("GET")) {
        return json(200, outbox(backend));
      }
      if (path.equals("/outbox") && method.equals("DELETE")) {
        backend.clearOutbox();
        return empty();
      }
      if (method.equals("POST") && path.startsWith("/failures/")) {
        DfxOperation<?, ?> operation = backend.operation(path.substring("/failures/".length()));
        Map<String, Object> f = read(body);
        backend.failNext(operation, failure(f), number(f, "times", 1));
        return empty();
      }
      if (method.equals("GET") && path.equals("/requests")) {
        return json(200, counts(backend.requestCounts()));
      }
      if (method.equals("POST") && path.equals("/reset")) {
        backend.reset();
        return empty();
      }
      return FakeAuthsBackend.error(404, "NOT_FOUND", "No such admin endpoint; see FakeDfxAdmin", null);
    } catch (IllegalArgumentException e) {
      return FakeAuthsBackend.error(400, "INVALID_REQUEST", "Invalid admin request: " + e.getMessage(), null);
    }
  }

  private static ScriptedFailure failure(Map<String, Object> f) {
    String kind = string(f, "kind", null);
    if (kind == null) {
      throw new IllegalArgumentException("kind is missing");
    }
    switch (kind) {
      case "error":
        return ScriptedFailure.error(number(f, "status", 500), string(f, "code", "ERROR"), string(f, "message", ""));
      case "unavailable":
        return ScriptedFailure.unavailable();
      case "rateLimited":
        return ScriptedFailure.rateLimited(Duration.ofSeconds(number(f, "retryAfterSeconds", 1)));
      case "connectionReset":
        return ScriptedFailure.connectionReset();
      case "answerLost":
        return ScriptedFailure.answerLost();
      case "errorAfterActing":
        return ScriptedFailure.errorAfterActing(number(f, "status", 500));
      case "slow":
        return ScriptedFailure.slow(Duration.ofMillis(number(f, "delayMillis", 1000)));
      default:
        throw new IllegalArgumentException("kind must be error, unavailable, rateLimited, connectionReset,"
            + " answerLost, errorAfterActing or slow");
    }
  }

  private static byte[] outbox(FakeAuthsBackend backend) {
    return write(g -> {
      g.writeStartArray();
      for (SentMessage m : backend.outbox()) {
        g.writeStartObject();
        g.writeStringField("kind", m.kind().name());
        g.writeStringField("recipient", m.recipient());
        g.writeStringField("identifier", m.identifier());
        g.writeStringField("content", m.content());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  private static byte[] counts(Map<String, Integer> counts) {
    return write(g -> {
      g.writeStartObject();
      for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(counts).entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    });
  }

  private interface Writing {
    void to(JsonGenerator g) throws IOException;
  }

  private static byte[] write(Writing w) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      w.to(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The request's JSON object, read by dfx-core's strict path (one object, no repeated field). */
  private static Map<String, Object> read(byte[] body) {
    try {
      return JsonObjectCodec.anyObject().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("body must be one JSON object (" + e.getMessage() + ")");
    }
  }

  private static String string(Map<String, Object> f, String name, String fallback) {
    Object v = f.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(name + " must be a string");
  }

  private static String required(Map<String, Object> f, String name) {
    String v = string(f, name, null);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " is missing");
    }
    return v;
  }

  private static int number(Map<String, Object> f, String name, int fallback) {
    Object v = f.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
      return l.intValue();
    }
    throw new IllegalArgumentException(name + " must be an integer");
  }

  private static Reply json(int status, byte[] body) {
    return new Reply(status, body, null, Duration.ZERO, false);
  }

  private static Reply empty() {
    return new Reply(204, new byte[0], null, Duration.ZERO, false);
  }
}
