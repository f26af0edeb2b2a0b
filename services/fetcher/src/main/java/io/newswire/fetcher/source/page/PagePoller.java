package io.newswire.fetcher.source.page;

import io.newswire.fetcher.http.FetchException;
import io.newswire.fetcher.http.FetchRequest;
import io.newswire.fetcher.http.FetchResult;
import io.newswire.fetcher.robots.PoliteFetcher;
import io.newswire.fetcher.source.Documents.ItemMetadata;
import io.newswire.fetcher.source.ItemEmitter;
import io.newswire.fetcher.source.Poller;
import io.newswire.model.DocumentIds;
import java.net.URI;
import java.util.List;

/** Polls one page with a conditional GET and emits it whenever its content changed. */
public final class PagePoller implements Poller {
  private final String source;
  private final URI uri;
  private final String id;
  private final PoliteFetcher fetcher;
  private final ItemEmitter emitter;
  private final List<String> acceptedTypes;
  private String etag;
  private String lastModified;

  public PagePoller(String source, URI uri, PoliteFetcher fetcher, ItemEmitter emitter, List<String> acceptedTypes) {
    this.source = source;
    this.uri = uri;
    this.id = DocumentIds.forUrl(uri.toString());
    this.fetcher = fetcher;
    this.emitter = emitter;
    this.acceptedTypes = acceptedTypes;
  }

  @Override
  public int poll() throws FetchException, InterruptedException {
    FetchResult page;
    try {
      page = fetcher.fetch(new FetchRequest(uri, acceptedTypes, etag, lastModified));
    } catch (FetchException e) {
      emitter.monitor().failed(source, e.reason().tag(), e.getMessage());
      return 0;
    }
    etag = page.etag() != null ? page.etag() : etag;
    lastModified = page.lastModified() != null ? page.lastModified() : lastModified;
    return emitter.emit(source, id, uri.toString(), page, ItemMetadata.NONE, true) == ItemEmitter.Outcome.EMITTED ? 1 : 0;
  }
}
