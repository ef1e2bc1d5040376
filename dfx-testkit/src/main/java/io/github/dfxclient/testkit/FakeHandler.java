package io.github.dfxclient.testkit;

/**
 * The fake server's semantics of one operation, registered with {@link FakeAuthsBackend#handle}.
 * It runs under the backend's lock, after the request was routed, decoded and counted and after
 * scripted failures were applied; it answers with a value or throws a {@link FakeRefusal}.
 *
 * @param <Q> the request type
 * @param <A> the answer type
 */
@FunctionalInterface
public interface FakeHandler<Q, A> {

  /**
   * @param call the request, its {@code Authorization} header and the backend's checks
   * @return the answer, encoded with the operation's answer codec and sent with status 200
   * @throws FakeRefusal to answer with an error status instead
   */
  A handle(FakeCall<Q> call);
}
