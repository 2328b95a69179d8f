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
        throw new UserError("gukdae.office.programmes: call '" + p.call().id() + "' appears twice");
      }
    }
  }

  public List<OfficeProgramme> all() {
    return List.copyOf(byCall.values());
  }

  public OfficeProgramme call(String id) {
    OfficeProgramme p = byCall.get(id);
    if (p == null) {
      throw new UserError("no call '" + id + "'; GET /api/office/programmes lists them");
    }
    return p;
  }
}
