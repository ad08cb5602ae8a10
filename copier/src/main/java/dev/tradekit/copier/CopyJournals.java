package dev.tradekit.copier;

import dev.tradekit.copier.internal.MemoryJournal;
import dev.tradekit.copier.internal.SqlJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The journal backends a {@link TradeCopier} can use.
 *
 * <pre>{@code
 * CopyJournal durable = CopyJournals.sqlite(Path.of("/var/lib/copier/journal.db"));
 * CopyJournal scratch = CopyJournals.inMemory();   // tests and simulations
 * }</pre>
 */
public final class CopyJournals {
  private CopyJournals() {}

  /**
   * A journal in an SQLite file, created if absent, in WAL mode with {@code synchronous=NORMAL}
   * (survives a crash of the process; a power cut may lose the last transactions, which the copier
   * recovers by querying the venue by client order id on restart). The schema is migrated to the
   * current version on open.
   *
   * @throws IllegalArgumentException when the parent folder does not exist
   * @throws IllegalStateException when the file cannot be opened or migrated
   */
  public static CopyJournal sqlite(Path file) {
    Objects.requireNonNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new IllegalArgumentException(
          "file " + file + ": folder " + parent + " does not exist; create it first");
    }
    try {
      return new SqlJournal(DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath()));
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot open SQLite journal " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A journal over any JDBC connection whose database runs standard SQL (tested on SQLite and on
   * PostgreSQL 15). The journal takes ownership of the connection and closes it on {@link
   * CopyJournal#close()}; the schema is migrated on open, in the connection's current schema.
   *
   * <pre>{@code
   * CopyJournal journal = CopyJournals.jdbc(
   *     DriverManager.getConnection("jdbc:postgresql://db:5432/copier?user=tk&password=..."));
   * }</pre>
   *
   * @throws IllegalStateException when the schema cannot be migrated
   */
  public static CopyJournal jdbc(Connection connection) {
    return new SqlJournal(Objects.requireNonNull(connection, "connection"));
  }

  /** A journal in memory: fast, and forgotten when the process ends. */
  public static CopyJournal inMemory() {
    return new MemoryJournal();
  }
}
