package dev.tradekit.backtest;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Income;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.BarColumns;
import dev.tradekit.backtest.data.BarSource;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.sim.MarketReplay;
import dev.tradekit.backtest.sim.SimVenue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongToDoubleFunction;

/** One execution of a {@link Backtest}: venue, bots, replay, sampling and results. */
final class BacktestRun {
  private final Backtest bt;
  private final List<Throwable> errors = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final List<EquityCurve> curves = new ArrayList<>();
  private final List<Consumer<double[]>> equity = new ArrayList<>();
  private final List<FillTally> tallies = new ArrayList<>();
  private final double[] sampled = new double[2];
  private @org.jspecify.annotations.Nullable VirtualScheduler clock;
  private long barsInOneStep;

  BacktestRun(Backtest bt) {
    this.bt = bt;
  }

  BacktestResult run() {
    MarketDataSource raw = open();
    try (Window source = window(raw)) {
      long t0 = bt.start != null ? bt.start : source.firstTime();
      VirtualScheduler clock = new VirtualScheduler(t0, errors::add);
      this.clock = clock;
      SimVenue.Builder vb =
          SimVenue.builder()
              .scheduler(clock)
              .fees(bt.makerFee, bt.takerFee)
              .queueModel(bt.queueModel)
              .orderLatency(bt.orderLatency)
              .marketDataLatency(bt.marketDataLatency)
              .seed(bt.seed)
              .barMode(bt.barMode);
      for (Instrument i : bt.instruments) {
        vb.instrument(i);
      }
      bt.funding.forEach(vb::fundingRates);
      SimVenue v = vb.build();
      List<Bot> bots = new ArrayList<>();
      Exchange leader = null;
      if (bt.leaderFills != null && bt.leaderSetup != null) {
        leader = v.openAccount(Backtest.LEADER, bt.leaderSetup);
        names.add(Backtest.LEADER);
        bots.add(LeaderFills.bot(LeaderFills.read(bt.leaderFills), leader, clock));
      }
      for (Backtest.Participant p : bt.participants) {
        Exchange ex = v.openAccount(p.account(), p.setup());
        names.add(p.account());
        if (p.bot() != null) {
          bots.add(p.bot().create(ex, clock));
        } else if (p.copier() != null && leader != null) {
          bots.add(p.copier().create(leader, ex, clock));
        }
      }
      int capacity =
          bt.end == null
              ? 1024
              : (int) Math.min(1 << 24, (bt.end - t0) / bt.equityIntervalMillis + 2);
      for (int i = 0; i < names.size(); i++) {
        curves.add(new EquityCurve(capacity));
        equity.add(v.equityReader(names.get(i), bt.equityAsset));
        FillTally tally = new FillTally();
        v.addFillListener(names.get(i), tally);
        tallies.add(tally);
      }
      for (Bot b : bots) {
        b.start();
      }
      clock.scheduleAtFixedRate(this::sample, 0, bt.equityIntervalMillis, TimeUnit.MILLISECONDS);
      MarketReplay replay = new MarketReplay(source, v);
      long events = bt.end == null ? replay.runToEnd() : replay.runUntil(bt.end);
      barsInOneStep = replay.barsInOneStep();
      for (Bot b : bots) {
        b.stop();
      }
      clock.runPending();
      sample();
      if (!errors.isEmpty()) {
        IllegalStateException e =
            new IllegalStateException("a task failed during the backtest: " + errors.get(0));
        errors.forEach(e::addSuppressed);
        throw e;
      }
      List<AccountResult> results = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        results.add(result(v, names.get(i), curves.get(i), tallies.get(i)));
      }
      return new BacktestResult(t0, clock.currentTimeMillis(), events, results);
    }
  }

  /**
   * The data cut to the window: bars as four points unless in bar mode; in bar mode a {@link
   * BarSource} stays one, so the replay reads its bars a block at a time.
   */
  private Window window(MarketDataSource raw) {
    if (!bt.barMode) {
      return new WindowSource(new BarExpander(raw), bt.start);
    }
    return raw instanceof BarSource bars
        ? new WindowBars(bars, bt.start)
        : new WindowSource(raw, bt.start);
  }

  private MarketDataSource open() {
    if (bt.data.size() == 1) {
      return bt.data.get(0).get();
    }
    MarketDataSource[] all = new MarketDataSource[bt.data.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = bt.data.get(i).get();
    }
    return MarketDataSources.merge(all);
  }

  /** Bars the run's replay matched in one step ({@link MarketReplay#barsInOneStep}), once run. */
  long barsInOneStep() {
    return barsInOneStep;
  }

  /** One equity sample of every account at the clock's time (a task of the run's clock). */
  private void sample() {
    VirtualScheduler now = clock;
    if (now == null) {
      return;
    }
    long t = now.currentTimeMillis();
    for (int i = 0; i < equity.size(); i++) {
      equity.get(i).accept(sampled);
      curves.get(i).add(t, sampled[0], sampled[1]);
    }
  }

  private AccountResult result(SimVenue v, String name, EquityCurve curve, FillTally tally) {
    List<Fill> fills = v.fills(name);
    // the sums and each fill's figures were tallied as the fills were booked: no fill is read again
    if (tally.size() != fills.size()) {
      throw new IllegalStateException(
          "the tally of account "
              + name
              + " holds "
              + tally.size()
              + " of its "
              + fills.size()
              + " fills (its fill listener failed: see the log)");
    }
    RoundTrips roundTrips = new RoundTrips(new EquityCursor(curve));
    tally.replay(roundTrips);
    BigDecimal feeSum = tally.fees();
    BigDecimal tradedSum = tally.traded();
    BigDecimal fundingSum = BigDecimal.ZERO;
    for (Income i : v.income(name)) {
      if (i.type().equals("FUNDING_FEE")) {
        fundingSum = fundingSum.add(i.amount());
      }
    }
    double fees = feeSum.doubleValue();
    double traded = tradedSum.doubleValue();
    double funding = fundingSum.doubleValue();
    List<RoundTrip> trips = roundTrips.trips();
    double exposure = 0;
    for (int i = 0; i < curve.size(); i++) {
      double e = curve.equity(i);
      exposure += e > 0 ? Math.abs(curve.notional(i)) / e / curve.size() : 0;
    }
    return new AccountResult(
        name,
        curve,
        fills,
        trips,
        fees,
        funding,
        traded,
        v.ordersAccepted(name),
        exposure,
        Metrics.of(curve, trips, fees, traded));
  }

  /**
   * The equity of the last sample at or before a time (the first sample before any), for times
   * asked in order (the fills' times): walks on from the last answer instead of searching the whole
   * curve each time, so the round trips of a run cost one pass over the curve; a time before the
   * last one asked walks again from the start.
   */
  static final class EquityCursor implements LongToDoubleFunction {
    private final EquityCurve curve;
    private int at;
    private long last = Long.MIN_VALUE;

    EquityCursor(EquityCurve curve) {
      this.curve = curve;
    }

    @Override
    public double applyAsDouble(long t) {
      int n = curve.size();
      if (n == 0) {
        return 0;
      }
      if (t < last) {
        at = 0; // back in time: walk from the start (rare; fills come in time order)
      }
      last = t;
      int i = at;
      while (i + 1 < n && curve.time(i + 1) <= t) {
        i++;
      }
      at = i;
      return curve.equity(i);
    }
  }

  /** The run's data from its start: knows its first event's time. */
  interface Window extends MarketDataSource {
    /**
     * The time of the first event in the window (read ahead, not lost).
     *
     * @throws IllegalStateException if the window holds no event
     */
    long firstTime();
  }

  /**
   * Drops events before the start, peeks the first event's time and stops the run when its thread
   * is interrupted (checked every {@link #CHECK_EVERY} events).
   */
  static final class WindowSource implements Window {
    /** Events between two looks at the thread's interrupt flag. */
    static final int CHECK_EVERY = 1024;

    private final MarketDataSource source;
    private long read;
    private final long start;
    private final MarketEvent first = new MarketEvent();
    private boolean hasFirst;

    WindowSource(MarketDataSource source, @org.jspecify.annotations.Nullable Long start) {
      this.source = source;
      this.start = start == null ? Long.MIN_VALUE : start;
    }

    @Override
    public long firstTime() {
      if (!hasFirst) {
        hasFirst = next(first);
        if (!hasFirst) {
          throw new IllegalStateException("the data holds no market event in the backtest window");
        }
      }
      return first.eventTime();
    }

    @Override
    public boolean next(MarketEvent into) {
      if ((++read & (CHECK_EVERY - 1)) == 0 && Thread.currentThread().isInterrupted()) {
        throw new CancellationException("the backtest was interrupted after " + read + " events");
      }
      if (hasFirst && into != first) {
        hasFirst = false;
        into.copyFrom(first);
        return true;
      }
      while (source.next(into)) {
        if (into.eventTime() >= start) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void close() {
      source.close();
    }
  }

  /**
   * {@link WindowSource} for a {@link BarSource}: drops bars that close before the start a block at
   * a time, and looks at the thread's interrupt flag once per block.
   */
  static final class WindowBars implements Window, BarSource {
    private final BarSource source;
    private final long start;

    /** The peeked first bar, then the rows {@link #next} hands out one by one. */
    private final BarColumns rows = new BarColumns(1);

    private boolean peeked;
    private long read;
    private @org.jspecify.annotations.Nullable BarColumns cutBlock;

    WindowBars(BarSource source, @org.jspecify.annotations.Nullable Long start) {
      this.source = source;
      this.start = start == null ? Long.MIN_VALUE : start;
    }

    @Override
    public long firstTime() {
      if (!peeked) {
        if (fill(rows) == 0) {
          throw new IllegalStateException("the data holds no market event in the backtest window");
        }
        peeked = true;
      }
      return rows.closeTime(0);
    }

    @Override
    public int nextBars(BarColumns into) {
      if (peeked) {
        peeked = false;
        into.copyFrom(rows);
        return into.size();
      }
      return fill(into);
    }

    /**
     * The source's block lent as it is, unless rows of it are before the start: then the rest of it
     * is copied into {@code scratch} (or a block of this window's when the lent one is larger).
     */
    @Override
    public @org.jspecify.annotations.Nullable BarColumns lendBars(BarColumns scratch) {
      if (peeked) {
        return nextBars(scratch) == 0 ? null : scratch;
      }
      while (true) {
        checkNotInterrupted();
        BarColumns b = source.lendBars(scratch);
        if (b == null) {
          return null;
        }
        read += b.size();
        if (start != Long.MIN_VALUE && b.hasRowBefore(start)) {
          BarColumns own = b == scratch ? scratch : cut(b);
          own.dropBefore(start);
          b = own;
        }
        if (b.size() > 0) {
          return b;
        }
      }
    }

    /** A copy of a lent block, in a block of this window's (made once, as large as needed). */
    private BarColumns cut(BarColumns lent) {
      BarColumns own = cutBlock;
      if (own == null || own.capacity() < lent.size()) {
        own = new BarColumns(lent.capacity());
        cutBlock = own;
      }
      own.copyFrom(lent);
      return own;
    }

    private void checkNotInterrupted() {
      if (Thread.currentThread().isInterrupted()) {
        throw new CancellationException("the backtest was interrupted after " + read + " bars");
      }
    }

    private int fill(BarColumns into) {
      do {
        checkNotInterrupted();
        if (source.nextBars(into) == 0) {
          return 0;
        }
        read += into.size();
        if (start != Long.MIN_VALUE) {
          into.dropBefore(start); // else no bar is before the start: no pass over the block
        }
      } while (into.size() == 0);
      return into.size();
    }

    @Override
    public boolean next(MarketEvent into) {
      peeked = false; // a peeked bar is the next row of rows
      return rows.nextRow(this, into);
    }

    @Override
    public void close() {
      source.close();
    }
  }
}
