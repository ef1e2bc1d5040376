package io.github.dfxclient.auths;

import io.github.dfxclient.core.DfxCodec;
import io.github.dfxclient.core.internal.Json;

/**
 * The JSON forms of the Auths records, written once for the client and the fakes. Field names are
 * PascalCase on requests and on the renew answer, {@code success} is lower case; unknown answer
 * fields are ignored.
 */
final class AuthsCodecs {
  static final String TOKEN = "Token";
  static final String REFRESH_TOKEN = "RefreshToken";
  static final String PHONE_NUMBER = "PhoneNumber";
  static final String EMAIL = "Email";
  static final String IDENTIFIER = "Identifier";
  static final String SUCCESS = "success";
  static final String ORG_NAME = "orgName";
  static final String LOGO_URL = "logoURL";
  static final String USER_POOL_ID = "userPoolId";
  static final String NATIVE_AUTH_ENABLED = "nativeAuthEnabled";
  static final String COGNITO_DOMAIN_URL = "cognitoDomainUrl";
  static final String IDENTITY_PROVIDERS = "identityProviders";
  static final String ICON_URL = "iconURL";
  static final String DISPLAY_NAME = "displayName";
  static final String IDENTITY_PROVIDER_NAME = "identityProviderName";

  private AuthsCodecs() {}

  static final DfxCodec<TokenPair> TOKEN_PAIR = new DfxCodec<>() {
    @Override
    public byte[] encode(TokenPair p) {
      return Json.object(64 + p.token().length() + p.refreshToken().length(), g -> {
        g.writeStringField(TOKEN, p.token());
        g.writeStringField(REFRESH_TOKEN, p.refreshToken());
      });
    }

    @Override
    public TokenPair decode(byte[] json) {
      Object[] v = Json.fields(json, TOKEN, REFRESH_TOKEN);
      return new TokenPair(Json.string(v[0], TOKEN), Json.string(v[1], REFRESH_TOKEN));
    }
  };

  static final DfxCodec<LoginCodeRequest> LOGIN_CODE_REQUEST = new DfxCodec<>() {
    @Override
    public byte[] encode(LoginCodeRequest r) {
      return Json.object(64 + r.identifier().length(), g -> {
        g.writeStringField(PHONE_NUMBER, r.phoneNumber());
        g.writeStringField(IDENTIFIER, r.identifier());
      });
    }

    @Override
    public LoginCodeRequest decode(byte[] json) {
      Object[] v = Json.fields(json, PHONE_NUMBER, IDENTIFIER);
      return new LoginCodeRequest(Json.string(v[0], PHONE_NUMBER), Json.string(v[1], IDENTIFIER));
    }
  };

  static final DfxCodec<ResetPasswordLinkRequest> RESET_PASSWORD_LINK_REQUEST = new DfxCodec<>() {
    @Override
    public byte[] encode(ResetPasswordLinkRequest r) {
      return Json.object(64 + r.email().length() + r.identifier().length(), g -> {
        g.writeStringField(EMAIL, r.email());
        g.writeStringField(IDENTIFIER, r.identifier());
      });
    }

    @Override
    public ResetPasswordLinkRequest decode(byte[] json) {
      Object[] v = Json.fields(json, EMAIL, IDENTIFIER);
      return new ResetPasswordLinkRequest(Json.string(v[0], EMAIL), Json.string(v[1], IDENTIFIER));
    }
  };

  static final DfxCodec<ResetMobileRequest> RESET_MOBILE_REQUEST = new DfxCodec<>() {
    @Override
    public byte[] encode(ResetMobileRequest r) {
      return Json.object(96, g -> {
        if (r.email() != null) {
          g.writeStringField(EMAIL, r.email());
        }
        if (r.phoneNumber() != null) {
          g.writeStringField(PHONE_NUMBER, r.phoneNumber());
        }
      });
    }

    @Override
    public ResetMobileRequest decode(byte[] json) {
      Object[] v = Json.fields(json, EMAIL, PHONE_NUMBER);
      return new ResetMobileRequest(Json.optionalString(v[0], EMAIL), Json.optionalString(v[1], PHONE_NUMBER));
    }
  };

