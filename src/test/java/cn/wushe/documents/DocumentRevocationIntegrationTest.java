package cn.wushe.documents;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Who may revoke which document: DOCUMENT_REVOKE reaches the documents of the actor's own region
 * and those below it (own, child); a sibling's, a parent's and another county's do not exist for
 * them (404); without the permission, 403.
 */
class DocumentRevocationIntegrationTest extends DocumentsIntegrationTestBase {

    static final TestActor TOWN_REVOKER = TestActor.of("documents-town-revoker", "COUNTY_ADMIN", TOWN,
            Permission.DOCUMENT_REVOKE);
    static final TestActor NEIGHBOUR_ADMIN = TestActor.of("documents-neighbour-admin", "COUNTY_ADMIN", NEIGHBOUR_COUNTY,
            Permission.DOCUMENT_REVOKE);
    static final TestActor VIEWER = TestActor.of("documents-viewer", "COUNTY_STATION", COUNTY, Permission.PERSON_VIEW);

    private static final String REASON = "{\"reason\":\"信息有误\"}";

    @Test
    void ownAndChildDocumentsCanBeRevoked() throws Exception {
        mvc.perform(asUser(TOWN_REVOKER, post(revocation(issue(TOWN)))).content(REASON)).andExpect(status().isNoContent());
        mvc.perform(asUser(TOWN_REVOKER, post(revocation(issue(COMMUNITY)))).content(REASON)).andExpect(status().isNoContent());
    }

    @Test
    void siblingParentAndOtherCountyDocumentsDoNotExistForTheActor() throws Exception {
        for (IssuedDocument elsewhere : new IssuedDocument[] {issue(OTHER_TOWN + "001"), issue(COUNTY)}) {
            mvc.perform(asUser(TOWN_REVOKER, post(revocation(elsewhere))).content(REASON))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value(Matchers.endsWith("/not-found")));
        }
        mvc.perform(asUser(NEIGHBOUR_ADMIN, post(revocation(issue(COMMUNITY)))).content(REASON))
                .andExpect(status().isNotFound());
        mvc.perform(asUser(NEIGHBOUR_ADMIN, post("/api/v1/documents/NOT-A-SERIAL/revocation")).content(REASON))
                .andExpect(status().isNotFound());
    }

    @Test
    void withoutThePermissionTheRevocationIsForbidden() throws Exception {
        mvc.perform(asUser(VIEWER, post(revocation(issue(COMMUNITY)))).content(REASON)).andExpect(status().isForbidden());
    }

    private static String revocation(IssuedDocument document) {
        return "/api/v1/documents/" + document.serial() + "/revocation";
    }
}
