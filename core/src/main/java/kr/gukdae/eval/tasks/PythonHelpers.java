package kr.gukdae.eval.tasks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs lm-eval {@code !function} helpers (a task's {@code utils.py}) in a sandboxed child process
 * of Debian's own Python, {@code /usr/bin/python3 -I -S}, speaking one JSON line per request over
 * its stdin and stdout. The child starts on first use with an empty environment in a temporary
 * folder holding copies of the helper folders' {@code .py} files and gukdae's host script (which
 * sets resource limits, refuses sockets, processes and reads outside those folders, and brings a
 * stand-in for the {@code datasets} library); it ends itself when idle and is started again when
 * needed. Every call waits at most the timeout; a helper that loops is killed. Calls are
 * serialised, so scorers may share one instance across threads. See docs/packs-ko.md.
 */
final class PythonHelpers implements AutoCloseable {

  /**
   * @param perCall the wait for any answer
   * @param perDoc added to the wait for each document in a batch
   * @param cpuSeconds the child's CPU limit (RLIMIT_CPU)
   * @param addressSpace the child's memory limit in bytes (RLIMIT_AS)
   * @param idleSeconds the child ends itself after this long without a request
   * @param replyBytes the most bytes one reply may hold, before {@code replyBytesPerDoc}
   * @param replyBytesPerDoc added to the reply cap for each document in a batch
   */
  record Limits(
      Duration perCall,
      Duration perDoc,
      int cpuSeconds,
      long addressSpace,
      int idleSeconds,
      long replyBytes,
      long replyBytesPerDoc) {
    Limits {
      Objects.requireNonNull(perCall, "perCall");
      Objects.requireNonNull(perDoc, "perDoc");
      if (replyBytes < 1 || replyBytesPerDoc < 0) {
        throw new IllegalArgumentException("bug: reply caps must be positive (constants in code)");
      }
    }

    /** With the default reply cap. */
    Limits(Duration perCall, Duration perDoc, int cpuSeconds, long addressSpace, int idleSeconds) {
      this(perCall, perDoc, cpuSeconds, addressSpace, idleSeconds, replyMegabytes() << 20, 8 << 10);
    }

    /** The cap on one reply for a batch of {@code docs} documents. */
    long replyCap(int docs) {
      return replyBytes + replyBytesPerDoc * docs;
    }

    /** 32 MiB, or GUKDAE_PYTHON_REPLY_MB. */
    private static long replyMegabytes() {
      String megabytes = System.getenv("GUKDAE_PYTHON_REPLY_MB");
      return megabytes != null && megabytes.matches("[1-9]\\d{0,5}")
          ? Long.parseLong(megabytes)
          : 32;
    }

    /** 60 s a call (GUKDAE_PYTHON_TIMEOUT_S changes it) + 10 ms a document, 4 GiB. */
    static Limits defaults() {
      String seconds = System.getenv("GUKDAE_PYTHON_TIMEOUT_S");
      long perCall = 60;
      if (seconds != null && seconds.matches("\\d{1,6}")) {
        perCall = Long.parseLong(seconds);
      }
      return new Limits(
          Duration.ofSeconds(perCall),
          Duration.ofMillis(10),
          (int) Math.max(600, perCall * 4),
          4L << 30,
          120);
    }
  }

  private final String where;
  private final List<Path> folders;
  private final Limits limits;
  private @Nullable HelperProcess child;

  /** Helpers named in {@code where} (the task file shown in messages); nothing starts yet. */
  PythonHelpers(String where, List<HelperRef> refs, Limits limits) {
    this.where = where;
    this.folders = refs.stream().map(HelperRef::folder).distinct().toList();
    this.limits = limits;
    for (HelperRef ref : refs) {
      requireFile(where, "!function", ref);
    }
  }

  /** A clear error when the helper's file is not next to the YAML that names it. */
  static void requireFile(String where, String key, HelperRef ref) {
    if (Files.isSymbolicLink(ref.file())) {
      throw UserError.of(
          where
              + ": "
              + key
              + "이(가) '!function "
              + ref
              + "'인데 헬퍼 파일 "
              + ref.file()
              + "이(가) 심볼릭 링크입니다. gukdae는 링크를 따라가지 않으니 파일을 그 자리에 복사하세요",
          where
              + ": "
              + key
              + " is '!function "
              + ref
              + "', and its helper file "
              + ref.file()
              + " is a symbolic link, which gukdae does not follow; copy the file there");
    }
    if (!Files.isRegularFile(ref.file())) {
      String written =
          ref.yaml().toString().equals(where) ? "" : " (written in " + ref.yaml() + ")";
      throw UserError.of(
          where
              + ": "
              + key
              + "이(가) '!function "
              + ref
              + "'인데 헬퍼 파일 "
              + ref.file()
              + "이(가) 없습니다. 태스크의 "
              + ref.file().getFileName()
              + "을(를) "
              + ref.yaml().getFileName()
              + " 옆에 두세요",
          where
              + ": "
              + key
              + " is '!function "
              + ref
              + "'"
              + written
              + ", but its helper file "
              + ref.file()
              + " does not exist; put the task's "
              + ref.file().getFileName()
              + " next to "
              + ref.yaml().getFileName());
    }
  }

  /** {@code fn(doc)} for each document, in order. */
  synchronized List<Object> map(HelperRef ref, List<Map<String, Object>> docs) {
    JsonNode ok =
        call(ref, request("map", ref).set("docs", TaskLoader.JSON.valueToTree(docs)), docs.size());
    return TaskLoader.JSON.convertValue(ok, List.class);
  }

  /** {@code fn(Dataset.from_list(docs))} as a list of documents. */
  @SuppressWarnings("unchecked")
  synchronized List<Map<String, Object>> processDocs(
      HelperRef ref, List<Map<String, Object>> docs) {
    JsonNode ok =
        call(
            ref,
            request("process_docs", ref).set("docs", TaskLoader.JSON.valueToTree(docs)),
            docs.size());
    if (!ok.isArray()) {
      throw failure(ref, "returned " + ok.getNodeType() + ", not a dataset", null);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (JsonNode doc : ok) {
      if (!doc.isObject()) {
        throw failure(ref, "returned a row that is not a mapping: " + doc, null);
      }
      out.add(TaskLoader.JSON.convertValue(doc, LinkedHashMap.class));
    }
    return out;
  }

  /** {@code fn(*args)}. */
  synchronized Object call(HelperRef ref, List<?> args) {
    JsonNode ok = call(ref, request("call", ref).set("args", TaskLoader.JSON.valueToTree(args)), 1);
    return TaskLoader.JSON.convertValue(ok, Object.class);
  }

  private ObjectNode request(String op, HelperRef ref) {
    ObjectNode request = TaskLoader.JSON.createObjectNode();
    request.put("op", op);
    request.put("fn", folders.indexOf(ref.folder()) + ":" + ref.dotted());
    return request;
  }

  private JsonNode call(HelperRef ref, ObjectNode request, int docs) {
    if (child != null && !child.process.isAlive()) {
      child.close(); // it ended itself while idle
      child = null;
    }
    if (child == null) {
      child = HelperProcess.start(where, folders, limits);
    }
    Duration wait = limits.perCall().plus(limits.perDoc().multipliedBy(docs));
    long cap = limits.replyCap(docs);
    String line;
    try {
      child.replyCap = cap;
      child.send(request.toString());
      line = child.lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (IOException e) {
      line = HelperProcess.EOF; // the pipe broke: the process is gone
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw UserError.of(
          where + ": 도우미 " + ref + "이(가) 실행되는 중에 중단되었습니다",
          where + ": interrupted while helper " + ref + " was running",
          e);
    }
    HelperProcess used = child;
    if (line == null || line.equals(HelperProcess.EOF)) {
      child = null;
      // EOF: the process closed its output, so it ended; no line in time: it is still busy.
      boolean hung = line == null;
      String stderr = hung ? "" : used.stderr();
      used.close();
      if (hung) {
        throw UserError.of(
            where
                + ": "
                + "헬퍼 "
                + ref
                + " ("
                + ref.file()
                + ")이(가) "
                + wait.toSeconds()
                + "초 안에 답하지 않아(무한 루프?) 중단했습니다. 느리기만 한 것이라면 GUKDAE_PYTHON_TIMEOUT_S를 늘리세요",
            where
                + ": helper "
                + ref
                + " ("
                + ref.file()
                + ") did not answer within "
                + wait.toSeconds()
                + " s (an endless loop?), so gukdae stopped it; if it is only slow, raise"
                + " GUKDAE_PYTHON_TIMEOUT_S");
      }
      throw failure(
          ref,
          "the Python process ended (exit code "
              + used.process.exitValue()
              + ", a resource limit or a crash)",
          stderr);
    }
    if (line.equals(HelperProcess.TOO_LONG)) {
      close(); // the rest of the reply is still coming; the answers no longer line up
      throw UserError.of(
          where
              + ": "
              + "헬퍼 "
              + ref
              + " ("
              + ref.file()
              + ")의 응답이 문서 "
              + docs
              + "개에 대한 상한 "
              + cap
              + "바이트를 넘어 중단했습니다. 헬퍼는 프롬프트, 선택지, 점수를 돌려주지 대량 데이터를 돌려주지 않습니다 (정말 필요하면 GUKDAE_PYTHON_REPLY_MB를 늘리세요)",
          where
              + ": helper "
              + ref
              + " ("
              + ref.file()
              + ") replied with more than "
              + cap
              + " bytes, the cap for a reply of "
              + docs
              + " document(s) ("
              + (limits.replyBytes() >> 20)
              + " MiB + "
              + (limits.replyBytesPerDoc() >> 10)
              + " KiB a document), so gukdae stopped it; a helper returns prompts, choices or"
              + " scores, not bulk data (raise GUKDAE_PYTHON_REPLY_MB if a task really needs more)");
    }
    JsonNode reply;
    try {
      reply = TaskLoader.JSON.readTree(line);
    } catch (tools.jackson.core.JacksonException e) {
      close(); // the answers no longer line up with the requests
      throw failure(
          ref, "wrote to the protocol's output directly (os.write to fd 1?); use print()", null);
    }
    if (reply.has("ok")) {
      return reply.get("ok");
    }
    throw error(ref, reply.path("error"));
  }

  private UserError error(HelperRef ref, JsonNode error) {
    String kind = error.path("kind").asString("");
    String message = error.path("type").asString() + ": " + error.path("message").asString();
    if (kind.equals("missing_module")) {
      String module = error.path("module").asString("?");
      String top = module.split("\\.")[0];
      return UserError.of(
          where
              + ": "
              + "헬퍼 "
              + ref.file()
              + " ("
              + ref
              + ")이(가) 가져오는 모듈 '"
              + module
              + "'이(가) gukdae의 Python 샌드박스(Debian의 /usr/bin/python3, 표준 라이브러리와 /usr/lib/python3/dist-packages)에 없습니다. 해결: Debian Python용으로 설치하거나(apt-get install python3-"
              + top.toLowerCase(java.util.Locale.ROOT).replace('_', '-')
              + "), 순수 Python "
              + top
              + ".py를 "
              + ref.file().getFileName()
              + " 옆에 두거나, import를 지우세요",
          where
              + ": helper "
              + ref.file()
              + " ("
              + ref
              + ") imports module '"
              + module
              + "', which gukdae's Python sandbox (Debian's /usr/bin/python3, standard library"
              + " and /usr/lib/python3/dist-packages) does not have; fix: install it for Debian's"
              + " Python (apt-get install python3-"
              + top.toLowerCase(java.util.Locale.ROOT).replace('_', '-')
              + "), or put a pure-Python "
              + top
              + ".py next to "
              + ref.file().getFileName()
              + ", or remove the import");
    }
    String what = kind.equals("sandbox") ? "was refused by the sandbox: " : "raised ";
    JsonNode index = error.path("index");
    String at = index.isNumber() ? " on document " + index.asInt() : "";
    return failure(ref, what + message + at, error.path("traceback").asString(null));
  }

  private UserError failure(HelperRef ref, String what, @Nullable String detail) {
    // the traceback goes after the English half, where the last line of a message is read
    String tail = detail == null || detail.isBlank() ? "" : "\n" + detail.strip();
    return UserError.of(
        where + ": 헬퍼 " + ref + " (" + ref.file() + ") 실행에 실패했습니다: " + what,
        where + ": helper " + ref + " (" + ref.file() + ") " + what + tail);
  }

  @Override
  public synchronized void close() {
    if (child != null) {
      child.close();
      child = null;
    }
  }
}
