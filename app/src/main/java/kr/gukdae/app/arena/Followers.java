package kr.gukdae.app.arena;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns another instance is generating, followed for this instance's browsers: a stream opened here
 * for a turn started elsewhere (no sticky sessions) reads the answers from {@code arena_stream}
 * every {@link #POLL} and relays what is new. One poller per followed turn and instance, however
 * many streams watch it. Each entry lives only while its turn is live, and holds nothing another
 * instance could contradict: it is a copy of database rows, ended when the stored turn appears.
 */
final class Followers {

  private static final Logger LOG = LoggerFactory.getLogger(Followers.class);
  static final long POLL = StreamStore.FLUSH.toMillis();

  private final StreamStore streams;
  private final BattleStore store;
  private final Map<String, LiveTurn> following = new ConcurrentHashMap<>();

  Followers(StreamStore streams, BattleStore store) {
    this.streams = streams;
    this.store = store;
  }

  /** The followed turn, or null when that turn is not live anywhere. */
  @Nullable LiveTurn follow(String battleId, int turn) {
    return following.computeIfAbsent(
        battleId + "#" + turn,
        key -> {
          var snapshot = streams.read(battleId);
          if (snapshot == null || snapshot.turnNo() != turn || !snapshot.fresh()) {
            return null;
          }
          LiveTurn mirror = new LiveTurn(turn);
          mirror.catchUp(
              snapshot.answerA(), snapshot.answerB(), snapshot.doneA(), snapshot.doneB());
          Thread.ofVirtual().name("arena-follow").start(() -> poll(key, battleId, mirror));
          return mirror;
        });
  }

  private void poll(String key, String battleId, LiveTurn mirror) {
    try {
      while (true) {
        Thread.sleep(POLL);
        var snapshot = streams.read(battleId);
        if (snapshot != null && snapshot.turnNo() == mirror.turnNo && snapshot.fresh()) {
          mirror.catchUp(
              snapshot.answerA(), snapshot.answerB(), snapshot.doneA(), snapshot.doneB());
          continue;
        }
        // Not live any more: stored (the usual end), or abandoned by a dead instance.
        var stored =
            store.turns(battleId).stream().filter(t -> t.turnNo() == mirror.turnNo).findFirst();
        if (stored.isPresent()) {
          mirror.catchUp(stored.get().answerA(), stored.get().answerB(), true, true);
          mirror.finish(stored.get().leak() == null);
        } else {
          mirror.finish(false);
        }
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      mirror.finish(false);
    } catch (RuntimeException e) {
      LOG.warn("arena battle {}: following turn {} failed", battleId, mirror.turnNo, e);
      mirror.finish(false);
    } finally {
      following.remove(key, mirror);
    }
  }
}
