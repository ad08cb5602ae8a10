package dev.tradekit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.SyntheticMarket;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.copier.CopierListener;
import dev.tradekit.copier.CopyJournal;
import dev.tradekit.copier.CopyJournals;
import dev.tradekit.copier.CopyPolicies;
import dev.tradekit.copier.CopyRecord;
import dev.tradekit.copier.TradeCopier;
import dev.tradekit.testkit.FakeBinance;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a {@link TradeCopier} on {@link FakeBinance} copies a leader's market order to a
 * funded follower (copied: "order filled") and to one with almost no margin (the venue refuses:
 * "copy failed"); a listener maps those to notify events, and the {@link Notifier} delivers them,
 * per alice's preferences, to a Telegram Bot API server, an SMTP server and a webhook receiver.
 */
class CopierNotificationsIT {
  private static final String SYMBOL = "BTCUSDT";
  private static final long AWAIT_NANOS = 30_000_000_000L;
  private static final String HOOK_SECRET =
      "whsec_" + Base64.getEncoder().encodeToString("end-to-end-webhook-secret-01234".getBytes());

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

  @TempDir Path dir;
  private FakeBinance fake;
  private final List<Exchange> adapters = new ArrayList<>();
  private LiveScheduler copierClock;
  private LiveScheduler notifyClock;
  private CopyJournal journal;
  private TradeCopier copier;
  private Notifier notifier;
  private final ExecutorService enqueuer = Executors.newSingleThreadExecutor();
  private final MockWebServer telegram = new MockWebServer();
  private final MockWebServer hooks = new MockWebServer();
  private final List<String> telegramTexts = new CopyOnWriteArrayList<>();
  private final List<String> hookBodies = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    long now = System.currentTimeMillis();
    fake =
        FakeBinance.builder()
            .instrument(
                Instrument.builder()
                    .symbol(SYMBOL)
                    .baseAsset("BTC")
                    .quoteAsset("USDT")
                    .tickSize(new BigDecimal("0.1"))
                    .stepSize(new BigDecimal("0.001"))
                    .build())
            .source(
                MarketDataSources.synthetic(
                    SyntheticMarket.Config.builder()
                        .symbol(SYMBOL)
                        .tickSize("0.1")
                        .lotSize("0.001")
                        .initialMid("60000")
                        .startTimeMillis(now)
                        .duration(Duration.ofHours(1))
                        .seed(3)
                        .build()))
            .account("leader", "s-leader", AccountSetup.usdt(new BigDecimal("100000")))
            .account("rich", "s-rich", AccountSetup.usdt(new BigDecimal("100000")))
            .account("poor", "s-poor", AccountSetup.usdt(new BigDecimal("1")))
            .start();
    await(
        () ->
            fake.onVenueThread(
                () ->
                    fake.venue().book(SYMBOL).depth(Side.BUY) > 0
                        && fake.venue().book(SYMBOL).depth(Side.SELL) > 0),
        "the venue has a two-sided book");

