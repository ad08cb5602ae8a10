package dev.tradekit.copier;

/**
 * Counts of one symbol in the journal: leader fills and their copies by outcome.
 *
 * <pre>{@code
 * copier.journal().symbolStats().forEach(s ->
 *     System.out.println(s.symbol() + " fills=" + s.leaderFills() + " failed=" + s.failed()));
 * }</pre>
 *
 * @param leaderFills leader fills journaled
 * @param copied copies with status {@link CopyStatus#COPIED}
 * @param skipped copies with status {@link CopyStatus#SKIPPED}
 * @param failed copies with status {@link CopyStatus#FAILED}
 * @param merged copies with status {@link CopyStatus#MERGED}
 * @param open copies still {@link CopyStatus#PENDING} or {@link CopyStatus#INTENDED}
 */
public record SymbolStats(
    String symbol,
    long leaderFills,
    long copied,
    long skipped,
    long failed,
    long merged,
    long open) {}
