package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.adapter.WsTestServer;
import dev.tradekit.api.ConnectionState;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.error.AuthenticationException;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.model.AccountUpdate;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.LiveScheduler;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The user data stream against a local WebSocket server and a scripted REST side. */
class BinanceUserStreamIT {
  private static final long T0 = 1_700_000_001_000L;

  private final FakeStreamRest rest = new FakeStreamRest();
  private final Recorder events = new Recorder();
  private LiveScheduler scheduler;
  private WsTestServer server;
  private BinanceStreams streams;

  @BeforeEach
  void start() throws Exception {
    server = new WsTestServer();
    scheduler = LiveScheduler.create("events");
    streams = create(Duration.ofMinutes(30), false);
  }

  private BinanceStreams create(Duration keepAlive, boolean legacy) {
    return new BinanceStreams(
        StreamTestSupport.context(server.baseUri(), rest, scheduler, legacy, true),
        StreamTestSupport.settings(keepAlive));
  }

  @AfterEach
  void stop() throws Exception {
    streams.close();
    scheduler.close();
    server.close();
  }

  /** Everything the listener hears, as short text lines. */
  private static final class Recorder implements UserEventListener {
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    @Override
    public void onOrderUpdate(Order o) {
      lines.add(
          "order " + o.orderId() + " " + o.status() + " " + o.executedQuantity().toPlainString());
    }

    @Override
    public void onFill(Fill f) {
      lines.add("fill " + f.tradeId() + " " + f.quantity().toPlainString());
    }

    @Override
    public void onAccountUpdate(AccountUpdate u) {
      lines.add("account " + u.reason());
    }

    @Override
    public void onConnectionState(ConnectionState state) {
      lines.add("state " + state);
    }

    String next() throws InterruptedException {
      String line = lines.poll(20, TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError("no user event within 20 s");
      }
      return line;
    }
  }

  private static String orderTradeUpdate(
      long time, String execution, String status, long tradeId, String last, String cum) {
    return "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":"
        + time
        + ",\"T\":"
        + time
        + ",\"o\":{\"s\":\"BTCUSDT\",\"c\":\"copy-1\",\"S\":\"BUY\",\"o\":\"LIMIT\",\"f\":\"GTC\","
        + "\"q\":\"3\",\"p\":\"60000.0\",\"ap\":\"60000.0\",\"sp\":\"0\",\"x\":\""
        + execution
        + "\",\"X\":\""
        + status
        + "\",\"i\":1,\"l\":\""
        + last
        + "\",\"z\":\""
        + cum
        + "\",\"L\":\"60000.0\",\"n\":\"0.01\",\"N\":\"USDT\",\"T\":"
        + time
        + ",\"t\":"
        + tradeId
        + ",\"m\":false,\"R\":false,\"ps\":\"BOTH\",\"rp\":\"0\"}}";
  }

  private static Fill fill(long tradeId, String qty, long time) {
    return Fill.builder()
        .symbol("BTCUSDT")
        .tradeId(Long.toString(tradeId))
        .orderId("1")
        .side(Side.BUY)
        .price(new BigDecimal("60000.0"))
        .quantity(new BigDecimal(qty))
        .commissionAsset("USDT")
        .time(time)
        .build();
  }

