import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import kr.gukdae.originality.DType;
import kr.gukdae.originality.DemoWeights;
import kr.gukdae.originality.Originality;
import kr.gukdae.originality.WeightModel;

/**
 * Benchmark driver (not part of the build): "gen DIR" writes two ~1.2 GB demo models (a base and a
 * fine-tuned copy, f32, 2 shards each); "read DIR" times a plain sequential read of their files;
 * "compare DIR" times gukdae's full comparison: cold, then sustained by name only and with content
 * alignment. Each prints seconds and bytes.
 */
public class OriginalityBench {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "gen" -> {
        var config = new DemoWeights.Config(32000, 2048, 3, 5632, 16, 1024, 2);
        var base = DemoWeights.independent(config, 1);
        DType dtype = DType.valueOf(args.length > 2 ? args[2] : "F32");
        base.write(dir.resolve("base"), dtype, 2);
        DemoWeights.fineTuned(base, 2, 0.05).write(dir.resolve("tuned"), dtype, 2);
      }
      case "read" -> {
        CPU_AT_START = cpuAtStart();
        long bytes = 0;
        long start = System.nanoTime();
        ByteBuffer buf = ByteBuffer.allocateDirect(256 << 10);
        for (Path f : files(dir)) {
          try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            int n;
            while ((n = ch.read(buf.clear())) > 0) {
              bytes += n;
            }
          }
        }
        report("read", bytes, start);
      }
      case "compare" -> {
        // Passes in one JVM: the first includes JIT warm-up (the SIMD kernel runs slowly until C2
        // compiles it); then, warm, the name-matched comparison (--no-align, as before content
        // alignment existed) and the default one with alignment on, on the same files.
        var defaults = Originality.Options.defaults();
        var byName = new Originality.Options(true, false, defaults.threads());
        for (String pass : List.of("cold", "warming", "name", "compare")) {
          WeightModel a = WeightModel.open("tuned", dir.resolve("tuned"));
          WeightModel b = WeightModel.open("base", dir.resolve("base"));
          var options = pass.equals("name") ? byName : defaults;
          var calibration = Originality.calibrate(List.of(), options);
          CPU_AT_START = cpuAtStart();
          long start = System.nanoTime();
          var report = Originality.compare(a, List.of(b), calibration, options, null);
          if (!pass.equals("warming")) {
            report(pass, a.bytes() + b.bytes(), start);
          }
          System.err.println("verdict " + report.verdict().label() + ", heap max "
              + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        }
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".safetensors")).sorted().toList();
    }
  }

  /** Prints: name, bytes, wall seconds, CPU seconds of the whole process (all threads). */
  static void report(String what, long bytes, long start) {
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
        / 1e9 - CPU_AT_START;
    System.out.printf("%s %d %.4f %.4f%n", what, bytes, seconds, cpu);
  }

  static double cpuAtStart() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
        / 1e9;
  }

  static double CPU_AT_START;
}
