package io.newswire.fetcher.source;

import io.newswire.fetcher.source.Documents.ItemMetadata;

/** One entry of a feed or sitemap: the page to fetch and what the listing said about it. */
public record FeedItem(String link, ItemMetadata metadata) {}
