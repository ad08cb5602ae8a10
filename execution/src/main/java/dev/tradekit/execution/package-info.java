/**
 * What every trading engine needs between its decisions and the venue: {@link
 * dev.tradekit.execution.TargetOrder} (an order an engine wants), {@link
 * dev.tradekit.execution.RiskLimits} and the {@link dev.tradekit.execution.RiskManager} that
 * applies them (position cap, order notional, loss and drawdown, stale data), the {@link
 * dev.tradekit.execution.OrderSync} diff with its {@link dev.tradekit.execution.OrderTracker} and
 * {@link dev.tradekit.execution.PlanExecutor}, and the {@link
 * dev.tradekit.execution.DeadManSwitchKeeper}. The market maker and the bar-strategy engine both
 * send their orders through these; the module depends on {@code api} only.
 */
@NullMarked
package dev.tradekit.execution;

import org.jspecify.annotations.NullMarked;