  static final DfxCodec<GeneratedToken> GENERATED_TOKEN = new DfxCodec<>() {
    @Override
    public byte[] encode(GeneratedToken t) {
      return Json.object(32 + t.token().length(), g -> g.writeStringField(TOKEN, t.token()));
    }

    @Override
    public GeneratedToken decode(byte[] json) {
      return new GeneratedToken(Json.string(Json.fields(json, TOKEN)[0], TOKEN));
    }
  };

  private static final String[] PROVIDER_FIELDS = {ICON_URL, DISPLAY_NAME, IDENTITY_PROVIDER_NAME};

  static final DfxCodec<OrgClientCredentials> ORG_CLIENT_CREDENTIALS = new DfxCodec<>() {
    @Override
    public byte[] encode(OrgClientCredentials c) {
      return Json.object(256, g -> {
        g.writeStringField(ORG_NAME, c.orgName());
        g.writeStringField(LOGO_URL, c.logoUrl());
        g.writeStringField(USER_POOL_ID, c.userPoolId());
        g.writeBooleanField(NATIVE_AUTH_ENABLED, c.nativeAuthEnabled());
        g.writeStringField(COGNITO_DOMAIN_URL, c.cognitoDomainUrl());
        g.writeArrayFieldStart(IDENTITY_PROVIDERS);
        for (IdentityProvider p : c.identityProviders()) {
          g.writeStartObject();
          g.writeStringField(ICON_URL, p.iconUrl());
          g.writeStringField(DISPLAY_NAME, p.displayName());
          g.writeStringField(IDENTITY_PROVIDER_NAME, p.identityProviderName());
          g.writeEndObject();
        }
        g.writeEndArray();
      });
    }

    @Override
    @SuppressWarnings("unchecked")
    public OrgClientCredentials decode(byte[] json) {
      Object[] v = Json.fieldsWithArray(json, IDENTITY_PROVIDERS, PROVIDER_FIELDS,
          ORG_NAME, LOGO_URL, USER_POOL_ID, NATIVE_AUTH_ENABLED, COGNITO_DOMAIN_URL, IDENTITY_PROVIDERS);
      java.util.List<IdentityProvider> providers = new java.util.ArrayList<>();
      if (v[5] instanceof java.util.List<?> items) {
        for (Object[] p : (java.util.List<Object[]>) items) {
          providers.add(new IdentityProvider(Json.optionalString(p[0], ICON_URL),
              Json.optionalString(p[1], DISPLAY_NAME), Json.optionalString(p[2], IDENTITY_PROVIDER_NAME)));
        }
      } else if (v[5] != null && v[5] != Json.NULL) {
        throw new IllegalArgumentException("\"" + IDENTITY_PROVIDERS + "\" is not an array");
      }
      boolean nativeAuth = v[3] != null && v[3] != Json.NULL && Json.bool(v[3], NATIVE_AUTH_ENABLED);
      return new OrgClientCredentials(Json.optionalString(v[0], ORG_NAME), Json.optionalString(v[1], LOGO_URL),
          Json.optionalString(v[2], USER_POOL_ID), nativeAuth, Json.optionalString(v[4], COGNITO_DOMAIN_URL),
          providers);
    }
  };

  static final DfxCodec<ResetMobileSent> RESET_MOBILE_SENT = success(ResetMobileSent::new, ResetMobileSent::success);

  static final DfxCodec<Boolean> SUCCESS_FLAG = new DfxCodec<>() {
    @Override
    public byte[] encode(Boolean success) {
      return Json.object(20, g -> g.writeBooleanField(SUCCESS, success));
    }

    @Override
    public Boolean decode(byte[] json) {
      return Json.bool(Json.fields(json, SUCCESS)[0], SUCCESS);
    }
  };

  static final DfxCodec<LoginCodeSent> LOGIN_CODE_SENT = success(LoginCodeSent::new, LoginCodeSent::success);
  static final DfxCodec<ResetPasswordLinkSent> RESET_PASSWORD_LINK_SENT =
      success(ResetPasswordLinkSent::new, ResetPasswordLinkSent::success);

  /** A {@code {"success": …}} answer as the record {@code T}. */
  private static <T> DfxCodec<T> success(java.util.function.Function<Boolean, T> make,
      java.util.function.Predicate<T> flag) {
    return new DfxCodec<>() {
      @Override
      public byte[] encode(T value) {
        return SUCCESS_FLAG.encode(flag.test(value));
      }

      @Override
      public T decode(byte[] json) {
        return make.apply(SUCCESS_FLAG.decode(json));
      }
    };
  }
}
