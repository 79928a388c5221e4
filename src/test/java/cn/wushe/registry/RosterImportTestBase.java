package cn.wushe.registry;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.BlindIndex;
import cn.wushe.platform.TestActor;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Uploading, waiting for and committing roster imports through the API, for the import's tests. */
abstract class RosterImportTestBase extends RegistryIntegrationTestBase {

    @Autowired
    BlindIndex blindIndex;

    String uploadAndWait(TestActor actor, byte[] file, String idempotencyKey) throws Exception {
        var request = multipart("/api/v1/people/imports").file(new MockMultipartFile("file", "名单.xlsx", null, file))
                .with(authentication(actor.authentication())).with(csrf());
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        MvcResult result = mvc.perform(request).andExpect(status().isAccepted()).andReturn();
        String job = JsonPath.read(result.getResponse().getContentAsString(), "$.id");
        await().atMost(Duration.ofSeconds(60)).until(() -> !"VALIDATING".equals(JsonPath.read(
                mvc.perform(asUser(actor, get("/api/v1/people/imports/" + job))).andReturn().getResponse().getContentAsString(),
                "$.status")));
        return job;
    }

    void commit(TestActor actor, String job) throws Exception {
        mvc.perform(asUser(actor, post("/api/v1/people/imports/" + job + "/commit"))).andExpect(status().isOk());
    }

    /** "row column message" per reason of the rejected rows, in row order. */
    List<String> rejected(TestActor actor, String job) throws Exception {
        String json = mvc.perform(asUser(actor, get("/api/v1/people/imports/" + job + "/rows").param("outcome", "REJECTED")))
                .andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> rows = JsonPath.read(json, "$");
        return rows.stream().flatMap(r -> ((List<Map<String, String>>) r.get("reasons")).stream()
                .map(reason -> r.get("row") + " " + reason.get("column") + " " + reason.get("message"))).toList();
    }

    String bidx(String idNumber) {
        return blindIndex.of("id-number", idNumber);
    }

    static MockHttpServletRequestBuilder page(TestActor actor, MockHttpServletRequestBuilder request) {
        return request.with(authentication(actor.authentication())).with(csrf());
    }

    static byte[] unzip(byte[] zip, String entry) throws IOException {
        return RosterFiles.unzip(zip, entry);
    }
}
