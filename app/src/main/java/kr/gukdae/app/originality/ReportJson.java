package kr.gukdae.app.originality;

import kr.gukdae.originality.Calibration;
import kr.gukdae.originality.Findings;
import kr.gukdae.originality.TensorStats;
import kr.gukdae.originality.TrainingLogCheck;
import kr.gukdae.originality.Verdict;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The report as JSON, the one shape used by {@code --json}, storage and the REST API. */
public final class ReportJson {

  private static final JsonMapper JSON = JsonMapper.shared();

  private ReportJson() {}

  /** The report as {@code gukdae originality --json} prints it. */
  public static ObjectNode report(Findings.Report r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("model", r.candidate());
    verdict(o, r.verdict());
    o.put("explanation", r.explanation().en());
    o.put("explanationKo", r.explanation().ko());
    o.set("nullModels", nullModels(r.nullModels()));
    ArrayNode findings = o.putArray("findings");
    for (Findings.ReferenceFinding f : r.findings()) {
      findings.add(finding(f, true));
    }
    if (r.log() != null) {
      o.set("log", log(r.log()));
    }
    return o;
  }

  static void verdict(ObjectNode o, Verdict v) {
    o.put("verdict", v.label());
    o.put("verdictKo", v.labelKo());
    o.put("verdictCode", v.code());
    o.put("share", v.share());
  }

  /** What the null was fitted on, and warnings about related "independent" models. */
  static ObjectNode nullModels(Calibration.Composition c) {
    ObjectNode o = JSON.createObjectNode();
    o.put("demoPairs", c.demoPairs());
    o.put("pairsUsed", c.pairsUsed());
    ArrayNode models = o.putArray("models");
    c.models().forEach(m -> models.add(m.name()));
    o.put("description", c.describe().en());
    o.put("descriptionKo", c.describe().ko());
    ArrayNode warnings = o.putArray("warnings");
    c.warnings().forEach(w -> warnings.addObject().put("en", w.en()).put("ko", w.ko()));
    return o;
  }

  /** Share, coverage, the aligned block mapping and the tampering counts of one finding. */
  static ObjectNode details(Findings.ReferenceFinding f) {
    ObjectNode o = JSON.createObjectNode();
    o.put("share", f.share());
    o.put("coverage", f.coverage());
    ArrayNode mapping = o.putArray("mapping");
    for (Findings.BlockMatch b : f.mapping()) {
      ObjectNode m =
          mapping
              .addObject()
              .put("stack", b.stack())
              .put("candidateBlock", b.candidateBlock())
              .put("referenceBlock", b.referenceBlock());
      put(m, "similarity", b.similarity());
    }
    TensorStats.Tamper t = f.tamper();
    o.putObject("tamper")
        .put("nonFiniteCandidate", t.nonFiniteCandidate())
        .put("nonFiniteReference", t.nonFiniteReference())
        .put("extremeCandidate", t.extremeCandidate())
        .put("extremeReference", t.extremeReference());
    return o;
  }

  static ObjectNode finding(Findings.ReferenceFinding f, boolean withTensors) {
    ObjectNode o = JSON.createObjectNode();
    o.put("reference", f.reference());
    verdict(o, f.verdict());
    o.put("explanation", f.explanation().en());
    o.put("explanationKo", f.explanation().ko());
    o.put("candidateParameters", f.candidateParameters());
    o.put("matchedParameters", f.matchedParameters());
    o.setAll(details(f));
    ArrayNode components = o.putArray("components");
    f.components().forEach(c -> components.add(component(c)));
    if (withTensors) {
      o.set("tensors", tensors(f));
    }
    return o;
  }

  static ArrayNode tensors(Findings.ReferenceFinding f) {
    ArrayNode tensors = JSON.createArrayNode();
    for (Findings.TensorEvidence t : f.tensors()) {
      ObjectNode n = tensors.addObject();
      n.put("candidateTensor", t.candidateTensor());
      n.put("referenceTensor", t.referenceTensor());
      n.put("component", t.component());
      n.put("norm", t.norm());
      n.put("matchedBy", t.matchedBy().name());
      n.put("elements", t.stats().elements());
      n.put("candidateDtype", t.candidateDtype().name());
      n.put("referenceDtype", t.referenceDtype().name());
      n.put("pearson", t.stats().pearson());
      n.put("plainPearson", t.stats().plainPearson());
      n.put("nonFiniteCandidate", t.stats().tamper().nonFiniteCandidate());
      n.put("extremeCandidate", t.stats().tamper().extremeCandidate());
      n.put("cosine", t.stats().cosine());
      put(n, "relL2", t.stats().relL2());
      n.put("identical", t.stats().identical());
      n.put("rawCosine", t.stats().rawCosine());
      n.put("alignment", t.stats().alignment().name());
      put(n, "z", t.z());
      put(n, "log10p", t.log10p());
      n.put("similarity", t.level().name());
    }
    return tensors;
  }

  static ObjectNode component(Findings.ComponentSummary c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("component", c.component());
    n.put("tensors", c.tensors());
    n.put("parameters", c.parameters());
    n.put("pearson", c.pearson());
    n.put("cosine", c.cosine());
    put(n, "relL2", c.relL2());
    n.put("identical", c.identical());
    put(n, "minZ", c.minZ());
    n.put("similarity", c.level().name());
    return n;
  }

  static ObjectNode log(TrainingLogCheck.Result r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("file", r.file());
    o.put("rows", r.rows());
    o.put("firstStep", r.firstStep());
    o.put("lastStep", r.lastStep());
    put(o, "firstLoss", r.firstLoss());
    put(o, "lastLoss", r.lastLoss());
    put(o, "lnVocab", r.lnVocab());
    put(o, "tokensSeen", r.tokensSeen());
    o.put("claimedTokens", r.claimedTokens());
    ArrayNode flags = o.putArray("flags");
    for (TrainingLogCheck.Flag f : r.flags()) {
      flags
          .addObject()
          .put("kind", f.kind().name())
          .put("severity", f.severity().name())
          .put("line", f.line())
          .put("explanation", f.explanation().en())
          .put("explanationKo", f.explanation().ko());
    }
    return o;
  }

  /** JSON has no NaN or infinity: unknown becomes null, infinities are clipped. */
  private static void put(ObjectNode o, String key, double v) {
    if (Double.isNaN(v)) {
      o.putNull(key);
    } else {
      o.put(key, Math.max(-1e300, Math.min(1e300, v)));
    }
  }
}
