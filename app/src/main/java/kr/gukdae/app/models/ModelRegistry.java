package kr.gukdae.app.models;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import kr.gukdae.UserError;
import kr.gukdae.model.ModelProvider;
import kr.gukdae.model.ModelSpec;
import kr.gukdae.model.Models;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The models requests may name. A local adapter ({@code demo/lexical}: nothing leaves the process)
 * is named freely; anything that talks to the network must have been registered by the office with
 * its base URL and the name of the environment variable holding its key. So no request can supply a
 * URL that receives a server key: eval runs, arena battles and judges all resolve names here.
 */
public final class ModelRegistry {

  /** What the office registers. */
  public record Registration(
      String name, String adapter, String model, String baseUrl, String keyRef) {
    public Registration {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(adapter, "adapter");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(keyRef, "keyRef");
      if (!name.matches("[a-z0-9][a-z0-9._-]{0,99}")) {
        throw UserError.of(
            "name '" + name + "': 영문 소문자, 숫자, '.', '_', '-' 1~100자여야 합니다 ('/' 불가)",
            "name '" + name + "': 1-100 lower-case letters, digits, '.', '_' or '-' (no '/')");
      }
      if (!model.matches("[A-Za-z0-9][A-Za-z0-9._:/@-]{0,199}")) {
        throw UserError.of(
            "model '" + model + "': 엔드포인트의 모델 ID를 쓰세요 (영문자, 숫자, ._:/@-)",
            "model '" + model + "': the endpoint's model id (letters, digits, ._:/@-)");
      }
      // Only variables meant to hold API keys: a registration must not be able to send, say,
      // DATABASE_PASSWORD as a bearer token to an endpoint.
      if (!keyRef.matches("GUKDAE_KEY_[A-Z0-9_]{1,60}|[A-Z][A-Z0-9_]{0,60}_API_KEY")) {
        throw UserError.of(
            "keyRef '" + keyRef + "': GUKDAE_KEY_HANBIT나 OPENAI_API_KEY 같은 환경 변수 이름을 쓰세요",
            "keyRef '"
                + keyRef
                + "': name an environment variable like GUKDAE_KEY_HANBIT or"
                + " OPENAI_API_KEY");
      }
    }
  }

  /** A registered model as stored. */
  public record Registered(
      String name,
      String adapter,
      String model,
      String baseUrl,
      String keyRef,
      String registeredBy,
      OffsetDateTime registeredAt) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final EndpointPolicy policy;

  public ModelRegistry(DataSource dataSource, Clock clock, List<String> allowedNetworks) {
    this.jdbc = JdbcClient.create(dataSource);
    this.clock = clock;
    this.policy = new EndpointPolicy(allowedNetworks);
  }

  /**
   * The spec a name opens: a local adapter's spec as written, or a registered model with its URL
   * checked again (DNS may have changed since registration). Anything else is refused.
   */
  public ModelSpec resolve(String name) {
    if (name.indexOf('/') > 0) {
      ModelSpec spec = ModelSpec.parse(name);
      ModelProvider provider = Models.providers().get(spec.provider());
      if (provider != null && provider.local()) {
        return spec;
      }
      throw UserError.of(
          "model '"
              + name
              + "': 등록되지 않은 모델입니다. 원격 모델은 사무국이 등록하고 (POST /api/models)"
              + " 요청은 등록된 이름으로 부릅니다",
          "model '"
              + name
              + "': not registered; the office registers remote models"
              + " (POST /api/models) and requests name them by their registered name");
    }
    Registered r =
        find(name)
            .orElseThrow(() ->
                UserError.of(
                    "model '" + name + "': 등록되지 않은 모델입니다 (GET /api/models가 목록을 보여 줍니다)",
                    "model '"
                        + name
                        + "': no registered model of that name; GET /api/models lists them"));
    policy.check(r.baseUrl());
    return new ModelSpec(
        r.adapter(),
        r.model(),
        r.baseUrl(),
        r.keyRef(),
        ModelSpec.DEFAULT_CONCURRENCY,
        Duration.ofSeconds(ModelSpec.DEFAULT_TIMEOUT_SECONDS),
        ModelSpec.DEFAULT_MAX_RETRIES);
  }

  public Registered register(Registration registration, String by) {
    ModelProvider provider = Models.providers().get(registration.adapter());
    if (provider == null || provider.local()) {
      throw UserError.of(
          "adapter '"
              + registration.adapter()
              + "': 원격 어댑터(예: openai)를 쓰세요. demo 같은 로컬 어댑터는 등록할 필요가 없습니다",
          "adapter '"
              + registration.adapter()
              + "': name a remote adapter (e.g. openai); local ones such as demo need no"
              + " registration");
    }
    String url = policy.check(registration.baseUrl()).toString();
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    try {
      jdbc.sql(
              "INSERT INTO registered_model (name, adapter, model, base_url, key_ref,"
                  + " registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(
              registration.name(),
              registration.adapter(),
              registration.model(),
              url,
              registration.keyRef(),
              by,
              now)
          .update();
    } catch (DuplicateKeyException e) {
      throw UserError.of(
          "name '" + registration.name() + "': 이미 등록된 이름입니다",
          "name '" + registration.name() + "': already registered");
    }
    return find(registration.name()).orElseThrow();
  }

  public List<Registered> list() {
    return jdbc.sql(SELECT + " ORDER BY name").query(ModelRegistry::row).list();
  }

  private java.util.Optional<Registered> find(String name) {
    return jdbc.sql(SELECT + " WHERE name = ?").param(name).query(ModelRegistry::row).optional();
  }

  private static final String SELECT =
      "SELECT name, adapter, model, base_url, key_ref, registered_by, registered_at"
          + " FROM registered_model";

  private static Registered row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Registered(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getObject(7, OffsetDateTime.class));
  }
}
