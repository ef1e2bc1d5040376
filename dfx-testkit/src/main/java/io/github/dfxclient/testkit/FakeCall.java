package io.github.dfxclient.testkit;

/**
 * One request as a {@link FakeHandler} sees it.
 *
 * @param <Q> the request type
 */
public final class FakeCall<Q> {
  private final Q request;
  private final String authorization;
  private final FakeAuthsBackend backend;

  FakeCall(Q request, String authorization, FakeAuthsBackend backend) {
    this.request = request;
    this.authorization = authorization;
    this.backend = backend;
  }

  /**
   * @return the decoded request (from the body, or from the path for a request without body); {@code
   *     null} for an operation that takes no request (a plain {@code GET})
   */
  public Q request() {
    return request;
  }

  /** @return the {@code Authorization} header, or {@code null} */
  public String authorization() {
    return authorization;
  }

  /**
   * @return the subject ({@code sub}) of the bearer token: a current, unexpired access token issued
   *     by this backend
   * @throws FakeRefusal 401 {@code INVALID_TOKEN} when the header is missing or the token is unknown,
   *     renewed or expired
   */
  public String requireBearer() {
    return backend.bearerSubject(authorization);
  }

  /** @return the backend, for handlers that keep state of their own */
  public FakeAuthsBackend backend() {
    return backend;
  }
}
