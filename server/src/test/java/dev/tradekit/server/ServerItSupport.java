package dev.tradekit.server;

import dev.tradekit.api.Exchange;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-up the control-plane ITs share: a temporary folder, stderr captured for the secret scans,
 * the control plane (on FakeBinance for those that run bots), the event streams and venue accounts
 * a test opens, and the teardown that closes them in order (streams, control plane, accounts,
 * venue, then whatever the test added last).
 *
 * <pre>{@code
 * class CopierBotIT extends ServerItSupport {
 *   void copies() {
 *     ServerFixture f = serve(venue("leader", "half"), 5);
 *     Exchange leader = account("leader");
 *   }
 * }
 * }</pre>
 */
abstract class ServerItSupport {
  @TempDir Path dir;
  @Nullable VenueFixture venue;
  @Nullable ServerFixture server;

  /** Event streams the test opened ({@link EventStream#open}); closed first. */
  final List<InputStream> streams = new ArrayList<>();

  private final List<AutoCloseable> afterServer = new ArrayList<>();

  /** Closed after the venue (the test's own receivers: webhook or Telegram servers). */
  final List<AutoCloseable> closeLast = new ArrayList<>();

  @BeforeAll
  static void captureLogs() {
    ServerFixture.captureStderr();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (InputStream in : streams) {
      in.close();
    }
    if (server != null) {
      server.close();
    }
    for (AutoCloseable a : afterServer) {
      a.close();
    }
    if (venue != null) {
      venue.close();
    }
    for (AutoCloseable c : closeLast) {
      c.close();
    }
  }

  /** Starts FakeBinance with {@code accounts} (100,000 USDT each); closed after the test. */
  VenueFixture venue(String... names) {
    VenueFixture v = new VenueFixture(names);
    venue = v;
    return v;
  }

  /** Starts a control plane on {@code v} with the master key of {@code keySeed}. */
  ServerFixture serve(VenueFixture v, int keySeed) {
    return serve(v.plane(dir, ServerFixture.key(keySeed)));
  }

  /** Starts the control plane {@code b} builds; closed after the test. */
  ServerFixture serve(ControlPlane.Builder b) {
    ServerFixture f = new ServerFixture(b.build().start());
    server = f;
    return f;
  }

  /** Opens venue account {@code name} directly (as a leader trades); closed after the test. */
  Exchange account(String name) {
    Exchange e = Objects.requireNonNull(venue, "start the venue first").fake.adapter(name).build();
    return afterServer(e);
  }

  /** Closes {@code c} after the control plane, before the venue (an account the test opened). */
  <T extends AutoCloseable> T afterServer(T c) {
    afterServer.add(c);
    return c;
  }
}
