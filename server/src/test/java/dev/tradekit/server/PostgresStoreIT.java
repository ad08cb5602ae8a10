package dev.tradekit.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The store contract on a real PostgreSQL server, each store in a fresh schema. Runs when {@code
 * -Dtradekit.postgres.url=jdbc:postgresql://host:port/db?user=..} names a server (the property
 * copier's PostgresJournalIT uses); skipped with a message otherwise.
 */
class PostgresStoreIT extends StoreContract {
  private static final String URL = System.getProperty("tradekit.postgres.url", "").trim();
  private final String run = "tks" + Long.toString(System.nanoTime(), 36);
  private final List<String> schemas = new ArrayList<>();

  @BeforeEach
  void needsAServer() {
    Assumptions.assumeTrue(
        !URL.isEmpty() && !URL.startsWith("${"),
        "no PostgreSQL server: set -Dtradekit.postgres.url=jdbc:postgresql://127.0.0.1:5432/db"
            + "?user=.. to run the store contract on PostgreSQL");
  }

  @Override
  Store open() {
    String schema = run + "_" + schemas.size();
    try {
      try (Connection admin = DriverManager.getConnection(URL);
          Statement st = admin.createStatement()) {
        st.execute("CREATE SCHEMA " + schema);
      }
      schemas.add(schema);
      Connection c = DriverManager.getConnection(URL);
      c.setSchema(schema);
      return new JdbcStore(c, JdbcSchema.Dialect.POSTGRES);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open a store on PostgreSQL: " + e, e);
    }
  }

  @Override
  DataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(URL);
    ds.setCurrentSchema(schemas.get(schemas.size() - 1));
    return ds;
  }

  @AfterEach
  void dropSchemas() throws SQLException {
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
}
