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
      j.markIntended(
          Records.intended(copy, Side.BUY, PositionSide.BOTH, bd("0.05"), null, false), List.of());
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
  void usesWalAndRecordsMigrations() throws Exception {
    Path file = dir.resolve("wal.db");
    CopyJournals.sqlite(file).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
      }
      try (ResultSet rs = st.executeQuery("SELECT version, description FROM schema_version")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
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
        .hasMessageContaining("schema version 99 is newer than this copier knows (1)");
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
