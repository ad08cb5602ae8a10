package dev.tradekit.notify;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The outbox contract on a real PostgreSQL server, each test in a fresh schema. Runs when {@code
 * -Dtradekit.postgres.url=jdbc:postgresql://host:port/db?user=..} names a server; skipped with a
 * message otherwise. (The crash test's PostgreSQL run is in {@link OutboxCrashIT}.)
 */
class PostgresOutboxIT extends OutboxContract {
  private final PostgresSchemas schemas = new PostgresSchemas();
  private @Nullable String url;

  @BeforeEach
  void needsAServer() {
    Assumptions.assumeTrue(PostgresSchemas.available(), PostgresSchemas.SKIP);
  }

  @Override
  DataSource database() throws SQLException {
    String u = url;
    if (u == null) {
      u = schemas.create();
      url = u;
    }
    return PostgresSchemas.dataSource(u);
  }

  @AfterEach
  void dropSchemas() throws SQLException {
    schemas.close();
  }
}
