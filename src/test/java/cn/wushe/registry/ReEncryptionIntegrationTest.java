package cn.wushe.registry;

import static cn.wushe.registry.RegistryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.DataKeyRotation;
import cn.wushe.platform.FieldCipher;
import cn.wushe.registry.internal.PersonDraft;
import cn.wushe.registry.internal.ReEncryption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Data-key rotation on the envelope's stored keys (platform.data_keys): a new field data key version
 * is stored wrapped and made primary; values written under the old data key still read; the
 * resumable re-encryption moves every one of them to the new key, once; and no value is lost or
 * changed on the way (every encrypted registry value decrypts to what it was before).
 */
class ReEncryptionIntegrationTest extends RegistryIntegrationTestBase {

    @Autowired
    ReEncryption reEncryption;
    @Autowired
    DataKeyRotation rotation;
    @Autowired
    FieldCipher cipher;

    @Test
    void valuesUnderTheOldDataKeyStillReadAndAreMovedToTheNewOneOnceNothingLost() throws Exception {
        PersonDraft draft = draftInGrid1();
        PersonId person = register(GRID_WORKER, draft);
        registerInGrid1();
        int old = cipher.primaryVersion();
        jdbc.sql("update registry.people set health_enc = :health where id = :p")
                .param("health", cipher.encrypt("高血压，行动不便")).param("p", person.value()).update();
        Map<String, String> before = everyEncryptedValueInClear();
        assertThat(before).isNotEmpty();
        String stored = jdbc.sql("select id_number_enc from registry.people where id = ?").param(person.value())
                .query(String.class).single();
        assertThat(cipher.versionOf(stored)).isEqualTo(old);

        int next = rotation.newFieldKey();

        assertThat(next).isGreaterThan(old);
        assertThat(cipher.primaryVersion()).isEqualTo(next);
        assertThat(jdbc.sql("select count(*) from platform.data_keys where purpose = 'field' and version = ?").param(next)
                .query(Integer.class).single()).as("the new data key is stored, wrapped").isOne();
        assertThat(cipher.versionOf(cipher.encrypt("新值"))).isEqualTo(next);
        mvc.perform(asUser(COUNTY_ADMIN, get("/api/v1/people/" + person)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.health").value("高血压，行动不便"));

        ReEncryption.Report interrupted = reEncryption.run(1, 1);
        assertThat(interrupted.total()).isPositive();
        ReEncryption.Report rest = reEncryption.run();
        ReEncryption.Report again = reEncryption.run();

        assertThat(again.total()).as("idempotent: nothing left under an old version").isZero();
        assertThat(rest.rewritten().get("registry.people")).isPositive();
        for (Map.Entry<String, List<String>> table : columns().entrySet()) {
            for (String column : table.getValue()) {
                assertThat(jdbc.sql("select count(*) from " + table.getKey() + " where " + column + " is not null and "
                        + column + " not like ?").param("v" + next + ":%").query(Long.class).single())
                        .as("%s.%s under the new key only", table.getKey(), column).isZero();
            }
        }
        assertThat(everyEncryptedValueInClear()).as("nothing lost, nothing changed").containsAllEntriesOf(before);
        mvc.perform(asUser(COUNTY_ADMIN, get("/api/v1/people/" + person)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.health").value("高血压，行动不便"));
        mvc.perform(asUser(COUNTY_ADMIN, post("/api/v1/people/" + person + "/reveal"))
                        .content("{\"reason\":\"CORRECTION\"}"))
                .andExpect(jsonPath("$.idNumber").value(draft.idNumber()));
    }

    private static Map<String, List<String>> columns() {
        return Map.of("registry.people", List.of("id_number_enc", "phone_enc", "address_detail_enc", "health_enc", "income_band_enc"),
                "registry.households", List.of("address_detail_enc"), "registry.related_parties", List.of("phone_enc"));
    }

    /** table.column.id → the value in clear, for every encrypted value of the registry's tables. */
    private Map<String, String> everyEncryptedValueInClear() {
        Map<String, String> clear = new TreeMap<>();
        columns().forEach((table, cols) -> {
            for (String column : cols) {
                List<String[]> rows = new ArrayList<>();
                jdbc.sql("select id::text, " + column + " from " + table + " where " + column + " is not null")
                        .query(rs -> {
                            rows.add(new String[] {rs.getString(1), rs.getString(2)});
                        });
                rows.forEach(r -> clear.put(table + "." + column + "." + r[0], cipher.decrypt(r[1])));
            }
        });
        return clear;
    }
}
