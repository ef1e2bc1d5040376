package io.github.dfxclient.transport.jdk;

import io.github.dfxclient.core.DfxAttempt;
import io.github.dfxclient.core.DfxCallContext;
import io.github.dfxclient.core.DfxCallListener;
import io.github.dfxclient.core.DfxCallResult;
import io.github.dfxclient.core.DfxRenewContext;
import io.github.dfxclient.core.DfxRenewResult;
import io.github.dfxclient.core.DfxSessionEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every hook it is given, as text, in order (thread-safe). */
final class RecordingListener implements DfxCallListener {
  final List<String> hooks = new CopyOnWriteArrayList<>();
  final List<DfxAttempt> attempts = new CopyOnWriteArrayList<>();
  final List<DfxCallResult> calls = new CopyOnWriteArrayList<>();
  final List<DfxRenewResult> renews = new CopyOnWriteArrayList<>();
  final List<DfxSessionEvent> events = new CopyOnWriteArrayList<>();
  final List<DfxCallContext> contexts = new CopyOnWriteArrayList<>();
  final List<DfxRenewContext> renewContexts = new CopyOnWriteArrayList<>();
  /** Counted down by every {@code afterCall}. */
  final java.util.concurrent.CountDownLatch callEnded = new java.util.concurrent.CountDownLatch(1);

  @Override
  public void beforeCall(DfxCallContext call) {
    contexts.add(call);
    hooks.add("beforeCall " + call.name());
  }

  @Override
  public void afterAttempt(DfxCallContext call, DfxAttempt attempt) {
    attempts.add(attempt);
    hooks.add("afterAttempt " + call.name() + " " + attempt.number() + " " + attempt.outcome());
  }

  @Override
  public void afterCall(DfxCallContext call, DfxCallResult result) {
    calls.add(result);
    hooks.add("afterCall " + call.name() + " " + result.outcome());
    callEnded.countDown();
  }

  @Override
  public void beforeRenew(DfxRenewContext renew) {
    renewContexts.add(renew);
    hooks.add("beforeRenew " + renew.kind());
  }

  @Override
  public void afterRenew(DfxRenewContext renew, DfxRenewResult result) {
    renews.add(result);
    hooks.add("afterRenew " + renew.kind() + " " + result.outcome());
  }

  @Override
  public void onSessionEvent(DfxSessionEvent event) {
    events.add(event);
    hooks.add("event " + event.type());
  }

  /** @return everything it was given, as text (records print all their components) */
  String everything() {
    return String.join("\n", hooks) + attempts + calls + renews + events + contexts + renewContexts
        + contexts.stream().map(c -> c.method() + " " + c.pathTemplate() + " " + c.actionId() + " " + c.transport()
            + " " + c.credential()).toList()
        + renewContexts.stream().map(r -> r.kind() + " " + r.principal()).toList();
  }
}
