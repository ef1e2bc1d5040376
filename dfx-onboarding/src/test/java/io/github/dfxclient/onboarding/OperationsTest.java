package io.github.dfxclient.onboarding;

import static io.github.dfxclient.onboarding.OnboardingOperations.LOGIN;
import static io.github.dfxclient.onboarding.OnboardingOperations.REGISTER_LICENSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.Credential;
import io.github.dfxclient.core.codec.JsonFieldException;
import io.github.dfxclient.core.codec.MalformedJsonException;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The two descriptors (the one home of each operation) and their codecs: exact JSON both ways, the
 * strict reading of answers, and the module's boundary (dfx-core's public API only).
 */
class OperationsTest {
  private static final String KEY = "LIC-7f3a9c2e-secret-key";

  @Test
  void registerLicenseIs705WithoutCredentialNeverResentWithASecretAnswer() {
    assertThat(REGISTER_LICENSE.actionId()).isEqualTo(705);
    assertThat(REGISTER_LICENSE.method()).isEqualTo("POST");
    assertThat(REGISTER_LICENSE.pathTemplate()).isEqualTo("/organizations/licenses");
    assertThat(REGISTER_LICENSE.credential()).isEqualTo(Credential.NONE);
    assertThat(REGISTER_LICENSE.resendAfterMaybeActed()).isFalse();
    assertThat(REGISTER_LICENSE.secretAnswer()).isTrue();
    assertThat(REGISTER_LICENSE.requestBody()).isPresent();
    assertThat(REGISTER_LICENSE.endpoint()).isEmpty();
    assertThat(REGISTER_LICENSE).hasToString("705 POST /organizations/licenses");
  }

  @Test
  void loginIs201WithTheDeviceTokenNeverResentWithASecretAnswer() {
    assertThat(LOGIN.actionId()).isEqualTo(201);
    assertThat(LOGIN.method()).isEqualTo("POST");
    assertThat(LOGIN.pathTemplate()).isEqualTo("/users/auth");
    assertThat(LOGIN.credential()).isEqualTo(Credential.DEVICE);
    assertThat(LOGIN.resendAfterMaybeActed()).isFalse();
    assertThat(LOGIN.secretAnswer()).isTrue();
    // a 401 is about the device token: renewed once, as for every operation with a bearer
    assertThat(LOGIN.renewCredentialOnUnauthorized()).isTrue();
    assertThat(OnboardingOperations.all()).containsExactly(REGISTER_LICENSE, LOGIN);
  }

  @Test
  void requestsAreWrittenAsTheOfficialClientsSendThem() {
    byte[] minimal = REGISTER_LICENSE.requestBody().orElseThrow()
        .encode(new RegisterLicenseRequest("LINUX", KEY, "Kiosk 7", "com.example.kiosk", "1.4.2"));
    byte[] full = REGISTER_LICENSE.requestBody().orElseThrow().encode(new RegisterLicenseRequest("IPHONE", KEY,
        "Kiosk \"7\" ü", "com.example.kiosk", "1.4.2", Duration.ofHours(2), "kiosk.example.com"));
    byte[] login = LOGIN.requestBody().orElseThrow().encode(new LoginRequest("alice@example.com", "pa ss\"wörd"));
    byte[] mfa = LOGIN.requestBody().orElseThrow()
        .encode(new LoginRequest("alice@example.com", "pw", "492817", Duration.ofMinutes(30)));

    assertThat(text(minimal)).isEqualTo("{\"DeviceTypeID\":\"LINUX\",\"Key\":\"" + KEY + "\",\"Name\":\"Kiosk 7\","
        + "\"Identifier\":\"com.example.kiosk\",\"Version\":\"1.4.2\"}");
    assertThat(text(full)).isEqualTo("{\"DeviceTypeID\":\"IPHONE\",\"Key\":\"" + KEY + "\",\"Name\":\"Kiosk \\\"7\\\" ü\","
        + "\"Identifier\":\"com.example.kiosk\",\"Version\":\"1.4.2\",\"TokenExpiresIn\":7200,"
        + "\"TokenSubject\":\"kiosk.example.com\"}");
    assertThat(text(login)).isEqualTo("{\"Email\":\"alice@example.com\",\"Password\":\"pa ss\\\"wörd\"}");
    assertThat(text(mfa)).isEqualTo("{\"Email\":\"alice@example.com\",\"Password\":\"pw\",\"MFAToken\":\"492817\","
        + "\"TokenExpiresIn\":1800}");
  }

