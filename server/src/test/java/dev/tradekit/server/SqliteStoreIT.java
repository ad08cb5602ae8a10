package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreIT extends StoreContract {
  @TempDir Path dir;
  private int n;

  @Override
  Store open() {
    return Stores.sqlite(dir.resolve("store-" + n++ + ".db")).open();
  }

  @Override
  DataSource dataSource() {
    return Stores.sqlite(dir.resolve("store-" + (n - 1) + ".db")).dataSource();
  }

  @Test
  void reopensAMigratedFileWithoutMigratingAgainAndKeepsItsRows() {
    Path file = dir.resolve("reopen.db");
    try (JdbcStore s = JdbcStore.open("jdbc:sqlite:" + file)) {
      assertThat(s.schemaVersion()).isEqualTo(5);
      s.insertUser(new Store.User("usr_1", "alice", "admin", "h", 1));
    }
    try (JdbcStore s = JdbcStore.open("jdbc:sqlite:" + file)) {
      assertThat(s.schemaVersion()).isEqualTo(5);
      assertThat(s.countUsers()).isEqualTo(1);
    }
  }
}
