package kr.gukdae.app.stage;

import java.io.PrintStream;
import java.util.Locale;

/** {@code gukdae stage status}: one line per team and component. */
final class StatusPrinter {

  private StatusPrinter() {}

  static void print(Readiness r, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "stage %d evidence: %s%n",
        r.stage(),
        r.complete() ? "COMPLETE" : "INCOMPLETE");
    for (Readiness.TeamStatus t : r.teams()) {
      out.printf("%s (%s), model %s%n", t.team(), t.name(), t.model());
      for (Readiness.Item i : t.items()) {
        out.printf(
            "  %-8s %-36s %s%s%n",
            i.state(),
            i.component(),
            i.detail(),
            i.evidence().isEmpty() ? "" : " [evidence " + i.evidence() + "]");
      }
    }
  }
}
