package kr.gukdae.app.arena;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kr.gukdae.app.arena.BattleStore.BattleRow;
import kr.gukdae.app.arena.BattleStore.TurnRow;
import kr.gukdae.arena.LeakDetector;
import kr.gukdae.arena.PairSampler;
import kr.gukdae.model.ChatMessage;
import kr.gukdae.model.GenerateConfig;
import kr.gukdae.model.GenerateRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Starting battles and generating their turns. Model names live only in the battle row; what leaves
 * this class before the vote is the opaque battle id, sides A/B and answer text. The instance that
 * starts a turn generates it and writes the answers as they grow to {@code arena_stream} ({@link
 * StreamStore}), so any instance can answer for it; {@link #live} is only this instance's fan-out
 * of what it generates or follows.
 */
final class Battles {

  private static final Logger LOG = LoggerFactory.getLogger(Battles.class);
  private static final SecureRandom IDS = new SecureRandom();
  static final String FAILED_ANSWER = "(이 모델은 답하지 못했습니다 · the model failed to answer)";

  /** A battle the voter may now stream: its id and the turn being generated. */
  record Started(String battleId, int turn) {}

  private final BattleStore store;
  private final Scenarios scenarios;
  private final ModelPool models;
  private final ArenaSettings settings;
  private final Clock clock;
  private final Limits limits;
  private final PairSampler sampler;
  private final LeakDetector leaks;

  /**
   * Turns this instance generates or follows for its own browsers. Safe per process: each entry
   * only relays one turn to local streams; whether a battle is streaming, and what it answered, is
   * read from the database.
   */
  private final Map<String, LiveTurn> live = new ConcurrentHashMap<>();

  private final StreamStore streams;
  private final Followers followers;
  private volatile @Nullable Map<String, Long> pairCounts;
  private volatile long pairCountsRead;

  Battles(
      BattleStore store,
      Scenarios scenarios,
      ModelPool models,
      ArenaSettings settings,
      Clock clock,
      Limits limits,
      PairSampler sampler,
      StreamStore streams) {
    this.store = store;
    this.streams = streams;
    this.followers = new Followers(streams, store);
    this.scenarios = scenarios;
    this.models = models;
    this.settings = settings;
    this.clock = clock;
    this.limits = limits;
    this.sampler = sampler;
    this.leaks = LeakDetector.forModels(settings.models(), settings.leakTerms());
  }

  Started start(Voter voter, @Nullable String prompt, @Nullable Long scenarioId) {
    limits.rate("battle", voter.id(), settings.battlesPerMinute());
    String text;
    String category;
    String language;
    double weight;
    String hash;
    if (scenarioId != null) {
      var scenario =
          scenarios
              .find(scenarioId)
              .orElseThrow(() ->
                  ArenaException.badRequest("scenario", "scenario: 그런 ID는 없습니다 / no such id"));
      text = scenario.prompt();
      category = scenario.category();
      language = scenario.language();
      // Scenario prompts repeat by design; they are not down-weighted.
      hash = "scenario-" + scenarioId;
      weight = 1.0;
    } else {
      text = Text.required("prompt", prompt, settings.maxPromptChars());
      category = "free";
      language = text.codePoints().anyMatch(Battles::isHangul) ? "ko" : "en";
      hash = kr.gukdae.Sha256.hex(normalise(text));
      // The n-th repeat of the same prompt counts 1/n: a few popular prompts cannot dominate.
      weight = 1.0 / (1 + store.countPrompt(hash));
    }
    Map<String, Long> counts = pairCounts();
    var pair =
        sampler.next(
            settings.models(), (a, b) -> counts.getOrDefault(BattleStore.pairKey(a, b), 0L));
    counts.merge(BattleStore.pairKey(pair.modelA(), pair.modelB()), 1L, Long::sum);
    OffsetDateTime now = now();
    var battle =
        new BattleRow(
            newId(),
            voter.id(),
            voter.voterClass(),
            pair.modelA(),
            pair.modelB(),
            scenarioId,
            category,
            language,
            weight,
            now,
            now.plus(settings.battleTtl()));
    String owner = newId();
    streams.startBattle(battle, hash, owner);
    generate(battle, List.of(), 1, text, owner);
    return new Started(battle.id(), 1);
  }

  /**
   * Battles per pair, read from the database at most once a minute and kept current in memory in
   * between, so starting a battle does not scan the battle table. Safe per process: the counts only
   * steer which pair the sampler offers next; with several instances each misses the others' last
   * minute, which leaves the pairs a little less even for a minute and changes no recorded fact.
   */
  private Map<String, Long> pairCounts() {
    Map<String, Long> counts = pairCounts;
    long now = clock.millis();
    if (counts == null || now - pairCountsRead > PAIR_COUNTS_EVERY_MILLIS) {
      synchronized (this) {
        Map<String, Long> current = pairCounts;
        if (current == counts || current == null) {
          current = new ConcurrentHashMap<>(store.pairCounts());
          pairCounts = current;
          pairCountsRead = now;
        }
        counts = current;
      }
    }
    return counts;
  }

  private static final long PAIR_COUNTS_EVERY_MILLIS = 60_000;

  Started followUp(Voter voter, String battleId, @Nullable String prompt, boolean voted) {
    limits.rate("battle", voter.id(), settings.battlesPerMinute());
    String text = Text.required("prompt", prompt, settings.maxPromptChars());
    BattleRow battle = owned(voter, battleId);
    if (voted) {
      throw new ArenaException(
          HttpStatus.CONFLICT, "already_voted", "이 대결은 끝났습니다 / this battle is over");
    }
    String owner = newId();
    // checked again under the battle's lock: another instance may be answering the same request
    var opened = streams.openFollowUp(battle, settings.maxTurns(), owner);
    generate(battle, opened.history(), opened.turnNo(), text, owner);
    return new Started(battleId, opened.turnNo());
  }

  BattleRow owned(Voter voter, String battleId) {
    BattleRow battle =
        store
            .find(battleId)
            .orElseThrow(() -> ArenaException.notFound("이 ID의 대결이 없습니다 / no battle with this id"));
    if (!battle.voterId().equals(voter.id())) {
      throw ArenaException.forbidden(
          "대결을 시작한 투표자만 볼 수 있습니다 / only the voter who started a battle may see it");
    }
    return battle;
  }

  /**
   * The turn as it is generated: this instance's own generation, or one another instance generates,
   * followed through the database; null when the turn is not live (stored, or never started).
   */
  @Nullable LiveTurn live(String battleId, int turn) {
    LiveTurn current = live.get(battleId);
    if (current != null && current.turnNo == turn) {
      return current;
    }
    return followers.follow(battleId, turn);
  }

  /** Whether a turn of this battle is being generated, on this instance or any other. */
  boolean isStreaming(String battleId) {
    return streams.streaming(battleId);
  }

  List<TurnRow> turns(String battleId) {
    return store.turns(battleId);
  }

  private void generate(
      BattleRow battle, List<TurnRow> history, int turnNo, String prompt, String owner) {
    LiveTurn turn = new LiveTurn(turnNo);
    LiveTurn earlier = live.putIfAbsent(battle.id(), turn);
    // An earlier turn still here is one the database already holds as stored (the caller opened
    // this turn under the battle's lock): its finisher stores, then drops it from this map, and a
    // follow-up sent in between must not be refused. Its listeners keep their own reference.
    if (earlier != null && earlier.turnNo < turnNo && live.replace(battle.id(), earlier, turn)) {
      earlier = null;
    }
    if (earlier != null) {
      throw new ArenaException(
          HttpStatus.CONFLICT,
          "streaming",
          "두 답변이 모두 끝날 때까지 기다리세요 / wait until both answers have finished");
    }
    CountDownLatch sides = new CountDownLatch(2);
    for (char side : new char[] {'A', 'B'}) {
      String model = side == 'A' ? battle.modelA() : battle.modelB();
      List<ChatMessage> messages = new ArrayList<>();
      for (TurnRow past : history) {
        messages.add(ChatMessage.user(past.prompt()));
        messages.add(ChatMessage.assistant(side == 'A' ? past.answerA() : past.answerB()));
      }
      messages.add(ChatMessage.user(prompt));
      var request =
          GenerateRequest.chat(
              messages, GenerateConfig.GREEDY.withMaxTokens(settings.maxAnswerTokens()));
      Thread.ofVirtual()
          .name("arena-" + side)
          .start(() -> {
            try {
              models.get(model).generateStreaming(request, delta -> turn.append(side, delta));
            } catch (RuntimeException e) {
              // The reason may name the model or endpoint: log it, never send it to the page.
              LOG.warn("arena battle {} side {} failed", battle.id(), side, e);
              if (turn.text(side).isEmpty()) {
                turn.append(side, FAILED_ANSWER);
              }
            } finally {
              turn.done(side);
              sides.countDown();
            }
          });
    }
    Thread.ofVirtual().name("arena-flush").start(() -> flush(battle.id(), owner, turn, sides));
    Thread.ofVirtual()
        .name("arena-finish")
        .start(() -> {
          try {
            sides.await();
            String a = turn.text('A');
            String b = turn.text('B');
            String leak = leaks.find(a).or(() -> leaks.find(b)).orElse(null);
            // Stored and no longer live in one transaction, then announced: a vote sent on
            // "end", to any instance, finds the turn stored and no generation in progress.
            boolean stored =
                streams.finish(battle.id(), owner, new TurnRow(turnNo, prompt, a, b, leak));
            if (!stored) {
              LOG.warn("arena battle {} turn {} was taken over or voted on", battle.id(), turnNo);
            }
            live.remove(battle.id(), turn);
            turn.finish(stored && leak == null);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (RuntimeException e) {
            LOG.error("arena battle {} turn {} could not be stored", battle.id(), turnNo, e);
            live.remove(battle.id(), turn);
            turn.finish(false);
          }
        });
  }

  /**
   * Writes the answers so far to the database every {@link StreamStore#FLUSH} while they change,
   * and at least every {@link StreamStore#HEARTBEAT}, until both sides are done.
   */
  private void flush(String battleId, String owner, LiveTurn turn, CountDownLatch sides) {
    var written = turn.snapshot();
    long lastWrite = clock.millis();
    try {
      while (!sides.await(StreamStore.FLUSH.toMillis(), TimeUnit.MILLISECONDS)) {
        var now = turn.snapshot();
        if (!now.equals(written)
            || clock.millis() - lastWrite >= StreamStore.HEARTBEAT.toMillis()) {
          if (!streams.write(battleId, owner, now)) {
            return; // taken over by another instance after this one went quiet
          }
          written = now;
          lastWrite = clock.millis();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("arena battle {}: answers so far not written", battleId, e);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static String newId() {
    byte[] bytes = new byte[18];
    IDS.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String normalise(String prompt) {
    return Normalizer.normalize(prompt, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ")
        .strip();
  }

  private static boolean isHangul(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL;
  }
}
