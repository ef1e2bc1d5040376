/** An example application using dfx-java as a modular consumer would. */
module com.example.signin {
  requires io.github.dfxclient.transport.jdk;

  exports com.example.signin;
}
