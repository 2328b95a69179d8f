package kr.gukdae.stage;

import java.util.List;
import java.util.Optional;
import kr.gukdae.UserError;
import kr.gukdae.review.Panel;
import org.jspecify.annotations.Nullable;

/**
 * A validated, versioned programme definition: teams, stages, the scoring scheme, frontier
 * reference scores, the expert panel and the disclosure policy. Load with {@link ProgramLoader}.
 */
public record Program(
    String name,
    String version,
    boolean demo,
    List<Team> teams,
    List<StageDef> stages,
    Scheme scheme,
    List<ReferenceModel> references,
    @Nullable Panel panel,
    Disclosure disclosure,
    String sourceSha256,
    String source) {

  public Program {
    teams = List.copyOf(teams);
    stages = List.copyOf(stages);
    references = List.copyOf(references);
  }

  public StageDef stage(int number) {
    return stages.stream()
        .filter(s -> s.number() == number)
        .findFirst()
        .orElseThrow(() ->
            UserError.of(
                "programme '"
                    + name
                    + "': 단계 "
                    + number
                    + "이(가) 없습니다 (단계:"
                    + stages.stream().map(s -> " " + s.number()).reduce("", String::concat)
                    + ")",
                "programme '"
                    + name
                    + "' has no stage "
                    + number
                    + " (stages:"
                    + stages.stream().map(s -> " " + s.number()).reduce("", String::concat)
                    + ")"));
  }

  public Optional<Team> team(String id) {
    return teams.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** Teams competing in a stage: joined by then and not recorded as having left before it. */
  public List<Team> teamsIn(int stage) {
    return teams.stream().filter(t -> t.competesIn(stage)).toList();
  }

  public Program withScheme(Scheme changed) {
    return new Program(
        name,
        version,
        demo,
        teams,
        stages,
        changed,
        references,
        panel,
        disclosure,
        sourceSha256,
        source);
  }
}
