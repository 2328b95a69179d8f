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
}
