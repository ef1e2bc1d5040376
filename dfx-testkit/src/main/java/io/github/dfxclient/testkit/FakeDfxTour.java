package io.github.dfxclient.testkit;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.IdentityProvider;
import io.github.dfxclient.auths.OrgClientCredentials;
import io.github.dfxclient.auths.ResetMobileRequest;
import io.github.dfxclient.auths.ResetMobileSent;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.ResetPasswordLinkRequest;
import io.github.dfxclient.auths.SsoTokenRequest;
import io.github.dfxclient.auths.SsoTokens;
import io.github.dfxclient.auths.TokenClaims;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.auths.AuthsOperations;
import java.time.Duration;
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxEndpoint;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The quick-start flow, run against a {@link FakeDfxServer} and told as a short transcript: renew
 * a device pair, show the old refresh token refused, request a login code and a reset link, read an
 * organization's sign-in settings with a user's token (2306), read the device token's claims
 * ({@code authenticate}, {@code validate}), exchange an SSO code once ({@code ssoToken}; its reuse
 * refused), renew, validate and send a reset message without blocking (the async port), show the
 * outbox. Credentials, phone numbers and e-mail
 * addresses are printed masked. The transport modules run it as their demo.
 */
public final class FakeDfxTour {
  private static final String PHONE = "+15555550123";
  private static final String EMAIL = "ada.lovelace@example.org";
  private static final String ORG = "acme-health";
  private static final String REDIRECT = "https://app.acme.example/sso/callback";

  private FakeDfxTour() {}

