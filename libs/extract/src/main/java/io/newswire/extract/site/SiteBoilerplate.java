package io.newswire.extract.site;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a site repeats on every page: per host, how many of its last pages held each (normalised)
 * text block or line. A block seen on at least {@code minPages} of them is furniture of that site
 * (an "About us" paragraph, a newsletter prompt, a footer line), whatever it says. Optional and
 * only ever an extra: a site's first pages come out as clean as without it.
 *
 * <p>Bounded: at most {@code maxHosts} hosts (the least recently used is forgotten), {@code
 * pagesPerHost} pages per host (the oldest is forgotten) and {@link #MAX_BLOCKS_PER_PAGE} blocks
 * per page. Thread-safe: pages of one host may be extracted concurrently; each host's memory is
 * updated under its own lock.
 */
public final class SiteBoilerplate {

  /**
   * Blocks of a page beyond this many are not remembered (a bound on memory, not on extraction).
   */
  public static final int MAX_BLOCKS_PER_PAGE = 200;

  /**
   * Blocks longer than this are not remembered: only lines and short paragraphs recur as furniture.
   */
  public static final int MAX_BLOCK_CHARS = 1000;

  private final int pagesPerHost;
  private final int minPages;
  private final Map<String, HostMemory> hosts;

  /** 500 hosts, the last 30 pages of each, furniture when seen on 3 of them. */
  public SiteBoilerplate() {
    this(500, 30, 3);
  }

  /**
   * @param maxHosts hosts remembered; past it the least recently used host is forgotten
   * @param pagesPerHost pages remembered per host; past it the oldest page's blocks stop counting
   * @param minPages on how many distinct remembered pages a block must appear to count as furniture
   *     (≥ 2)
   */
  public SiteBoilerplate(int maxHosts, int pagesPerHost, int minPages) {
    if (maxHosts < 1 || pagesPerHost < 2 || minPages < 2 || minPages > pagesPerHost) {
      throw new IllegalArgumentException(
          "need maxHosts >= 1 and 2 <= minPages <= pagesPerHost, got maxHosts="
              + maxHosts
              + ", pagesPerHost="
              + pagesPerHost
              + ", minPages="
              + minPages);
    }
    this.pagesPerHost = pagesPerHost;
    this.minPages = minPages;
    this.hosts =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, HostMemory> eldest) {
            return size() > maxHosts;
          }
        };
  }

  /**
   * Opens one page of {@code host}: the page answers from what the site's earlier pages showed, and
   * collects its own blocks, which count for later pages once {@link SitePage#commit()} is called.
   *
   * @param pageKey identifies the page (its URL); a page seen again does not count twice
   */
  public SitePage open(String host, String pageKey) {
    HostMemory memory;
    synchronized (hosts) {
      memory = hosts.computeIfAbsent(host, h -> new HostMemory());
    }
    return new SitePage(this, memory, pageKey, memory.furniture(minPages));
  }

  /** Number of hosts currently remembered. */
  public int hosts() {
    synchronized (hosts) {
      return hosts.size();
    }
  }

  void record(HostMemory memory, String pageKey, Set<Long> blocks) {
    memory.record(pageKey, blocks, pagesPerHost);
  }

  /**
   * Hash of a block's letters and digits, lower-cased (64-bit FNV-1a), so that spacing, punctuation
   * and case do not hide a repeat.
   */
  public static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    int letters = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        h ^= Character.toLowerCase(c);
        h *= 0x100000001b3L;
        letters++;
      }
    }
    return letters == 0 ? 0 : h;
  }

  /** One host's last pages: their block hashes, and per hash on how many of them it appears. */
  static final class HostMemory {
    private final ArrayDeque<Set<Long>> pages = new ArrayDeque<>();
    private final ArrayDeque<String> pageKeys = new ArrayDeque<>();
    private final Map<Long, Integer> counts = new HashMap<>();

    synchronized Set<Long> furniture(int minPages) {
      if (pages.size() < minPages) {
        return Collections.emptySet();
      }
      Set<Long> out = new HashSet<>();
      for (Map.Entry<Long, Integer> e : counts.entrySet()) {
        if (e.getValue() >= minPages) {
          out.add(e.getKey());
        }
      }
      return out;
    }

    synchronized void record(String pageKey, Set<Long> blocks, int pagesPerHost) {
      if (pageKey != null && pageKeys.contains(pageKey)) {
        return;
      }
      pages.addLast(blocks);
      pageKeys.addLast(pageKey == null ? "" : pageKey);
      for (Long h : blocks) {
        counts.merge(h, 1, Integer::sum);
      }
      while (pages.size() > pagesPerHost) {
        pageKeys.removeFirst();
        for (Long h : pages.removeFirst()) {
          counts.computeIfPresent(h, (k, v) -> v == 1 ? null : v - 1);
        }
      }
    }
  }
}
