import java.util.Arrays;
import java.util.List;
import kr.gukdae.arena.SafeMarkdown;

/**
 * Time to render one answer as safe Markdown, for inputs built to make a backtracking parser go
 * quadratic (the issue: 40,000 '[' took 23 s). Prints the median of 7 runs per input and size;
 * linear behaviour shows as time doubling with size.
 */
public class MarkdownBench {
  public static void main(String[] args) {
    List<String> units = List.of("[", "![", "[a](", "*", "_a", "**a", "`", "x **b** [l](https://e.org) ");
    System.out.printf("%-32s %8s %8s %8s%n", "input (repeated)", "10k ms", "20k ms", "40k ms");
    for (String unit : units) {
      StringBuilder row = new StringBuilder(String.format("%-32s", "'" + unit + "'"));
      for (int size : new int[] {10_000, 20_000, 40_000}) {
        String input = unit.repeat(size / unit.length());
        double[] ms = new double[7];
        for (int warm = 0; warm < 3; warm++) {
          SafeMarkdown.parse(input);
        }
        for (int i = 0; i < ms.length; i++) {
          long t = System.nanoTime();
          SafeMarkdown.parse(input);
          ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        row.append(String.format(" %8.2f", ms[ms.length / 2]));
      }
      System.out.println(row);
    }
  }
}
