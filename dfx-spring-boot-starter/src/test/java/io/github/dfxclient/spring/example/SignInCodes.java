package io.github.dfxclient.spring.example;

import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.session.TokenSession;
import org.springframework.stereotype.Component;

// readme:spring-service:start
@Component
public class SignInCodes {
  private final AuthsClient auths;                // the starter's: it sends the session's tokens
  private final TokenSession session;

  public SignInCodes(AuthsClient auths, TokenSession session) {
    this.auths = auths;
    this.session = session;
  }

  public boolean sendCode(String phoneNumber) {
    return auths.requestLoginCode(new LoginCodeRequest(phoneNumber, "acme-health")).success();
  }

  public boolean sendCodeAs(String userId, String phoneNumber) {   // one client, many users
    return auths.withCredentials(session.credentials(userId))
        .requestLoginCode(new LoginCodeRequest(phoneNumber, "acme-health")).success();
  }
}
// readme:spring-service:end
