package io.github.dfxclient.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which database failures are tried again, with real drivers where a failure can be made on demand. */
class TransientSqlTest {

  @Test
  void aRefusedPostgresConnectionIsTransientAndASyntaxErrorIsNot() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    SQLException refused = catchThrowableOfType(SQLException.class,
        () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + closed + "/x?connectTimeout=2", "u", ""));
    SQLException syntax = catchThrowableOfType(SQLException.class, () -> {
      try (var c = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID())) {
        c.createStatement().execute("SELEKT 1");
      }
    });

    assertThat(refused.getSQLState()).startsWith("08");
    assertThat(TransientSql.isTransient(refused)).isTrue();
    assertThat(TransientSql.isTransient(syntax)).isFalse();
  }

  @Test
  void knowsTheStatesAndCodesOfPostgresAndH2() {
    for (String state : new String[] {"08001", "08006", "40001", "40P01", "55P03", "57P01", "HYT00", "90020"}) {
      assertThat(TransientSql.isTransient(new SQLException("x", state))).as(state).isTrue();
    }
    for (String state : new String[] {"23505", "42601", "42P01", "22001"}) {
      assertThat(TransientSql.isTransient(new SQLException("x", state))).as(state).isFalse();
    }
    SQLException wrapped = new SQLException("outer", "XX000", new SQLException("inner", "40P01"));
    assertThat(TransientSql.isTransient(wrapped)).as("a transient cause").isTrue();
    assertThat(TransientSql.isTransient(new java.sql.SQLTransientConnectionException("gone"))).isTrue();
  }

  @Test
  void triesAgainUntilItSucceedsOrTheBudgetIsSpent() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger between = new AtomicInteger();
    String result = TransientSql.retrying("test", Duration.ofSeconds(30), between::incrementAndGet, () -> {
      if (calls.incrementAndGet() < 3) {
        throw new SQLException("in use", "90020");
      }
      return "ok";
    });
    assertThat(result).isEqualTo("ok");
    assertThat(calls).hasValue(3);
    assertThat(between).hasValue(2);

    AtomicInteger fatal = new AtomicInteger();
    SQLException e = catchThrowableOfType(SQLException.class, () -> TransientSql.retrying("test", Duration.ofSeconds(30),
        null, () -> {
          fatal.incrementAndGet();
          throw new SQLException("duplicate", "23505");
        }));
    assertThat(e.getSQLState()).isEqualTo("23505");
    assertThat(fatal).as("not transient: once").hasValue(1);

    AtomicInteger spent = new AtomicInteger();
    catchThrowableOfType(SQLException.class, () -> TransientSql.retrying("test", Duration.ZERO, null, () -> {
      spent.incrementAndGet();
      throw new SQLException("down", "08001");
    }));
    assertThat(spent).as("no budget: once").hasValue(1);
  }

  @Test
  void warnsOnlyForAnH2AutoServerUrlNotBoundToLoopback() {
    String auto = "jdbc:h2:file:/tmp/x;AUTO_SERVER=TRUE";
    assertThat(H2Exposure.exposes(auto, null)).isTrue();
    assertThat(H2Exposure.exposes(auto, "0.0.0.0")).isTrue();
    assertThat(H2Exposure.exposes(auto, "192.168.1.5")).isTrue();
    assertThat(H2Exposure.exposes(auto, "127.0.0.1")).isFalse();
    assertThat(H2Exposure.exposes(auto, "::1")).isFalse();
    assertThat(H2Exposure.exposes(auto, "localhost")).isFalse();
    assertThat(H2Exposure.exposes("jdbc:h2:file:/tmp/x", null)).isFalse();
    assertThat(H2Exposure.exposes("jdbc:postgresql://db/x", null)).isFalse();
    assertThat(H2Exposure.timedLock(auto)).isTrue();
    assertThat(H2Exposure.timedLock(auto + ";FILE_LOCK=SOCKET")).isFalse();
    assertThat(H2Exposure.timedLock("jdbc:h2:file:/tmp/x")).isFalse();
  }
}
