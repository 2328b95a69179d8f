package kr.gukdae.app.stage;

import java.nio.file.Files;
import java.nio.file.Path;
import kr.gukdae.store.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class WeightSwapPostgresTest extends WeightSwapContract {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    String url = TestDatabases.postgres();
    registry.add("spring.datasource.url", () -> url);
    Path home = Files.createTempDirectory("gukdae-swap-pg");
    registry.add("gukdae.home", home::toString);
  }
}
