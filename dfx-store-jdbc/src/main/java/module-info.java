/** dfx-store-jdbc: token pairs and a fleet-wide renew lease over JDBC. */
module io.github.dfxclient.store.jdbc {
  requires transitive io.github.dfxclient.core;
  requires transitive java.sql;
  requires org.slf4j;

  exports io.github.dfxclient.store.jdbc;
}
