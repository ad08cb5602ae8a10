package dev.tradekit.notify;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh schemas on the PostgreSQL server named by {@code -Dtradekit.postgres.url} (the property
 * copier's PostgresJournalIT uses), dropped on {@link #close()}.
 */
final class PostgresSchemas implements AutoCloseable {
  static final String URL = System.getProperty("tradekit.postgres.url", "").trim();
  static final String SKIP =
      "no PostgreSQL server: set -Dtradekit.postgres.url=jdbc:postgresql://127.0.0.1:5432/db"
          + "?user=.. to run the outbox tests on PostgreSQL";

  private final String run = "tkn" + Long.toString(System.nanoTime(), 36);
  private final List<String> schemas = new ArrayList<>();

  static boolean available() {
    return !URL.isEmpty() && !URL.startsWith("${");
  }

  /** Creates a schema; returns a JDBC URL whose connections use it. */
  String create() throws SQLException {
    String schema = run + "_" + schemas.size();
    try (Connection admin = DriverManager.getConnection(URL);
        Statement st = admin.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    }
    schemas.add(schema);
    return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  static DataSource dataSource(String url) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    return ds;
  }

  @Override
  public void close() throws SQLException {
    if (schemas.isEmpty()) {
      return;
    }
    try (Connection admin = DriverManager.getConnection(URL);
        Statement st = admin.createStatement()) {
      for (String s : schemas) {
        st.execute("DROP SCHEMA " + s + " CASCADE");
      }
    }
    schemas.clear();
  }
}
