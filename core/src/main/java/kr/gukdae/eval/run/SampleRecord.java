package kr.gukdae.eval.run;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.gukdae.eval.ModelCall;
import kr.gukdae.eval.Score;
import org.jspecify.annotations.Nullable;

/**
 * One finished sample as the journal stores it: scores keyed {@code metric,filter}, or the error
 * that stopped it. Errors are kept and counted, never scored as zero.
 */
public record SampleRecord(
    String task,
    int docId,
    @Nullable String category,
    Map<String, Score> scores,
    List<ModelCall> calls,
    @Nullable String completion,
    @Nullable String error) {

  public SampleRecord {
    Objects.requireNonNull(task, "task");
    scores = Map.copyOf(scores);
    calls = List.copyOf(calls);
  }

  public boolean ok() {
    return error == null;
  }

  /** The record as one journal line (without the newline), for stores other than the journal. */
  public String toJson() {
    return Journal.JSON.writeValueAsString(this);
  }

  /** Reads a record written by {@link #toJson}. */
  public static SampleRecord fromJson(String json) {
    return Journal.JSON.readValue(json, SampleRecord.class);
  }
}
