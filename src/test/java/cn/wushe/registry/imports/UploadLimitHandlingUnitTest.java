package cn.wushe.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

/** An upload over the multipart limit answers 413 in Chinese: problem+json for the API, the problem page for a browser. */
class UploadLimitHandlingUnitTest {

    final UploadLimitHandling handling = new UploadLimitHandling(new ImportLimits(20L * 1024 * 1024, 1000, 200L * 1024 * 1024, 100, 200_000, null));

    @Test
    void theApiGetsAChineseProblem() {
        Object answer = handling.tooLarge(new MockHttpServletRequest("POST", "/api/v1/people/imports"));
        assertThat(answer).isInstanceOfSatisfying(ResponseEntity.class, response -> {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
            assertThat(((ProblemDetail) response.getBody()).getDetail()).contains("超过 20 MB");
        });
    }

    @Test
    void aPageGetsTheProblemPage() {
        Object answer = handling.tooLarge(new MockHttpServletRequest("POST", "/people/imports"));
        assertThat(answer).isInstanceOfSatisfying(ModelAndView.class, page -> {
            assertThat(page.getStatus()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
            assertThat(page.getModel().get("problem").toString()).contains("超过 20 MB");
        });
    }
}
