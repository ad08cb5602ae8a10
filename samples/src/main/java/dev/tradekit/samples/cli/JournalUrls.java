package dev.tradekit.samples.cli;

import java.util.regex.Pattern;

/**
 * The {@code copier} command's journal location: a SQLite file, {@code memory}, or a PostgreSQL
 * JDBC URL (needed to run several instances on one journal), and how to print it without its
 * password.
 *
 * <pre>{@code
 * JournalUrls.redact("jdbc:postgresql://db/copier?user=tk&password=s3cret")
 *     // "jdbc:postgresql://db/copier?user=tk&password=***"
 * }</pre>
 */
final class JournalUrls {
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;]password=)[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?]*:)[^@/?]*@");

  private JournalUrls() {}

  /** Whether {@code journal} names a PostgreSQL database rather than a file. */
  static boolean isPostgres(String journal) {
    return journal.startsWith("jdbc:postgresql:");
  }

  /** {@code journal} with any password replaced by {@code ***}; files are returned as given. */
  static String redact(String journal) {
    if (!journal.startsWith("jdbc:")) {
      return journal;
    }
    String out = PASSWORD_PARAM.matcher(journal).replaceAll("$1***");
    return USER_INFO.matcher(out).replaceAll("$1***@");
  }

  /**
   * Checks a journal given in a config file or on the command line: a JDBC URL must be
   * PostgreSQL's.
   *
   * @throws UserError naming the source and what to write instead
   */
  static String check(String journal, String source) {
    String j = journal.trim();
    if (j.isEmpty()) {
      throw new UserError(
          "the journal in " + source + " is empty: give a SQLite file or jdbc:postgresql://…");
    }
    if (j.startsWith("jdbc:") && !isPostgres(j)) {
      throw new UserError(
          "the journal '"
              + redact(j)
              + "' in "
              + source
              + " is not supported: use a SQLite file (copier.db) or"
              + " jdbc:postgresql://host:5432/db?user=..");
    }
    return j;
  }
}
