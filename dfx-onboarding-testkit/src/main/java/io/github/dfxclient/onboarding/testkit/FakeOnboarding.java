package io.github.dfxclient.onboarding.testkit;

import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.onboarding.LoginRequest;
import io.github.dfxclient.onboarding.OnboardingOperations;
import io.github.dfxclient.onboarding.RegisterLicenseRequest;
import io.github.dfxclient.onboarding.RegisteredLicense;
import io.github.dfxclient.testkit.FakeAuthsBackend;
import io.github.dfxclient.testkit.FakeCall;
import io.github.dfxclient.testkit.FakeDfxServer;
import io.github.dfxclient.testkit.FakeRefusal;
import java.io.PrintStream;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The fake server's semantics of license registration (705) and user login (201), installed on a
 * testkit {@link FakeAuthsBackend} with its public API ({@link FakeAuthsBackend#handle}), so that
 * they run wherever that backend runs: the in-memory {@code FakeAuths}, the {@link FakeDfxServer}
 * over HTTP (and its other faces). Needs dfx-testkit on the class path (the application's tests
 * have it).
 *
 * <pre>{@code
 * FakeOnboarding onboarding = FakeOnboarding.installOn(DFX.backend());
 * onboarding.addLicense("LICENSE-KEY-1", 2);                    // two device seats
 * onboarding.addUser("alice@example.com", "correct horse");
 * }</pre>
 *
 * <p>Semantics (the status codes and error codes of the real API are not documented by the official
 * clients; these are the fake's, chosen as an OAuth token endpoint answers: a refused credential in
 * the body is a 400, a 401 is only ever about the bearer token):
 * <ul>
 *   <li><b>705</b> needs no {@code Authorization}. An unknown license key: 400 {@value
 *       #INVALID_LICENSE}. A license whose seats are all taken: 403 {@value #LICENSE_LIMIT_REACHED}.
 *       Otherwise it creates a device (a new random {@code DeviceID}, a seat taken), issues the
 *       device's pair from the backend ({@link FakeAuthsBackend#issuePair}, subject {@code
 *       device-<DeviceID>}) and answers the license's {@code RoleID} and {@code UserID}.
 *       {@code TokenExpiresIn} and {@code TokenSubject} are accepted and not applied (the backend's
 *       token lifetime applies).
 *   <li><b>201</b> needs a current device token ({@link FakeCall#requireBearer()}: else 401 {@code
 *       INVALID_TOKEN}; a user token is refused the same way). An unknown e-mail address or a wrong
 *       password: 400 {@value #INVALID_CREDENTIALS} (the same answer for both). A user with MFA and
 *       no {@code MFAToken}: 400 {@value #MFA_TOKEN_REQUIRED}; a wrong one: 400 {@value
 *       #INVALID_CREDENTIALS}. Otherwise it issues the user's pair (subject {@code user-<UserID>}).
 *       E-mail addresses are compared without regard to case.
 * </ul>
 * Scripted failures and latency of the backend ({@code failNext(OnboardingOperations.LOGIN, ...)})
 * apply as to every operation. Thread-safe.
 */
public final class FakeOnboarding {
  /** Code of a registration with a license key the fake does not know. */
  public static final String INVALID_LICENSE = "INVALID_LICENSE";
  /** Code of a registration on a license whose device seats are all taken. */
  public static final String LICENSE_LIMIT_REACHED = "LICENSE_LIMIT_REACHED";
  /** Code of a login with an unknown e-mail address, a wrong password or a wrong MFA token. */
  public static final String INVALID_CREDENTIALS = "INVALID_CREDENTIALS";
  /** Code of a login without MFA token for a user who has MFA enabled. */
  public static final String MFA_TOKEN_REQUIRED = "MFA_TOKEN_REQUIRED";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, License> licenses = new HashMap<>();
  private final Map<String, User> users = new HashMap<>();

  private static final class License {
    final int seats;
    final String roleId = UUID.randomUUID().toString();
    final String userId = UUID.randomUUID().toString();
    final List<String> devices = new ArrayList<>();

    License(int seats) {
      this.seats = seats;
    }
  }

  private record User(String id, String password, String mfaToken) {}

  private FakeOnboarding() {}

  /**
   * Installs both operations' semantics on {@code backend} (replacing earlier handlers of 705 and
   * 201), with no license and no user yet.
   *
   * @param backend the fake's state, e.g. {@code FakeDfxServerExtension.backend()} or {@code
   *     FakeAuths.backend()}
   * @return the new handlers' state: seed licenses and users on it
   * @throws IllegalArgumentException when {@code backend} is {@code null}
   */
  public static FakeOnboarding installOn(FakeAuthsBackend backend) {
    if (backend == null) {
      throw new IllegalArgumentException("backend must not be null");
    }
    FakeOnboarding fake = new FakeOnboarding();
    backend.handle(OnboardingOperations.REGISTER_LICENSE, fake::register);
    backend.handle(OnboardingOperations.LOGIN, fake::login);
    return fake;
  }

  /**
   * Seeds a license that 705 accepts.
   *
   * @param key the license key (kept by the fake, never shown)
   * @param devices how many devices it may register, at least 1
   * @throws IllegalArgumentException when the key is blank or {@code devices} is less than 1
   */
  public synchronized void addLicense(String key, int devices) {
    if (key == null || key.isBlank() || devices < 1) {
      throw new IllegalArgumentException("key must not be blank and devices must be at least 1");
    }
    licenses.put(key, new License(devices));
  }

  /**
   * Seeds a user without MFA that 201 logs in.
   *
   * @param email the e-mail address (compared without regard to case)
   * @param password the password
   * @return the user's ID (the {@code sub} of the user tokens issued: {@code user-<ID>})
   * @throws IllegalArgumentException when the e-mail address or the password is blank
   */
  public String addUser(String email, String password) {
    return addUser(email, password, null);
  }

  /**
   * Seeds a user that 201 logs in.
   *
   * @param email the e-mail address (compared without regard to case)
   * @param password the password
   * @param mfaToken the MFA token the user must send, or {@code null} for a user without MFA
   * @return the user's ID (the {@code sub} of the user tokens issued: {@code user-<ID>})
   * @throws IllegalArgumentException when the e-mail address or the password is blank
   */
  public synchronized String addUser(String email, String password, String mfaToken) {
    if (email == null || email.isBlank() || password == null || password.isEmpty()) {
      throw new IllegalArgumentException("email and password must not be blank");
    }
    String id = UUID.randomUUID().toString();
    users.put(email.toLowerCase(Locale.ROOT), new User(id, password, mfaToken));
    return id;
  }

  /**
   * @param key a license key
   * @return the IDs of the devices registered on it, oldest first; empty for an unknown key
   */
  public synchronized List<String> devicesRegistered(String key) {
    License license = licenses.get(key);
    return license == null ? List.of() : List.copyOf(license.devices);
  }

  private RegisteredLicense register(FakeCall<RegisterLicenseRequest> call) {
    License license;
    String deviceId;
    synchronized (this) {
      license = licenses.get(call.request().key());
      if (license == null) {
        throw new FakeRefusal(400, INVALID_LICENSE, "The license key is not valid");
      }
      if (license.devices.size() >= license.seats) {
        throw new FakeRefusal(403, LICENSE_LIMIT_REACHED, "Every device seat of the license is taken");
      }
      deviceId = UUID.randomUUID().toString();
      license.devices.add(deviceId);
    }
    TokenPair pair = call.backend().issuePair(FakeAuthsBackend.DEVICE_SUBJECT_PREFIX + "-" + deviceId);
    return new RegisteredLicense(deviceId, pair, license.roleId, license.userId);
  }

  private TokenPair login(FakeCall<LoginRequest> call) {
    String subject = call.requireBearer();
    if (!subject.startsWith(FakeAuthsBackend.DEVICE_SUBJECT_PREFIX)) {
      throw new FakeRefusal(401, FakeAuthsBackend.INVALID_TOKEN, "A device token is required");
    }
    LoginRequest request = call.request();
    User user;
    synchronized (this) {
      user = users.get(request.email().toLowerCase(Locale.ROOT));
    }
    if (user == null || !user.password().equals(request.password())) {
      throw new FakeRefusal(400, INVALID_CREDENTIALS, "The e-mail address or the password is wrong");
    }
    if (user.mfaToken() != null) {
      if (request.mfaToken() == null) {
        throw new FakeRefusal(400, MFA_TOKEN_REQUIRED, "The user has multi-factor authentication enabled");
      }
      if (!user.mfaToken().equals(request.mfaToken())) {
        throw new FakeRefusal(400, INVALID_CREDENTIALS, "The MFA token is wrong");
      }
    }
    return call.backend().issuePair("user-" + user.id());
  }

  /**
   * Runs a {@link FakeDfxServer} with both operations installed, a license with 10 seats and one
   * user, all random and printed (they are fake), until the process is stopped. The server's admin
   * API ({@code /__dfx/failures/705}, {@code /__dfx/requests}, ...) works for both operations.
   *
   * @param args the port (default 8080)
   * @throws InterruptedException when interrupted while serving
   */
  public static void main(String[] args) throws InterruptedException {
    int port;
    try {
      port = args.length == 0 ? 8080 : Integer.parseInt(args[0]);
      if (args.length > 1 || port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      System.err.println("usage: FakeOnboarding [port]   (port 1..65535, default 8080)");
      System.exit(2);
      return;
    }
    FakeDfxServer server = start(new FakeAuthsBackend(), port, System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    Thread.currentThread().join();
  }

  /**
   * Starts a fake server with both operations installed and a random license and user, and prints
   * how to use them.
   *
   * @param backend the state to serve
   * @param port the port, or 0 for a free one
   * @param out where the welcome goes
   * @return the running server
   */
  static FakeDfxServer start(FakeAuthsBackend backend, int port, PrintStream out) {
    FakeDfxServer server = new FakeDfxServer(backend, port).start();
    FakeOnboarding fake = installOn(backend);
    String key = "LIC-" + HexFormat.of().formatHex(randomBytes(12)).toUpperCase(Locale.ROOT);
    String email = "alice@example.com";
    String password = "pw-" + HexFormat.of().formatHex(randomBytes(8));
    fake.addLicense(key, 10);
    fake.addUser(email, password);
    URI base = server.baseUri();
    out.println("Fake DFX server with license registration (705) and login (201) on " + base);
    out.println("Fake license key (10 devices): " + key);
    out.println("Fake user: " + email + " / " + password);
    out.println("Try:");
    out.println("  curl -s -X POST " + base + "/organizations/licenses -H 'Content-Type: application/json'"
        + " -d '{\"DeviceTypeID\":\"LINUX\",\"Key\":\"" + key + "\",\"Name\":\"Kiosk 7\","
        + "\"Identifier\":\"com.example.kiosk\",\"Version\":\"1.0.0\"}'");
    out.println("  curl -s -X POST " + base + "/users/auth -H 'Content-Type: application/json'"
        + " -H 'Authorization: Bearer <Token from the answer above>'"
        + " -d '{\"Email\":\"" + email + "\",\"Password\":\"" + password + "\"}'");
    out.println("Press Ctrl+C to stop.");
    return server;
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  @Override
  public synchronized String toString() {
    return "FakeOnboarding[" + licenses.size() + " licenses, " + users.size() + " users]";
  }
}