  @Test
  void missedFillsAreRecoveredOnceAfterADropThenReconnectedIsReported() throws Exception {
    rest.listenKeys.add("key1");
    streams.userEvents(events);
    WsTestServer.Socket first = server.nextSocket();
    assertThat(first.path).isEqualTo("/private/ws?listenKey=key1");
    assertThat(events.next()).isEqualTo("state CONNECTED");

    first.send("{\"e\":\"TRADE_LITE\",\"E\":" + T0 + ",\"s\":\"BTCUSDT\"}");
    first.send("{\"e\":\"ALGO_UPDATE\",\"E\":" + T0 + ",\"o\":{\"caid\":\"x\"}}");
    first.send(orderTradeUpdate(T0, "TRADE", "PARTIALLY_FILLED", 10, "1", "1"));
    assertThat(events.next()).isEqualTo("order 1 PARTIALLY_FILLED 1");
    assertThat(events.next()).isEqualTo("fill 10 1");

    Order filled =
        Order.builder()
            .symbol("BTCUSDT")
            .orderId("1")
            .side(Side.BUY)
            .type(OrderType.LIMIT)
            .price(new BigDecimal("60000.0"))
            .quantity(new BigDecimal("3"))
            .executedQuantity(new BigDecimal("3"))
            .status(OrderStatus.FILLED)
            .updateTime(T0 + 2_000)
            .build();
    rest.orders.put("BTCUSDT", List.of(filled));
    rest.fills.put("BTCUSDT", List.of(fill(10, "1", T0), fill(11, "2", T0 + 2_000)));

    first.drop();
    assertThat(events.next()).isEqualTo("state DISCONNECTED");
    WsTestServer.Socket second = server.nextSocket();
    assertThat(second.path).isEqualTo("/private/ws?listenKey=key1");
    assertThat(events.next()).isEqualTo("order 1 FILLED 3");
    assertThat(events.next()).isEqualTo("fill 11 2");
    assertThat(events.next()).isEqualTo("state RECONNECTED");
    assertThat(rest.callLog)
        .contains("ordersSince BTCUSDT " + (T0 - 5_000), "userTradesSince BTCUSDT " + (T0 - 5_000));

    // The venue replays the last execution on the new connection: not delivered again.
    second.send(orderTradeUpdate(T0 + 2_000, "TRADE", "FILLED", 11, "2", "3"));
    second.send(
        "{\"e\":\"ACCOUNT_UPDATE\",\"E\":\""
            + (T0 + 3_000)
            + "\",\"T\":"
            + (T0 + 3_000)
            + ",\"a\":{\"m\":\"ORDER\",\"B\":[{\"a\":\"USDT\",\"wb\":\"100.5\",\"cw\":\"90\","
            + "\"bc\":\"0\"}],\"P\":[{\"s\":\"BTCUSDT\",\"pa\":\"3\",\"ep\":\"60000.0\","
            + "\"up\":\"1.2\",\"mt\":\"cross\",\"iw\":\"0\",\"ps\":\"BOTH\"}]}}");
    assertThat(events.next()).isEqualTo("account ORDER");
    assertThat(rest.count("createListenKey")).isEqualTo(1);
  }

  @Test
  void listenKeyExpiredEventCreatesANewKeyAndConnection() throws Exception {
    rest.listenKeys.add("key1");
    rest.listenKeys.add("key2");
    streams.userEvents(events);
    WsTestServer.Socket first = server.nextSocket();
    assertThat(events.next()).isEqualTo("state CONNECTED");

    first.send("{\"e\":\"listenKeyExpired\",\"E\":\"1576653824250\",\"listenKey\":\"key1\"}");
    assertThat(events.next()).isEqualTo("state DISCONNECTED");
    WsTestServer.Socket second = server.nextSocket();
    assertThat(second.path).isEqualTo("/private/ws?listenKey=key2");
    assertThat(events.next()).isEqualTo("state RECONNECTED");
    assertThat(rest.count("createListenKey")).isEqualTo(2);
    first.closed.get(30, TimeUnit.SECONDS); // the old connection was closed by the client
  }

  @Test
  void keepAliveIsSentOnScheduleAndMinus1125RenewsTheKey() throws Exception {
    streams.close();
    streams = create(Duration.ofMillis(100), true);
    rest.listenKeys.add("key1");
    rest.listenKeys.add("key2");
    // the key expires only once the socket is up and two keep-alives went through: a slow
    // handshake must not let the expiry overtake the first connection
    AtomicBoolean expire = new AtomicBoolean();
    rest.keepAlive =
        () ->
            !expire.get()
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(
                    new ExchangeException("binance-usdm", -1125, "This listenKey does not exist."));
    streams.userEvents(events);
    WsTestServer.Socket first = server.nextSocket();
    assertThat(first.path).isEqualTo("/ws/key1");
    assertThat(events.next()).isEqualTo("state CONNECTED");

    rest.awaitCall("keepAliveListenKey");
    rest.awaitCall("keepAliveListenKey");
    expire.set(true);
    rest.awaitCall("keepAliveListenKey");
    // at a fixed rate the third keep-alive is never earlier than three periods after the key
    long elapsedMillis =
        TimeUnit.NANOSECONDS.toMillis(
            rest.nanosOf("keepAliveListenKey", 3) - rest.nanosOf("createListenKey", 1));
    assertThat(elapsedMillis).as("three keep-alives 100 ms apart").isBetween(290L, 10_000L);

    assertThat(events.next()).isEqualTo("state DISCONNECTED");
    WsTestServer.Socket second = server.nextSocket();
    assertThat(second.path).isEqualTo("/ws/key2");
    assertThat(events.next()).isEqualTo("state RECONNECTED");
  }

  @Test
  void userEventsWithoutCredentialsFailClearly() {
    BinanceStreams anonymous =
        new BinanceStreams(
            StreamTestSupport.context(server.baseUri(), rest, scheduler, false, false),
            StreamTestSupport.settings());
    assertThatThrownBy(() -> anonymous.userEvents(events))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("credentials");
  }
}
