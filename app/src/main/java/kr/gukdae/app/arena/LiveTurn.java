package kr.gukdae.app.arena;

import java.util.ArrayList;
import java.util.List;
import kr.gukdae.arena.SafeMarkdown;
import org.jspecify.annotations.Nullable;

/**
 * A turn whose two answers are being generated. Listeners (SSE streams) that join late first get
 * everything so far, then the rest as it arrives. Answers past {@link SafeMarkdown#MAX_CHARS} are
 * cut so a runaway model cannot flood the voter.
 */
final class LiveTurn {

  /** Receives the turn as it happens; sides are {@code 'A'} and {@code 'B'}. */
  interface Listener {
    void delta(char side, String text);

    void done(char side, String answer);

    void finished(boolean blind);
  }

  final int turnNo;
  private final StringBuilder a = new StringBuilder();
  private final StringBuilder b = new StringBuilder();
  private boolean doneA;
  private boolean doneB;
  private @Nullable Boolean blind;
  private final List<Listener> listeners = new ArrayList<>();

  LiveTurn(int turnNo) {
    this.turnNo = turnNo;
  }

  synchronized void subscribe(Listener listener) {
    replay(listener, 'A', a, doneA);
    replay(listener, 'B', b, doneB);
    if (blind != null) {
      listener.finished(blind);
    } else {
      listeners.add(listener);
    }
  }

  synchronized void unsubscribe(Listener listener) {
    listeners.remove(listener);
  }

  private static void replay(Listener listener, char side, StringBuilder text, boolean done) {
    if (!text.isEmpty()) {
      listener.delta(side, text.toString());
    }
    if (done) {
      listener.done(side, text.toString());
    }
  }

  synchronized void append(char side, String delta) {
    StringBuilder text = side == 'A' ? a : b;
    int room = SafeMarkdown.MAX_CHARS - text.length();
    if (room <= 0 || delta.isEmpty()) {
      return;
    }
    String piece = delta.length() > room ? delta.substring(0, room) : delta;
    text.append(piece);
    List.copyOf(listeners).forEach(l -> l.delta(side, piece));
  }

  synchronized void done(char side) {
    if (side == 'A') {
      doneA = true;
    } else {
      doneB = true;
    }
    String answer = text(side);
    List.copyOf(listeners).forEach(l -> l.done(side, answer));
  }

  synchronized String text(char side) {
    return (side == 'A' ? a : b).toString();
  }

  /** Both answers so far, as written to the database for other instances. */
  synchronized StreamStore.Snapshot snapshot() {
    return new StreamStore.Snapshot(turnNo, a.toString(), b.toString(), doneA, doneB, true);
  }

  /**
   * Brings a followed turn up to what its generating instance last wrote: the new text as deltas,
   * then the sides newly done.
   */
  synchronized void catchUp(String answerA, String answerB, boolean isDoneA, boolean isDoneB) {
    for (char side : new char[] {'A', 'B'}) {
      String answer = side == 'A' ? answerA : answerB;
      int have = (side == 'A' ? a : b).length();
      if (answer.length() > have && !(side == 'A' ? doneA : doneB)) {
        append(side, answer.substring(have));
      }
      if ((side == 'A' ? isDoneA : isDoneB) && !(side == 'A' ? doneA : doneB)) {
        done(side);
      }
    }
  }

  synchronized boolean finished() {
    return blind != null;
  }

  synchronized void finish(boolean isBlind) {
    blind = isBlind;
    List.copyOf(listeners).forEach(l -> l.finished(isBlind));
    listeners.clear();
  }
}
