package kr.gukdae.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.store.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a random port over a fresh H2 database, with default settings. HTTP tests that
 * need nothing else extend it, so Spring starts this context once for all of them (its cache key is
 * the same configuration, declared once here) instead of once per test class. Tests in it share one
 * database and home: each creates its own accounts and rows under names of its own, and signs in
 * only a few times (logins are limited per address and minute, and all tests come from 127.0.0.1).
 * Besides the shipped example calls (all closed by the real clock) it runs {@link #OPEN_CALL}, a
 * copy of the seed call whose deadline is open, so applications can be submitted over HTTP, and
 * {@link #CLOSED_CALL}, a copy closed by the real clock that no other test seals, so a test can
 * take it through its rounds (seal, assign, sheets, decide) without moving any clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SharedHttpContext {

  /** A home of its own: the ledger's key and signed checkpoints belong to this fresh database. */
  private static final Path HOME = home();

  /** The id of the seed call's copy that closes in 2099: applications to it are accepted. */
  public static final String OPEN_CALL = "open-seed";

  /**
   * The id of the seed call's copy with the seed's own deadline (2025): past, never sealed by the
   * server itself. Only {@code HostileBehindIdsHttpTest} takes it through its rounds.
   */
  public static final String CLOSED_CALL = "closed-seed";

  @DynamicPropertySource
  static void sharedProperties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    registry.add("gukdae.home", HOME::toString);
    registry.add("gukdae.office.programmes", SharedHttpContext::programmes);
  }

  /** The shipped examples, as a server runs by default, the open call and the closed copy. */
  private static String programmes() {
    String seed = OfficeFiles.example("seed-2025.yaml");
    String open =
        seed.replace("  id: seed-2025\n", "  id: " + OPEN_CALL + "\n")
            .replace("  closes: 2025-07-21T16:00:00+09:00", "  closes: 2099-12-31T16:00:00+09:00");
    if (open.equals(seed) || open.contains("closes: 2025-07-21")) {
      throw new IllegalStateException("the seed example changed; update the open call's copy");
    }
    String closed = seed.replace("  id: seed-2025\n", "  id: " + CLOSED_CALL + "\n");
    List<String> names = new ArrayList<>(OfficeFiles.EXAMPLES);
    try {
      names.add(Files.writeString(HOME.resolve("open-call.yaml"), open).toString());
      names.add(Files.writeString(HOME.resolve("closed-call.yaml"), closed).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return String.join(",", names);
  }

  private static Path home() {
    try {
      return Files.createTempDirectory("gukdae-shared-http");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
