package dev.stria.examples;

/** A serving mode once started: says where to look, and stops without checked exceptions. */
interface RunningScenario extends AutoCloseable {
  /** The line printed when it starts, e.g. the URL to scrape. */
  String banner();

  @Override
  void close();
}
