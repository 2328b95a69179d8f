package kr.gukdae.app.arena;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for one turn: {@code delta} {side, text} while answers stream, {@code done}
 * {side, blocks} with the sanitised Markdown tree, then {@code end} {turn, blind}. Payloads carry
 * sides only, never model names.
 */
@RestController
class ArenaStream {

  private static final long TIMEOUT = Duration.ofMinutes(10).toMillis();

  private final Arena arena;
  private final ArenaApi api;

  ArenaStream(Arena arena, ArenaApi api) {
    this.arena = arena;
    this.api = api;
  }

  @GetMapping(
      value = "/api/arena/battles/{id}/turns/{turn}/events",
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(
      @PathVariable String id,
      @PathVariable int turn,
      HttpServletRequest request,
      HttpServletResponse response) {
    arena.battles().owned(api.voter(request, response), id);
    SseEmitter emitter = new SseEmitter(TIMEOUT);
    Sink sink = new Sink(emitter, turn);
    LiveTurn live = arena.battles().live(id, turn);
    if (live != null) {
      live.subscribe(sink);
      emitter.onCompletion(() -> live.unsubscribe(sink));
      emitter.onTimeout(() -> live.unsubscribe(sink));
      return emitter;
    }
    var stored =
        arena.battles().turns(id).stream()
            .filter(t -> t.turnNo() == turn)
            .findFirst()
            .orElseThrow(
                () -> ArenaException.notFound("이 대결에 그런 턴이 없습니다 / no such turn in this battle"));
    sink.delta('A', stored.answerA());
    sink.delta('B', stored.answerB());
    sink.done('A', stored.answerA());
    sink.done('B', stored.answerB());
    sink.finished(stored.leak() == null);
    return emitter;
  }

  /** Writes turn events to one browser; a closed connection just stops the writes. */
  private static final class Sink implements LiveTurn.Listener {
    private final SseEmitter emitter;
    private final int turn;
    private volatile boolean closed;

    Sink(SseEmitter emitter, int turn) {
      this.emitter = emitter;
      this.turn = turn;
    }

    @Override
    public void delta(char side, String text) {
      send("delta", Map.of("side", String.valueOf(side), "text", text));
    }

    @Override
    public void done(char side, String answer) {
      send("done", Map.of("side", String.valueOf(side), "blocks", MarkdownJson.of(answer)));
    }

    @Override
    public void finished(boolean blind) {
      send("end", Map.of("turn", turn, "blind", blind));
      if (!closed) {
        emitter.complete();
      }
    }

    private void send(String name, Object data) {
      if (closed) {
        return;
      }
      try {
        emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
      } catch (IOException | IllegalStateException e) {
        closed = true;
      }
    }
  }
}
