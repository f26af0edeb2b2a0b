package io.newswire.extract.site;

import java.util.HashSet;
import java.util.Set;

/**
 * One page's view of its site's memory: tells which blocks the site repeats, and collects the
 * page's own blocks for later pages. Used by one extraction on one thread.
 */
public final class SitePage {

  /** No memory: nothing is furniture, nothing is remembered. */
  public static final SitePage NONE = new SitePage(null, null, null, Set.of());

  private final SiteBoilerplate owner;
  private final SiteBoilerplate.HostMemory memory;
  private final String pageKey;
  private final Set<Long> furniture;
  private final Set<Long> seen = new HashSet<>();

  SitePage(
      SiteBoilerplate owner,
      SiteBoilerplate.HostMemory memory,
      String pageKey,
      Set<Long> furniture) {
    this.owner = owner;
    this.memory = memory;
    this.pageKey = pageKey;
    this.furniture = furniture;
  }

  /** Whether the site's earlier pages repeated this block. */
  public boolean isFurniture(String text) {
    return !furniture.isEmpty() && furniture.contains(SiteBoilerplate.hash(text));
  }

  /** Notes a block of this page (any block, article text or not: repetition decides later). */
  public void see(String text) {
    if (owner != null
        && text.length() <= SiteBoilerplate.MAX_BLOCK_CHARS
        && seen.size() < SiteBoilerplate.MAX_BLOCKS_PER_PAGE) {
      long h = SiteBoilerplate.hash(text);
      if (h != 0) {
        seen.add(h);
      }
    }
  }

  /** Makes this page's blocks count for the site's later pages. */
  public void commit() {
    if (owner != null) {
      owner.record(memory, pageKey, seen);
    }
  }
}
