package kr.gukdae.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.domain.JavaWildcardType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.JsonNode;

/**
 * The rules of CONTRIBUTING.md, checked on the compiled production classes of both modules. Rules
 * that the code already keeps fail on any break. Rules it does not keep yet are frozen: the known
 * breaks are listed in {@code src/test/resources/architecture/frozen} and may only shrink (ArchUnit
 * removes a fixed one from the list); any new break fails the build. See docs/architecture.md.
 */
class ArchitectureTest {

  static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // under `verify` core's test fixtures arrive as gukdae-core-…-tests.jar, which the
          // predefined option (test-classes folders) does not recognise
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("kr.gukdae");

  /** Packages that hold a source of evidence: nothing here may reach the decision side. */
  static final String[] SOURCES = {
    "kr.gukdae.eval..",
    "kr.gukdae.dataset..",
    "kr.gukdae.model..",
    "kr.gukdae.packs..",
    "kr.gukdae.arena..",
    "kr.gukdae.originality..",
    "kr.gukdae.lineage..",
    "kr.gukdae.review.."
  };

  static final ArchRule CORE_IS_FRAMEWORK_FREE =
      noClasses()
          .that()
          .resideOutsideOfPackages("kr.gukdae.app..", "kr.gukdae.web..", "kr.gukdae.cli..")
          .and()
          .doNotHaveFullyQualifiedName("kr.gukdae.GukdaeApplication")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..", "kr.gukdae.app..", "kr.gukdae.web..", "kr.gukdae.cli..")
          .because("the core library stays free of Spring and never reaches into the app");

  static final ArchRule SOURCES_DO_NOT_REACH_DECISIONS =
      noClasses()
          .that()
          .resideInAnyPackage(SOURCES)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("kr.gukdae.stage..", "kr.gukdae.ledger..", "kr.gukdae.report..")
          .because("data flows one way: sources → evidence → scoring → decision → report");

