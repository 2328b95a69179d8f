package kr.gukdae.app.eval;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import kr.gukdae.cli.Terminal;
import kr.gukdae.eval.run.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * The CLI's progress on stderr. On a terminal: a bar with done/total, items per second, errors and
 * ETA. Piped or in a file (CI logs), a bar's redraws would pile up as repeated lines, and its
 * terminal library warns that there is no terminal, so it prints plain lines instead: one per tenth
 * of the run, each once.
 */
final class ConsoleProgress implements ProgressListener, AutoCloseable {

  private final boolean enabled;
  private final boolean interactive;
  private final PrintStream err;
  private final AtomicInteger errors = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger tenthsPrinted = new AtomicInteger(-1);
  private volatile int total;
  private volatile @Nullable ProgressBar bar;

  ConsoleProgress(boolean enabled) {
    this(enabled, Terminal.interactive(), System.err);
  }

  ConsoleProgress(boolean enabled, boolean interactive, PrintStream err) {
    this.enabled = enabled;
    this.interactive = interactive;
    this.err = err;
  }

  @Override
  public void started(int total, int alreadyDone) {
    if (!enabled) {
      return;
    }
    this.total = total;
    done.set(alreadyDone);
    if (!interactive) {
      String resumed =
          alreadyDone > 0
              ? Terminal.pick(", " + alreadyDone + "개부터 이어서", ", resumed at " + alreadyDone)
              : "";
      line("eval: " + total + Terminal.pick("개 표본", " samples") + resumed);
      tenthsPrinted.set(tenths(alreadyDone));
      return;
    }
    ProgressBar b =
        new ProgressBarBuilder()
            .setTaskName("eval")
            .setInitialMax(total)
            .startsFrom(alreadyDone, java.time.Duration.ZERO)
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(Terminal.pick("개 표본", " samples"), 1)
            .showSpeed()
            .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err))
            .build();
    if (alreadyDone > 0) {
      b.setExtraMessage(Terminal.pick(alreadyDone + "개부터 이어서", "resumed at " + alreadyDone));
    }
    bar = b;
  }

  @Override
  public void sampleFinished(boolean ok) {
    if (!ok) {
      errors.incrementAndGet();
    }
    int now = done.incrementAndGet();
    ProgressBar b = bar;
    if (b != null) {
      b.step();
      if (!ok) {
        b.setExtraMessage(Terminal.pick("오류: ", "errors: ") + errors.get());
      }
      return;
    }
    if (!enabled || interactive) {
      return;
    }
    // Each tenth is printed once and in order, by the first thread whose count reaches it; under
    // the lock, so a thread reaching 100% is never lost to one still printing an earlier tenth.
    int tenth = tenths(now);
    synchronized (err) {
      if (tenth > tenthsPrinted.get()) {
        tenthsPrinted.set(tenth);
        err.println(
            String.format(
                Locale.ROOT,
                Terminal.pick(
                    "eval: %d/%d개 표본 (%d%%), 오류 %d개", "eval: %d/%d samples (%d%%), %d errors"),
                now,
                total,
                tenth * 10,
                errors.get()));
        err.flush();
      }
    }
  }

  private int tenths(int count) {
    return total == 0 ? 10 : (int) Math.min(10, (long) count * 10 / total);
  }

  private void line(String text) {
    synchronized (err) {
      err.println(text);
      err.flush();
    }
  }

  @Override
  public void close() {
    ProgressBar b = bar;
    if (b != null) {
      b.close();
    }
  }
}
