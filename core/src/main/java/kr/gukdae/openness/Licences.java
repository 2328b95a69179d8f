package kr.gukdae.openness;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises common model licences by their identifiers or title lines. Unknown text counts as not
 * allowing commercial use: the level is only raised on positive evidence.
 */
final class Licences {

  record Known(String id, boolean commercial) {}

  private static final Pattern CARD = Pattern.compile("(?m)^license:\\s*([A-Za-z0-9_.+-]+)\\s*$");

  // Non-commercial marks are checked first: "CC BY-NC 4.0" also contains "CC BY".
  private static final List<Known> ORDER =
      List.of(
          new Known("cc-by-nc-4.0", false),
          new Known("cc-by-nc-sa-4.0", false),
          new Known("cc-by-nc-nd-4.0", false),
          new Known("apache-2.0", true),
          new Known("mit", true),
          new Known("bsd-3-clause", true),
          new Known("cc-by-4.0", true),
          new Known("cc-by-sa-4.0", true),
          new Known("openrail", true));

  private Licences() {}

  static Known identify(String text) {
    Matcher m = CARD.matcher(text);
    if (m.find()) {
      String id = m.group(1).toLowerCase(Locale.ROOT);
      return ORDER.stream().filter(k -> k.id().equals(id)).findFirst().orElse(new Known(id, false));
    }
    String t = text.toLowerCase(Locale.ROOT);
    if (t.contains("non-commercial") || t.contains("noncommercial") || t.contains("by-nc")) {
      return new Known("non-commercial", false);
    }
    if (t.contains("apache license") && t.contains("version 2.0")) {
      return new Known("apache-2.0", true);
    }
    if (t.contains("mit license") || t.contains("permission is hereby granted, free of charge")) {
      return new Known("mit", true);
    }
    return new Known(t.isBlank() ? "none" : "unrecognised", false);
  }
}
