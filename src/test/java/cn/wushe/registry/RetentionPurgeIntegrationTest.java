package cn.wushe.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.registry.internal.RetentionPurge;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * security.md item 10 (retention): a person closed (销档) longer ago than the county's retention
 * period is purged by the scheduled task with an audit entry, and its attachments erased with their
 * content; one closed recently, or still in the register, stays.
 */
class RetentionPurgeIntegrationTest extends RegistryIntegrationTestBase {

    @Autowired
    RetentionPurge purge;
    @Autowired
    cn.wushe.attachments.BlobStore blobs;

    private PersonId closed() throws Exception {
        PersonId person = registerInGrid1();
        mvc.perform(asUser(RegistryFixtures.COMMUNITY_WORKER, post("/api/v1/people/" + person + "/close"))
                .header("If-Match", "\"0\"").content("{\"reason\":\"NO_LONGER_IN_NEED\"}")).andExpect(status().isNoContent());
        return person;
    }

    private boolean exists(PersonId person) {
        return jdbc.sql("select count(*) from registry.people where id = :id").param("id", person.value())
                .query(Long.class).single() > 0;
    }

    @Test
    void aRecordClosedLongerThanTheCountysRetentionIsPurgedWithAnAuditEntry() throws Exception {
        PersonId withPhoto = registerInGrid1();
        byte[] photo = cn.wushe.attachments.TestFiles.jpeg(80, 40);
        mvc.perform(multipart("/api/v1/attachments")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "身份证正面-张三.jpg", "image/jpeg", photo))
                .param("ownerType", "person").param("ownerId", withPhoto.toString())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication(
                        RegistryFixtures.COMMUNITY_WORKER.authentication()))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isCreated());
        mvc.perform(asUser(RegistryFixtures.COMMUNITY_WORKER, post("/api/v1/people/" + withPhoto + "/close"))
                .header("If-Match", "\"0\"").content("{\"reason\":\"NO_LONGER_IN_NEED\"}")).andExpect(status().isNoContent());
        String address = jdbc.sql("select content_address from attachments.attachments where owner_id = :id")
                .param("id", withPhoto.toString()).query(String.class).single();
        assertThat(blobs.exists(address)).isTrue();
        PersonId old = withPhoto;
        PersonId recent = closed();
        PersonId active = registerInGrid1();
        java.util.UUID household = jdbc.sql("select household_id from registry.people where id = :id")
                .param("id", old.value()).query(java.util.UUID.class).single();
        jdbc.sql("update registry.people set status_on = status_on - 400 where id = :id").param("id", old.value()).update();
        purge.setRetention(RegionFixture.COUNTY, 365);
        try {
            assertThat(purge.purgeExpired()).isGreaterThanOrEqualTo(1);
            assertThat(exists(old)).isFalse();
            assertThat(exists(recent)).isTrue();
            assertThat(exists(active)).isTrue();
            assertThat(jdbc.sql("select count(*) from registry.person_changes where person_id = :id").param("id", old.value())
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from registry.households where id = :id").param("id", household)
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from audit.entries where action = 'PERSON_PURGED' and object_id = :id")
                    .param("id", old.toString()).query(Long.class).single()).isEqualTo(1);
            assertThat(purge.purgeExpired()).isZero();
            // the person's photo: its row kept for the audit trail without the file name, its content gone
            assertThat(jdbc.sql("select file_name || '|' || (erased_at is not null) || '|' || (deleted_at is not null)"
                    + " from attachments.attachments where owner_id = :id").param("id", old.toString()).query(String.class)
                    .single()).isEqualTo("|true|true");
            assertThat(blobs.exists(address)).as("encrypted content left in the store").isFalse();
            assertThat(jdbc.sql("select detail from audit.entries where action = 'PERSON_PURGED' and object_id = :id")
                    .param("id", old.toString()).query(String.class).single()).endsWith("附件 1 个已清除");
        } finally {
            // the application may not delete policies (least privilege): a thousand years keeps everything again
            purge.setRetention(RegionFixture.COUNTY, 365_000);
        }
    }
}
