package dev.tradekit.copier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.copier.CopyJournal;
import dev.tradekit.copier.CopyJournals;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The journal contract on a real PostgreSQL server, each journal in a fresh schema. Runs when
 * {@code -Dtradekit.postgres.url=jdbc:postgresql://host:port/db?user=..} names a server (the build
 * cannot start one itself: PostgreSQL refuses to run as root, which CI machines are).
 */
class PostgresJournalIT extends JournalContract {
  private static final String URL = System.getProperty("tradekit.postgres.url", "").trim();
  private final String run = "tk" + Long.toString(System.nanoTime(), 36);
  private final List<CopyJournal> open = new ArrayList<>();
  private final List<String> schemas = new ArrayList<>();

  @BeforeEach
  void needsAServer() {
    Assumptions.assumeTrue(
        !URL.isEmpty() && !URL.startsWith("${"),
        "no PostgreSQL server: set -Dtradekit.postgres.url=jdbc:postgresql://127.0.0.1:5432/db"
            + "?user=.. to run the journal contract on PostgreSQL");
  }

  @Override
  JournalStore journal() {
    String schema = run + "_" + schemas.size();
    try {
      try (Connection admin = DriverManager.getConnection(URL);
          Statement st = admin.createStatement()) {
        st.execute("CREATE SCHEMA " + schema);
      }
      schemas.add(schema);
      Connection c = DriverManager.getConnection(URL);
      c.setSchema(schema);
      CopyJournal j = CopyJournals.jdbc(c);
      open.add(j);
      return (JournalStore) j;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open a journal on " + URL + ": " + e, e);
    }
  }

  @AfterEach
  void dropSchemas() throws SQLException {
    open.forEach(CopyJournal::close);
    if (schemas.isEmpty()) {
      return;
    }
    try (Connection admin = DriverManager.getConnection(URL);
        Statement st = admin.createStatement()) {
      for (String s : schemas) {
        st.execute("DROP SCHEMA " + s + " CASCADE");
      }
    }
  }

  @Test
  void usesThePostgresDialect() throws SQLException {
    JournalStore j = journal();
    try (Connection c = DriverManager.getConnection(URL)) {
      assertThat(c.getMetaData().getDatabaseProductName()).containsIgnoringCase("postgres");
    }
    assertThat(j.maxSeq()).isZero();
  }
}
