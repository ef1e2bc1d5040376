package io.github.dfxclient.testkit;

import io.github.dfxclient.core.DfxRetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The builder settings every HTTP adapter shares ({@code baseUri}, {@code bearerToken}, {@code
 * requestTimeout}, {@code retryPolicy}), handed by {@link HttpAdapterContract} to the adapter under
 * test.
 *
 * @param baseUri where the (fake) server listens
 * @param bearerToken the token supplier, may return null
 * @param requestTimeout the request timeout
 * @param retryPolicy the retry policy
 */
public record AdapterSettings(
    URI baseUri, Supplier<String> bearerToken, Duration requestTimeout, DfxRetryPolicy retryPolicy) {}
