package io.github.dfxclient.onboarding;

import java.time.Duration;

/**
 * What registering a license (action 705) sends: the license key and the device that it registers.
 * The server answers with the device's first pair ({@link RegisteredLicense}).
 *
 * <p>Input rules, checked here so that a bad value is refused before any I/O with an {@link
 * IllegalArgumentException} naming the field (never its value):
 * <ul>
 *   <li>{@code deviceTypeId}: 1 to 32 of {@code A-Z}, {@code 0-9} and {@code _}, a letter first. The
 *       official clients know {@code IPHONE}, {@code IPAD}, {@code DARWIN}, {@code ANDROID_PHONE},
 *       {@code WINDOWS}, {@code WIN32}, {@code WINDOWS_TABLET}, {@code LINUX} and {@code DEBIAN}; the
 *       server decides which it accepts.
 *   <li>{@code key}: 1 to 512 visible ASCII characters.
 *   <li>{@code name}, {@code identifier}: 1 to 128 characters, no control or invisible character, no
 *       surrounding white space. {@code version}: the same, at most 64.
 *   <li>{@code tokenExpiresIn}: {@code null} (the server's default), or 1 s to 3650 days in whole
 *       seconds. The server grants the smallest of it, the license's expiry and the organization's
 *       session limit: it can only shorten the lifetime.
 *   <li>{@code tokenSubject}: {@code null}, or 1 to 255 visible ASCII characters: the host allowed to
 *       use the token (the server compares it with each request's {@code Referer}).
 * </ul>
 *
 * <p>The license key is a secret: {@link #toString()} never shows it.
 *
 * @param deviceTypeId the kind of device, e.g. {@code LINUX}
 * @param key the license key, a secret
 * @param name the device's (or application's) name, e.g. {@code Kiosk 7}
 * @param identifier the device's (or application's) identifier, e.g. {@code com.example.kiosk}
 * @param version the application's version, e.g. {@code 1.4.2}
 * @param tokenExpiresIn the device token's lifetime to ask for, or {@code null}
 * @param tokenSubject the host the device token is locked to, or {@code null}
 */
public record RegisterLicenseRequest(String deviceTypeId, String key, String name, String identifier,
    String version, Duration tokenExpiresIn, String tokenSubject) {

  /** The longest license key accepted. */
  static final int MAX_KEY_LENGTH = 512;

  /**
   * Checks every value; see the class documentation for the rules.
   *
   * @param deviceTypeId see the record component
   * @param key see the record component
   * @param name see the record component
   * @param identifier see the record component
   * @param version see the record component
   * @param tokenExpiresIn see the record component
   * @param tokenSubject see the record component
   */
  public RegisterLicenseRequest {
    Inputs.deviceTypeId("deviceTypeId", deviceTypeId);
    Inputs.opaque("key", key, MAX_KEY_LENGTH);
    Inputs.text("name", name, Inputs.MAX_TEXT_LENGTH);
    Inputs.text("identifier", identifier, Inputs.MAX_TEXT_LENGTH);
    Inputs.text("version", version, Inputs.MAX_VERSION_LENGTH);
    Inputs.lifetime("tokenExpiresIn", tokenExpiresIn);
    if (tokenSubject != null) {
      Inputs.opaque("tokenSubject", tokenSubject, Inputs.MAX_HOST_LENGTH);
    }
  }

  /**
   * A registration with the server's default token lifetime and no token subject.
   *
   * @param deviceTypeId the kind of device, e.g. {@code LINUX}
   * @param key the license key, a secret
   * @param name the device's (or application's) name
   * @param identifier the device's (or application's) identifier
   * @param version the application's version
   * @throws IllegalArgumentException naming the field when a value breaks its rule
   */
  public RegisterLicenseRequest(String deviceTypeId, String key, String name, String identifier, String version) {
    this(deviceTypeId, key, name, identifier, version, null, null);
  }

  /** @return the fields with the license key masked */
  @Override
  public String toString() {
    return "RegisterLicenseRequest[deviceTypeId=" + deviceTypeId + ", key=***, name=" + name + ", identifier="
        + identifier + ", version=" + version + ", tokenExpiresIn=" + tokenExpiresIn + ", tokenSubject="
        + tokenSubject + "]";
  }
}
