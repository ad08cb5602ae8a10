package dev.tradekit.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the control plane keeps its users, vault, bots, audit log and event log.
 *
 * <p>{@code ControlPlane.builder().store(Stores.sqlite(Path.of("data/tradekit.db")))}
 *
 * <p>SQLite is the default (one file, WAL journal); PostgreSQL is chosen by a JDBC URL. Both run
 * the same versioned migrations when the control plane starts.
 */
public final class Stores {
  private final String url;
  private final String description;
  private final Path folder;

  private Stores(String url, String description, Path folder) {
    this.url = url;
    this.description = description;
    this.folder = folder;
  }

  /**
   * A SQLite database in one file, created (with its parent folders) if absent.
   *
   * @param file the database file
   */
  public static Stores sqlite(Path file) {
    Objects.requireNonNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      try {
        java.nio.file.Files.createDirectories(parent);
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException(
            "file: cannot create the folder " + parent + ": " + e.getMessage(), e);
      }
    }
    return new Stores(
        "jdbc:sqlite:" + file.toAbsolutePath(),
        "sqlite:" + file.toAbsolutePath(),
        parent != null ? parent : Path.of("."));
  }

  /**
   * A PostgreSQL database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/tradekit?user=tk}.
   *
   * @param jdbcUrl a {@code jdbc:postgresql:} URL
   */
  public static Stores postgres(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("jdbcUrl: must start with jdbc:postgresql:");
    }
    return new Stores(jdbcUrl, "postgresql", Path.of("tradekit-journals"));
  }

  /** Where engine files go by default: the SQLite file's folder, else {@code tradekit-journals}. */
  Path folder() {
    return folder;
  }

  /** A data source on the same database, for the notification outbox's own connections. */
  javax.sql.DataSource dataSource() {
    if (url.startsWith("jdbc:sqlite:")) {
      org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
      config.setBusyTimeout(10_000);
      config.setJournalMode(org.sqlite.SQLiteConfig.JournalMode.WAL);
      org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource(config);
      ds.setUrl(url);
      return ds;
    }
    org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
    ds.setURL(url);
    return ds;
  }

  Store open() {
    return JdbcStore.open(url);
  }

  /** Names the store without any credential the URL may carry. */
  @Override
  public String toString() {
    return "Stores[" + description + "]";
  }
}
