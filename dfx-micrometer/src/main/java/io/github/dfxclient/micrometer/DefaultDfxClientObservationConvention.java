package io.github.dfxclient.micrometer;

import io.github.dfxclient.core.DfxCallContext;
import io.github.dfxclient.core.DfxCallResult;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.Locale;

/**
 * The default names and keys of DFX call observations. Name {@value #NAME}; low-cardinality keys,
 * {@code none} where a value is absent:
 *
 * <table>
 *   <caption>Keys of {@code dfx.client.requests}</caption>
 *   <tr><th>key</th><th>values</th><th>known at</th></tr>
 *   <tr><td>{@code action}</td><td>the DFX action ID, e.g. {@code 2304}; {@code none}</td><td>start</td></tr>
 *   <tr><td>{@code operation}</td><td>e.g. {@code renew}, {@code request-login-code}</td><td>start</td></tr>
 *   <tr><td>{@code method}</td><td>{@code GET}, {@code POST}, {@code PATCH}</td><td>start</td></tr>
 *   <tr><td>{@code transport}</td><td>e.g. {@code jdk-httpclient}, {@code feign}</td><td>start</td></tr>
 *   <tr><td>{@code outcome}</td><td>{@code success}, {@code not_sent}, {@code refused},
 *       {@code maybe_acted}, {@code unusable_answer}</td><td>stop</td></tr>
 *   <tr><td>{@code status.class}</td><td>{@code 2xx} ... {@code 5xx} of the last answer; {@code
 *       none}</td><td>stop</td></tr>
 *   <tr><td>{@code exception}</td><td>the simple class name of the exception the caller got;
 *       {@code none}</td><td>stop</td></tr>
 * </table>
 *
 * <p>High-cardinality key: {@code attempts} (attempts sent). The keys known at the start are what a
 * metrics handler tags the long task timer {@code dfx.client.requests.active} and the event counter
 * {@code dfx.client.requests.retry} with. Extend this class to add or change keys.
 */
public class DefaultDfxClientObservationConvention implements DfxClientObservationConvention {
  /** The observation's name. */
  public static final String NAME = "dfx.client.requests";
  /** The shared instance. */
  public static final DefaultDfxClientObservationConvention INSTANCE = new DefaultDfxClientObservationConvention();

  private static final String NONE = "none";

  /** A convention with the default names and keys. */
  public DefaultDfxClientObservationConvention() {}

  @Override
  public String getName() {
    return NAME;
  }

  /** @return e.g. {@code dfx renew} */
  @Override
  public String getContextualName(DfxClientObservationContext context) {
    return "dfx " + context.getCall().name();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(DfxClientObservationContext context) {
    DfxCallContext call = context.getCall();
    String action = call.actionId().isPresent() ? Integer.toString(call.actionId().getAsInt()) : NONE;
    KeyValues start = KeyValues.of(KeyValue.of("action", action), KeyValue.of("operation", call.name()),
        KeyValue.of("method", call.method()), KeyValue.of("transport", call.transport()));
    DfxCallResult result = context.getResult();
    if (result == null) {
      return start;
    }
    return start.and(KeyValue.of("outcome", result.outcome().name().toLowerCase(Locale.ROOT)),
        KeyValue.of("status.class", result.status().isPresent() ? result.status().getAsInt() / 100 + "xx" : NONE),
        KeyValue.of("exception", result.error().map(Class::getSimpleName).orElse(NONE)));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(DfxClientObservationContext context) {
    DfxCallResult result = context.getResult();
    return KeyValues.of("attempts", Integer.toString(result != null ? result.attempts() : context.getAttempts()));
  }
}
