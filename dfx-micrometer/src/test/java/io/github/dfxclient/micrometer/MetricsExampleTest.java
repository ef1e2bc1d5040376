package io.github.dfxclient.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.transport.jdk.JdkAuthsAdapter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The plain-Java wiring of docs/metrics.md, compiled and run against the fake DFX server. */
class MetricsExampleTest {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  @Test
  void plainJavaWiringRecordsTimersAndCounters() {
    URI baseUri = DFX.baseUri();
    TokenPair devicePair = DFX.backend().issuePair("device");

    // readme:metrics-plain-java:start
    MeterRegistry meters = new SimpleMeterRegistry();                 // or Prometheus, OTLP, ...
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    DfxObservationListener dfxObservations = new DfxObservationListener(observations);

    JdkAuthsAdapter http = JdkAuthsAdapter.builder().baseUri(baseUri)
        .listener(dfxObservations)                                   // every call and attempt
        .build();
    TokenSession session = TokenSession.builder().auths(http)
        .listener(dfxObservations)                                   // every renew
        .build();
    session.set(TokenKind.DEVICE, devicePair);
    AuthsClient auths = http.withCredentials(session.credentials());  // views share the listener
    auths.requestLoginCode(new LoginCodeRequest("+15555550123", "acme-health"));
    session.renewIfStill(TokenKind.DEVICE, devicePair.token());

    double loginCodes = meters.get("dfx.client.requests")
        .tags("action", "2303", "outcome", "success").timer().count();       // 1
    double renewals = meters.get("dfx.session.renewals")
        .tags("kind", "device", "outcome", "renewed").timer().count();       // 1
    // readme:metrics-plain-java:end

    assertThat(loginCodes).isEqualTo(1);
    assertThat(renewals).isEqualTo(1);
    assertThat(meters.get("dfx.client.requests").tags("action", "2304").timer().count()).isEqualTo(1);
    http.close();
  }
}
