package kr.gukdae.architecture;

/** Classes that break the architecture rules on purpose, to show the rules catch a break. */
final class PlantedViolations {

  private PlantedViolations() {}

  /** Sits outside the app packages and uses Spring, as a core class must not. */
  @org.springframework.stereotype.Component
  static final class SpringInCore {}

  /** Hashes with its own SHA-256 instead of {@code kr.gukdae.Sha256}. */
  static final class OwnSha256 {
    static byte[] hash(byte[] bytes) throws java.security.NoSuchAlgorithmException {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    }
  }

  /** A test fake by its name. */
  static final class FakeThing {}

  /** A controller whose bodies are untyped in three ways, and one typed twin. */
  @org.springframework.web.bind.annotation.RestController
  static final class UntypedController {

    record Typed(String name) {}

    org.springframework.http.ResponseEntity<java.util.Map<String, Object>> wrappedMap() {
      return org.springframework.http.ResponseEntity.ok(java.util.Map.of());
    }

    java.util.List<tools.jackson.databind.node.ObjectNode> listOfTrees() {
      return java.util.List.of();
    }

    Object anything() {
      return "";
    }

    org.springframework.http.ResponseEntity<java.util.List<Typed>> typed() {
      return org.springframework.http.ResponseEntity.ok(java.util.List.of());
    }
  }

  /** A controller that refuses with empty bodies: a bare 404 and a bare 400. */
  @org.springframework.web.bind.annotation.RestController
  static final class BodilessController {

    org.springframework.http.ResponseEntity<String> missing() {
      return org.springframework.http.ResponseEntity.notFound().build();
    }

    org.springframework.http.ResponseEntity<String> refused() {
      return org.springframework.http.ResponseEntity.badRequest().build();
    }
  }

  /** Its clean twin: the refusal is thrown and becomes a problem. */
  @org.springframework.web.bind.annotation.RestController
  static final class ProblemController {

    org.springframework.http.ResponseEntity<String> missing() {
      throw kr.gukdae.web.NotFound.of("없습니다", "missing");
    }
  }
}
