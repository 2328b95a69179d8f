package kr.gukdae.app.stage;

import java.io.PrintStream;
import java.util.Locale;
import kr.gukdae.cli.Terminal;

/** {@code gukdae stage status}: one line per team and component. */
final class StatusPrinter {

  private StatusPrinter() {}

  static void print(Readiness r, PrintStream out) {
    out.printf(
        Locale.ROOT,
        Terminal.pick("%d단계 증거: %s%n", "stage %d evidence: %s%n"),
        r.stage(),
        r.complete() ? Terminal.pick("완비", "COMPLETE") : Terminal.pick("미비", "INCOMPLETE"));
    for (Readiness.TeamStatus t : r.teams()) {
      out.printf(
          Terminal.pick("%s (%s), 모델 %s%n", "%s (%s), model %s%n"), t.team(), t.name(), t.model());
      for (Readiness.Item i : t.items()) {
        out.println(
            "  "
                + Terminal.padRight(Terminal.label(i.state()), 8)
                + " "
                + Terminal.padRight(i.component(), 36)
                + " "
                + Terminal.pick(i.detail())
                + (i.evidence().isEmpty()
                    ? ""
                    : Terminal.pick(" [증거 ", " [evidence ") + i.evidence() + "]"));
      }
    }
  }
}
