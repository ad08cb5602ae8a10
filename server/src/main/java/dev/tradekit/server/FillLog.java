package dev.tradekit.server;

import dev.tradekit.api.model.Fill;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fills of one market-maker, grid or DCA bot across all its runs: a SQLite file ({@code
 * fills-<bot id>.db} in the journal folder) written from the engine's fill events, so the bot's
 * history and PnL survive a restart of the control plane and count only the bot's own orders when
 * it shares its account. A fill is stored once (symbol and trade id); writes are handed to one
 * thread so the engine never waits for the disk.
 */
final class FillLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FillLog.class);

  private final Connection db;
  private final ExecutorService writer;

  /** Where the fill log of a bot lives. */
  static Path file(Path journalDir, String botId) {
    return journalDir.resolve("fills-" + botId + ".db");
  }

  FillLog(Path file, String botId) {
    try {
      this.db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute(
            "CREATE TABLE IF NOT EXISTS fills (symbol TEXT NOT NULL, trade_id TEXT NOT NULL,"
                + " order_id TEXT NOT NULL, client_order_id TEXT, side TEXT NOT NULL,"
                + " price TEXT NOT NULL, quantity TEXT NOT NULL, commission TEXT NOT NULL,"
                + " commission_asset TEXT NOT NULL, realized_pnl TEXT NOT NULL,"
                + " maker INTEGER NOT NULL, time INTEGER NOT NULL,"
                + " PRIMARY KEY (symbol, trade_id))");
        s.execute("CREATE INDEX IF NOT EXISTS fills_time ON fills (time)");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the fill log " + file + ": " + e, e);
    }
    this.writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "tradekit-fills-" + botId);
              t.setDaemon(true);
              return t;
            });
  }

  /** Records a fill of the bot (later, on the log's own thread); a repeated fill is ignored. */
  void add(Fill f) {
    writer.execute(() -> insert(f));
  }

  private synchronized void insert(Fill f) {
    try (PreparedStatement p =
        db.prepareStatement(
            "INSERT OR IGNORE INTO fills (symbol, trade_id, order_id, client_order_id, side,"
                + " price, quantity, commission, commission_asset, realized_pnl, maker, time)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, f.symbol());
      p.setString(2, f.tradeId());
      p.setString(3, f.orderId());
      p.setString(4, f.clientOrderId());
      p.setString(5, f.side().name());
      p.setString(6, f.price().toPlainString());
      p.setString(7, f.quantity().toPlainString());
      p.setString(8, f.commission().toPlainString());
      p.setString(9, f.commissionAsset());
      p.setString(10, f.realizedPnl().toPlainString());
      p.setInt(11, f.maker() ? 1 : 0);
      p.setLong(12, f.time());
      p.executeUpdate();
    } catch (SQLException e) {
      LOG.warn("control plane: a fill of {} was not logged: {}", f.symbol(), e.toString());
    }
  }

  /** Fills newest first, filtered by symbol and side when given, as the API's JSON values. */
  synchronized List<Map<String, Object>> page(
      int offset, int limit, @Nullable String symbol, @Nullable String side) {
    String sql =
        "SELECT * FROM fills WHERE (? IS NULL OR symbol = ?) AND (? IS NULL OR side = ?)"
            + " ORDER BY time DESC, rowid DESC LIMIT ? OFFSET ?";
    List<Map<String, Object>> out = new ArrayList<>();
    try (PreparedStatement p = db.prepareStatement(sql)) {
      p.setString(1, symbol);
      p.setString(2, symbol);
      p.setString(3, side);
      p.setString(4, side);
      p.setInt(5, limit);
      p.setInt(6, offset);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("symbol", r.getString("symbol"));
          m.put("tradeId", r.getString("trade_id"));
          m.put("orderId", r.getString("order_id"));
          m.put("clientOrderId", r.getString("client_order_id"));
          m.put("side", r.getString("side"));
          m.put("price", r.getString("price"));
          m.put("quantity", r.getString("quantity"));
          m.put("commission", r.getString("commission"));
          m.put("commissionAsset", r.getString("commission_asset"));
          m.put("realizedPnl", r.getString("realized_pnl"));
          m.put("maker", r.getInt("maker") == 1);
          m.put("time", r.getLong("time"));
          out.add(m);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the fill log: " + e, e);
    }
    return out;
  }

  /**
   * The bot's own result by asset: {@code realized_pnl} (in {@code pnlAsset}), {@code commission}
   * (negative: paid; in each fill's commission asset), their {@code total} and {@code today} (fills
   * at or after {@code midnight}).
   */
  synchronized Map<String, Map<String, BigDecimal>> totals(String pnlAsset, long midnight) {
    Map<String, Map<String, BigDecimal>> byAsset = new TreeMap<>();
    try (Statement s = db.createStatement();
        ResultSet r =
            s.executeQuery("SELECT commission, commission_asset, realized_pnl, time FROM fills")) {
      while (r.next()) {
        boolean today = r.getLong("time") >= midnight;
        add(byAsset, pnlAsset, "realized_pnl", new BigDecimal(r.getString("realized_pnl")), today);
        BigDecimal fee = new BigDecimal(r.getString("commission")).negate();
        add(byAsset, r.getString("commission_asset"), "commission", fee, today);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the fill log: " + e, e);
    }
    return byAsset;
  }

  private static void add(
      Map<String, Map<String, BigDecimal>> byAsset,
      String asset,
      String kind,
      BigDecimal amount,
      boolean today) {
    Map<String, BigDecimal> m = byAsset.computeIfAbsent(asset, k -> new TreeMap<>());
    m.merge("total", amount, BigDecimal::add);
    m.merge(kind, amount, BigDecimal::add);
    m.merge("today", today ? amount : BigDecimal.ZERO, BigDecimal::add);
  }

  /** Writes what is queued, then closes the file. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
        writer.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      try {
        db.close();
      } catch (SQLException e) {
        LOG.debug("closing the fill log: {}", e.toString());
      }
    }
  }
}
