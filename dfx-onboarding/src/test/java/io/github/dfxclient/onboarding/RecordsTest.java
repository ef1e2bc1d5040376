package io.github.dfxclient.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dfxclient.auths.TokenPair;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The input rules of the onboarding records: a null, blank or absurd value is refused with an {@link
 * IllegalArgumentException} naming the field and never quoting the value; {@code toString()} masks
 * every secret.
 */
class RecordsTest {
  static final String KEY = "LIC-7f3a9c2e-secret-key";
  static final String EMAIL = "alice.secret@example.com";
  static final String PASSWORD = "correct horse battery staple";
  static final String MFA = "492817";

  static RegisterLicenseRequest registration(String deviceTypeId, String key, String name, String identifier,
      String version) {
    return new RegisterLicenseRequest(deviceTypeId, key, name, identifier, version);
  }

  @Test
  void aValidRegistrationKeepsItsValues() {
    RegisterLicenseRequest r = new RegisterLicenseRequest("LINUX", KEY, "Kiosk 7", "com.example.kiosk", "1.4.2",
        Duration.ofHours(12), "kiosk.example.com");

    assertThat(r.deviceTypeId()).isEqualTo("LINUX");
    assertThat(r.key()).isEqualTo(KEY);
    assertThat(r.tokenExpiresIn()).isEqualTo(Duration.ofHours(12));
    assertThat(new RegisterLicenseRequest("ANDROID_PHONE", KEY, "Ünïcode 名前", "id", "v").tokenSubject()).isNull();
  }

  /** Each field's rule, with the field's name in the message and the value nowhere. */
  @Test
  void registrationFieldsAreCheckedNamingTheFieldNeverTheValue() {
    String longText = "x".repeat(129);
    List<Object[]> cases = List.of(
        bad("deviceTypeId", () -> registration(null, KEY, "n", "i", "v")),
        bad("deviceTypeId", () -> registration(" ", KEY, "n", "i", "v")),
        bad("deviceTypeId", () -> registration("linux", KEY, "n", "i", "v")),
        bad("deviceTypeId", () -> registration("LINUX;DROP", KEY, "n", "i", "v")),
        bad("deviceTypeId", () -> registration("A".repeat(33), KEY, "n", "i", "v")),
        bad("key", () -> registration("LINUX", null, "n", "i", "v")),
        bad("key", () -> registration("LINUX", "", "n", "i", "v")),
        bad("key", () -> registration("LINUX", "   ", "n", "i", "v")),
        bad("key", () -> registration("LINUX", KEY + " x", "n", "i", "v")),
        bad("key", () -> registration("LINUX", KEY + "\n", "n", "i", "v")),
        bad("key", () -> registration("LINUX", "K".repeat(513), "n", "i", "v")),
        bad("name", () -> registration("LINUX", KEY, null, "i", "v")),
        bad("name", () -> registration("LINUX", KEY, "\t", "i", "v")),
        bad("name", () -> registration("LINUX", KEY, " Kiosk", "i", "v")),
        bad("name", () -> registration("LINUX", KEY, "Kiosk\u0000", "i", "v")),
        bad("name", () -> registration("LINUX", KEY, "Kio\u200bsk", "i", "v")),
        bad("name", () -> registration("LINUX", KEY, longText, "i", "v")),
        bad("identifier", () -> registration("LINUX", KEY, "n", "", "v")),
        bad("identifier", () -> registration("LINUX", KEY, "n", "a\nb", "v")),
        bad("version", () -> registration("LINUX", KEY, "n", "i", null)),
        bad("version", () -> registration("LINUX", KEY, "n", "i", "1".repeat(65))),
        bad("tokenExpiresIn", () -> new RegisterLicenseRequest("LINUX", KEY, "n", "i", "v", Duration.ZERO, null)),
        bad("tokenExpiresIn", () -> new RegisterLicenseRequest("LINUX", KEY, "n", "i", "v", Duration.ofSeconds(-1), null)),
        bad("tokenExpiresIn", () -> new RegisterLicenseRequest("LINUX", KEY, "n", "i", "v", Duration.ofMillis(1500), null)),
        bad("tokenExpiresIn", () -> new RegisterLicenseRequest("LINUX", KEY, "n", "i", "v", Duration.ofDays(3651), null)),
        bad("tokenSubject", () -> new RegisterLicenseRequest("LINUX", KEY, "n", "i", "v", null, "")),
        bad("tokenSubject", () -> new RegisterLicenseRequest("LINUX", KEY, "n", "i", "v", null, "a b")),
        bad("tokenSubject", () -> new RegisterLicenseRequest("LINUX", KEY, "n", "i", "v", null, "h".repeat(256))));
    for (Object[] c : cases) {
      IllegalArgumentException e = (IllegalArgumentException) c[1];
      assertThat(e.getMessage()).as("message of a bad %s", c[0]).startsWith(c[0] + " ")
          .doesNotContain(KEY).doesNotContain("Kiosk").doesNotContain("linux").doesNotContain("DROP");
    }
  }

