package dev.tradekit.notify;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** The outbox contract on a SQLite file. */
class JdbcOutboxIT extends OutboxContract {
  @TempDir Path dir;

  @Override
  DataSource database() {
    return SqliteFiles.dataSource(dir.resolve("notify.db"));
  }
}
