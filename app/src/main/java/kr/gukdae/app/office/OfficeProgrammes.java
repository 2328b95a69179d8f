package kr.gukdae.app.office;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.OfficeProgramme;

/** The programmes this server runs, by call id (from {@code gukdae.office.programmes}). */
public final class OfficeProgrammes {

  private final Map<String, OfficeProgramme> byCall = new LinkedHashMap<>();

  OfficeProgrammes(List<String> namesOrFiles) {
    for (String n : namesOrFiles) {
      OfficeProgramme p = OfficeFiles.programme(n.strip());
      if (byCall.put(p.call().id(), p) != null) {
        throw UserError.of(
            "gukdae.office.programmes: 공모 '" + p.call().id() + "'이(가) 두 번 나옵니다",
            "gukdae.office.programmes: call '" + p.call().id() + "' appears twice");
      }
    }
  }

  public List<OfficeProgramme> all() {
    return List.copyOf(byCall.values());
  }

  public OfficeProgramme call(String id) {
    OfficeProgramme p = byCall.get(id);
    if (p == null) {
      throw UserError.of(
          "공모 '" + id + "'이(가) 없습니다. 목록은 GET /api/office/programmes에서 볼 수 있습니다",
          "no call '" + id + "'; GET /api/office/programmes lists them");
    }
    return p;
  }
}