  @Test
  void theLongestAcceptedValuesAreAccepted() {
    RegisterLicenseRequest r = new RegisterLicenseRequest("A".repeat(32), "K".repeat(512), "n".repeat(128),
        "i".repeat(128), "v".repeat(64), Duration.ofDays(3650), "h".repeat(255));
    LoginRequest l = new LoginRequest("a".repeat(64) + "@" + "d".repeat(185) + ".com", "p".repeat(1024),
        "m".repeat(64), Duration.ofSeconds(1));

    assertThat(r.key()).hasSize(512);
    assertThat(l.email()).hasSize(254);
  }

  @Test
  void loginFieldsAreCheckedNamingTheFieldNeverTheValue() {
    List<Object[]> cases = List.of(
        bad("email", () -> new LoginRequest(null, PASSWORD)),
        bad("email", () -> new LoginRequest(" ", PASSWORD)),
        bad("email", () -> new LoginRequest("alice.secret", PASSWORD)),
        bad("email", () -> new LoginRequest("alice.secret@example", PASSWORD)),
        bad("email", () -> new LoginRequest("alice@secret@example.com", PASSWORD)),
        bad("email", () -> new LoginRequest("alice secret@example.com", PASSWORD)),
        bad("email", () -> new LoginRequest("a".repeat(65) + "@example.com", PASSWORD)),
        bad("email", () -> new LoginRequest("a@" + "d".repeat(250) + ".com", PASSWORD)),
        bad("password", () -> new LoginRequest(EMAIL, null)),
        bad("password", () -> new LoginRequest(EMAIL, "")),
        bad("password", () -> new LoginRequest(EMAIL, "    ")),
        bad("password", () -> new LoginRequest(EMAIL, PASSWORD + "\n")),
        bad("password", () -> new LoginRequest(EMAIL, "p".repeat(1025))),
        bad("mfaToken", () -> new LoginRequest(EMAIL, PASSWORD, "", null)),
        bad("mfaToken", () -> new LoginRequest(EMAIL, PASSWORD, "492 817", null)),
        bad("mfaToken", () -> new LoginRequest(EMAIL, PASSWORD, "4".repeat(65), null)),
        bad("tokenExpiresIn", () -> new LoginRequest(EMAIL, PASSWORD, null, Duration.ofNanos(1))),
        bad("tokenExpiresIn", () -> new LoginRequest(EMAIL, PASSWORD, null, Duration.ofDays(100_000))));
    for (Object[] c : cases) {
      IllegalArgumentException e = (IllegalArgumentException) c[1];
      assertThat(e.getMessage()).as("message of a bad %s", c[0]).startsWith(c[0] + " ")
          .doesNotContain("alice").doesNotContain("horse").doesNotContain("492");
    }
  }

  /** A password may hold spaces and any printable character: the server judges its quality. */
  @ParameterizedTest
  @ValueSource(strings = {"x", " leading and trailing ", "pässwörd ✓ 🔑", "\"quoted\\\" {json}"})
  void passwordsAreTheServersToJudge(String password) {
    assertThat(new LoginRequest(EMAIL, password).password()).isEqualTo(password);
  }

  @Test
  void answersAreCheckedToo() {
    TokenPair pair = new TokenPair("eyJ.device.token", "rt-device");
    for (Function<String, RegisteredLicense> make : List.<Function<String, RegisteredLicense>>of(
        id -> new RegisteredLicense(id, pair, "role", "user"),
        id -> new RegisteredLicense("device", pair, id, "user"),
        id -> new RegisteredLicense("device", pair, "role", id))) {
      assertThatThrownBy(() -> make.apply(null)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> make.apply(" ")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> make.apply("x".repeat(129))).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> new RegisteredLicense("device", null, "role", "user"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("pair must not be null");
  }

  @Test
  void toStringMasksEverySecret() {
    String registration = new RegisterLicenseRequest("LINUX", KEY, "Kiosk 7", "com.example.kiosk", "1.4.2",
        Duration.ofHours(1), "kiosk.example.com").toString();
    String login = new LoginRequest(EMAIL, PASSWORD, MFA, Duration.ofHours(8)).toString();
    String noMfa = new LoginRequest(EMAIL, PASSWORD).toString();
    String registered = new RegisteredLicense("7d3c-device", new TokenPair("eyJ.device.token", "rt-device-secret"),
        "role-1", "user-1").toString();

    assertThat(registration).contains("LINUX", "Kiosk 7", "com.example.kiosk", "1.4.2", "PT1H", "key=***")
        .doesNotContain(KEY);
    assertThat(login).isEqualTo("LoginRequest[email=***, password=***, mfaToken=***, tokenExpiresIn=PT8H]");
    assertThat(noMfa).isEqualTo("LoginRequest[email=***, password=***, mfaToken=null, tokenExpiresIn=null]");
    assertThat(registered).contains("7d3c-device", "role-1", "user-1")
        .doesNotContain("eyJ.device.token").doesNotContain("rt-device-secret");
  }

  private static Object[] bad(String field, Runnable make) {
    IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class, make::run);
    assertThat(e).as("a bad %s is refused", field).isNotNull();
    return new Object[] {field, e};
  }
}
