package kr.gukdae.app.stage;

import java.nio.file.Files;
import kr.gukdae.store.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class StageRulesH2Test extends StageRulesContract {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    var home = Files.createTempDirectory("gukdae-home");
    registry.add("gukdae.home", home::toString);
  }
}
