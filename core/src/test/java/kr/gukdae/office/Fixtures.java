package kr.gukdae.office;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.gukdae.Sha256;
import kr.gukdae.call.Application;
import kr.gukdae.call.Application.Document;
import kr.gukdae.call.Application.Member;
import kr.gukdae.call.DocumentKind;
import kr.gukdae.call.Support;
import kr.gukdae.selection.Assignment;
import kr.gukdae.selection.Criterion;
import kr.gukdae.selection.Round;
import kr.gukdae.selection.Score;
import kr.gukdae.stage.Team;

/**
 * Invented applicants and deterministic score sheets for the example programmes: each applicant has
 * a hidden quality; a reviewer's score is that quality plus a small reviewer-specific offset.
 */
public final class Fixtures {

  /** The five seed winners are the stage demo programme's stage-1 teams. */
  public static final List<String> SEED_WINNERS =
      List.of("hanbit", "baekdu", "gyeongbok", "mugunghwa", "dokdo");

  private Fixtures() {}

  public static Application application(
      String id,
      String call,
      OffsetDateTime at,
      List<Member> members,
      Set<Support> support,
      DocumentKind... docs) {
    List<Document> documents = new ArrayList<>();
    for (DocumentKind k : docs) {
      documents.add(new Document(k, id + "-" + k + ".pdf", Sha256.hex(id + k)));
    }
    return new Application(
        id, call, id + " 컨소시엄 (demo)", members, support, documents, List.of(), at);
  }

  public static List<Member> consortium(String id) {
    String name = Character.toUpperCase(id.charAt(0)) + id.substring(1);
    return List.of(
        new Member(
            id.equals("hanbit") ? "Hanbit AI" : name + " AI", Team.Role.LEAD, Team.Size.LARGE),
        new Member(name + " University", Team.Role.ACADEMIC, Team.Size.UNIVERSITY));
  }

  /** 15 eligible seed applicants (the shipped example file); the five winners come first. */
  public static List<Application> seedApplications() {
    return OfficeFiles.exampleApplications("seed-2025");
  }

  /** Hidden quality (0-10): winners 9.4 down to 8.6, the rest 7.8 down to 6.0, by list order. */
  public static Map<String, Double> quality(List<Application> apps) {
    Map<String, Double> q = new LinkedHashMap<>();
    for (int i = 0; i < apps.size(); i++) {
      q.put(apps.get(i).id(), i < 5 ? 9.4 - 0.2 * i : 7.8 - 0.2 * (i - 5));
    }
    return q;
  }

  /** One sheet per assigned pair; approve when the reviewer's own mean is at least {@code bar}. */
  public static List<Score> scores(
      Round round, Assignment a, Map<String, Double> quality, double bar) {
    List<Score> out = new ArrayList<>();
    a.reviewersOf()
        .forEach((app, reviewers) -> {
          for (String r : reviewers) {
            double offset = ((Math.abs((r + app).hashCode()) % 5) - 2) * 0.1;
            Map<String, Double> items = new LinkedHashMap<>();
            double sum = 0;
            for (Criterion c : round.criteria()) {
              double v =
                  Math.max(0, Math.min(c.maxScore(), quality.getOrDefault(app, 5.0) + offset));
              items.put(c.id(), Math.round(v * 10) / 10.0);
              sum += v;
            }
            out.add(new Score(round.id(), r, app, items, sum / round.criteria().size() >= bar));
          }
        });
    return out;
  }
}
