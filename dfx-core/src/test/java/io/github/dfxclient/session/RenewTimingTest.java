package io.github.dfxclient.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.TokenPair;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** When a held pair is renewed: from the lifetime the server granted, on the local clock. */
class RenewTimingTest {
  private static final long NOW = 1_796_000_000_000L;
  private static final long SKEW = 60_000;

  private static TokenPair token(String claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return new TokenPair(b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln", "rt-0123456789abcdef");
  }

  private static TokenPair issued(long iatSeconds, long lifetimeSeconds) {
    return token("{\"sub\":\"d\",\"iat\":" + iatSeconds + ",\"exp\":" + (iatSeconds + lifetimeSeconds) + "}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"exp\":100000000000000000}", "{\"exp\":10000000000000000}", "{\"exp\":1e17}",
      "{\"exp\":\"soon\"}", "{\"exp\":-1}", "{}", "[1,2]", "{\"exp\":{\"nested\":1}}", "not json",
      "{\"exp\":99999999999999999999999999999999999999999999}"})
  void unreadableClaimsAreAbsentAndNeverThrow(String claims) {
    TokenPair pair = token(claims);
    assertThat(TokenTimes.of(pair.token()).hasExpiry()).isFalse();
    assertThat(HeldPair.received(pair, NOW, SKEW).renewAtMillis()).isEqualTo(Long.MAX_VALUE);
    assertThat(HeldPair.adopted(pair, NOW, SKEW, 0).renewAtMillis()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void tokensThatAreNotJwtsAreUsedAsTheyAre() {
    for (String t : new String[] {"opaque", "a.b", "a.!!!.c", "a..c", "x." + "A".repeat(20_000) + ".y"}) {
      assertThat(TokenTimes.of(t).hasExpiry()).as(t.length() > 40 ? "huge" : t).isFalse();
    }
  }

  @Test
  void aFreshPairIsRenewedAfterItsLifetimeMinusTheSkewCappedAtAThird() {
    long iat = NOW / 1000;
    assertThat(HeldPair.received(issued(iat, 3600), NOW, SKEW).renewAtMillis()).isEqualTo(NOW + 3_540_000);
    assertThat(HeldPair.received(issued(iat, 30), NOW, SKEW).renewAtMillis()).as("a 30 s token, after 20 s")
        .isEqualTo(NOW + 20_000);
  }

  @Test
  void aFreshPairIgnoresTheOffsetBetweenTheClocks() {
    long serverIat = NOW / 1000 - 7200;
    HeldPair held = HeldPair.received(issued(serverIat, 3600), NOW, SKEW);
    assertThat(held.renewAtMillis()).as("2 h ahead: still an hour to live here").isEqualTo(NOW + 3_540_000);
    assertThat(HeldPair.clockOffsetMillis(issued(serverIat, 3600), NOW)).hasValue(7_200_000);
  }

  @Test
  void aPairOfUnknownAgeIsAgedByItsIatCorrectedByTheLearnedOffset() {
    long iat = NOW / 1000 - 3595;
    assertThat(HeldPair.adopted(issued(iat, 3600), NOW, SKEW, 0).renewAtMillis()).as("5 s left: now")
        .isLessThanOrEqualTo(NOW);
    long farAheadIat = NOW / 1000 - 7200;
    assertThat(HeldPair.adopted(issued(farAheadIat, 3600), NOW, SKEW, 0).renewAtMillis())
        .as("looks expired before any offset is known: renewed at its next use").isEqualTo(NOW);
    assertThat(HeldPair.adopted(issued(farAheadIat, 3600), NOW, SKEW, 7_200_000).renewAtMillis())
        .as("with the offset learned, it is fresh").isEqualTo(NOW + 3_540_000);
    assertThat(HeldPair.adopted(issued(NOW / 1000 + 7200, 3600), NOW, SKEW, 0).renewAtMillis())
        .as("issued 'in the future' (a clock behind): fresh").isEqualTo(NOW + 3_540_000);
  }

  @Test
  void withoutIatTheExpiryIsComparedWithTheLocalClock() {
    TokenPair expInAnHour = token("{\"exp\":" + (NOW / 1000 + 3600) + "}");
    assertThat(HeldPair.received(expInAnHour, NOW, SKEW).renewAtMillis()).isEqualTo(NOW + 3_540_000);
    TokenPair alreadyPast = token("{\"exp\":" + (NOW / 1000 - 10) + "}");
    assertThat(HeldPair.received(alreadyPast, NOW, SKEW).renewAtMillis())
        .as("a fresh pair that looks expired: used until refused, no storm").isEqualTo(Long.MAX_VALUE);
    assertThat(HeldPair.adopted(alreadyPast, NOW, SKEW, 0).renewAtMillis()).as("an old one: renewed once")
        .isEqualTo(NOW);
  }
}
