package io.newswire.fetcher.state;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A seen-state that lives as long as the process: for tests and the CLI. */
public final class InMemorySeenStore implements SeenStore {
  private final Map<String, String> hashes = new ConcurrentHashMap<>();

  @Override
  public String hash(String id) {
    return hashes.get(id);
  }

  @Override
  public void markSeen(String id, String hash) {
    hashes.put(id, hash);
  }

  public int size() {
    return hashes.size();
  }
}
