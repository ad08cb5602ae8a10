package dev.tradekit.scanner;

import java.util.List;
import java.util.Objects;

/**
 * The scanner's health for a readiness or liveness probe.
 *
 * <pre>{@code
 * Health h = scanner.health();
 * if (h.status() != Health.Status.UP) log.warn("scanner {}: {}", h.status(), h.problems());
 * }</pre>
 *
 * @param problems one line per problem, empty when {@link Status#UP}
 */
public record Health(Status status, List<String> problems) {

  /** How well the scanner is working. */
  public enum Status {
    /** Running, and the venue answers. */
    UP,
    /**
     * Running with trouble: venue calls failed in the last minute, the venue rate-limited it, or a
     * followed book is stale.
     */
    DEGRADED,
    /** Not started, closed, or the instrument list could not be loaded. */
    DOWN
  }

  /** Copies the problems and checks that nothing is null. */
  public Health {
    Objects.requireNonNull(status, "status");
    problems = List.copyOf(problems);
  }
}
