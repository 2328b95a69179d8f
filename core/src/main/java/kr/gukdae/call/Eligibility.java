package kr.gukdae.call;

import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.stage.Team;

/**
 * A call's eligibility rules as data. Each field is one rule; a violation names the field as its
 * rule, e.g. {@code eligibility.requiredMemberSizes}.
 *
 * @param minSupports how many of the call's supports an application must request (at least 1)
 * @param requiredMemberSizes every size listed must appear among the members (e.g. UNIVERSITY:
 *     universities or graduate students are mandatory)
 * @param requiredDocuments documents every application must carry
 * @param oneConsortiumPerOrganisation an organisation may be a member of one application only
 * @param excludedOrganisations organisations that may not take part (e.g. GPU lessors that compete,
 *     excluded from programme GPUs)
 * @param maxMembers the most members a consortium may have (0 = no limit)
 */
public record Eligibility(
    int minSupports,
    List<Team.Size> requiredMemberSizes,
    List<DocumentKind> requiredDocuments,
    boolean oneConsortiumPerOrganisation,
    List<String> excludedOrganisations,
    int maxMembers) {

  public Eligibility {
    if (minSupports < 0 || minSupports > Support.values().length) {
      throw UserError.of(
          "minSupports는 0~" + Support.values().length + "이어야 합니다 (받은 값 " + minSupports + ")",
          "minSupports must be 0-" + Support.values().length + ", got " + minSupports);
    }
    if (maxMembers < 0) {
      throw UserError.of(
          "maxMembers는 0(제한 없음) 이상이어야 합니다", "maxMembers must be 0 (no limit) or more");
    }
    requiredMemberSizes =
        requiredMemberSizes == null ? List.of() : List.copyOf(requiredMemberSizes);
    requiredDocuments = requiredDocuments == null ? List.of() : List.copyOf(requiredDocuments);
    excludedOrganisations =
        excludedOrganisations == null ? List.of() : List.copyOf(excludedOrganisations);
  }
}
