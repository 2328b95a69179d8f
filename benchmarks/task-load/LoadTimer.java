import java.lang.management.ManagementFactory;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.tasks.TaskLoader;
import kr.gukdae.eval.tasks.TaskRegistry;

/** Warm task-load timing shared by the task-loading benchmarks (run through run-bench.sh). */
final class LoadTimer {

  private LoadTimer() {}

  /** Best wall time and mean thread CPU time (this JVM thread only) over warm loads, in ms. */
  record Timing(double bestMs, double meanCpuMs) {}

  static Timing time(
      TaskRegistry registry,
      String name,
      TaskLoader.Options options,
      int expectedRows,
      int warmup,
      int runs) {
    var threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < warmup; i++) {
      registry.load(name, options);
    }
    double best = Double.MAX_VALUE;
    double cpu = 0;
    for (int i = 0; i < runs; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      Task task = registry.load(name, options);
      best = Math.min(best, (System.nanoTime() - t0) / 1e6);
      cpu += (threads.getCurrentThreadCpuTime() - c0) / 1e6;
      if (task.samples().size() != expectedRows) {
        throw new IllegalStateException(name + " loaded " + task.samples().size() + " rows");
      }
    }
    return new Timing(best, cpu / runs);
  }
}
