package kr.gukdae.model.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import kr.gukdae.model.GenerateRequest;
import kr.gukdae.model.LoglikelihoodRequest;
import kr.gukdae.model.LoglikelihoodResult;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.ModelException;
import kr.gukdae.model.ModelInfo;
import kr.gukdae.model.ModelOutput;
import kr.gukdae.model.PromptFormat;

/** A model behind an OpenAI-compatible HTTP endpoint. */
final class OpenAiModel implements ModelApi {

  private final String name;
  private final Transport transport;
  private final AutoCloseable client;

  /** Set once the server refuses {@code max_tokens: 0}; from then on we ask for one token. */
  private final AtomicBoolean zeroTokensRefused = new AtomicBoolean();

  OpenAiModel(String name, Transport transport, AutoCloseable client) {
    this.name = name;
    this.transport = transport;
    this.client = client;
  }

  @Override
  public String name() {
    return name;
  }

  private String model() {
    return transport.endpoint().model();
  }

  @Override
  public ModelOutput generate(GenerateRequest request) {
    if (request.format() == PromptFormat.CHAT) {
      byte[] body = Wire.chatBody(model(), request.messages(), request.config(), false);
      return transport.post("chat/completions", body, Wire::chatOutput);
    }
    byte[] body = Wire.completionBody(model(), request.plainText(), request.config(), false);
    return transport.post("completions", body, Wire::completionOutput);
  }

  /** Streams without the cache: streamed answers are for people watching, not for reruns. */
  @Override
  public ModelOutput generateStreaming(GenerateRequest request, Consumer<String> onDelta) {
    boolean chat = request.format() == PromptFormat.CHAT;
    byte[] body =
        chat
            ? Wire.chatBody(model(), request.messages(), request.config(), true)
            : Wire.completionBody(model(), request.plainText(), request.config(), true);
    return transport.stream(
        chat ? "chat/completions" : "completions",
        body,
        (in, from) -> Sse.read(in, from, chat, onDelta));
  }

  @Override
  public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> requests) {
    if (requests.size() == 1) {
      return List.of(one(requests.get(0)));
    }
    // One HTTP request per continuation, all at once; the endpoint's limiter keeps the cap.
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<LoglikelihoodResult>> futures = new ArrayList<>(requests.size());
      for (LoglikelihoodRequest r : requests) {
        futures.add(threads.submit(() -> one(r)));
      }
      List<LoglikelihoodResult> results = new ArrayList<>(requests.size());
      for (Future<LoglikelihoodResult> f : futures) {
        results.add(ModelException.await(f));
      }
      return results;
    }
  }

  private LoglikelihoodResult one(LoglikelihoodRequest request) {
    String prompt = request.context() + request.continuation();
    Transport.Parser<LoglikelihoodResult> parser =
        (body, from) -> {
          Logprobs.Echo echo = Wire.echo(body, from);
          if (echo == null) {
            throw Logprobs.unsupported(from, "the answer carries no logprobs");
          }
          return Logprobs.continuation(echo, request.context(), request.continuation(), from);
        };
    boolean zero = !zeroTokensRefused.get();
    try {
      return transport.post("completions", Wire.echoBody(model(), prompt, zero ? 0 : 1), parser);
    } catch (HttpFailure e) {
      String said = e.serverText().toLowerCase(Locale.ROOT);
      boolean refused = e.httpStatus() == 400 || e.httpStatus() == 422;
      if (refused && zero && said.contains("max_tokens")) {
        zeroTokensRefused.set(true);
        return transport.post("completions", Wire.echoBody(model(), prompt, 1), parser);
      }
      if (refused && (said.contains("echo") || said.contains("logprobs"))) {
        throw Logprobs.unsupported(
            transport.endpoint().uri("completions"), "it refused: " + e.serverText());
      }
      throw e;
    }
  }

  @Override
  public ModelInfo info() {
    return new ModelInfo(name, "openai", transport.endpoint().display(), false);
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (Exception e) {
      // closing only frees idle connections; nothing to report
    }
    transport.close();
  }
}
