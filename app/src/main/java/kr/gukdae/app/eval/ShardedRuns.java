package kr.gukdae.app.eval;

import kr.gukdae.eval.run.EvalOutcome;
import kr.gukdae.eval.run.ProgressListener;

/**
 * Runs an evaluation split into shards of {@code shardSize} samples that worker processes take from
 * the database ({@code gukdae worker}), waits for it and writes the same run folder a single
 * process writes. Implemented by the workers feature; declared here so {@code gukdae eval} can
 * offer it without depending on that feature.
 */
public interface ShardedRuns {

  EvalOutcome run(EvalRequest request, int shardSize, ProgressListener progress);
}
