package io.github.dfxclient.transport.jdk.example;

// readme:quickstart:start
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.session.InMemoryTokenStore;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.transport.jdk.JdkAuthsAdapter;

public final class QuickStart {
  /** Sends a login code by SMS with the device pair that registering the license gave. */
  public static boolean sendLoginCode(String baseUri, TokenPair devicePair, String phoneNumber) {
    try (JdkAuthsAdapter http = JdkAuthsAdapter.builder().baseUri(baseUri).build()) {  // one HttpClient
      TokenSession session = TokenSession.builder()
          .auths(http)                               // renews pairs (a renew carries its own pair)
          .store(new InMemoryTokenStore())           // where pairs live; JdbcTokenStore for a fleet
          .build();
      session.set(TokenKind.DEVICE, devicePair);     // saved before any use

      AuthsClient auths = http.withCredentials(session.credentials());   // asks the session per call
      return auths.requestLoginCode(new LoginCodeRequest(phoneNumber, "acme-health")).success();
    }
  }
}
// readme:quickstart:end
