package io.newswire.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SSRF protection: resolves a URL's host and refuses it if any address it resolves to is not a
 * public unicast address, unless the host or range is allow-listed. The fetcher checks every fetch
 * and redirect hop with it, the alerter every webhook, at rule creation and on delivery.
 *
 * <p>The same check is the HTTP client's DNS resolver ({@link PinnedDns}): the client connects only
 * to addresses returned by {@link #resolve}, in the same look-up that checked them, so a DNS answer
 * that changes between a check and the connection (rebinding) cannot reach the socket. This does
 * not depend on the JVM's DNS cache.
 */
public final class AddressGuard {
  private static final List<Cidr> NON_PUBLIC =
      List.of(
              "0.0.0.0/8", // "this" network, unspecified
              "10.0.0.0/8",
              "100.64.0.0/10", // CGNAT
              "127.0.0.0/8",
              "169.254.0.0/16", // link-local, including cloud metadata 169.254.169.254
              "172.16.0.0/12",
              "192.0.0.0/24",
              "192.168.0.0/16",
              "198.18.0.0/15",
              "224.0.0.0/4", // multicast
              "240.0.0.0/4", // reserved and broadcast
              "::/128",
              "::1/128",
              "fc00::/7", // unique local
              "fe80::/10", // link-local
              "fec0::/10", // old site-local
              "ff00::/8") // multicast
          .stream()
          .map(Cidr::parse)
          .toList();

  private final PrivateAddressPolicy policy;
  private final Set<String> allowedHosts = new HashSet<>();
  private final List<Cidr> allowedRanges = new ArrayList<>();
  private final String allowSetting;

  /**
   * @param allowList host names or CIDR ranges that may be reached although non-public
   * @param allowSetting the setting that holds {@code allowList}, named in every refusal
   */
  public AddressGuard(PrivateAddressPolicy policy, List<String> allowList, String allowSetting) {
    this.policy = policy;
    this.allowSetting = allowSetting;
    for (String entry : allowList) {
      String e = entry.strip().toLowerCase(Locale.ROOT);
      if (e.isEmpty()) {
        continue;
      }
      if (Cidr.isLiteral(e.contains("/") ? e.substring(0, e.indexOf('/')) : e)) {
        allowedRanges.add(Cidr.parse(e));
      } else {
        allowedHosts.add(e);
      }
    }
  }

  /**
   * Resolves {@code uri}'s host and checks every address.
   *
   * @return the addresses, for logging
   * @throws AddressRefused naming the address and the setting to change
   */
  public List<InetAddress> check(URI uri) throws AddressRefused {
    String host = uri.getHost();
    if (host == null) {
      throw new AddressRefused(AddressRefused.Kind.BAD_URL, "no host in URL " + uri, null);
    }
    return Arrays.asList(resolve(host, "a connection to " + uri));
  }

  /**
   * Resolves {@code host} and checks every address it has.
   *
   * @param where the URL being fetched, for the message
   * @return the checked addresses: the only ones a connection to {@code host} may use
   * @throws AddressRefused {@code BLOCKED} naming the address and the setting to change, or {@code
   *     UNKNOWN_HOST}
   */
  public InetAddress[] resolve(String host, String where) throws AddressRefused {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(bare);
    } catch (UnknownHostException e) {
      throw new AddressRefused(
          AddressRefused.Kind.UNKNOWN_HOST, "unknown host " + host + " in " + where, e);
    }
    if (policy == PrivateAddressPolicy.ALLOW
        || allowedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
      return addresses;
    }
    for (InetAddress address : addresses) {
      if (isNonPublic(address) && allowedRanges.stream().noneMatch(r -> r.contains(address))) {
        throw new AddressRefused(
            AddressRefused.Kind.BLOCKED,
            "refused "
                + where
                + ": "
                + host
                + " resolves to the non-public address "
                + address.getHostAddress()
                + " (add the host or range to "
                + allowSetting
                + " to permit it)",
            null);
      }
    }
    return addresses;
  }

  /** Loopback, private, link-local, CGNAT, multicast, unspecified, unique-local, reserved. */
  public static boolean isNonPublic(InetAddress address) {
    InetAddress a = embeddedIpv4(address);
    if (a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    for (Cidr range : NON_PUBLIC) {
      if (range.contains(a)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The IPv4 address hidden in IPv4-compatible ({@code ::a.b.c.d}), IPv4-mapped, NAT64 ({@code
   * 64:ff9b::/96}) and 6to4 ({@code 2002::/16}) forms, else the address itself. (Java already
   * returns IPv4-mapped literals as IPv4 addresses; the others it keeps as IPv6.)
   */
  static InetAddress embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] b = address.getAddress();
    byte[] v4 = null;
    boolean zeroPrefix = true;
    for (int i = 0; i < 10; i++) {
      zeroPrefix &= b[i] == 0;
    }
    if (zeroPrefix
        && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xFF && b[11] == (byte) 0xFF))) {
      boolean allZero = true;
      for (int i = 12; i < 16; i++) {
        allZero &= b[i] == 0;
      }
      if (!allZero || b[10] != 0) {
        v4 = Arrays.copyOfRange(b, 12, 16);
      }
    } else if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xFF && b[3] == (byte) 0x9B) {
      v4 = Arrays.copyOfRange(b, 12, 16);
    } else if (b[0] == 0x20 && b[1] == 0x02) {
      v4 = Arrays.copyOfRange(b, 2, 6);
    }
    if (v4 == null) {
      return address;
    }
    try {
      return InetAddress.getByAddress(v4);
    } catch (UnknownHostException e) {
      return address;
    }
  }
}
