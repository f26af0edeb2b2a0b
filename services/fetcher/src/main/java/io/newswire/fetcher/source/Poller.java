package io.newswire.fetcher.source;

import io.newswire.fetcher.http.FetchException;

/** One poll of a feed, sitemap, page or site: returns how many new documents it emitted. */
public interface Poller {
  int poll() throws FetchException, InterruptedException;
}
