package io.github.dfxclient.auths;

import io.github.dfxclient.core.Credential;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxOperation;
import java.util.List;

/**
 * The operations of the Auths resource, each described once: what {@link AuthsClient} runs, and
 * what the testkit's fakes route and decode with.
 */
public final class AuthsOperations {
  private AuthsOperations() {}

  /** 2304: exchange a pair for a new one. Its answer is a secret; a 401 is about the refresh token. */
  public static final DfxOperation<TokenPair, TokenPair> RENEW =
      DfxOperation.<TokenPair, TokenPair>builder(DfxEndpoint.RENEW)
          .argument("current")
          .requestBody(AuthsCodecs.TOKEN_PAIR)
          .answer(AuthsCodecs.TOKEN_PAIR)
          .credential(Credential.DEVICE)
          .secretAnswer()
          .noCredentialRenewalOnUnauthorized()
          .build();

  /** 2303: send a login code by SMS; never sent again once it may have arrived. */
  public static final DfxOperation<LoginCodeRequest, LoginCodeSent> REQUEST_LOGIN_CODE =
      DfxOperation.<LoginCodeRequest, LoginCodeSent>builder(DfxEndpoint.REQUEST_LOGIN_CODE)
          .requestBody(AuthsCodecs.LOGIN_CODE_REQUEST)
          .answer(AuthsCodecs.LOGIN_CODE_SENT)
          .credential(Credential.DEVICE)
          .build();

  /** 2300: e-mail a password-reset link; never sent again once it may have arrived. */
  public static final DfxOperation<ResetPasswordLinkRequest, ResetPasswordLinkSent> REQUEST_RESET_PASSWORD_LINK =
      DfxOperation.<ResetPasswordLinkRequest, ResetPasswordLinkSent>builder(DfxEndpoint.REQUEST_RESET_PASSWORD_LINK)
          .requestBody(AuthsCodecs.RESET_PASSWORD_LINK_REQUEST)
          .answer(AuthsCodecs.RESET_PASSWORD_LINK_SENT)
          .credential(Credential.DEVICE)
          .build();

  /** @return every Auths operation */
  public static List<DfxOperation<?, ?>> all() {
    return List.of(RENEW, REQUEST_LOGIN_CODE, REQUEST_RESET_PASSWORD_LINK);
  }
}