    telegram.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            telegramTexts.add(request.getBody().readUtf8());
            return new MockResponse().setBody("{\"ok\":true,\"result\":{\"message_id\":1}}");
          }
        });
    telegram.start();
    WebhookVerifier verifier =
        new WebhookVerifier(HOOK_SECRET, Duration.ofMinutes(5), System::currentTimeMillis);
    hooks.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            byte[] body = request.getBody().readByteArray();
            if (!verifier.isValid(
                request.getHeader("webhook-id"),
                request.getHeader("webhook-timestamp"),
                request.getHeader("webhook-signature"),
                body)) {
              return new MockResponse().setResponseCode(401);
            }
            hookBodies.add(new String(body, StandardCharsets.UTF_8));
            return new MockResponse().setResponseCode(204);
          }
        });
    hooks.start();

    notifyClock = LiveScheduler.create("notify-clock");
    SecretSource vault =
        SecretSource.of(Map.of("telegram.token", "42:e2e-token", "webhook.alice", HOOK_SECRET));
    notifier =
        Notifier.builder()
            .scheduler(notifyClock)
            .outbox(JdbcOutbox.create(SqliteFiles.dataSource(dir.resolve("notify.db"))))
            .preferences(
                PreferenceStore.of(
                    List.of(
                        Preference.of("alice", "telegram", "1001")
                            .withKinds(EnumSet.of(EventKind.ORDER_FILLED, EventKind.COPY_FAILED)),
                        Preference.of("alice", "email", "alice@example.com")
                            .withMinSeverity(Severity.ERROR),
                        Preference.of("alice", "webhook", hooks.url("/tradekit").toString())
                            .withKinds(EnumSet.of(EventKind.ORDER_FILLED, EventKind.COPY_FAILED)))))
            .channel(
                TelegramChannel.builder()
                    .scheduler(notifyClock)
                    .secrets(vault)
                    .baseUrl(telegram.url("/").toString())
                    .build())
            .channel(
                EmailChannel.builder()
                    .host("127.0.0.1")
                    .port(SMTP.getSmtp().getPort())
                    .security(EmailChannel.Security.NONE)
                    .from("alerts@tradekit.dev")
                    .build())
            .channel(WebhookChannel.builder().scheduler(notifyClock).secrets(vault).build())
            .coalesceWindow(Duration.ofMillis(200))
            .pollInterval(Duration.ofMillis(50))
            .build();
    notifier.start();

    copierClock = LiveScheduler.create("copier");
    journal = CopyJournals.sqlite(dir.resolve("journal.db"));
    copier =
        TradeCopier.builder()
            .leader(adapter("leader"))
            .journal(journal)
            .scheduler(copierClock)
            .symbols(SYMBOL)
            .listener(new NotifyingListener("alice", "copier-1"))
            .follower("rich", adapter("rich"), CopyPolicies.fixedRatio(new BigDecimal("0.5")))
            .follower("poor", adapter("poor"), CopyPolicies.fixedRatio(new BigDecimal("1")))
            .build();
    copier.start().get(30, TimeUnit.SECONDS);
  }

  /** What a control plane does: maps copier callbacks to notify events, off the copier thread. */
  private final class NotifyingListener implements CopierListener {
    private final String user;
    private final String bot;

    NotifyingListener(String user, String bot) {
      this.user = user;
      this.bot = bot;
    }

    @Override
    public void copied(CopyRecord copy) {
      enqueue(
          NotifyEvent.builder(EventKind.ORDER_FILLED, user)
              .id("copied-" + copy.clientOrderId())
              .bot(bot)
              .text(
                  copy.follower()
                      + " "
                      + copy.side()
                      + " "
                      + copy.executedQuantity().toPlainString()
                      + " "
                      + copy.symbol())
              .field("follower", copy.follower())
              .field("leaderTrade", copy.leaderTradeId())
              .occurredAt(Instant.ofEpochMilli(copierClock.currentTimeMillis()))
              .build());
    }

    @Override
    public void failed(CopyRecord copy, String reason) {
      enqueue(
          NotifyEvent.builder(EventKind.COPY_FAILED, user)
              .id("failed-" + copy.clientOrderId())
              .bot(bot)
              .text(copy.follower() + ": " + reason)
              .field("follower", copy.follower())
              .field("symbol", copy.symbol())
              .occurredAt(Instant.ofEpochMilli(copierClock.currentTimeMillis()))
              .build());
    }

    @Override
    public void followerPaused(String follower, String reason) {
      enqueue(
          NotifyEvent.builder(EventKind.FOLLOWER_PAUSED, user)
              .bot(bot)
              .text(follower + " paused: " + reason)
              .occurredAt(Instant.ofEpochMilli(copierClock.currentTimeMillis()))
              .build());
    }

    private void enqueue(NotifyEvent e) {
      enqueuer.execute(() -> notifier.enqueue(e)); // never block the copier's thread
    }
  }

  @AfterEach
  void stop() throws Exception {
    if (copier != null) {
      copier.stop();
    }
    if (copierClock != null) {
      copierClock.close();
    }
    if (journal != null) {
      journal.close();
    }
    adapters.forEach(Exchange::close);
    if (fake != null) {
      fake.close();
    }
    enqueuer.shutdown();
    enqueuer.awaitTermination(30, TimeUnit.SECONDS);
    if (notifier != null) {
      notifier.close();
    }
    if (notifyClock != null) {
      notifyClock.close();
    }
    telegram.shutdown();
    hooks.shutdown();
  }

  private Exchange adapter(String key) {
    Exchange ex = fake.adapter(key).build();
    adapters.add(ex);
    return ex;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.nanoTime() + AWAIT_NANOS;
    while (!condition.getAsBoolean() && System.nanoTime() < end) {
      TimeUnit.MILLISECONDS.sleep(20);
    }
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }

  @Test
  void copiedAndFailedCopiesReachTelegramEmailAndWebhookPerPreferences() throws Exception {
    Order o =
        adapters
            .get(0)
            .trading()
            .place(OrderRequest.market(SYMBOL, Side.BUY, new BigDecimal("0.010")))
            .get(30, TimeUnit.SECONDS);
    assertThat(o.status()).isEqualTo(OrderStatus.FILLED);

    await(() -> telegramTexts.size() >= 2, "two Telegram messages");
    await(() -> hookBodies.size() >= 2, "two webhooks");
    await(() -> SMTP.getReceivedMessages().length >= 1, "one email");

    assertThat(String.join("\n", telegramTexts))
        .contains("<b>Order filled</b>", "rich BUY 0.005 BTCUSDT", "<b>Copy failed</b>", "poor: ")
        .contains("\"chat_id\":\"1001\"");
    assertThat(String.join("\n", hookBodies))
        .contains("\"type\":\"bot.order.filled\"", "\"type\":\"copier.copy.failed\"");
    // email wants ERROR and up: only the failed copy
    MimeMessage[] mails = SMTP.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getSubject()).isEqualTo("[Tradekit] Copy failed");
    assertThat(mails[0].getHeader("X-Tradekit-Event-Id")[0]).startsWith("failed-");
    assertThat(notifier.deadLetters(10)).isEmpty();
  }
}
