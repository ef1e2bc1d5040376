package io.github.dfxclient.transport.feign;

import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.LoginCodeSent;
import io.github.dfxclient.auths.ResetPasswordLinkRequest;
import io.github.dfxclient.auths.ResetPasswordLinkSent;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.internal.Answer;

/** The Feign interface of the Auths resource; methods and paths come from {@link DfxEndpoint}. */
interface AuthsApi {

  /** @see io.github.dfxclient.auths.AuthsPort#renew */
  @DfxCall(DfxEndpoint.RENEW)
  Answer<TokenPair> renew(TokenPair current);

  /** @see io.github.dfxclient.auths.AuthsPort#requestLoginCode */
  @DfxCall(DfxEndpoint.REQUEST_LOGIN_CODE)
  Answer<LoginCodeSent> requestLoginCode(LoginCodeRequest request);

  /** @see io.github.dfxclient.auths.AuthsPort#requestResetPasswordLink */
  @DfxCall(DfxEndpoint.REQUEST_RESET_PASSWORD_LINK)
  Answer<ResetPasswordLinkSent> requestResetPasswordLink(ResetPasswordLinkRequest request);
}
