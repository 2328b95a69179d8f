package kr.gukdae.app.arena;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The network a client address belongs to: an IPv4 /24 or an IPv6 /48, the unit one person or one
 * machine room can easily fill with fresh addresses. Limits and the stuffing detector count per
 * network, since a new cookie (or a new address in the same block) is free.
 */
final class Networks {

  private Networks() {}

  static @Nullable String of(@Nullable String address) {
    if (address == null || address.isBlank() || !address.matches("[0-9a-fA-F:.%]+")) {
      return null;
    }
    try {
      byte[] a = InetAddress.getByName(address).getAddress();
      if (a.length == 4) {
        return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + ".0/24";
      }
      return String.format(
          Locale.ROOT,
          "%x:%x:%x::/48",
          ((a[0] & 0xff) << 8) | (a[1] & 0xff),
          ((a[2] & 0xff) << 8) | (a[3] & 0xff),
          ((a[4] & 0xff) << 8) | (a[5] & 0xff));
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
