/**
 * Notifications: typed {@link dev.tradekit.notify.NotifyEvent events}, per-user {@link
 * dev.tradekit.notify.Preference preferences}, Telegram, email and signed-webhook {@link
 * dev.tradekit.notify.Channel channels}, all delivered at least once through a durable {@link
 * dev.tradekit.notify.Outbox}. The entry point is {@link dev.tradekit.notify.Notifier}.
 */
@NullMarked
package dev.tradekit.notify;

import org.jspecify.annotations.NullMarked;
