package dev.tradekit.scanner;

import static dev.tradekit.scanner.JsonTest.obj;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.SyntheticMarket;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.testkit.FakeBinance;
import dev.tradekit.testkit.RateLimits;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scanner over the real {@code binance-usdm} adapter against {@link FakeBinance} on loopback
 * (HTTP and WebSockets, live time): 60 synthetic symbols, one of them a stablecoin pair; an account
 * places two walls through the adapter, and the scanner finds, observes, promotes and publishes
 * them per tier. Waits poll generously (a loaded two-core machine is slow), never sleep as an
 * assertion.
 */
class ScannerTestkitIT {
  private static final int SYMBOLS = 60;
  private static final String DIAMOND_SYMBOL = "S07USDT";
  private static final String GOLD_SYMBOL = "S23USDT";
  private static final String STABLE_SYMBOL = "USDCUSDT";
  private static final int VENUE_WEIGHT = 1200;
  private static final int SCANNER_WEIGHT = 1000;
  private static final long PROMOTION_MILLIS = 2_500;
  private static final long PUBLIC_DELAY_MILLIS = 3_000;
  private static final long WAIT_MILLIS = 30_000;

  private final List<MarketDataSource> sources = new ArrayList<>();
  private FakeBinance fake;
  private Exchange wallAccount;
  private Exchange scannerVenue;
  private LiveScheduler clock;
  private @org.jspecify.annotations.Nullable Scanner scanner;
  private final Map<FeedTier, List<Received>> received = new EnumMap<>(FeedTier.class);

  /** One feed message and the wall-clock time it reached the subscriber. */
  private record Received(long at, Map<String, Object> doc) {
    String symbol() {
      return String.valueOf(doc.get("symbol"));
    }

    boolean has(UpdateReason reason) {
      return JsonTest.arr(doc.get("reasons")).contains(reason.name());
    }
  }

  @BeforeEach
  void start() {
    long start = System.currentTimeMillis();
    FakeBinance.Builder b =
        FakeBinance.builder()
            .rateLimits(new RateLimits(VENUE_WEIGHT, 300, 1200, 3, Duration.ofMinutes(2)))
            .account("key-wall", "secret-wall", AccountSetup.usdt(new BigDecimal("10000000")))
            .account("key-scan", "secret-scan", AccountSetup.usdt(new BigDecimal("1000")));
    for (int i = 0; i < SYMBOLS; i++) {
      String symbol = i == SYMBOLS - 1 ? STABLE_SYMBOL : String.format("S%02dUSDT", i);
      b.instrument(instrument(symbol));
      sources.add(
          MarketDataSources.synthetic(
              SyntheticMarket.Config.builder()
                  .symbol(symbol)
                  .tickSize("0.1")
                  .lotSize("0.001")
                  .initialMid(String.valueOf(1000 + i))
                  .dailyVolatility(0.002)
                  .tradeRatePerSecond(1 + i % 3)
                  .updateRatePerSecond(4)
                  .startTimeMillis(start)
                  .duration(Duration.ofMinutes(30))
                  .seed(500 + i)
                  .build()));
    }
    fake = b.source(MarketDataSources.merge(sources.toArray(new MarketDataSource[0]))).start();
    wallAccount = fake.adapter("key-wall").build();
    scannerVenue = fake.adapter("key-scan").build();
    clock = LiveScheduler.create("scanner-it");
    for (FeedTier tier : FeedTier.values()) {
      received.put(tier, new CopyOnWriteArrayList<>());
    }
  }

  @AfterEach
  void stop() {
    if (scanner != null) {
      scanner.close();
    }
    clock.close();
    scannerVenue.close();
    wallAccount.close();
    fake.close();
  }

  /** A 0.1-tick, 0.001-lot USDT perpetual (also used by {@link ScannerBybitIT}). */
  static Instrument instrument(String symbol) {
    return Instrument.builder()
        .symbol(symbol)
        .baseAsset(symbol.replace("USDT", ""))
        .quoteAsset("USDT")
        .tickSize(new BigDecimal("0.1"))
        .stepSize(new BigDecimal("0.001"))
        .build();
  }

  private Scanner scanner() {
    return Scanner.builder()
        .exchange(scannerVenue)
        .scheduler(clock)
        .topSymbols(SYMBOLS)
        .depthLimit(20)
        .maxConcurrentRequests(5)
        .weightPerMinute(SCANNER_WEIGHT)
        .minUsd(20_000)
        .promotionAge(Duration.ofMillis(PROMOTION_MILLIS))
        .observerInterval(Duration.ofSeconds(1))
        .primaryScanInterval(Duration.ofMinutes(10))
        // diamond only far above the threshold (size over the top-10 mean above ~53), else gold
        .algorithm(WeightAlgorithm.of("size-cut", in -> in.sizeFactor() > 0.9995 ? 0.9 : 0.5))
        .privateTokens(Set.of("tok"))
        .vipKeys(Set.of("vip"))
        .publicDelay(Duration.ofMillis(PUBLIC_DELAY_MILLIS))
        .build();
  }

