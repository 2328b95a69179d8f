package kr.gukdae.app.arena;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What a vote needs to know about the battles this server started and that have no vote yet: owner,
 * models, expiry, weight, stored turns and the first leaked term. The server writes every one of
 * these facts itself, so it can answer a vote without reading the battle back. This is a cache and
 * nothing more: a battle missing here (after a restart, past {@link #LIMIT}, or started by another
 * process) is checked against the database, which stays the truth, and the one-vote rule is still
 * the {@code arena_vote} primary key.
 */
final class OpenBattles {

  /** At most this many battles are remembered (a few hundred bytes each). */
  static final int LIMIT = 100_000;

  private static final long SWEEP_EVERY_MILLIS = 60_000;

  /** One remembered battle. Its stored-turn facts change only when a turn row is committed. */
  static final class Open {
    final String voterId;
    final String modelA;
    final String modelB;
    final OffsetDateTime expiresAt;
    final double weight;
    private int turns;
    private @Nullable String leak;

    Open(String voterId, String modelA, String modelB, OffsetDateTime expiresAt, double weight) {
      this.voterId = voterId;
      this.modelA = modelA;
      this.modelB = modelB;
      this.expiresAt = expiresAt;
      this.weight = weight;
    }

    synchronized void turnStored(@Nullable String turnLeak) {
      turns++;
      if (leak == null) {
        leak = turnLeak; // the first leaking turn names the leak, as in the database query
      }
    }

    synchronized int turns() {
      return turns;
    }

    synchronized @Nullable String leak() {
      return leak;
    }
  }

  private final Clock clock;
  private final Map<String, Open> open = new ConcurrentHashMap<>();
  private volatile long nextSweep;

  OpenBattles(Clock clock) {
    this.clock = clock;
    this.nextSweep = clock.millis() + SWEEP_EVERY_MILLIS;
  }

  /**
   * Remembers a battle whose row has just been inserted; skipped while the cache is full. Expired
   * battles are dropped at most once a minute, so a full cache does not cost a scan per battle.
   */
  void started(String id, Open battle) {
    long now = clock.millis();
    if (now >= nextSweep) {
      sweep(now);
    }
    if (open.size() < LIMIT) {
      open.put(id, battle);
    }
  }

  /** Called after a turn row is committed and before the turn stops counting as streaming. */
  void turnStored(String id, @Nullable String leak) {
    Open battle = open.get(id);
    if (battle != null) {
      battle.turnStored(leak);
    }
  }

  @Nullable Open get(String id) {
    return open.get(id);
  }

  /** The battle has its vote: any later vote must meet the database's answer. */
  void voted(String id) {
    open.remove(id);
  }

  int size() {
    return open.size();
  }

  private void sweep(long now) {
    nextSweep = now + SWEEP_EVERY_MILLIS;
    open.values().removeIf(b -> b.expiresAt.toInstant().toEpochMilli() <= now);
  }
}
