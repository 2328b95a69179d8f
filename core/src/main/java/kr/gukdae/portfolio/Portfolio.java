package kr.gukdae.portfolio;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import kr.gukdae.UserError;
import kr.gukdae.call.Ids;

/**
 * A portfolio of specialised models (a related programme's shape): several research institutes,
 * each building models for one or more domains; every domain is judged on its own benchmarks,
 * weights and thresholds, then the portfolio as a whole continues when enough domains are covered.
 *
 * @param minDomainsCovered how many domains need at least one passing model for the portfolio to
 *     continue
 */
public record Portfolio(
    List<Domain> domains, List<Institute> institutes, int minDomainsCovered, String source) {

  /** A benchmark of a domain: its weight in the domain score and the least score (0-100). */
  public record Benchmark(String id, double weight, double threshold) {
    public Benchmark {
      Ids.check(id, "benchmark id");
      if (!(weight > 0) || threshold < 0 || threshold > 100) {
        throw UserError.of(
            "benchmark " + id + ": weight는 0보다 크고 threshold는 0~100이어야 합니다",
            "benchmark " + id + ": weight must be above 0 and threshold 0-100");
      }
    }
  }

  /** A domain (e.g. law, medicine) with its own benchmarks and the domain score a model needs. */
  public record Domain(String id, String label, List<Benchmark> benchmarks, double passScore) {
    public Domain {
      Ids.check(id, "domain id");
      Objects.requireNonNull(label, "domain " + id + ": label is required");
      benchmarks = List.copyOf(Objects.requireNonNull(benchmarks, "domain " + id + ": benchmarks"));
      if (benchmarks.isEmpty()) {
        throw UserError.of(
            "domain " + id + ": 벤치마크를 하나 이상 적으세요",
            "domain " + id + ": at least one benchmark is required");
      }
      Set<String> seen = new HashSet<>();
      for (Benchmark b : benchmarks) {
        if (!seen.add(b.id())) {
          throw UserError.of(
              "domain " + id + ": 벤치마크 " + b.id() + "이(가) 두 번 있습니다",
              "domain " + id + ": benchmark " + b.id() + " twice");
        }
      }
      if (passScore < 0 || passScore > 100) {
        throw UserError.of(
            "domain " + id + ": passScore는 0~100이어야 합니다",
            "domain " + id + ": passScore must be 0-100");
      }
    }
  }

  public record Model(String id, String domain) {
    public Model {
      Ids.check(id, "model id");
      Objects.requireNonNull(domain, "model " + id + ": domain is required");
    }
  }

  public record Institute(String id, String name, List<Model> models) {
    public Institute {
      Ids.check(id, "institute id");
      Objects.requireNonNull(name, "institute " + id + ": name is required");
      models = List.copyOf(Objects.requireNonNull(models, "institute " + id + ": models"));
    }
  }

  public Portfolio {
    domains = List.copyOf(Objects.requireNonNull(domains, "portfolio.domains is required"));
    institutes =
        List.copyOf(Objects.requireNonNull(institutes, "portfolio.institutes is required"));
    Objects.requireNonNull(source, "portfolio.source is required");
    Set<String> domainIds = new HashSet<>();
    for (Domain d : domains) {
      if (!domainIds.add(d.id())) {
        throw UserError.of(
            "portfolio.domains: " + d.id() + "이(가) 두 번 있습니다",
            "portfolio.domains: " + d.id() + " appears twice");
      }
    }
    Set<String> models = new HashSet<>();
    Set<String> instituteIds = new HashSet<>();
    for (Institute i : institutes) {
      if (!instituteIds.add(i.id())) {
        throw UserError.of(
            "portfolio.institutes: " + i.id() + "이(가) 두 번 있습니다",
            "portfolio.institutes: " + i.id() + " appears twice");
      }
      for (Model m : i.models()) {
        if (!domainIds.contains(m.domain())) {
          throw UserError.of(
              "portfolio.institutes."
                  + i.id()
                  + ".models."
                  + m.id()
                  + ": domain '"
                  + m.domain()
                  + "'은(는) 다음 중 하나여야 합니다: "
                  + domainIds,
              "portfolio.institutes."
                  + i.id()
                  + ".models."
                  + m.id()
                  + ": domain '"
                  + m.domain()
                  + "' is not one of "
                  + domainIds);
        }
        if (!models.add(m.id())) {
          throw UserError.of(
              "portfolio: 모델 " + m.id() + "이(가) 두 번 있습니다",
              "portfolio: model " + m.id() + " appears twice");
        }
      }
    }
    if (minDomainsCovered < 1 || minDomainsCovered > domains.size()) {
      throw UserError.of(
          "portfolio.minDomainsCovered는 1~"
              + domains.size()
              + "이어야 합니다 (받은 값 "
              + minDomainsCovered
              + ")",
          "portfolio.minDomainsCovered must be 1-" + domains.size() + ", got " + minDomainsCovered);
    }
  }

  public Domain domain(String id) {
    return domains.stream()
        .filter(d -> d.id().equals(id))
        .findFirst()
        // the constructor refuses a model whose domain is not listed, the one caller's source
        .orElseThrow(() -> new IllegalArgumentException("bug: no domain " + id));
  }
}
