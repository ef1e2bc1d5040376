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
