package dev.tradekit.notify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A channel that records deliveries and answers with queued results (default: delivered). */
final class RecordingChannel implements Channel {
  private final String id;
  final List<Delivery> deliveries = new ArrayList<>();
  final Deque<DeliveryResult> answers = new ArrayDeque<>();

  RecordingChannel(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public synchronized DeliveryResult deliver(Delivery delivery) {
    deliveries.add(delivery);
    DeliveryResult next = answers.pollFirst();
    return next != null ? next : DeliveryResult.delivered();
  }
}
