package io.github.dfxclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExcerptsTest {

  @Test
  void aLongSecretIsRedactedWhereverItStands() {
    assertThat(Excerpts.of("bad token tok-9f3e for you; xtok-9f3ex", List.of("tok-9f3e")))
        .isEqualTo("bad token [redacted] for you; x[redacted]x");
  }

  @Test
  void aShortSecretIsRedactedWhereItStandsAsAWord() {
    String body = "{\"Code\":\"BAD_PASSWORD\",\"Message\":\"password abc is wrong\",\"echo\":\"abc\"}";
    String excerpt = Excerpts.of(body, List.of("abc"));
    assertThat(excerpt).doesNotContain("\"abc\"").doesNotContain(" abc ")
        .contains("password [redacted] is wrong").contains("\"echo\":\"[redacted]\"");
  }

  @Test
  void aShortSecretInsideAnotherWordLeavesThatWordReadable() {
    assertThat(Excerpts.of("abcdef and xabc stay; ab is gone", List.of("ab")))
        .isEqualTo("abcdef and xabc stay; [redacted] is gone");
    // an error code keeps its words when a short request value is one of them
    assertThat(Excerpts.of("{\"Code\":\"US_ONLY\"}", List.of("US"))).isEqualTo("{\"Code\":\"US_ONLY\"}");
  }

  @Test
  void regularExpressionCharactersInASecretAreTakenLiterally() {
    assertThat(Excerpts.of("x a.b y and a-b z", List.of("a.b"))).isEqualTo("x [redacted] y and a-b z");
    assertThat(Excerpts.of("nothing to hide", List.of(" ", ""))).isEqualTo("nothing to hide");
  }
}
