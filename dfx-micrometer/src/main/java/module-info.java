/** dfx-micrometer: Micrometer Observations of dfx-java's calls and token renewals. */
module io.github.dfxclient.micrometer {
  requires transitive io.github.dfxclient.core;
  requires transitive micrometer.observation;
  requires transitive micrometer.commons;

  exports io.github.dfxclient.micrometer;
}
