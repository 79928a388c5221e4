package cn.wushe.region.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.ProblemType;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The platform's Idempotency-Key as a client of POST /api/v1/grids sees it: a retry replays the first
 * answer and creates nothing, the same key with another body is refused, and two users' keys never
 * meet. Each test is rolled back.
 */
class GridCreationIdempotencyIntegrationTest extends GridWebIntegrationTestBase {

    static final String GRID = "{\"communityCode\":\"610527102200\",\"name\":\"重试网格\"}";

    final Authentication yaoheWorker = GridFixtures.yaoheWorker("yaohe-retry");
    final Authentication otherWorker = GridFixtures.yaoheWorker("yaohe-other");

    @Test
    void aRetryWithTheSameKeyReplaysTheFirstAnswerAndCreatesNothing() throws Exception {
        MockHttpServletResponse first = create(yaoheWorker, "grid-retry-1", GRID).andExpect(status().isCreated())
                .andReturn().getResponse();
        long grids = count();

        MockHttpServletResponse again = create(yaoheWorker, "grid-retry-1", GRID).andExpect(status().isCreated())
                .andExpect(header().string("Location", first.getHeader("Location")))
                .andExpect(header().string("ETag", first.getHeader("ETag")))
                .andReturn().getResponse();

        assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(count()).isEqualTo(grids);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() throws Exception {
        create(yaoheWorker, "grid-retry-2", GRID).andExpect(status().isCreated());
        long grids = count();

        create(yaoheWorker, "grid-retry-2", GRID.replace("重试网格", "另一个网格"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(ProblemType.IDEMPOTENCY_KEY_REUSED.uri()))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(count()).isEqualTo(grids);
    }

    @Test
    void keysOfDifferentUsersDoNotCollide() throws Exception {
        String firstCode = code(create(yaoheWorker, "shared-key", GRID).andExpect(status().isCreated()));
        String otherCode = code(create(otherWorker, "shared-key", GRID.replace("重试网格", "他人的网格"))
                .andExpect(status().isCreated()));

        assertThat(otherCode).isNotEqualTo(firstCode);
    }

    @Test
    void aRefusalIsNotKeptSoTheKeyServesTheCorrectedRequest() throws Exception {
        create(yaoheWorker, "grid-retry-3", "{\"communityCode\":\"610527102200\",\"name\":\" \"}")
                .andExpect(status().isBadRequest());
        create(yaoheWorker, "grid-retry-3", GRID).andExpect(status().isCreated());
    }

    @Test
    void anOverlongKeyIsRefusedOnItsHeader() throws Exception {
        create(yaoheWorker, "k".repeat(101), GRID).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    private ResultActions create(Authentication user, String key, String body) throws Exception {
        return mvc.perform(post("/api/v1/grids").with(authentication(user)).with(csrf())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String code(ResultActions result) throws Exception {
        String location = result.andReturn().getResponse().getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private long count() {
        return jdbc.sql("select count(*) from region.grids").query(Long.class).single();
    }
}
