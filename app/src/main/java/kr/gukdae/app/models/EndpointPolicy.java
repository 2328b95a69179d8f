package kr.gukdae.app.models;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import kr.gukdae.UserError;

/**
 * Which base URLs a registered model may point at; the server sends an API key there, so a URL is
 * where a key can leak. Only {@code http(s)} without credentials, query or fragment; {@code http}
 * only to hosts inside the allowed networks; and every address the host resolves to must be public
 * or inside the allowed networks, so a name cannot point the server at its own loopback, the
 * cloud's metadata address (169.254.169.254) or the office LAN. Checked at registration and again
 * each time a run opens the model, since DNS answers change. The OpenAI adapter does not follow
 * redirects, so a registered host cannot bounce the key to another.
 */
final class EndpointPolicy {

  private final List<Cidr> allowed;

  EndpointPolicy(List<String> allowedNetworks) {
    this.allowed = allowedNetworks.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
  }

  /** The URL, normalised; or a {@link UserError} that says what is wrong with it. */
  URI check(String raw) {
    URI uri;
    try {
      uri = new URI(raw.strip());
    } catch (URISyntaxException e) {
      throw refuse(raw, "올바른 URL이 아닙니다", "not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw refuse(
          raw,
          "스킴은 https여야 합니다 (허용된 네트워크 안에서만 http)",
          "the scheme must be https (or http inside an allowed network)");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw refuse(raw, "user:password@ 없이 호스트를 적으세요", "name a host, without user:password@");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw refuse(raw, "쿼리나 프래그먼트를 붙일 수 없습니다", "no query or fragment");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      throw refuse(raw, "호스트 이름을 찾을 수 없습니다", "the host does not resolve");
    }
    for (InetAddress address : addresses) {
      boolean inAllowed = allowed.stream().anyMatch(c -> c.contains(address));
      if (scheme.equals("http") && !inAllowed) {
        throw refuse(
            raw,
            "http는 gukdae.models.allowed-networks 안에서만 쓸 수 있습니다. https를 쓰세요",
            "plain http only inside gukdae.models.allowed-networks; use https");
      }
      if (internal(address) && !inAllowed) {
        throw refuse(
            raw,
            address.getHostAddress()
                + "은(는) 루프백, 사설, 링크 로컬 또는 메타데이터 주소입니다. 정말 의도한 것이면 그 네트워크를"
                + " gukdae.models.allowed-networks에 추가하세요",
            address.getHostAddress()
                + " is a loopback, private, link-local or metadata address; add its network to"
                + " gukdae.models.allowed-networks if it is really meant");
      }
    }
    return uri;
  }

  static boolean internal(InetAddress a) {
    byte[] b = a.getAddress();
    boolean uniqueLocal6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
    boolean cgnat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    return a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()
        || uniqueLocal6
        || cgnat;
  }

  private static UserError refuse(String raw, String ko, String en) {
    String shown = raw.length() > 200 ? raw.substring(0, 200) + "…" : raw;
    return UserError.of(
        "baseUrl '" + shown + "': 허용되지 않는 주소입니다. " + ko,
        "baseUrl '" + shown + "': not allowed: " + en);
  }

  /** A network such as {@code 10.1.0.0/16} or {@code ::1/128}. */
  record Cidr(byte[] network, int bits) {
    static Cidr parse(String text) {
      String[] parts = text.strip().split("/", 2);
      try {
        byte[] address = InetAddress.getByName(parts[0]).getAddress();
        int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
        if (bits < 0 || bits > address.length * 8 || !parts[0].matches("[0-9a-fA-F:.]+")) {
          throw new NumberFormatException();
        }
        return new Cidr(address, bits);
      } catch (UnknownHostException | NumberFormatException e) {
        throw UserError.of(
            "gukdae.models.allowed-networks: '" + text + "'은(는) 10.0.0.0/8 같은 네트워크가 아닙니다",
            "gukdae.models.allowed-networks: '" + text + "' is not a network like 10.0.0.0/8");
      }
    }

    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != network.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
