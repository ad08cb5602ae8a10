package dev.tradekit.backtest.sim;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.model.AccountSnapshot;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Income;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.backtest.data.MarketEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A simulated USD-M futures venue: several accounts trade against one recorded (or synthetic) L2
 * market, each through a full {@link Exchange}, with queue-position matching, fees, PnL, margin,
 * funding and order and market-data latency. Deterministic on a {@link
 * dev.tradekit.api.runtime.VirtualScheduler}.
 *
 * <pre>{@code
 * VirtualScheduler clock = new VirtualScheduler(start);
 * SimVenue venue = SimVenue.builder()
 *     .scheduler(clock)
 *     .instrument(btcusdt)
 *     .orderLatency(LatencyModel.fixed(Duration.ofMillis(20)))
 *     .marketDataLatency(LatencyModel.fixed(Duration.ofMillis(5)))
 *     .build();
 * Exchange leader = venue.openAccount("leader", AccountSetup.usdt(new BigDecimal("10000")));
 * new MarketReplay(source, venue).runToEnd();
 * }</pre>
 *
 * <p><b>Time.</b> The matcher works at the scheduler's time: {@link #onMarketEvent} applies an
 * event at the current clock (a {@link MarketReplay} advances the clock to each event's time
 * first). An order request made at {@code t} reaches the matcher at {@code t + orderLatency}, where
 * its future completes (the reply's way back is not modelled). What accounts see — stream
 * listeners, the book and ticker of {@code marketData()} and user events — is the market of {@code
 * t - marketDataLatency}. At equal times scheduler tasks run before market events.
 *
 * <p><b>Matching.</b> The market book is the recorded book; simulated orders are not in it, so no
 * account trades with itself. Takers walk it level by level and the quantity they take is
 * subtracted until the next depth update of that level restores the recorded quantity. Resting
 * orders fill by queue position (see {@link QueueModel}). Events of symbols the venue does not list
 * are ignored.
 *
 * <p><b>Published depth.</b> What the venue publishes — to the accounts' books and depth streams,
 * to {@link #addDepthListener} and in {@link #publicBook} — is the market book plus the resting
 * limit orders of every account, as on a real venue: a wall an account places is visible to all.
 * Snapshots and diffs stay consistent under Binance's book-sync rules.
 *
 * <p><b>Threads.</b> Every state change happens on the scheduler's thread; the exchanges' methods
 * may be called from any thread. {@link #onMarketEvent}, {@link #book} and {@link #markPrice} must
 * be called on the scheduler's thread.
 */
public final class SimVenue {
  private final Scheduler scheduler;
  private final Map<String, SymbolMatcher> matchers = new LinkedHashMap<>();
  private final Map<String, VisibleFeed> feeds = new LinkedHashMap<>();
  private final SymbolMatcher[] matcherArray;
  private final VisibleFeed[] feedArray;
  private final VisibleFeed.Releases releases = new VisibleFeed.Releases();
  private final BarLane barLane;
  private final Map<String, SimExchange> accounts = new LinkedHashMap<>();
  private final ListenerSet<Consumer<MarketEvent>> depthListeners = new ListenerSet<>();
  final BigDecimal makerFee;
  final BigDecimal takerFee;
  private final LatencyModel orderLatency;
  private final LatencyModel marketDataLatency;
  private final long fixedMarketDataLatency;
  private final long fixedOrderLatency;
  private final boolean barMode;
  private @Nullable String lastSymbol;
  private @Nullable SymbolMatcher lastMatcher;
  private @Nullable VisibleFeed lastFeed;
  private final SplittableRandom random;
  private int conditionalOrders;
  private final List<SimAccount> conditionalAccounts =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private long nextOrderId = 1;
  private long nextTradeId = 1;

  private SimVenue(Builder b, LatencyModel orderLatency, LatencyModel marketDataLatency) {
    this.scheduler = Objects.requireNonNull(b.scheduler, "scheduler");
    this.makerFee = b.makerFee;
    this.takerFee = b.takerFee;
    this.orderLatency = orderLatency;
    this.marketDataLatency = marketDataLatency;
    this.fixedMarketDataLatency = marketDataLatency.fixedMillis();
    this.fixedOrderLatency = orderLatency.fixedMillis();
    this.random = new SplittableRandom(b.seed);
    this.barMode = b.barMode;
    for (Instrument i : b.instruments.values()) {
      SymbolMarket market = new SymbolMarket(i);
      VisibleFeed feed = new VisibleFeed(market, releases);
      PublicDepth depth = new PublicDepth(market, scheduler::currentTimeMillis);
      depth.sink(e -> publishDepth(feed, e));
      depth.target(feed::claim);
      feed.published(depth);
      matchers.put(i.symbol(), new SymbolMatcher(market, depth, b.queueModel));
      feeds.put(i.symbol(), feed);
    }
    this.matcherArray = matchers.values().toArray(new SymbolMatcher[0]);
    this.feedArray = feeds.values().toArray(new VisibleFeed[0]);
    this.barLane = new BarLane(this);
    b.funding.forEach(
        (symbol, series) -> scheduleFundingAt(symbol, series, series.nextTimeAtOrAfter(now())));
  }

  /** A builder; see {@link Builder} for what is required and the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Opens an account with its own {@link Exchange}.
   *
   * @throws IllegalArgumentException if an account of that name exists
   */
  public synchronized Exchange openAccount(String name, AccountSetup setup) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(setup, "setup");
    if (name.isBlank()) {
      throw new IllegalArgumentException("account name must not be blank");
    }
    if (accounts.containsKey(name)) {
      throw new IllegalArgumentException("account " + name + " is already open on this venue");
    }
    SimExchange ex = new SimExchange(this, new SimAccount(name, this, setup), null);
    accounts.put(name, ex);
    return ex;
  }

  /**
   * The exchange of an open account (a fresh session over the same account if the last one was
   * closed).
   *
   * @throws IllegalArgumentException if no account has that name
   */
  public synchronized Exchange account(String name) {
    Objects.requireNonNull(name, "name");
    SimExchange ex = accounts.get(name);
    if (ex == null) {
      throw new IllegalArgumentException(
          "no account " + name + " on this venue; accounts: " + accounts.keySet());
    }
    if (ex.isClosed()) {
      ex = new SimExchange(this, ex.account, null);
      accounts.put(name, ex);
    }
    return ex;
  }

  synchronized boolean hasAccount(String name) {
    return accounts.containsKey(name);
  }

  /**
   * Feeds one market event at the scheduler's current time: the matcher uses it at once, the
   * accounts see it after the market-data latency. Events of unlisted symbols are ignored.
   */
  public void onMarketEvent(MarketEvent event) {
    long now = scheduler.currentTimeMillis();
    releaseVisible(now);
    String symbol = event.symbol();
    SymbolMatcher m = select(symbol);
    VisibleFeed feed = lastFeed;
    if (m == null || feed == null) {
      return;
    }
    m.depth.beginEvent();
    m.onMarketEvent(event);
    if (barMode && event.type() == MarketEvent.Type.BAR) {
      m.onBarClose(event);
    }
    if (conditionalOrders > 0) {
      // orders fired by the previous event execute at this event's prices, then this event fires
      for (SimAccount a : conditionalAccounts) {
        a.conditionals.placeFired(symbol);
        a.conditionals.check(event, m.market);
      }
    }
    MarketEvent published = m.depth.published(event);
    if (published.type() == MarketEvent.Type.DEPTH_UPDATE) {
      publishDepth(feed, published);
    } else {
      feed.offer(published, now, sampleMarketDataLatency());
    }
  }

  /** Whether {@code BAR} events are matched as one event each (see {@link Builder#barMode}). */
  boolean barMode() {
    return barMode;
  }

  /** Bar mode's entry points for a {@link MarketReplay}: bar opens and the fast lane. */
  BarLane barLane() {
    return barLane;
  }

  /** The matcher of {@code symbol} (null if unlisted), remembered with its feed for the next. */
  private @Nullable SymbolMatcher select(String symbol) {
    if (symbol.equals(lastSymbol) && lastMatcher != null) {
      return lastMatcher; // same symbol as the last event: no map lookups
    }
    SymbolMatcher m = matchers.get(symbol);
    if (m == null) {
      return null;
    }
    lastSymbol = symbol;
    lastMatcher = m;
    lastFeed = Objects.requireNonNull(feeds.get(symbol));
    return m;
  }

  /**
   * Sends a depth diff the venue publishes to the depth listeners and, delayed, to the accounts.
   */
  private void publishDepth(VisibleFeed feed, MarketEvent e) {
    if (!depthListeners.isEmpty()) {
      Object[] ls = depthListeners.snapshot();
      for (int i = 0; i < ls.length; i++) {
        Consumer<MarketEvent> l = ListenerSet.get(ls, i);
        try {
          l.accept(e);
        } catch (RuntimeException ex) {
          ListenerSet.failed(l, ex);
        }
      }
    }
    feed.offer(e, now(), sampleMarketDataLatency());
  }

  /**
   * Calls {@code listener} with every depth diff the venue publishes, at the matcher's time (before
   * the market-data latency), on the scheduler's thread: the recorded diffs with the resting
   * account orders added at their levels, and one-level diffs when an account order rests, fills,
   * is cancelled or amended, or a simulated taker takes recorded quantity. Ids follow Binance's
   * futures rules against {@link #publicBook}: a one-level diff has {@code U = u = pu =} the last
   * id. The event is reused after the call: copy it to keep it. A listener that throws is logged;
   * closing the subscription removes it.
   *
   * <pre>{@code
   * Subscription s = venue.addDepthListener(e -> stream.send(toJson(e)));
   * }</pre>
   */
  public Subscription addDepthListener(Consumer<MarketEvent> listener) {
    return depthListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * A copy of the book the venue publishes for {@code symbol} now: the matcher's market book with
   * the quantity of every resting account order added at its level, and the book's last update id.
   * This is what a REST depth snapshot shows. Scheduler thread only.
   *
   * @throws IllegalArgumentException if the symbol is not listed
   */
  public OrderBookView publicBook(String symbol) {
    return requireMatcher(symbol).depth.copyBook();
  }

  /**
   * The matcher's market book of {@code symbol} (the recorded truth less what simulated takers
   * took, not delayed; without the accounts' resting orders, see {@link #publicBook}).
   */
  public OrderBookView book(String symbol) {
    return requireMatcher(symbol).market.book();
  }

  /**
   * The matcher's mark price of {@code symbol}: the book's mid, else the last trade.
   *
   * @throws IllegalStateException before any price of the symbol is known
   */
  public BigDecimal markPrice(String symbol) {
    BigDecimal mark = requireMatcher(symbol).market.mark();
    if (mark == null) {
      throw new IllegalStateException("no market data for " + symbol + " yet");
    }
    return mark;
  }

  /**
   * The state of account {@code name} at the matcher now (not delayed): balances with unrealised
   * PnL at the current marks, and positions. Scheduler thread only.
   *
   * @throws IllegalArgumentException if no account has that name
   */
  public AccountSnapshot accountSnapshot(String name) {
    return requireAccount(name).account.snapshot();
  }

  /**
   * The equity numbers of account {@code name} now, without building a snapshot: {@code out[0]} is
   * the margin balance in {@code asset} (wallet plus unrealised PnL at the current marks, {@code 0}
   * when the account holds none of it), {@code out[1]} the summed notional of the open positions
   * (amount times mark, else entry price). The same numbers as {@link #accountSnapshot}'s, for
   * sampling an equity curve often. Scheduler thread only.
   *
   * <pre>{@code
   * double[] e = new double[2];
   * venue.equity("maker", "USDT", e); // e[0] margin balance, e[1] notional
   * }</pre>
   *
   * @throws IllegalArgumentException if no account has that name
   */
  public void equity(String name, String asset, double[] out) {
    requireAccount(name).account.equity(Objects.requireNonNull(asset, "asset"), out);
  }

  /**
   * {@link #equity} of account {@code name} in {@code asset} with the account looked up once: each
   * call of the returned reader fills its array as {@code equity(name, asset, out)} would, without
   * the lookup, for sampling an equity curve every bar. Scheduler thread only.
   *
   * <pre>{@code
   * Consumer<double[]> equity = venue.equityReader("maker", "USDT");
   * equity.accept(e); // e[0] margin balance, e[1] notional
   * }</pre>
   *
   * @throws IllegalArgumentException if no account has that name
   */
  public Consumer<double[]> equityReader(String name, String asset) {
    SimAccount account = requireAccount(name).account;
    Objects.requireNonNull(asset, "asset");
    return out -> account.equity(asset, out);
  }

  /**
   * Calls {@code listener} with each fill of account {@code name} as the matcher books it, on the
   * scheduler's thread, before the account's user events (which wait the market-data latency): for
   * figures kept while the run goes, without reading every fill again afterwards. A listener that
   * throws is logged and stays subscribed; closing the subscription removes it.
   *
   * <pre>{@code
   * Subscription s = venue.addFillListener("maker", fill -> fees.add(fill.commission()));
   * }</pre>
   *
   * @throws IllegalArgumentException if no account has that name
   */
  public Subscription addFillListener(String name, Consumer<Fill> listener) {
    SimAccount account = requireAccount(name).account;
    return account.fillListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Every fill of account {@code name} so far, oldest first (a copy). Scheduler thread only. */
  public List<Fill> fills(String name) {
    return List.copyOf(requireAccount(name).account.fills());
  }

  /** Every income entry (commission, realised PnL, funding) of account {@code name} so far. */
  public List<Income> income(String name) {
    return List.copyOf(requireAccount(name).account.ledger.income());
  }

  /** The number of orders account {@code name} has had accepted by the matcher so far. */
  public long ordersAccepted(String name) {
    return requireAccount(name).account.ordersAccepted();
  }

  /** The names of the open accounts, in opening order. */
  public synchronized List<String> accountNames() {
    return List.copyOf(accounts.keySet());
  }

  private synchronized SimExchange requireAccount(String name) {
    SimExchange ex = accounts.get(Objects.requireNonNull(name, "name"));
    if (ex == null) {
      throw new IllegalArgumentException(
          "no account " + name + " on this venue; accounts: " + accounts.keySet());
    }
    return ex;
  }

  private SymbolMatcher requireMatcher(String symbol) {
    SymbolMatcher m = matchers.get(Objects.requireNonNull(symbol, "symbol"));
    if (m == null) {
      throw new IllegalArgumentException(
          "symbol " + symbol + " is not listed on this venue; listed: " + matchers.keySet());
    }
    return m;
  }

  // ---------------------------------------------------------------- package internals

  Scheduler scheduler() {
    return scheduler;
  }

  long now() {
    return scheduler.currentTimeMillis();
  }

  @Nullable SymbolMatcher matcher(String symbol) {
    return matchers.get(symbol);
  }

  @Nullable VisibleFeed feed(String symbol) {
    return feeds.get(symbol);
  }

  SymbolMatcher[] matchers() {
    return matcherArray;
  }

  List<String> symbols() {
    return new ArrayList<>(matchers.keySet());
  }

  Collection<Instrument> instruments() {
    List<Instrument> out = new ArrayList<>();
    for (SymbolMatcher m : matcherArray) {
      out.add(m.market.instrument);
    }
    return out;
  }

  @Nullable BigDecimal markOrNull(String symbol) {
    SymbolMatcher m = matchers.get(symbol);
    return m == null ? null : m.market.mark();
  }

  /** Counts conditional orders waiting or fired on every account (0 skips the trigger checks). */
  void conditionalDelta(int delta) {
    conditionalOrders += delta;
  }

  /** Conditional orders waiting or fired on every account. */
  int conditionalOrders() {
    return conditionalOrders;
  }

  /** The accounts the trigger checks visit. */
  List<SimAccount> conditionalAccounts() {
    return conditionalAccounts;
  }

  /** Makes the trigger checks visit {@code account} from now on. */
  void watchConditionals(SimAccount account) {
    if (!conditionalAccounts.contains(account)) {
      conditionalAccounts.add(account);
    }
  }

  long nextOrderId() {
    return nextOrderId++;
  }

  long nextTradeId() {
    return nextTradeId++;
  }

  long sampleOrderLatency() {
    if (fixedOrderLatency >= 0) {
      return fixedOrderLatency; // a fixed model draws nothing: no lock per order
    }
    synchronized (random) {
      return orderLatency.sampleMillis(random);
    }
  }

  long sampleMarketDataLatency() {
    if (fixedMarketDataLatency >= 0) {
      return fixedMarketDataLatency; // a fixed model draws nothing: no lock per event
    }
    synchronized (random) {
      return marketDataLatency.sampleMillis(random);
    }
  }

  /**
   * The earliest time a delayed market event becomes visible, or {@link Long#MAX_VALUE}: a field
   * the feeds keep up to date (at worst early after a zero-latency event, never late).
   */
  long nextVisibleRelease() {
    return releases.next;
  }

  /** Makes every delayed market event due by {@code now} visible; one comparison when none is. */
  void releaseVisible(long now) {
    if (now < releases.next) {
      return;
    }
    VisibleFeed[] fs = feedArray;
    if (fs.length == 1) {
      fs[0].release(now); // one symbol: its next release is the venue's
      releases.next = fs[0].nextRelease();
      return;
    }
    for (VisibleFeed f : fs) {
      f.release(now);
    }
    long next = Long.MAX_VALUE; // after every release: a listener may have queued more anywhere
    for (VisibleFeed f : fs) {
      next = Math.min(next, f.nextRelease());
    }
    releases.next = next;
  }

  private void scheduleFundingAt(String symbol, FundingSeries series, long time) {
    if (time == Long.MAX_VALUE) {
      return;
    }
    scheduler.schedule(
        () -> {
          fund(symbol, series.rateAt(time));
          scheduleFundingAt(symbol, series, series.nextTimeAtOrAfter(time + 1));
        },
        time - now(),
        TimeUnit.MILLISECONDS);
  }

  private void fund(String symbol, BigDecimal rate) {
    SymbolMatcher m = Objects.requireNonNull(matchers.get(symbol));
    BigDecimal mark = m.market.mark();
    if (mark == null) {
      return;
    }
    List<SimExchange> all;
    synchronized (this) {
      all = new ArrayList<>(accounts.values());
    }
    for (SimExchange ex : all) {
      ex.account.fund(m, mark, rate);
    }
  }

  @Override
  public String toString() {
    return "SimVenue" + matchers.keySet() + " accounts=" + accounts.size();
  }

  /**
   * Builds a {@link SimVenue}. Required: {@link #scheduler}, at least one {@link #instrument}, and
   * both latencies ({@link #orderLatency}, {@link #marketDataLatency}; zero latency is an explicit
   * {@link LatencyModel#zero()}). Defaults: fees maker 0.0002 / taker 0.0005 (Binance USD-M VIP 0,
   * USDT-margined), {@link QueueModel#CONSERVATIVE}, no funding, seed 0.
   *
   * <pre>{@code
   * SimVenue venue = SimVenue.builder().scheduler(clock).instrument(btc)
   *     .orderLatency(LatencyModel.zero()).marketDataLatency(LatencyModel.zero()).build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable Scheduler scheduler;
    private final Map<String, Instrument> instruments = new LinkedHashMap<>();
    private BigDecimal makerFee = new BigDecimal("0.0002");
    private BigDecimal takerFee = new BigDecimal("0.0005");
    private QueueModel queueModel = QueueModel.CONSERVATIVE;
    private @Nullable LatencyModel orderLatency;
    private @Nullable LatencyModel marketDataLatency;
    private final Map<String, FundingSeries> funding = new LinkedHashMap<>();
    private long seed;
    private boolean barMode;

    private Builder() {}

    /** Required: the clock, timers and thread of the venue. */
    public Builder scheduler(Scheduler value) {
      this.scheduler = Objects.requireNonNull(value, "scheduler");
      return this;
    }

    /**
     * Lists a symbol (at least one is required). Its tick and step sizes must be positive: prices
     * are matched in ticks and quantities in lots.
     *
     * @throws IllegalArgumentException for a repeated symbol or a zero tick or step size
     */
    public Builder instrument(Instrument value) {
      Objects.requireNonNull(value, "instrument");
      if (value.tickSize().signum() <= 0 || value.stepSize().signum() <= 0) {
        throw new IllegalArgumentException(
            "instrument "
                + value.symbol()
                + " needs a positive tickSize and stepSize for matching, has "
                + value.tickSize().toPlainString()
                + " and "
                + value.stepSize().toPlainString());
      }
      if (instruments.putIfAbsent(value.symbol(), value) != null) {
        throw new IllegalArgumentException("instrument " + value.symbol() + " is listed twice");
      }
      return this;
    }

    /**
     * Maker and taker fee rates of the notional (default 0.0002 and 0.0005); a negative maker rate
     * is a rebate.
     *
     * @throws IllegalArgumentException if the taker rate is negative or a rate is 1 or more in size
     */
    public Builder fees(BigDecimal maker, BigDecimal taker) {
      Objects.requireNonNull(maker, "maker");
      Objects.requireNonNull(taker, "taker");
      if (taker.signum() < 0 || taker.compareTo(BigDecimal.ONE) >= 0) {
        throw new IllegalArgumentException(
            "taker fee must be in [0, 1), was " + taker.toPlainString());
      }
      if (maker.abs().compareTo(BigDecimal.ONE) >= 0) {
        throw new IllegalArgumentException(
            "maker fee must be in (-1, 1), was " + maker.toPlainString());
      }
      this.makerFee = maker;
      this.takerFee = taker;
      return this;
    }

    /** How resting orders advance on cancellations (default {@link QueueModel#CONSERVATIVE}). */
    public Builder queueModel(QueueModel value) {
      this.queueModel = Objects.requireNonNull(value, "queueModel");
      return this;
    }

    /** Required: how long an order request takes to reach the matcher. */
    public Builder orderLatency(LatencyModel value) {
      this.orderLatency = Objects.requireNonNull(value, "orderLatency");
      return this;
    }

    /** Required: how long market data and user events take to reach the accounts. */
    public Builder marketDataLatency(LatencyModel value) {
      this.marketDataLatency = Objects.requireNonNull(value, "marketDataLatency");
      return this;
    }

    /** Funding events of one listed symbol (default: none). */
    public Builder fundingRates(String symbol, FundingSeries series) {
      funding.put(
          Objects.requireNonNull(symbol, "symbol"), Objects.requireNonNull(series, "series"));
      return this;
    }

    /**
     * Bar mode (default off): each {@code BAR} event is matched as one event instead of being
     * replayed as trades and tickers by the caller. A {@link MarketReplay} stops the clock at the
     * bar's open time, where the matcher's book becomes a one-level book at the open ± 1 tick (the
     * bar's volume each side), and applies the bar at its close time: resting limit orders the
     * range trades through fill at their price, conditional orders trigger on the low and high, and
     * the book becomes the close ± 1 tick. Market orders take that book, so an order sent on a
     * bar's close fills at the next open ± 1 tick, as in a four-point replay. Accounts see the bar
     * at its close (klines, last price) but no trades, tickers or book built from it.
     */
    public Builder barMode(boolean value) {
      this.barMode = value;
      return this;
    }

    /** Seed of the random source that samples latencies (default 0). */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws NullPointerException or IllegalArgumentException naming what is missing or wrong
     */
    public SimVenue build() {
      Objects.requireNonNull(scheduler, "scheduler is required: the venue's clock and thread");
      if (instruments.isEmpty()) {
        throw new IllegalArgumentException("at least one instrument is required");
      }
      if (orderLatency == null) {
        throw new IllegalArgumentException(
            "orderLatency is required: zero latency is an explicit choice,"
                + " pass LatencyModel.zero() to simulate without it");
      }
      if (marketDataLatency == null) {
        throw new IllegalArgumentException(
            "marketDataLatency is required: zero latency is an explicit choice,"
                + " pass LatencyModel.zero() to simulate without it");
      }
      for (String symbol : funding.keySet()) {
        if (!instruments.containsKey(symbol)) {
          throw new IllegalArgumentException(
              "fundingRates names " + symbol + ", which is not a listed instrument");
        }
      }
      return new SimVenue(this, orderLatency, marketDataLatency);
    }
  }
}