  /**
   * @param transport the adapter's name, for the heading
   * @param adapter builds the adapter from the server's base URI and a bearer-token supplier
   * @param out where the transcript goes
   * @return whether every step behaved as the API promises
   */
  public static boolean run(String transport, BiFunction<URI, Supplier<String>, AuthsPort> adapter, PrintStream out) {
    try (FakeDfxServer server = new FakeDfxServer().start()) {
      FakeAuthsBackend backend = server.backend();
      out.println("== " + transport + " against the fake DFX server at " + server.baseUri());
      TokenPair device = backend.issuePair(FakeAuths.DEVICE);
      Supplier<String> bearer = () -> backend.currentPair(FakeAuths.DEVICE).map(TokenPair::token).orElse(null);
      AuthsPort auths = adapter.apply(server.baseUri(), bearer);
      out.println("device registered:     " + show(device));

      TokenPair renewed = auths.renew(device);
      boolean ok = backend.isCurrent(renewed) && !backend.isCurrent(device);
      out.println("renew (" + DfxEndpoint.RENEW + "): " + show(renewed));

      try {
        auths.renew(device);
        out.println("renew with the old pair: ACCEPTED (wrong: refresh tokens are one-time)");
        ok = false;
      } catch (DfxApiException e) {
        out.println("renew with the old pair: refused, " + e.status() + " " + e.code());
      }

      boolean code = auths.requestLoginCode(new LoginCodeRequest(PHONE, ORG)).success();
      out.println("login code (" + DfxEndpoint.REQUEST_LOGIN_CODE + ") for " + maskPhone(PHONE) + ": success=" + code);
      boolean link = auths.requestResetPasswordLink(new ResetPasswordLinkRequest(EMAIL, ORG)).success();
      out.println("reset link (" + DfxEndpoint.REQUEST_RESET_PASSWORD_LINK + ") for " + maskEmail(EMAIL)
          + ": success=" + link);

      backend.addOrganization(ORG, new OrgClientCredentials("Acme Health", "https://acme.example/logo.png",
          "us-east-1_demo", true, "https://auth.acme.example",
          List.of(new IdentityProvider(null, "Google", "Google"), new IdentityProvider(null, "Acme SSO", "AcmeSaml"))));
      TokenPair userPair = backend.issuePair("user-7");
      AuthsPort asUser = adapter.apply(server.baseUri(), userPair::token);
      OrgClientCredentials org = asUser.orgClientCredentials(ORG);
      out.println("organization (" + DfxEndpoint.ORG_CLIENT_CREDENTIALS + ") " + ORG + ", user token: "
          + org.orgName() + ", native sign-in " + org.nativeAuthEnabled() + ", providers "
          + org.identityProviders().stream().map(IdentityProvider::displayName).toList());
      ok = ok && org.identityProviders().size() == 2;

      TokenClaims claims = auths.authenticate();
      out.println("authenticate (" + AuthsOperations.AUTHENTICATE + "), device token: " + show(claims));
      TokenClaims validated = auths.validate();
      out.println("validate (" + AuthsOperations.VALIDATE + "): the same claims " + validated.equals(claims));
      ok = ok && claims.id().equals(FakeAuths.DEVICE) && claims.sessionGen() == 2 && validated.equals(claims);

      SsoTokenRequest exchange = new SsoTokenRequest(REDIRECT, ORG, backend.mintSsoCode(ORG, REDIRECT));
      SsoTokens sso = auths.ssoToken(exchange);
      out.println("SSO code exchanged (" + AuthsOperations.SSO_TOKEN + "): id token " + mask(sso.idToken())
          + ", access token " + mask(sso.accessToken()) + ", refresh token " + mask(sso.refreshToken())
          + ", " + sso.tokenType() + ", expires in " + sso.expiresIn().toMinutes() + " min");
      try {
        auths.ssoToken(exchange);
        out.println("the same SSO code again: ACCEPTED (wrong: a code is one-time)");
        ok = false;
      } catch (DfxApiException e) {
        out.println("the same SSO code again: refused, " + e.status() + " " + e.code());
      }
      ok = ok && sso.expiresIn().equals(Duration.ofHours(1));

      if (auths instanceof AuthsClient client) {
        AsyncAuthsPort async = new AsyncAuthsClient(client.client());
        CompletableFuture<TokenPair> userRenew = async.renew(userPair);
        CompletableFuture<ResetMobileSent> sms = async.sendResetMobile(new ResetMobileRequest(null, PHONE));
        CompletableFuture<TokenClaims> asyncClaims = async.validate();
        TokenPair userNext = userRenew.join();
        out.println("async renew of the user pair (" + DfxEndpoint.RENEW + "): " + show(userNext));
        out.println("async reset message (" + DfxEndpoint.SEND_RESET_MOBILE + ") to " + maskPhone(PHONE)
            + ": success=" + sms.join().success());
        out.println("async validate (" + AuthsOperations.VALIDATE + "): " + show(asyncClaims.join()));
        ok = ok && backend.isCurrent(userNext) && sms.join().success() && asyncClaims.join().equals(claims);
      }

      out.println("outbox of the fake:");
      for (SentMessage m : backend.outbox()) {
        boolean sms = m.recipient().startsWith("+");
        String to = sms ? maskPhone(m.recipient()) : maskEmail(m.recipient());
        String content = m.kind() == SentMessage.Kind.LOGIN_CODE ? "code ••••" + m.content().substring(4)
            : m.content().contains("key=") ? "link " + m.content().substring(0, m.content().indexOf("key=") + 4) + "…"
            : "key ••••";
        out.println("  " + m.kind() + " to " + to + (m.identifier() == null ? "" : " (org " + m.identifier() + ")")
            + ": " + content);
      }
      out.println("requests that reached the server: renew " + backend.requestsReceived(DfxEndpoint.RENEW)
          + ", login code " + backend.requestsReceived(DfxEndpoint.REQUEST_LOGIN_CODE)
          + ", reset link " + backend.requestsReceived(DfxEndpoint.REQUEST_RESET_PASSWORD_LINK)
          + ", reset message " + backend.requestsReceived(DfxEndpoint.SEND_RESET_MOBILE)
          + ", organization " + backend.requestsReceived(DfxEndpoint.ORG_CLIENT_CREDENTIALS)
          + ", authenticate " + backend.requestsReceived(AuthsOperations.AUTHENTICATE)
          + ", validate " + backend.requestsReceived(AuthsOperations.VALIDATE)
          + ", SSO " + backend.requestsReceived(AuthsOperations.SSO_TOKEN)
          + " (journal: " + server.requestsReceived() + ")");
      ok = ok && code && link && backend.outbox().size() == (auths instanceof AuthsClient ? 3 : 2);
      out.println(ok ? "== OK" : "== FAILED");
      return ok;
    }
  }

  private static String show(TokenClaims c) {
    return "ID " + c.id() + " (" + c.type() + ") of org " + c.organizationId().substring(0, 8) + "…, session "
        + c.sessionGen() + ", valid " + Duration.between(c.issuedAt(), c.expiresAt()).toMinutes() + " min, role "
        + c.roleId() + ", may log users in " + c.loginUser() + ", permissions " + c.permissions().keySet();
  }

  private static String show(TokenPair p) {
    return "token " + mask(p.token()) + ", refresh token " + mask(p.refreshToken());
  }

  private static String mask(String secret) {
    return secret.substring(0, Math.min(6, secret.length())) + "…(" + secret.length() + " chars)";
  }

  private static String maskPhone(String phone) {
    return phone.substring(0, 2) + "•".repeat(phone.length() - 4) + phone.substring(phone.length() - 2);
  }

  private static String maskEmail(String email) {
    int at = email.indexOf('@');
    return email.charAt(0) + "•••" + email.substring(at);
  }
}
