package kr.gukdae.app.workers;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A distributed run's progress: its sample shards by state (the merge shard is not counted), its
 * samples answered, the latest shard error, and the workers seen recently.
 */
record ShardProgress(
    String runId,
    String status,
    int shardsTotal,
    int shardsDone,
    int shardsRunning,
    int shardsQueued,
    int shardsFailed,
    int samplesTotal,
    int samplesDone,
    @Nullable String lastError,
    List<WorkerRegistry.WorkerRow> workers) {

  ShardProgress {
    workers = List.copyOf(workers);
  }
}
