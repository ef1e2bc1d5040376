package io.github.dfxclient.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's one look into a request body it encoded itself: the string values it carries, so
 * that an error message can be redacted of exactly those. Reading answers is the codec layer's job
 * ({@code io.github.dfxclient.core.codec}).
 */
final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /**
   * @param body a JSON document
   * @return every string value in it, at any depth (what could be read when it is not JSON)
   */
  static List<String> strings(byte[] body) {
    List<String> out = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(body)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.VALUE_STRING) {
          out.add(p.getText());
        }
      }
    } catch (IOException e) {
      // what was read so far
    }
    return out;
  }
}
