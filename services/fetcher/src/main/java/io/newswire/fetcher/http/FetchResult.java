package io.newswire.fetcher.http;

import java.net.URI;

/**
 * The answer to a GET after redirects.
 *
 * @param uri the URL that answered, after redirects
 * @param notModified true for a 304 answer to a conditional GET (then {@code body} is empty)
 * @param mediaType the content type without parameters, lower case, or null
 * @param charset the charset parameter of the content type, or null
 * @param body the decoded body (after Content-Encoding)
 */
public record FetchResult(
    URI uri,
    int status,
    boolean notModified,
    String mediaType,
    String charset,
    byte[] body,
    String etag,
    String lastModified) {}
