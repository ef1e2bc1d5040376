package io.github.dfxclient.transport.feign;

import feign.RequestTemplate;
import feign.Response;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.internal.Answer;
import io.github.dfxclient.core.internal.AuthsWire;
import io.github.dfxclient.core.internal.BoundedBody;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Feign's encoder, decoder and error decoder, all delegating to dfx-core's {@link AuthsWire}. */
final class WireCodec implements Encoder, Decoder, ErrorDecoder {
  private static final Map<Type, DfxEndpoint> BY_ANSWER_TYPE = new HashMap<>();
  private static final Map<String, DfxEndpoint> BY_CONFIG_KEY = new HashMap<>();

  static {
    for (DfxEndpoint e : DfxEndpoint.values()) {
      BY_ANSWER_TYPE.put(AuthsWire.answerType(e), e);
    }
    for (Method m : AuthsApi.class.getMethods()) {
      DfxCall call = m.getAnnotation(DfxCall.class);
      if (call != null) {
        BY_CONFIG_KEY.put(feign.Feign.configKey(AuthsApi.class, m), call.value());
      }
    }
  }

  private final int maxAnswerBytes;

  WireCodec(int maxAnswerBytes) {
    this.maxAnswerBytes = maxAnswerBytes;
  }

  @Override
  public void encode(Object object, Type bodyType, RequestTemplate template) {
    template.body(AuthsWire.encodeRequest(object), StandardCharsets.UTF_8);
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    Type answerType = ((ParameterizedType) type).getActualTypeArguments()[0];
    DfxEndpoint endpoint = BY_ANSWER_TYPE.get(answerType);
    Object value = AuthsWire.decodeAnswer(endpoint, response.status(), header(response, "Content-Type"),
        body(response));
    return new Answer<>(response.status(), value);
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    DfxEndpoint endpoint = BY_CONFIG_KEY.get(methodKey);
    try {
      return AuthsWire.failure(endpoint, response.status(), header(response, "Content-Type"),
          header(response, "Retry-After"), body(response));
    } catch (IOException e) {
      return new feign.RetryableException(response.status(), "error body could not be read",
          response.request().httpMethod(), e, (Long) null, response.request());
    } catch (RuntimeException e) {
      return e;
    }
  }

  private byte[] body(Response response) throws IOException {
    if (response.body() == null) {
      return new byte[0];
    }
    try (InputStream in = response.body().asInputStream()) {
      return BoundedBody.read(in, maxAnswerBytes, response.status(), DeadlineClient.declaredLength(response));
    }
  }

  private static String header(Response response, String name) {
    for (Map.Entry<String, Collection<String>> h : response.headers().entrySet()) {
      if (h.getKey() != null && h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
        return h.getValue().iterator().next();
      }
    }
    return null;
  }
}
