package dev.tradekit.server;

import dev.tradekit.server.Store.Job;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The backtest jobs and job results tables of {@link JdbcStore}. */
final class JdbcJobs {
  private final Jdbc jdbc;

  JdbcJobs(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  private static Job job(ResultSet rs) throws SQLException {
    return new Job(
        rs.getString("id"),
        rs.getString("owner"),
        rs.getString("kind"),
        rs.getString("name"),
        rs.getString("request"),
        rs.getString("state"),
        rs.getDouble("progress"),
        rs.getLong("created_at"),
        rs.getLong("started_at"),
        rs.getLong("finished_at"),
        rs.getString("summary"),
        rs.getString("error"));
  }

  void insertJob(Job j) {
    jdbc.update(
        "INSERT INTO jobs (id, owner, kind, name, request, state, progress, created_at,"
            + " started_at, finished_at, summary, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ps -> {
          ps.setString(1, j.id());
          ps.setString(2, j.owner());
          ps.setString(3, j.kind());
          ps.setString(4, j.name());
          ps.setString(5, j.requestJson());
          ps.setString(6, j.state());
          ps.setDouble(7, j.progress());
          ps.setLong(8, j.createdAt());
          ps.setLong(9, j.startedAt());
          ps.setLong(10, j.finishedAt());
          ps.setString(11, j.summaryJson());
          ps.setString(12, j.error());
        });
  }

  void updateJob(Job j) {
    jdbc.update(
        "UPDATE jobs SET state = ?, progress = ?, started_at = ?, finished_at = ?, summary = ?,"
            + " error = ? WHERE id = ?",
        ps -> {
          ps.setString(1, j.state());
          ps.setDouble(2, j.progress());
          ps.setLong(3, j.startedAt());
          ps.setLong(4, j.finishedAt());
          ps.setString(5, j.summaryJson());
          ps.setString(6, j.error());
          ps.setString(7, j.id());
        });
  }

  Optional<Job> job(String id) {
    return jdbc.one("SELECT * FROM jobs WHERE id = ?", ps -> ps.setString(1, id), JdbcJobs::job);
  }

  List<Job> jobs(@Nullable String owner, int limit) {
    if (owner == null) {
      return jdbc.query(
          "SELECT * FROM jobs ORDER BY created_at DESC, id DESC LIMIT ?",
          ps -> ps.setInt(1, limit),
          JdbcJobs::job);
    }
    return jdbc.query(
        "SELECT * FROM jobs WHERE owner = ? ORDER BY created_at DESC, id DESC LIMIT ?",
        ps -> {
          ps.setString(1, owner);
          ps.setInt(2, limit);
        },
        JdbcJobs::job);
  }

  void putJobResult(String id, String resultJson, String reportHtml) {
    jdbc.update(
        "INSERT INTO job_results (id, result, report) VALUES (?, ?, ?)",
        ps -> {
          ps.setString(1, id);
          ps.setString(2, resultJson);
          ps.setString(3, reportHtml);
        });
  }

  Optional<String> jobResult(String id) {
    return jdbc.one(
        "SELECT result FROM job_results WHERE id = ?",
        ps -> ps.setString(1, id),
        rs -> rs.getString(1));
  }

  Optional<String> jobReport(String id) {
    return jdbc.one(
        "SELECT report FROM job_results WHERE id = ?",
        ps -> ps.setString(1, id),
        rs -> rs.getString(1));
  }

  boolean deleteJob(String id) {
    return jdbc.inTransaction(
        c -> {
          jdbc.update("DELETE FROM job_results WHERE id = ?", ps -> ps.setString(1, id));
          return jdbc.update("DELETE FROM jobs WHERE id = ?", ps -> ps.setString(1, id)) == 1;
        });
  }

  int pruneJobs(String owner, int keep) {
    return jdbc.inTransaction(
        c -> {
          List<String> finished =
              jdbc.query(
                  "SELECT id FROM jobs WHERE owner = ? AND state IN ('done', 'failed', 'cancelled')"
                      + " ORDER BY created_at DESC, id DESC",
                  ps -> ps.setString(1, owner),
                  rs -> rs.getString(1));
          int removed = 0;
          for (String id : finished.subList(Math.min(keep, finished.size()), finished.size())) {
            removed += deleteJob(id) ? 1 : 0;
          }
          return removed;
        });
  }

  int failUnfinishedJobs(long at, String error) {
    return jdbc.update(
        "UPDATE jobs SET state = 'failed', finished_at = ?, error = ?"
            + " WHERE state IN ('queued', 'running')",
        ps -> {
          ps.setLong(1, at);
          ps.setString(2, error);
        });
  }
}
