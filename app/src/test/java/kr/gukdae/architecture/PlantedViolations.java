package kr.gukdae.architecture;

/** Classes that break the architecture rules on purpose, to show the rules catch a break. */
final class PlantedViolations {

  private PlantedViolations() {}

  /** Sits outside the app packages and uses Spring, as a core class must not. */
  @org.springframework.stereotype.Component
  static final class SpringInCore {}

  /** A test fake by its name. */
  static final class FakeThing {}
}
