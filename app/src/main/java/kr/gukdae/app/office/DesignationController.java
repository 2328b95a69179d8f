package kr.gukdae.app.office;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.Role;
import kr.gukdae.designation.Designation;
import kr.gukdae.designation.Designations;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.stage.Stages;
import kr.gukdae.text.Reason;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public designation registry: anyone may verify who holds a K-AI designation and emblem. */
@RestController
@RequestMapping("/api/designations")
class DesignationController {

  private final Ledger ledger;
  private final Access access;

  DesignationController(Ledger ledger, Access access) {
    this.ledger = ledger;
    this.access = access;
  }

  record Verification(String id, boolean valid, String asOf, Designation designation) {}

  /** What applying a stage changed, each change in both languages (code GRANTED or LAPSED). */
  record Applied(int stage, List<Reason> changes) {}

  @GetMapping
  List<Designation> registry() {
    return Designations.registry(ledger);
  }

  @GetMapping("/{id}")
  Verification verify(@PathVariable String id) {
    if (!id.matches("[A-Za-z0-9_.-]{1,80}")) {
      throw UserError.of(
          "designation id: 영문자, 숫자, '_', '.', '-'만 쓸 수 있습니다",
          "designation id: letters, digits, '_', '.', '-' only");
    }
    Designation d =
        Designations.find(ledger, id)
            .orElseThrow(() ->
                UserError.of(
                    "등록부에 지정 '" + id + "'이(가) 없습니다",
                    "no designation '" + id + "' in the registry"));
    LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
    return new Verification(id, d.holdsOn(today), today.toString(), d);
  }

  /** Applies the latest recorded decision of a stage (recomputed from the ledger first). */
  @PostMapping("/apply")
  Applied apply(
      HttpServletRequest request, @RequestParam(required = false) @Nullable Integer stage) {
    access.require(request, Role.OFFICE);
    if (stage == null) {
      throw UserError.of(
          "적용하려면 ?stage=N이 필요합니다: 기록된 결정을 적용할 단계입니다",
          "apply needs ?stage=N: the stage whose recorded decision to apply");
    }
    Stages.Replay replay = Stages.replay(ledger, stage);
    if (!replay.matches()) {
      throw UserError.of(
          "단계 " + stage + ": 기록된 결정이 재현되지 않아 적용하지 않았습니다",
          "stage " + stage + ": the recorded decision does not replay; not applied");
    }
    synchronized (this) {
      return new Applied(stage, Designations.apply(ledger, replay.program(), replay.recomputed()));
    }
  }
}
