package dev.tradekit.copier.internal;

class MemoryJournalTest extends JournalContract {
  @Override
  JournalStore journal() {
    return new MemoryJournal();
  }
}
