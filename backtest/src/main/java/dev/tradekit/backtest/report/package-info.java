/**
 * Reports of a backtest result: JSON, CSV and a self-contained HTML page with inline SVG charts.
 */
@NullMarked
package dev.tradekit.backtest.report;

import org.jspecify.annotations.NullMarked;
