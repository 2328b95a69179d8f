package kr.gukdae.app.models;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.Requires;
import kr.gukdae.app.access.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The office registers remote models; signed-in staff see the list (names, not endpoints). */
@RestController
class ModelsApi {

  private final ModelRegistry registry;
  private final Access access;

  ModelsApi(ModelRegistry registry, Access access) {
    this.registry = registry;
    this.access = access;
  }

  /** A registered model as listed; the endpoint and key variable only for the office. */
  record Listed(
      String name,
      String adapter,
      String model,
      @Nullable String baseUrl,
      @Nullable String keyRef,
      @Nullable String registeredBy) {}

  @Requires({Role.OFFICE, Role.REVIEWER})
  @GetMapping("/api/models")
  List<Listed> list(HttpServletRequest request) {
    boolean office = access.require(request, Role.OFFICE, Role.REVIEWER).has(Role.OFFICE);
    return registry.list().stream()
        .map(r ->
            office
                ? new Listed(
                    r.name(), r.adapter(), r.model(), r.baseUrl(), r.keyRef(), r.registeredBy())
                : new Listed(r.name(), r.adapter(), r.model(), null, null, null))
        .toList();
  }

  /** The body as sent; checked by {@link ModelRegistry.Registration} once the caller is known. */
  record Form(
      @Nullable String name,
      @Nullable String adapter,
      @Nullable String model,
      @Nullable String baseUrl,
      @Nullable String keyRef) {}

  @Requires(Role.OFFICE)
  @PostMapping("/api/models")
  ModelRegistry.Registered register(@RequestBody Form form, HttpServletRequest request) {
    String by = String.valueOf(access.require(request, Role.OFFICE).username());
    var registration =
        new ModelRegistry.Registration(
            orEmpty(form.name()),
            orEmpty(form.adapter()),
            orEmpty(form.model()),
            orEmpty(form.baseUrl()),
            orEmpty(form.keyRef()));
    return registry.register(registration, by);
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
