package io.newswire.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address range such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
public record Cidr(byte[] network, int prefix) {

  /** Parses a range or a single literal address; never resolves a host name. */
  public static Cidr parse(String text) {
    String t = text.strip();
    int slash = t.indexOf('/');
    String address = slash < 0 ? t : t.substring(0, slash);
    if (!isLiteral(address)) {
      throw new IllegalArgumentException("not an IP address or range: '" + text + "'");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address or range: '" + text + "'");
    }
    int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(t.substring(slash + 1));
    if (prefix < 0 || prefix > bytes.length * 8) {
      throw new IllegalArgumentException("prefix out of range in '" + text + "'");
    }
    return new Cidr(bytes, prefix);
  }

  /** True for an IPv4 dotted quad or an IPv6 literal (so parsing it never asks DNS). */
  public static boolean isLiteral(String host) {
    return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }

  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    if (a.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (a[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (a[full] & mask) == (network[full] & mask);
  }
}
