package io.newswire.fetcher.robots;

/** Whether robots.txt is obeyed ({@code newswire.fetcher.robots}). */
public enum RobotsPolicy {
  /** A disallowed URL is skipped with reason {@code robots}, and crawl delays are kept. */
  OBEY,
  /** robots.txt is not read. */
  IGNORE
}
