package kr.gukdae.app.stage;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import kr.gukdae.ledger.Ledger;
import kr.gukdae.web.UserErrorAdvice;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class StageControllerTest {

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new StageController(Ledger.inMemory()))
          .setControllerAdvice(new UserErrorAdvice())
          .build();

  @Test
  void programmeDecisionsReportsAndAudit() throws Exception {
    mvc.perform(get("/api/stage/programme"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.demo").value(true))
        .andExpect(jsonPath("$.teams.length()").value(6));
    mvc.perform(post("/api/stage/demo"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.survivors[0]").value("hanbit"));
    mvc.perform(get("/api/stage/decisions")).andExpect(jsonPath("$[0].stage").value(1));
    long seq = 127; // programme (1) + 125 demo evidence records + the decision
    mvc.perform(get("/api/stage/decisions/" + seq))
        .andExpect(jsonPath("$.ranking[0].total").value(90.2));
    mvc.perform(get("/api/stage/decisions/" + seq + "/report?lang=en&team=dokdo"))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("eliminated (points)")));
    mvc.perform(get("/api/stage/decisions/1"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.startsWith("no decision at")));
    mvc.perform(get("/api/stage/audit")).andExpect(jsonPath("$.intact").value(true));
  }
}