  static final ArchRule DECISIONS_DO_NOT_REACH_REPORTS =
      noClasses()
          .that()
          .resideInAnyPackage("kr.gukdae.stage..", "kr.gukdae.ledger..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("kr.gukdae.report..")
          .because("reports read decisions; decisions never read reports");

  static final ArchRule NO_CYCLES_IN_CORE =
      slices().matching("kr.gukdae.(*)..").should().beFreeOfCycles();

  static final ArchRule NO_CYCLES_IN_APP =
      slices().matching("kr.gukdae.app.(*)..").should().beFreeOfCycles();

  static final ArchRule CONTROLLERS_DO_NOT_DEPEND_ON_CONTROLLERS =
      noClasses()
          .that()
          .areAnnotatedWith(RestController.class)
          .should()
          .dependOnClassesThat()
          .areAnnotatedWith(RestController.class)
          .because("shared request logic (who is asking, limits) belongs in a service");

  /**
   * The one handler allowed a JSON tree: a stored originality report passed through as the document
   * the method wrote (its per-reference details vary by method and version; see the handler).
   */
  static final String STORED_DOCUMENT =
      "kr.gukdae.app.originality.OriginalityController.report(java.lang.String)";

  /**
   * A REST handler's body is a typed record: not a {@code Map}, not a Jackson tree, not {@code
   * Object}, and not one of those wrapped ({@code ResponseEntity<Map<…>>}, {@code
   * List<ObjectNode>}, {@code Optional<JsonNode>}): the type arguments are checked too.
   */
  static final ArchRule NO_UNTYPED_REST_RESPONSES =
      methods()
          .that()
          .areDeclaredInClassesThat()
          .areAnnotatedWith(RestController.class)
          .or()
          .areDeclaredInClassesThat()
          .areAnnotatedWith(RestControllerAdvice.class)
          .and()
          .doNotHaveFullName(STORED_DOCUMENT)
          .should(returnTypedBodies())
          .because("REST bodies are typed records, not maps or JSON trees");

  static ArchCondition<JavaMethod> returnTypedBodies() {
    return new ArchCondition<>(
        "return typed bodies (no Map, JsonNode or Object, also inside <…>)") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        untyped(method.getReturnType())
            .ifPresent(found ->
                events.add(
                    SimpleConditionEvent.violated(
                        method,
                        "Method <"
                            + method.getFullName()
                            + "> returns "
                            + found
                            + " in "
                            + method.getSourceCodeLocation())));
      }
    };
  }

  /** The untyped part of a return type, looking through type arguments and wildcard bounds. */
  static java.util.Optional<String> untyped(JavaType type) {
    JavaClass raw = type.toErasure();
    if (raw.isAssignableTo(java.util.Map.class)
        || raw.isAssignableTo(JsonNode.class)
        || raw.isEquivalentTo(Object.class) && !(type instanceof JavaTypeVariable<?>)) {
      return java.util.Optional.of(raw.getName());
    }
    List<JavaType> inner = new java.util.ArrayList<>();
    if (type instanceof JavaParameterizedType p) {
      inner.addAll(p.getActualTypeArguments());
    }
    if (type instanceof JavaWildcardType w) {
      inner.addAll(w.getUpperBounds());
    }
    for (JavaType t : inner) {
      var found = untyped(t);
      if (found.isPresent()) {
        return found;
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * Factories of {@code ResponseEntity} whose builders can only end in a bodiless {@code build()}.
   */
  static final java.util.Set<String> BODILESS_STATUSES =
      java.util.Set.of(
          "notFound",
          "badRequest",
          "unprocessableEntity",
          "unprocessableContent",
          "internalServerError");

  /**
   * A controller never answers with an empty body: no {@code ResponseEntity.notFound()} or {@code
   * badRequest()} and no {@code .build()} of a response builder. A refusal is thrown ({@code
   * kr.gukdae.web.NotFound}, {@code UserError}, …) and the advice turns it into a problem.
   */
  static final ArchRule NO_BODILESS_RESPONSES =
      noClasses()
          .that()
          .areMetaAnnotatedWith(org.springframework.stereotype.Controller.class)
          .should()
          .callMethodWhere(
              DescribedPredicate.describe(
                  "a bodiless ResponseEntity (notFound(), badRequest(), …, or build())",
                  (JavaMethodCall call) -> {
                    var target = call.getTarget();
                    return target.getOwner().isEquivalentTo(ResponseEntity.class)
                            && BODILESS_STATUSES.contains(target.getName())
                        || target.getOwner().isAssignableTo(ResponseEntity.HeadersBuilder.class)
                            && target.getName().equals("build");
                  }))
          .because(
              "every REST refusal is an RFC 9457 problem built via kr.gukdae.web.Problems, with a"
                  + " code and Korean and English halves: throw kr.gukdae.web.NotFound or UserError");

  static final ArchRule ONE_SHA256_HELPER =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("kr.gukdae.Sha256")
          .should()
          .callMethod(MessageDigest.class, "getInstance", String.class)
          .orShould()
          .callMethod(MessageDigest.class, "getInstance", String.class, String.class)
          .orShould()
          .callMethod(
              MessageDigest.class, "getInstance", String.class, java.security.Provider.class)
          .because("SHA-256 is computed and hex-encoded in one place: kr.gukdae.Sha256");

  static final ArchRule NO_TEST_FAKES_IN_PRODUCTION =
      noClasses()
          .should()
          .haveSimpleNameStartingWith("Fake")
          .because("fakes live in test code, not in the production jar");

  @Test
  void coreIsFrameworkFree() {
    CORE_IS_FRAMEWORK_FREE.check(PRODUCTION);
  }

  @Test
  void dataFlowsOneWay() {
    SOURCES_DO_NOT_REACH_DECISIONS.check(PRODUCTION);
    DECISIONS_DO_NOT_REACH_REPORTS.check(PRODUCTION);
  }

  @Test
  void featurePackagesHaveNoCycles() {
    NO_CYCLES_IN_CORE.check(PRODUCTION);
    NO_CYCLES_IN_APP.check(PRODUCTION);
  }

  @Test
  void controllersDoNotDependOnControllers() {
    FreezingArchRule.freeze(CONTROLLERS_DO_NOT_DEPEND_ON_CONTROLLERS).check(PRODUCTION);
  }

  @Test
  void restResponsesAreTyped() {
    NO_UNTYPED_REST_RESPONSES.check(PRODUCTION);
  }

  @Test
  void noTestFakesInProduction() {
    // No known breaks: the fake OpenAI server lives in core's test sources (a test-jar for app).
    NO_TEST_FAKES_IN_PRODUCTION.check(PRODUCTION);
  }

  @Test
  void refusalsHaveProblemBodies() {
    NO_BODILESS_RESPONSES.check(PRODUCTION);
  }

  @Test
  void oneSha256Helper() {
    ONE_SHA256_HELPER.check(PRODUCTION);
  }

  @Test
  void plantedBreaksAreCaught() {
    JavaClasses planted =
        new ClassFileImporter().importClasses(PlantedViolations.SpringInCore.class);
    assertThatThrownBy(() -> CORE_IS_FRAMEWORK_FREE.check(planted))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("PlantedViolations$SpringInCore");
    JavaClasses upstream = new ClassFileImporter().importPackages("kr.gukdae.originality");
    assertThat(upstream.contain("kr.gukdae.originality.PlantedDecisionReader")).isTrue();
    assertThatThrownBy(() -> SOURCES_DO_NOT_REACH_DECISIONS.check(upstream))
        .isInstanceOf(AssertionError.class);
    // A frozen rule still catches a break that is not in its list (checked against a list held in
    // memory: checking the planted class against the real list would prune that list).
    JavaClasses fake = new ClassFileImporter().importClasses(PlantedViolations.FakeThing.class);
    var known = new KnownBreaks(List.of("Class <kr.gukdae.model.openai.fake.FakeOpenAiServer> …"));
    assertThatThrownBy(
            () -> FreezingArchRule.freeze(NO_TEST_FAKES_IN_PRODUCTION).persistIn(known).check(fake))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("FakeThing");
    // A map inside a response entity, a list of JSON trees, a bare Object: each is caught.
    JavaClasses untyped =
        new ClassFileImporter().importClasses(PlantedViolations.UntypedController.class);
    assertThatThrownBy(() -> NO_UNTYPED_REST_RESPONSES.check(untyped))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("UntypedController.wrappedMap()")
        .hasMessageContaining("UntypedController.listOfTrees()")
        .hasMessageContaining("UntypedController.anything()")
        .hasMessageNotContaining("UntypedController.typed()");
    // An empty 404 and an empty 400 are caught; the twin that throws NotFound is not.
    JavaClasses bodiless =
        new ClassFileImporter()
            .importClasses(
                PlantedViolations.BodilessController.class,
                PlantedViolations.ProblemController.class);
    assertThatThrownBy(() -> NO_BODILESS_RESPONSES.check(bodiless))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("BodilessController.missing()")
        .hasMessageContaining("BodilessController.refused()")
        .hasMessageNotContaining("ProblemController");
    JavaClasses ownHash = new ClassFileImporter().importClasses(PlantedViolations.OwnSha256.class);
    assertThatThrownBy(() -> ONE_SHA256_HELPER.check(ownHash))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("PlantedViolations$OwnSha256");
    assertThat(PRODUCTION.contain("kr.gukdae.Sha256")).isTrue();
    assertThat(PRODUCTION.size()).isGreaterThan(300);
  }
}
