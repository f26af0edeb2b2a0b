package io.newswire.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's DNS resolver: every connection's addresses come from the {@link AddressGuard}
 * look-up that checked them, so nothing resolved later can slip a private address past the check.
 */
public final class PinnedDns implements DnsResolver {

  /** A host the guard refused; {@link #refusal()} carries the reason and the setting to change. */
  public static final class Refused extends UnknownHostException {
    private final AddressRefused refusal;

    Refused(AddressRefused refusal) {
      super(refusal.getMessage());
      this.refusal = refusal;
    }

    public AddressRefused refusal() {
      return refusal;
    }
  }

  private final AddressGuard guard;

  public PinnedDns(AddressGuard guard) {
    this.guard = guard;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    try {
      return guard.resolve(host, "connection to " + host);
    } catch (AddressRefused e) {
      throw new Refused(e);
    }
  }

  @Override
  public String resolveCanonicalHostname(String host) {
    return host; // only used for Kerberos/SPNEGO, which we never do
  }
}