  private void subscribe(Scanner s) {
    for (FeedTier tier : FeedTier.values()) {
      String credential = tier == FeedTier.PRIVATE ? "tok" : tier == FeedTier.VIP ? "vip" : "";
      List<Received> into = Objects.requireNonNull(received.get(tier));
      s.feed()
          .subscribe(
              tier,
              credential,
              json -> {
                into.add(new Received(System.currentTimeMillis(), obj(JsonTest.parse(json))));
                return true;
              });
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() < deadline).as("within %d ms: %s", WAIT_MILLIS, what).isTrue();
      Thread.sleep(50);
    }
  }

  private static <T> T join(java.util.concurrent.CompletableFuture<T> f) throws Exception {
    return f.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
  }

  private List<Received> tier(FeedTier tier) {
    return Objects.requireNonNull(received.get(tier));
  }

  private Received first(FeedTier tier, Predicate<Received> p) {
    return tier(tier).stream().filter(p).findFirst().orElseThrow();
  }

  private boolean any(FeedTier tier, Predicate<Received> p) {
    return tier(tier).stream().anyMatch(p);
  }

  /** Places a GTC limit through the adapter, 12 ticks behind the touch (beyond the top 10). */
  private BigDecimal placeWall(String symbol, Side side, String quantity) throws Exception {
    await(
        symbol + " has a full book",
        () ->
            fake.onVenueThread(
                () ->
                    fake.venue().publicBook(symbol).depth(Side.BUY) >= 20
                        && fake.venue().publicBook(symbol).depth(Side.SELL) >= 20));
    OrderBookSnapshot book = join(wallAccount.marketData().orderBook(symbol, 5));
    BigDecimal touch =
        side == Side.BUY
            ? book.bestBid().orElseThrow().price()
            : book.bestAsk().orElseThrow().price();
    BigDecimal price =
        side == Side.BUY ? touch.subtract(new BigDecimal("1.2")) : touch.add(new BigDecimal("1.2"));
    Order o =
        join(
            wallAccount
                .trading()
                .place(OrderRequest.limit(symbol, side, new BigDecimal(quantity), price)));
    assertThat(o.status()).isEqualTo(OrderStatus.NEW);
    return price;
  }

  private static Predicate<Received> wall(String symbol, BigDecimal price, UpdateReason reason) {
    return r ->
        r.symbol().equals(symbol)
            && new BigDecimal(String.valueOf(r.doc.get("price"))).compareTo(price) == 0
            && r.has(reason);
  }

  @Test
  void wallsPlacedByAnAccountAreFoundPromotedAndPublishedPerTierWithinTheWeightBudget()
      throws Exception {
    BigDecimal diamondPrice = placeWall(DIAMOND_SYMBOL, Side.BUY, "1000");
    BigDecimal goldPrice = placeWall(GOLD_SYMBOL, Side.SELL, "30");
    await(
        "both walls are in the published books",
        () ->
            fake.onVenueThread(
                () ->
                    fake.venue()
                                .publicBook(DIAMOND_SYMBOL)
                                .quantityAt(Side.BUY, diamondPrice.movePointRight(1).longValue())
                            >= 1000
                        && fake.venue()
                                .publicBook(GOLD_SYMBOL)
                                .quantityAt(Side.SELL, goldPrice.movePointRight(1).longValue())
                            >= 30));

    Scanner scanner = scanner();
    this.scanner = scanner;
    subscribe(scanner);
    scanner.start();

    // the primary scan finishes inside the budget, without a 429, and skips the stablecoin pair
    await("the first primary scan completes", () -> scanner.metrics().scansCompleted() >= 1);
    ScannerMetrics afterScan = scanner.metrics();
    assertThat(afterScan.rateLimitHits()).isZero();
    assertThat(afterScan.failedCallsLastMinute()).isZero();
    assertThat(afterScan.weightUsed()).isBetween(2 * (SYMBOLS - 1), SCANNER_WEIGHT);
    assertThat(tier(FeedTier.PRIVATE)).noneMatch(r -> r.symbol().equals(STABLE_SYMBOL));
    await(
        "both walls are detected",
        () ->
            any(FeedTier.PRIVATE, wall(DIAMOND_SYMBOL, diamondPrice, UpdateReason.DETECTED))
                && any(FeedTier.PRIVATE, wall(GOLD_SYMBOL, goldPrice, UpdateReason.DETECTED)));

    // they survive the observer pool and enter the hot pool after the promotion age
    await(
        "both walls enter the hot pool",
        () ->
            any(FeedTier.VIP, wall(DIAMOND_SYMBOL, diamondPrice, UpdateReason.ENTERED_HOT))
                && any(FeedTier.VIP, wall(GOLD_SYMBOL, goldPrice, UpdateReason.ENTERED_HOT)));
    Received detected =
        first(FeedTier.PRIVATE, wall(DIAMOND_SYMBOL, diamondPrice, UpdateReason.DETECTED));
    Received vipDiamond =
        first(FeedTier.VIP, wall(DIAMOND_SYMBOL, diamondPrice, UpdateReason.ENTERED_HOT));
    Received vipGold = first(FeedTier.VIP, wall(GOLD_SYMBOL, goldPrice, UpdateReason.ENTERED_HOT));
    assertThat(vipDiamond.doc.get("id")).isEqualTo(detected.doc.get("id"));
    assertThat(vipDiamond.doc.get("category")).isEqualTo("DIAMOND");
    assertThat(vipGold.doc.get("category")).isEqualTo("GOLD");
    assertThat(
            ((Number) Objects.requireNonNull(vipDiamond.doc.get("lifetimeSeconds"))).doubleValue()
                * 1000)
        .isGreaterThanOrEqualTo(PROMOTION_MILLIS);
    // receipt times only order the two: under load a detection can be delivered late, so the
    // promotion age is checked on the scanner's own lifetime above
    assertThat(vipDiamond.at).isGreaterThanOrEqualTo(detected.at);
    assertThat(scanner.hotOrders())
        .anySatisfy(
            o -> {
              assertThat(o.symbol()).isEqualTo(DIAMOND_SYMBOL);
              assertThat(o.price()).isEqualByComparingTo(diamondPrice);
              assertThat(o.id()).isEqualTo(detected.doc.get("id"));
            });

    // private gets it at once as well; public only the diamond, after the delay
    Received privateDiamond =
        first(FeedTier.PRIVATE, wall(DIAMOND_SYMBOL, diamondPrice, UpdateReason.ENTERED_HOT));
    long madeAt = ((Number) Objects.requireNonNull(vipDiamond.doc.get("time"))).longValue();
    assertThat(privateDiamond.doc.get("time")).isEqualTo(vipDiamond.doc.get("time"));
    // not held back like the public copy (a loaded machine may still deliver it a little late)
    assertThat(privateDiamond.at - madeAt).isLessThan(PUBLIC_DELAY_MILLIS);
    await(
        "the diamond wall reaches the public tier",
        () -> any(FeedTier.PUBLIC, wall(DIAMOND_SYMBOL, diamondPrice, UpdateReason.ENTERED_HOT)));
    Received publicDiamond =
        first(FeedTier.PUBLIC, wall(DIAMOND_SYMBOL, diamondPrice, UpdateReason.ENTERED_HOT));
    // measured from the update's own time: the VIP copy itself may be received late under load
    assertThat(publicDiamond.at - madeAt).isGreaterThanOrEqualTo(PUBLIC_DELAY_MILLIS - 50);
    long goldDue = vipGold.at + PUBLIC_DELAY_MILLIS + 1_500;
    await("the gold wall's public delay has passed", () -> System.currentTimeMillis() > goldDue);
    assertThat(tier(FeedTier.PUBLIC)).noneMatch(r -> r.symbol().equals(GOLD_SYMBOL));
    assertThat(tier(FeedTier.PUBLIC)).allMatch(r -> "DIAMOND".equals(r.doc.get("category")));
    List<Long> times = tier(FeedTier.PUBLIC).stream().map(Received::at).sorted().toList();
    for (int i = 10; i < times.size(); i++) {
      assertThat(times.get(i) - times.get(i - 10)).as("11 public messages span").isGreaterThan(900);
    }

    // the whole run stayed inside both budgets
    ScannerMetrics m = scanner.metrics();
    assertThat(m.rateLimitHits()).isZero();
    assertThat(m.weightUsed()).isLessThanOrEqualTo(SCANNER_WEIGHT);
    assertThat(usedWeightAtVenue()).isLessThanOrEqualTo(VENUE_WEIGHT);
    System.out.printf(
        "scanner over testkit: %d symbols, scan %d ms, weight used %d (venue %d), %s%n",
        SYMBOLS, afterScan.lastScanDuration().toMillis(), m.weightUsed(), usedWeightAtVenue(), m);
  }

  /** The weight the fake venue counted this minute, from its header (a ping costs 1). */
  private int usedWeightAtVenue() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(fake.restBaseUrl() + "/fapi/v1/ping")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return Integer.parseInt(r.headers().firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow());
  }
}
