package kr.gukdae.data.ngram;

import java.util.List;
import kr.gukdae.UserError;

/**
 * A fresh JVM (so Lucene's Korean dictionary is not loaded yet) that starts a Korean index run,
 * interrupts it at once, while its workers load the dictionary, and then tokenises and indexes
 * Korean in the same JVM; {@link ParallelIndexerInterruptTest} reads what it prints.
 */
final class InterruptedIndexChild {

  private InterruptedIndexChild() {}

  public static void main(String[] args) {
    var params = NgramParams.of(3, Normaliser.NORI_2, 16, 7);
    var indexer = new ParallelIndexer(new NgramFilter(params), 4);
    for (int i = 0; i < 4 * 256; i++) {
      indexer.accept("학교에 갑니다 " + i + "번째 문서는 한국어 형태소 분석을 거칩니다");
    }
    Thread.currentThread().interrupt();
    try {
      indexer.close();
      System.out.println("not refused: the interrupt came too late");
    } catch (UserError e) {
      System.out.println("refused: " + e.message(false));
    }
    Thread.interrupted();
    List<String> terms =
        Normaliser.NORI_1.tokens("학교에 갑니다").stream().map(Normaliser.Token::term).toList();
    System.out.println("tokens: " + terms);
    var again = new NgramFilter(params);
    try (var indexer2 = new ParallelIndexer(again, 2)) {
      List.of("학교에 갑니다", "형태소 분석", "한국어 문서").forEach(indexer2);
    }
    System.out.println("indexed again: " + again.header().documents() + " documents");
  }
}
