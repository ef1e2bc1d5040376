package io.github.dfxclient.benchmarks;

import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.testkit.FakeAuths;
import io.github.dfxclient.testkit.FakeAuthsBackend;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The token session under contention, 16 threads, against the in-memory fake: the hot path (a
 * valid token asked for at once by many threads), a plain {@link AtomicReference} read for scale, and
 * a renew storm (every thread asks to renew the token it just saw; single-flight coalesces them).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 6, time = 1)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@BenchmarkMode(Mode.Throughput)
@Threads(16)
public class SessionBenchmark {
  private TokenSession session;
  private final AtomicReference<String> plain = new AtomicReference<>();

  @Setup
  public void setUp() {
    FakeAuthsBackend backend = new FakeAuthsBackend();
    FakeAuths auths = new FakeAuths(backend, null, Duration.ofSeconds(5), DfxRetryPolicy.defaults());
    session = TokenSession.builder().auths(auths).build();
    TokenPair user = backend.issuePair("user-7");
    session.set(TokenKind.USER, user);
    plain.set(user.token());
  }

  @Benchmark
  public String atomicReferenceGet_16threads() {
    return plain.get();
  }

  @Benchmark
  public String accessToken_16threads() {
    return session.accessToken(TokenKind.USER);
  }

  @Benchmark
  public TokenPair renewStorm_16threads() {
    return session.renewIfStill(TokenKind.USER, session.accessToken(TokenKind.USER));
  }
}
