package io.github.dfxclient.onboarding;

import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.codec.JsonField;
import io.github.dfxclient.core.codec.JsonObjectCodec;
import java.time.Duration;

/**
 * The JSON forms of the onboarding records, declared once on dfx-core's public codec layer for the
 * client and the fakes. Field names as the official clients send and read them: PascalCase, {@code
 * DeviceTypeID}, {@code DeviceID}, {@code RoleID}, {@code UserID}, {@code MFAToken}; lifetimes in whole
 * seconds. Optional request fields are left out when {@code null}; every answer field is required.
 */
final class OnboardingCodecs {
  static final JsonField<String> DEVICE_TYPE_ID = JsonField.string("DeviceTypeID");
  static final JsonField<String> KEY = JsonField.string("Key");
  static final JsonField<String> NAME = JsonField.string("Name");
  static final JsonField<String> IDENTIFIER = JsonField.string("Identifier");
  static final JsonField<String> VERSION = JsonField.string("Version");
  static final JsonField<Duration> TOKEN_EXPIRES_IN = JsonField.seconds("TokenExpiresIn").optional();
  static final JsonField<String> TOKEN_SUBJECT = JsonField.string("TokenSubject").optional();

  static final JsonField<String> DEVICE_ID = JsonField.string("DeviceID");
  static final JsonField<String> TOKEN = JsonField.string("Token");
  static final JsonField<String> REFRESH_TOKEN = JsonField.string("RefreshToken");
  static final JsonField<String> ROLE_ID = JsonField.string("RoleID");
  static final JsonField<String> USER_ID = JsonField.string("UserID");

  static final JsonField<String> EMAIL = JsonField.string("Email");
  static final JsonField<String> PASSWORD = JsonField.string("Password");
  static final JsonField<String> MFA_TOKEN = JsonField.string("MFAToken").optional();

  private OnboardingCodecs() {}

  static final JsonObjectCodec<RegisterLicenseRequest> REGISTER_LICENSE_REQUEST =
      JsonObjectCodec.<RegisterLicenseRequest>builder()
          .field(DEVICE_TYPE_ID, RegisterLicenseRequest::deviceTypeId)
          .field(KEY, RegisterLicenseRequest::key)
          .field(NAME, RegisterLicenseRequest::name)
          .field(IDENTIFIER, RegisterLicenseRequest::identifier)
          .field(VERSION, RegisterLicenseRequest::version)
          .field(TOKEN_EXPIRES_IN, RegisterLicenseRequest::tokenExpiresIn)
          .field(TOKEN_SUBJECT, RegisterLicenseRequest::tokenSubject)
          .build(in -> new RegisterLicenseRequest(in.get(DEVICE_TYPE_ID), in.get(KEY), in.get(NAME),
              in.get(IDENTIFIER), in.get(VERSION), in.get(TOKEN_EXPIRES_IN), in.get(TOKEN_SUBJECT)));

  static final JsonObjectCodec<RegisteredLicense> REGISTERED_LICENSE = JsonObjectCodec.<RegisteredLicense>builder()
      .field(DEVICE_ID, RegisteredLicense::deviceId)
      .field(TOKEN, r -> r.pair().token())
      .field(REFRESH_TOKEN, r -> r.pair().refreshToken())
      .field(ROLE_ID, RegisteredLicense::roleId)
      .field(USER_ID, RegisteredLicense::userId)
      .build(in -> new RegisteredLicense(in.get(DEVICE_ID), new TokenPair(in.get(TOKEN), in.get(REFRESH_TOKEN)),
          in.get(ROLE_ID), in.get(USER_ID)));

  static final JsonObjectCodec<LoginRequest> LOGIN_REQUEST = JsonObjectCodec.<LoginRequest>builder()
      .field(EMAIL, LoginRequest::email)
      .field(PASSWORD, LoginRequest::password)
      .field(MFA_TOKEN, LoginRequest::mfaToken)
      .field(TOKEN_EXPIRES_IN, LoginRequest::tokenExpiresIn)
      .build(in -> new LoginRequest(in.get(EMAIL), in.get(PASSWORD), in.get(MFA_TOKEN), in.get(TOKEN_EXPIRES_IN)));

  static final JsonObjectCodec<TokenPair> TOKEN_PAIR = JsonObjectCodec.<TokenPair>builder()
      .field(TOKEN, TokenPair::token)
      .field(REFRESH_TOKEN, TokenPair::refreshToken)
      .build(in -> new TokenPair(in.get(TOKEN), in.get(REFRESH_TOKEN)));
}
