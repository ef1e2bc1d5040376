package io.github.dfxclient.transport.jdk.example;

import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.core.DfxApiException;

// readme:testkit-service:start
/** An application's service: it only knows the port, so its tests can use the testkit's fakes. */
public final class SignInService {
  private final AuthsPort auths;
  private final String organization;

  public SignInService(AuthsPort auths, String organization) {
    this.auths = auths;
    this.organization = organization;
  }

  /** @return false when DFX refused (unknown org, rate limit...), true when the SMS is on its way */
  public boolean sendLoginCode(String phoneNumber) {
    try {
      return auths.requestLoginCode(new LoginCodeRequest(phoneNumber, organization)).success();
    } catch (DfxApiException refused) {
      return false;
    }
  }
}
// readme:testkit-service:end