  @Test
  void requestsReadBackAsTheyWereWritten() {
    RegisterLicenseRequest r = new RegisterLicenseRequest("LINUX", KEY, "Kiosk 7", "id", "1", Duration.ofDays(1), "h");
    LoginRequest l = new LoginRequest("alice@example.com", "pw", "492817", null);

    assertThat(REGISTER_LICENSE.requestBody().orElseThrow().decode(REGISTER_LICENSE.requestBody().orElseThrow()
        .encode(r))).isEqualTo(r);
    assertThat(LOGIN.requestBody().orElseThrow().decode(LOGIN.requestBody().orElseThrow().encode(l))).isEqualTo(l);
  }

  @Test
  void answersAreReadStrictlyAndUnknownFieldsIgnored() {
    RegisteredLicense registered = REGISTER_LICENSE.answer().decode(bytes("\uFEFF \n{\"DeviceID\":\"d-1\","
        + "\"Token\":\"eyJ.t\",\"RefreshToken\":\"rt-1\",\"RoleID\":\"r-1\",\"UserID\":\"u-1\",\"Extra\":{\"a\":[1]}}"));
    TokenPair pair = LOGIN.answer().decode(bytes("{\"RefreshToken\":\"rt-2\",\"Token\":\"eyJ.u\",\"UserID\":\"x\"}"));

    assertThat(registered).isEqualTo(new RegisteredLicense("d-1", new TokenPair("eyJ.t", "rt-1"), "r-1", "u-1"));
    assertThat(pair).isEqualTo(new TokenPair("eyJ.u", "rt-2"));
    assertThat(text(REGISTER_LICENSE.answer().encode(registered)))
        .isEqualTo("{\"DeviceID\":\"d-1\",\"Token\":\"eyJ.t\",\"RefreshToken\":\"rt-1\",\"RoleID\":\"r-1\",\"UserID\":\"u-1\"}");
  }

  @Test
  void aMissingNullOrWrongAnswerFieldIsNamedWithoutItsValue() {
    String full = "{\"DeviceID\":\"d-1\",\"Token\":\"eyJ.secret\",\"RefreshToken\":\"rt-secret\",\"RoleID\":\"r\",\"UserID\":\"u\"}";
    for (String field : List.of("DeviceID", "Token", "RefreshToken", "RoleID", "UserID")) {
      String without = full.replaceAll("\"" + field + "\":\"[^\"]*\",?", "").replace(",}", "}");
      String nulled = full.replaceAll("\"" + field + "\":\"[^\"]*\"", "\"" + field + "\":null");
      String number = full.replaceAll("\"" + field + "\":\"[^\"]*\"", "\"" + field + "\":7");
      for (String body : List.of(without, nulled, number)) {
        assertThatThrownBy(() -> REGISTER_LICENSE.answer().decode(bytes(body)))
            .isInstanceOf(JsonFieldException.class).hasMessageContaining("\"" + field + "\"")
            .hasMessageNotContaining("secret");
      }
    }
    // an answer whose values break the record's rules is refused naming the field
    assertThatThrownBy(() -> REGISTER_LICENSE.answer().decode(bytes(full.replace("\"d-1\"", "\" d-1\""))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("deviceId ");
    assertThatThrownBy(() -> LOGIN.answer().decode(bytes("{\"Token\":\"eyJ.secret\"")))
        .isInstanceOf(MalformedJsonException.class).hasMessageNotContaining("secret");
    assertThatThrownBy(() -> LOGIN.answer().decode(bytes("{\"Token\":\"eyJ.secret\",\"RefreshToken\":\"has space\"}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("has space");
  }

  /**
   * The module is written on dfx-core's public API only: it reads dfx-core and nothing else, and
   * exports its one API package (a use of dfx-core's non-exported internals would not compile).
   * @throws Exception when the descriptor cannot be read
   */
  @Test
  void theModuleReadsDfxCoreOnlyAndExportsItsApiPackage() throws Exception {
    ModuleDescriptor d;
    try (var in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
      d = ModuleDescriptor.read(in);
    }

    assertThat(d.name()).isEqualTo("io.github.dfxclient.onboarding");
    assertThat(d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("java.base", "io.github.dfxclient.core");
    assertThat(d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
        .containsExactly("io.github.dfxclient.onboarding");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
