package io.github.dfxclient.micrometer;

import io.github.dfxclient.core.DfxCallContext;
import io.github.dfxclient.core.DfxCallResult;
import io.micrometer.observation.Observation;

/**
 * The {@link Observation.Context} of one DFX call ({@code dfx.client.requests}): the call's identity
 * ({@link DfxCallContext}: action ID, method, path template, name, transport; never a token or a
 * body) and, once it ended, its {@link DfxCallResult} (outcome, attempts, last HTTP status,
 * duration, exception type). A {@link DfxClientObservationConvention} reads both.
 */
public class DfxClientObservationContext extends Observation.Context {
  private final DfxCallContext call;
  private volatile DfxCallResult result;
  private volatile int attempts;

  /**
   * @param call the call observed
   * @throws IllegalArgumentException when {@code call} is {@code null}
   */
  public DfxClientObservationContext(DfxCallContext call) {
    if (call == null) {
      throw new IllegalArgumentException("call must not be null");
    }
    this.call = call;
  }

  /** @return the call observed: its operation's identity and the transport */
  public DfxCallContext getCall() {
    return call;
  }

  /** @return how the call ended; {@code null} until it did (at the observation's start) */
  public DfxCallResult getResult() {
    return result;
  }

  /** @param result how the call ended */
  public void setResult(DfxCallResult result) {
    this.result = result;
  }

  /** @return how many attempts ended so far */
  public int getAttempts() {
    return attempts;
  }

  /** @param attempts how many attempts ended so far */
  public void setAttempts(int attempts) {
    this.attempts = attempts;
  }
}
