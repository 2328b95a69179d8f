package kr.gukdae.data;

import java.util.Random;

/** Seeded Korean and English sentences for data-governance tests (nothing real, nothing copied). */
public final class GeneratedText {

  private static final String[] NOUNS = {
    "정부", "학생", "도서관", "경제", "기후", "바다", "산업", "역사", "교사", "병원", "시장", "도시",
    "농업", "언어", "과학", "지도", "법률", "선거", "문화", "철도", "항구", "의회", "대학", "세금"
  };
  private static final String[] PARTICLES = {"이", "가", "은", "는", "을", "를", "의", "에서", "으로"};
  private static final String[] VERBS = {
    "발표했다", "조사했다", "설명한다", "변화했다", "보고했다", "연구한다", "결정했다", "증가했다"
  };
  private static final String[] WORDS = {
    "policy", "river", "market", "student", "theory", "harbor", "council", "energy", "report",
    "climate", "library", "language", "history", "engine", "museum", "budget", "signal", "forest"
  };

  private final Random random;

  public GeneratedText(long seed) {
    this.random = new Random(seed);
  }

  public String korean(int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      s.append(NOUNS[random.nextInt(NOUNS.length)]);
      s.append(PARTICLES[random.nextInt(PARTICLES.length)]).append(' ');
      if (i % 5 == 4) {
        s.append(VERBS[random.nextInt(VERBS.length)]).append(". ");
      }
    }
    return s.append(VERBS[random.nextInt(VERBS.length)]).append('.').toString();
  }

  public String english(int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      s.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return s.append('.').toString();
  }

  public Random random() {
    return random;
  }
}
