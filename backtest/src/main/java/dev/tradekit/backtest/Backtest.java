package dev.tradekit.backtest;

import dev.tradekit.api.model.Instrument;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.FundingSeries;
import dev.tradekit.backtest.sim.LatencyModel;
import dev.tradekit.backtest.sim.QueueModel;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A repeatable backtest: bots on a simulated venue over market data, in virtual time.
 *
 * <pre>{@code
 * Backtest bt = Backtest.builder()
 *     .data(() -> MarketDataSources.klinesCsv(file, "BTCUSDT", scale))
 *     .instrument(btcusdt)
 *     .fees(new BigDecimal("0.0002"), new BigDecimal("0.0004"))
 *     .bot("sma", AccountSetup.usdt(new BigDecimal("10000")), (ex, clock) -> new SmaBot(ex))
 *     .build();
 * BacktestResult result = bt.run();
 * }</pre>
 *
 * <p><b>No look-ahead.</b> The venue is a {@link dev.tradekit.backtest.sim.SimVenue} on a {@link
 * dev.tradekit.api.runtime.VirtualScheduler} driven by a {@link
 * dev.tradekit.backtest.sim.MarketReplay}: a bot sees an event at its time plus the market-data
 * latency, and its orders reach the matcher after the order latency. Both default to 1 ms, so a
 * reaction to an event at {@code t} is matched at {@code t + 2 ms} or later, after every event of
 * {@code t} and {@code t + 1 ms} (at equal times the venue runs arriving orders before market
 * events). Zero latency is an explicit choice that allows matching in the event's millisecond.
 *
 * <p><b>Bars.</b> {@code BAR} events are replayed as four price points (open, first extreme, second
 * extreme, close; the high first when the bar closes below its open) at {@code open}, open + ¼,
 * open + ½ of the bar and its close time; see {@code docs/metrics.md}. {@link Builder#barMode}
 * matches each bar as one event instead, several times faster, for bots that read only klines.
 *
 * <p>Each {@link #run()} builds a fresh venue, fresh bots and a fresh data source, so runs are
 * independent and (for equal inputs) identical; {@code run} may be called from several threads.
 */
public final class Backtest {
  final List<Supplier<MarketDataSource>> data;
  final List<Instrument> instruments;
  final BigDecimal makerFee;
  final BigDecimal takerFee;
  final QueueModel queueModel;
  final LatencyModel orderLatency;
  final LatencyModel marketDataLatency;
  final Map<String, FundingSeries> funding;
  final long seed;
  final boolean barMode;
  final @Nullable Long start;
  final @Nullable Long end;
  final long equityIntervalMillis;
  final String equityAsset;
  final List<Participant> participants;
  final @Nullable Path leaderFills;
  final @Nullable AccountSetup leaderSetup;

  /** One account and what trades it. */
  record Participant(
      String account,
      AccountSetup setup,
      @Nullable BotFactory bot,
      @Nullable CopierFactory copier) {}

  /** The name of the simulated leader account of a copy-trading backtest. */
  public static final String LEADER = "leader";

  private Backtest(Builder b) {
    this.data = List.copyOf(b.data);
    this.instruments = List.copyOf(b.instruments);
    this.makerFee = b.makerFee;
    this.takerFee = b.takerFee;
    this.queueModel = b.queueModel;
    this.orderLatency = b.orderLatency;
    this.marketDataLatency = b.marketDataLatency;
    this.funding = Map.copyOf(b.funding);
    this.seed = b.seed;
    this.barMode = b.barMode;
    this.start = b.start;
    this.end = b.end;
    this.equityIntervalMillis = b.equityInterval.toMillis();
    this.equityAsset = b.equityAsset;
    this.participants = List.copyOf(b.participants.values());
    this.leaderFills = b.leaderFills;
    this.leaderSetup = b.leaderSetup;
  }

  /** A builder; see {@link Builder} for what is required and the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the backtest from scratch.
   *
   * <p><b>Cancellation.</b> Interrupting the thread that runs the backtest stops it within 1,024
   * market events: {@code run} then throws {@link java.util.concurrent.CancellationException} (the
   * data source is closed; the interrupt flag stays set). A host cancels a run on a pool with
   * {@code future.cancel(true)}.
   *
   * @throws IllegalStateException if the data holds no event in the window, or a bot task threw
   * @throws java.util.concurrent.CancellationException if the running thread was interrupted
   */
  public BacktestResult run() {
    return new BacktestRun(this).run();
  }

  /**
   * Builds a {@link Backtest}. Required: at least one {@link #data} source, one {@link #instrument}
   * and one account ({@link #bot} or {@link #copier}). Defaults: fees maker 0.0002 / taker 0.0005,
   * {@link QueueModel#CONSERVATIVE}, order and market-data latency 1 ms each, no funding, seed 0,
   * start at the first event, end after the last, equity sampled every minute in USDT, bars
   * replayed as four points (bar mode off).
   *
   * <pre>{@code
   * Backtest.Builder b = Backtest.builder().data(source).instrument(btc).bot("a", setup, factory);
   * }</pre>
   */
  public static final class Builder {
    private final List<Supplier<MarketDataSource>> data = new ArrayList<>();
    private final List<Instrument> instruments = new ArrayList<>();
    private BigDecimal makerFee = new BigDecimal("0.0002");
    private BigDecimal takerFee = new BigDecimal("0.0005");
    private QueueModel queueModel = QueueModel.CONSERVATIVE;
    private LatencyModel orderLatency = LatencyModel.fixed(Duration.ofMillis(1));
    private LatencyModel marketDataLatency = LatencyModel.fixed(Duration.ofMillis(1));
    private final Map<String, FundingSeries> funding = new LinkedHashMap<>();
    private long seed;
    private boolean barMode;
    private @Nullable Long start;
    private @Nullable Long end;
    private Duration equityInterval = Duration.ofMinutes(1);
    private String equityAsset = "USDT";
    private final Map<String, Participant> participants = new LinkedHashMap<>();
    private @Nullable Path leaderFills;
    private @Nullable AccountSetup leaderSetup;

    private Builder() {}

    /** Adds a market-data source; opened anew for every run. Several sources are merged by time. */
    public Builder data(Supplier<MarketDataSource> source) {
      data.add(Objects.requireNonNull(source, "source"));
      return this;
    }

    /** Lists an instrument on the simulated venue. */
    public Builder instrument(Instrument value) {
      instruments.add(Objects.requireNonNull(value, "instrument"));
      return this;
    }

    /** Maker and taker fee rates (validated by the venue). */
    public Builder fees(BigDecimal maker, BigDecimal taker) {
      this.makerFee = Objects.requireNonNull(maker, "maker");
      this.takerFee = Objects.requireNonNull(taker, "taker");
      return this;
    }

    /** How resting orders advance in the queue. */
    public Builder queueModel(QueueModel value) {
      this.queueModel = Objects.requireNonNull(value, "queueModel");
      return this;
    }

    /** Time for an order to reach the matcher (default 1 ms). */
    public Builder orderLatency(LatencyModel value) {
      this.orderLatency = Objects.requireNonNull(value, "orderLatency");
      return this;
    }

    /** Time for market data and user events to reach the bots (default 1 ms). */
    public Builder marketDataLatency(LatencyModel value) {
      this.marketDataLatency = Objects.requireNonNull(value, "marketDataLatency");
      return this;
    }

    /** Funding events of a listed symbol. */
    public Builder fundingRates(String symbol, FundingSeries series) {
      funding.put(
          Objects.requireNonNull(symbol, "symbol"), Objects.requireNonNull(series, "series"));
      return this;
    }

    /** Seed of the venue's random latency samples (default 0). */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * Bar mode (default off): each {@code BAR} of the data is matched as one event instead of four
     * trades and four book tickers ({@link dev.tradekit.backtest.sim.SimVenue.Builder#barMode}).
     * Market orders fill as in the four-point replay: an order sent on a bar's close fills at the
     * next bar's open ± 1 tick. Resting limit orders fill at their price when the bar's range
     * trades through them, at the bar's close time (not at the time of the extreme), and stops
     * trigger on the bar's low and high. Bots see the bars (klines, last price) but no trades, book
     * tickers or book made from them: use it for bots that read only klines, such as a {@code
     * StrategyEngine}. Events other than bars are replayed as usual.
     */
    public Builder barMode(boolean value) {
      this.barMode = value;
      return this;
    }

    /** The first time of the run; earlier events are skipped (default: the first event). */
    public Builder start(Instant value) {
      this.start = Objects.requireNonNull(value, "start").toEpochMilli();
      return this;
    }

    /** The last time of the run; later events are not replayed (default: the last event). */
    public Builder end(Instant value) {
      this.end = Objects.requireNonNull(value, "end").toEpochMilli();
      return this;
    }

    /** How often equity is sampled (default 1 minute). */
    public Builder equityInterval(Duration value) {
      Objects.requireNonNull(value, "equityInterval");
      if (value.toMillis() < 1) {
        throw new IllegalArgumentException("equityInterval must be at least 1 ms, was " + value);
      }
      this.equityInterval = value;
      return this;
    }

    /** The margin asset whose balance is the equity (default USDT). */
    public Builder equityAsset(String asset) {
      this.equityAsset = Objects.requireNonNull(asset, "equityAsset");
      return this;
    }

    /**
     * Opens account {@code account} with {@code setup} and runs a bot from {@code factory} on it.
     *
     * @throws IllegalArgumentException if the account name is blank, taken or {@link #LEADER}
     */
    public Builder bot(String account, AccountSetup setup, BotFactory factory) {
      Objects.requireNonNull(factory, "factory");
      return add(
          new Participant(
              checkName(account), Objects.requireNonNull(setup, "setup"), factory, null));
    }

    /**
     * Drives the simulated account {@link #LEADER} with the historical fills of {@code csv}
     * (columns {@code time,symbol,side,price,qty}; header optional; time epoch ms or ISO-8601):
     * each becomes a market order at its time.
     */
    public Builder leaderFills(Path csv, AccountSetup setup) {
      this.leaderFills = Objects.requireNonNull(csv, "csv");
      this.leaderSetup = Objects.requireNonNull(setup, "setup");
      return this;
    }

    /** Opens follower account {@code account} with a copier of the leader (needs leaderFills). */
    public Builder copier(String account, AccountSetup setup, CopierFactory factory) {
      Objects.requireNonNull(factory, "factory");
      return add(
          new Participant(
              checkName(account), Objects.requireNonNull(setup, "setup"), null, factory));
    }

    private Builder add(Participant p) {
      if (participants.putIfAbsent(p.account(), p) != null) {
        throw new IllegalArgumentException("account " + p.account() + " is given twice");
      }
      return this;
    }

    private static String checkName(String account) {
      Objects.requireNonNull(account, "account");
      if (account.isBlank() || account.equals(LEADER)) {
        throw new IllegalArgumentException(
            "account name must be non-blank and not '" + LEADER + "', was '" + account + "'");
      }
      return account;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException naming what is missing or inconsistent
     */
    public Backtest build() {
      if (data.isEmpty()) {
        throw new IllegalArgumentException("at least one data source is required");
      }
      if (instruments.isEmpty()) {
        throw new IllegalArgumentException("at least one instrument is required");
      }
      if (participants.isEmpty() && leaderFills == null) {
        throw new IllegalArgumentException("at least one bot, copier or leaderFills is required");
      }
      boolean copiers = participants.values().stream().anyMatch(p -> p.copier() != null);
      if (copiers && leaderFills == null) {
        throw new IllegalArgumentException("a copier needs leaderFills to follow");
      }
      if (start != null && end != null && end < start) {
        throw new IllegalArgumentException("end " + end + " is before start " + start);
      }
      return new Backtest(this);
    }
  }
}
