package dev.tradekit.copier;

import dev.tradekit.api.Credentials;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.Exchanges;
import dev.tradekit.api.runtime.LiveScheduler;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * One copier instance as its own process, for {@link CopierProcessesIT}: reads a properties file
 * (instance name, journal URL and schema, the FakeBinance URLs, the leader's and followers' keys,
 * the lease) and runs a {@link TradeCopier} in a group until it is killed or its parent's pipe
 * closes.
 *
 * <pre>{@code
 * java -cp <test class path> dev.tradekit.copier.CopierNode node.properties
 * }</pre>
 *
 * <p>Properties: {@code instance}, {@code journal.url}, {@code journal.schema}, {@code rest},
 * {@code ws}, {@code lease.ms}, {@code poll.ms}, {@code ratio}, {@code leader=key:secret} and
 * {@code follower.<name>=key:secret}.
 */
public final class CopierNode {
  private CopierNode() {}

  /** Runs one instance; exits when standard input reaches its end (the parent went away). */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CopierNode <node.properties>");
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    String instance = required(p, "instance");
    LiveScheduler clock = LiveScheduler.create("copier-" + instance);
    Connection db = DriverManager.getConnection(required(p, "journal.url"));
    db.setSchema(required(p, "journal.schema"));
    BigDecimal ratio = new BigDecimal(required(p, "ratio"));
    TradeCopier.Builder b =
        TradeCopier.builder()
            .leader(exchange(p, required(p, "leader"), clock))
            .journal(CopyJournals.jdbc(db))
            .scheduler(clock)
            .instance(instance)
            .lease(Duration.ofMillis(Long.parseLong(required(p, "lease.ms"))))
            .groupPoll(Duration.ofMillis(Long.parseLong(required(p, "poll.ms"))))
            .catchUpPeriod(Duration.ofSeconds(2))
            .symbols("BTCUSDT")
            .listener(
                new CopierListener() {
                  @Override
                  public void error(String message, Throwable cause) {
                    System.out.println(instance + " error: " + message + " (" + cause + ")");
                  }
                });
    for (String key : new TreeSet<>(p.stringPropertyNames())) {
      if (key.startsWith("follower.")) {
        b.follower(
            key.substring("follower.".length()),
            exchange(p, p.getProperty(key), clock),
            CopyPolicies.fixedRatio(ratio));
      }
    }
    b.build().start().get(60, TimeUnit.SECONDS);
    System.out.println(instance + " started");
    System.out.flush();
    InputStream in = System.in;
    while (in.read() >= 0) {
      // the parent holds the pipe open while it wants this instance to run
    }
    System.exit(0);
  }

  private static Exchange exchange(Properties p, String keyAndSecret, LiveScheduler clock) {
    int colon = keyAndSecret.indexOf(':');
    return Exchanges.builder("binance-usdm")
        .restBaseUrl(required(p, "rest"))
        .wsBaseUrl(required(p, "ws"))
        .credentials(
            Credentials.of(keyAndSecret.substring(0, colon), keyAndSecret.substring(colon + 1)))
        .scheduler(clock)
        .build();
  }

  private static String required(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("node properties need " + key);
    }
    return v.trim();
  }
}
