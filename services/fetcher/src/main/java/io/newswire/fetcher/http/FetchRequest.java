package io.newswire.fetcher.http;

import java.net.URI;
import java.util.List;

/**
 * One GET.
 *
 * @param accept content types accepted (media types without parameters); empty accepts any
 * @param etag the validator of the copy we have, or null
 * @param lastModified likewise, as the server sent it
 */
public record FetchRequest(URI uri, List<String> accept, String etag, String lastModified) {

  public static FetchRequest of(URI uri, List<String> accept) {
    return new FetchRequest(uri, accept, null, null);
  }
}
