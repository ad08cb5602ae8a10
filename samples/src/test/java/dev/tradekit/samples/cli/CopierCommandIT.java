package dev.tradekit.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.testkit.FakeBinance;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tradekit copier} over the real Binance adapter against FakeBinance: base URLs from the
 * config file, each account's keys from the .env file, a SQLite journal; the leader's market order
 * is copied onto both followers at their policies' sizes.
 */
class CopierCommandIT {
  private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(90);

  @TempDir Path dir;

  /** Bob has 2.05 times the leader's balance: 0.0205 BTC rounds down to the 0.001 step. */
  @Test
  void copiesTheLeadersFillOntoBothFollowers() throws Exception {
    try (FakeBinance fake =
            FakeBinance.builder()
                .account("lead-key", "lead-secret", AccountSetup.usdt(new BigDecimal("10000")))
                .account("alice-key", "alice-secret", AccountSetup.usdt(new BigDecimal("10000")))
                .account("bob-key", "bob-secret", AccountSetup.usdt(new BigDecimal("20500")))
                .start();
        Exchange leader = adapter(fake, "lead")) {
      Path cfg = dir.resolve("copier.yaml");
      Files.writeString(
          cfg,
          "venue: binance-usdm\n"
              + "leader: main\n"
              + "journal: "
              + dir.resolve("copier.db")
              + "\n"
              + "symbols: [BTCUSDT]\n"
              + "restBaseUrl: "
              + fake.restBaseUrl()
              + "\nwsBaseUrl: "
              + fake.wsBaseUrl()
              + "\nfollowers:\n"
              + "  - name: alice\n    policy: fixed-ratio\n    ratio: 0.5\n"
              + "  - name: bob\n    policy: proportional-to-balance\n",
          StandardCharsets.UTF_8);
      Path env = dir.resolve(".env");
      Files.writeString(
          env,
          "MAIN_BINANCE_API_KEY=lead-key\nMAIN_BINANCE_API_SECRET=lead-secret\n"
              + "ALICE_BINANCE_API_KEY=alice-key\nALICE_BINANCE_API_SECRET=alice-secret\n"
              + "export BOB_BINANCE_API_KEY=bob-key\nBOB_BINANCE_API_SECRET=\"bob-secret\"\n",
          StandardCharsets.UTF_8);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      AtomicInteger code = new AtomicInteger(-1);
      Thread command =
          new Thread(
              () ->
                  code.set(
                      TradekitCli.execute(
                          new PrintWriter(out),
                          new PrintWriter(err),
                          "copier",
                          "--config",
                          cfg.toString(),
                          "--env-file",
                          env.toString(),
                          "--duration",
                          "5m",
                          "--interval",
                          "1s")),
              "copier-command");
      command.start();
      awaitTrue(
          () -> out.toString().contains("copying main -> alice, bob on binance-usdm (TESTNET)"),
          () -> "copier start; out " + out + " err " + err);
      awaitTrue(() -> bookIsLive(fake), () -> "a two-sided book at the venue");

      Order o =
          leader
              .trading()
              .place(OrderRequest.market("BTCUSDT", Side.BUY, new BigDecimal("0.01")))
              .get(30, TimeUnit.SECONDS);
      assertThat(o.status()).isEqualTo(OrderStatus.FILLED);

      awaitTrue(
          () ->
              position(fake, "alice-key").compareTo(new BigDecimal("0.005")) == 0
                  && position(fake, "bob-key").compareTo(new BigDecimal("0.02")) == 0,
          () ->
              "follower positions alice "
                  + position(fake, "alice-key")
                  + " bob "
                  + position(fake, "bob-key")
                  + "; out "
                  + out);
      awaitTrue(
          () ->
              out.toString().matches("(?s).*alice +copied 1 .*")
                  && out.toString().matches("(?s).*bob +copied 1 .*"),
          () -> "both copies acknowledged; out " + out);
      command.interrupt();
      command.join(TimeUnit.SECONDS.toMillis(60));
      assertThat(command.isAlive()).isFalse();
      assertThat(code.get()).as("exit code; err %s", err).isZero();
      assertThat(out.toString())
          .contains("interrupted: stopping")
          .doesNotContain("warning: the leader's user stream is not live")
          .containsPattern("alice +copied 1 skipped 0 failed 0")
          .containsPattern("bob +copied 1 skipped 0 failed 0");
      assertThat(dir.resolve("copier.db")).isRegularFile();
    }
  }

  private static Exchange adapter(FakeBinance fake, String account) {
    return fake.adapter(account + "-key").build();
  }

  private static boolean bookIsLive(FakeBinance fake) {
    return fake.onVenueThread(
        () ->
            fake.venue().book("BTCUSDT").depth(Side.BUY) > 0
                && fake.venue().book("BTCUSDT").depth(Side.SELL) > 0);
  }

  private static BigDecimal position(FakeBinance fake, String key) {
    try {
      BigDecimal sum = BigDecimal.ZERO;
      for (Position p : fake.venue().account(key).account().positions().get(30, TimeUnit.SECONDS)) {
        if (p.symbol().equals("BTCUSDT")) {
          sum = sum.add(p.amount());
        }
      }
      return sum;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Polls until true or 90 s; the message says what was awaited. */
  static void awaitTrue(BooleanSupplier condition, java.util.function.Supplier<String> what)
      throws InterruptedException {
    long end = System.nanoTime() + WAIT_NANOS;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within 90 s: " + what.get());
      }
      Thread.sleep(25);
    }
  }
}
