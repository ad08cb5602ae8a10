package dev.tradekit.copier.internal;

import static dev.tradekit.copier.internal.TestRecords.bd;
import static dev.tradekit.copier.internal.TestRecords.oneWay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.copier.CopyAction;
import dev.tradekit.copier.CopyJournal;
import dev.tradekit.copier.CopyJournals;
import dev.tradekit.copier.CopyRecord;
import dev.tradekit.copier.CopyStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteJournalIT extends JournalContract {
  @TempDir Path dir;
  private int files;
  private final java.util.List<CopyJournal> open = new java.util.ArrayList<>();

  @Override
  JournalStore journal() {
    CopyJournal j = CopyJournals.sqlite(dir.resolve("journal-" + files++ + ".db"));
    open.add(j);
    return (JournalStore) j;
  }

  @AfterEach
  void closeAll() {
    open.forEach(CopyJournal::close);
  }

  @Test
  void survivesReopeningTheFile() {
    Path file = dir.resolve("reopen.db");
    CopyRecord copy = oneWay(1, CopyAction.OPEN, Side.BUY, "60000", "0.5", "0", "0.5");
    try (CopyJournal first = CopyJournals.sqlite(file)) {
      JournalStore j = (JournalStore) first;
      j.initialize(42, Map.of());
      j.recordLeaderFill(row(1, Side.BUY, "0.5", CopyAction.OPEN, "0", "0.5"), List.of(copy));
      CopyRecord intended =
          Records.intended(copy, Side.BUY, PositionSide.BOTH, bd("0.05"), null, false);
      j.markIntended(intended, List.of(), TestRecords.target(intended));
    }
    try (CopyJournal second = CopyJournals.sqlite(file)) {
      JournalStore j = (JournalStore) second;
      assertThat(j.startPoint()).hasValue(42);
      assertThat(j.unfinished())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.clientOrderId()).isEqualTo(copy.clientOrderId());
                assertThat(r.quantity()).isEqualByComparingTo("0.05");
                assertThat(r.positionSide()).isEqualTo(PositionSide.BOTH);
              });
      assertThat(((SqlJournal) j).schemaVersion()).isEqualTo(SqlSchema.latestVersion());
    }
  }

  @Test
  void upgradesAVersion1JournalWithoutLosingRows() throws Exception {
    Path file = dir.resolve("v1.db");
    CopyRecord open = oneWay(1, CopyAction.OPEN, Side.BUY, "60000", "0.5", "0", "0.5");
    CopyRecord add = oneWay(2, CopyAction.INCREASE, Side.BUY, "60000", "0.25", "0.5", "0.75");
    PositionKey slot = new PositionKey("BTCUSDT", PositionSide.BOTH);
    try (SqlJournal v1 = new SqlJournal(DriverManager.getConnection("jdbc:sqlite:" + file), 1)) {
      assertThat(v1.schemaVersion()).isEqualTo(1);
      v1.initialize(42, Map.of(slot, bd("0.1")));
      v1.recordLeaderFill(row(1, Side.BUY, "0.5", CopyAction.OPEN, "0", "0.5"), List.of(open));
      v1.recordLeaderFill(
          row(2, Side.BUY, "0.25", CopyAction.INCREASE, "0.5", "0.75"), List.of(add));
      CopyRecord intended =
          Records.intended(open, Side.BUY, PositionSide.BOTH, bd("0.05"), null, false);
      v1.markIntended(intended, List.of(), TestRecords.target(intended));
      v1.complete(
          Records.fromOrder(intended, filled(intended, "0.05"), CopyStatus.COPIED, null, 3_000));
      v1.advanceWatermark("BTCUSDT", 1_500);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE name = 'follower_risk'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).as("version 1 has no risk table").isZero();
    }

    try (CopyJournal upgraded = CopyJournals.sqlite(file)) {
      SqlJournal j = (SqlJournal) upgraded;
      assertThat(j.schemaVersion()).isEqualTo(SqlSchema.latestVersion());
      assertThat(j.startPoint()).hasValue(42);
      assertThat(j.maxSeq()).isEqualTo(2);
      assertThat(j.hasLeaderFill("BTCUSDT", "t2")).isTrue();
      assertThat(j.leaderPositions()).containsEntry(slot, bd("0.75"));
      assertThat(j.watermark("BTCUSDT")).isEqualTo(1_500);
      assertThat(j.recent(10))
          .extracting(CopyRecord::clientOrderId, CopyRecord::status)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(add.clientOrderId(), CopyStatus.PENDING),
              org.assertj.core.groups.Tuple.tuple(open.clientOrderId(), CopyStatus.COPIED));
      assertThat(j.unfinished())
          .extracting(CopyRecord::clientOrderId)
          .containsExactly(add.clientOrderId());
      assertThat(j.copiedPosition("alice", "BTCUSDT", PositionSide.BOTH))
          .isEqualByComparingTo("0.05");
      assertThat(j.targetPosition("alice", "BTCUSDT", PositionSide.BOTH))
          .as("an upgraded journal aims at what the follower holds")
          .isEqualByComparingTo("0.05");
      assertThat(j.riskState("alice")).isEmpty();
      j.saveRiskState("alice", new RiskState(7, bd("10000"), bd("10500"), null));
      assertThat(j.riskState("alice")).hasValue(new RiskState(7, bd("10000"), bd("10500"), null));
    }
  }

  @Test
  void usesWalAndRecordsMigrations() throws Exception {
    Path file = dir.resolve("wal.db");
    CopyJournals.sqlite(file).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
      }
      try (ResultSet rs =
          st.executeQuery("SELECT version, description FROM schema_version ORDER BY version")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(2);
        assertThat(rs.getString(2)).startsWith("follower risk state");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(3);
        assertThat(rs.getString(2)).startsWith("follower target positions");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(4);
        assertThat(rs.getString(2)).startsWith("leases with fencing epochs");
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void refusesASchemaNewerThanItKnows() throws Exception {
    Path file = dir.resolve("future.db");
    CopyJournals.sqlite(file).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("INSERT INTO schema_version (version, description) VALUES (99, 'future')");
    }
    assertThatThrownBy(() -> CopyJournals.sqlite(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("schema version 99 is newer than this copier knows (4)");
  }

  @Test
  void rejectsAMissingFolder() {
    assertThatThrownBy(() -> CopyJournals.sqlite(dir.resolve("no/such/dir/j.db")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void storesNoSecretsOnlyTradingFacts() throws Exception {
    Path file = dir.resolve("cols.db");
    CopyJournals.sqlite(file).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'table'")) {
      StringBuilder ddl = new StringBuilder();
      while (rs.next()) {
        ddl.append(rs.getString(1)).append('\n');
      }
      assertThat(ddl.toString().toLowerCase(java.util.Locale.ROOT))
          .doesNotContain("secret", "api_key", "apikey", "signature", "password");
    }
  }
}
