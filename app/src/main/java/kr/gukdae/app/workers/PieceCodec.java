package kr.gukdae.app.workers;

import java.util.AbstractList;
import java.util.List;
import kr.gukdae.UserError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * How one kind's piece results are stored in {@code work_shard.result}: one JSON mapping of its
 * typed result, written by the piece's holder and read back for the join. A stored result that does
 * not read as the kind's type (a field missing or unknown, a wrong shape, {@code null}, trailing
 * text: damaged, or written by a gukdae from before typed results) is refused with an error that
 * names the job and the piece ({@link Unreadable}), never joined as if it were empty.
 */
final class PieceCodec<R> {

  /**
   * A stored piece result that does not read as its kind's: it stays so, so no retry joins it and
   * the runner fails the job with this message.
   */
  static final class Unreadable extends UserError {
    private static final long serialVersionUID = 1L;

    Unreadable(String korean, String english) {
      super(UserError.both(korean, english));
    }
  }

  private final String kind;
  private final ObjectReader reader;
  private final ObjectWriter writer;

  private PieceCodec(String kind, JavaType type) {
    this.kind = kind;
    this.reader =
        JobJson.JSON
            .readerFor(type)
            .with(
                DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.writer = JobJson.JSON.writerFor(type);
  }

  static <R> PieceCodec<R> of(String kind, Class<R> type) {
    return new PieceCodec<>(kind, JobJson.JSON.constructType(type));
  }

  static <R> PieceCodec<R> of(String kind, TypeReference<R> type) {
    return new PieceCodec<>(kind, JobJson.JSON.constructType(type));
  }

  /** The text stored with the piece (and sealed with it). */
  String write(R result) {
    return writer.writeValueAsString(result);
  }

  /** One stored piece's result, typed; refused naming the job and piece when it does not read. */
  R read(String jobId, JobQueue.Stored stored) {
    String why;
    try {
      R value = reader.readValue(stored.result());
      if (value != null) {
        return value;
      }
      why = "null";
    } catch (JacksonException e) {
      why = e.getOriginalMessage();
    } catch (RuntimeException e) {
      // a record's own check (a compact constructor) refusing what was read
      why = String.valueOf(e.getMessage());
    }
    throw unreadable(jobId, stored.no(), stored.label(), kind, why);
  }

  /** The refusal of piece {@code no}'s stored result, saying {@code why} (untranslated detail). */
  static Unreadable unreadable(String jobId, int no, String label, String kind, String why) {
    String where = "job " + jobId + ", piece " + no + " (" + label + "): ";
    return new Unreadable(
        where
            + "저장된 결과를 "
            + kind
            + " 조각 결과로 읽을 수 없습니다 ("
            + why
            + "). 손상되었거나 형식이 다른 이전 gukdae 버전이 저장한 결과입니다. 결과를 합치지 않았습니다. 작업을 다시 제출하세요",
        where
            + "its stored result cannot be read as a "
            + kind
            + " piece result ("
            + why
            + "); it is damaged or was stored by an earlier gukdae version with another format."
            + " The result is not joined; submit the job again");
  }

  /**
   * Every piece's result in piece order, each read when the join reaches it (and again if it is
   * reached again): the join holds one piece's values at a time, as when it read the text itself. A
   * piece that does not read throws {@link Unreadable} at that point.
   */
  List<R> results(String jobId, List<JobQueue.Stored> stored) {
    List<JobQueue.Stored> rows = List.copyOf(stored);
    return new AbstractList<>() {
      @Override
      public R get(int index) {
        return read(jobId, rows.get(index));
      }

      @Override
      public int size() {
        return rows.size();
      }
    };
  }
}
