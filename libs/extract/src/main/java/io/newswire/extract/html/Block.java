package io.newswire.extract.html;

import org.jsoup.nodes.Element;

/**
 * A run of text between two block boundaries, with the element that holds it and how much is link
 * text.
 */
final class Block {
  final Element owner;
  final String text;

  /** Non-whitespace characters, and those of them inside links. */
  final int chars;

  final int linkChars;

  Block(Element owner, String text, int chars, int linkChars) {
    this.owner = owner;
    this.text = text;
    this.chars = chars;
    this.linkChars = linkChars;
  }

  double linkDensity() {
    return chars == 0 ? 0 : (double) linkChars / chars;
  }

  boolean isHeading() {
    String t = owner.normalName();
    return t.length() == 2 && t.charAt(0) == 'h' && t.charAt(1) >= '1' && t.charAt(1) <= '6';
  }

  boolean isListItem() {
    return owner.normalName().equals("li");
  }
}
