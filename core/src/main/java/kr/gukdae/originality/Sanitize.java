package kr.gukdae.originality;

/** Bounds untrusted text (tensor names, metadata, log fields) before it reaches a message. */
final class Sanitize {
  private Sanitize() {}

  static String text(String s, int max) {
    StringBuilder out = new StringBuilder(Math.min(s.length(), max) + 1);
    for (int i = 0; i < s.length() && out.length() < max; i++) {
      char c = s.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    if (s.length() > max) {
      out.append('…');
    }
    return out.toString();
  }
}
