package cn.wushe.registry;

import static cn.wushe.registry.RegistryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.attachments.AttachedTo;
import cn.wushe.attachments.Attachments;
import cn.wushe.attachments.TestFiles;
import cn.wushe.platform.TestActor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's attachments (附件) through the API, the content addresses and the panel: a phone photo
 * is served without its location, nothing lies in clear under the blob directory, equal files share
 * one blob, and users outside the person's region find nothing (404) while those who only view may
 * not change (403).
 */
class PersonAttachmentsIntegrationTest extends RegistryIntegrationTestBase {

    static final Path BLOBS = Path.of("target/test-data/files");

    @Autowired
    Attachments attachments;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JsonMapper json;

    PersonId person;

    @BeforeEach
    void someoneInGrid1() {
        person = registerInGrid1();
    }

    @Test
    void aPhonePhotoIsServedUprightWithoutItsLocationAndNeverCached() throws Exception {
        byte[] photo = TestFiles.jpegWithGps(120, 60, 6);
        long reads = audits("ATTACHMENT_READ");

        String id = upload(GRID_WORKER, "IMG_0001.jpg", photo)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("JPEG"))
                .andExpect(jsonPath("$.width").value(60))
                .andExpect(jsonPath("$.fileName").value("IMG_0001.jpg"))
                .andReturn().getResponse().getHeader("Location").replaceAll("^/api/v1/attachments/|/content$", "");

        MvcResult content = mvc.perform(by(COMMUNITY_WORKER, get("/attachments/" + id)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline; filename=\"IMG_0001.jpg\"")))
                .andReturn();
        byte[] served = content.getResponse().getContentAsByteArray();
        assertThat(TestFiles.contains(served, TestFiles.GPS_LATITUDE)).isFalse();
        assertThat(TestFiles.contains(served, "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(ImageIO.read(new ByteArrayInputStream(served)).getHeight()).isEqualTo(120);

        byte[] thumbnail = mvc.perform(by(TOWN_STATION, get("/attachments/" + id + "/thumbnail")))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(TestFiles.contains(thumbnail, TestFiles.GPS_LATITUDE)).isFalse();
        assertThat(audits("ATTACHMENT_READ")).isEqualTo(reads + 2);
        assertThat(audits("ATTACHMENT_UPLOAD")).isPositive();
    }

    @Test
    void nothingUnderTheBlobDirectoryIsInClear() throws Exception {
        byte[] photo = TestFiles.jpegWithGps(200, 150, 1);
        String id = id(upload(GRID_WORKER, "家访.jpg", photo).andExpect(status().isCreated()).andReturn());
        byte[] served = mvc.perform(by(GRID_WORKER, get("/attachments/" + id))).andReturn().getResponse().getContentAsByteArray();
        byte[] servedSlice = java.util.Arrays.copyOfRange(served, served.length / 2, served.length / 2 + 64);
        byte[] uploadSlice = java.util.Arrays.copyOfRange(photo, photo.length / 2, photo.length / 2 + 64);

        List<Path> files = blobFiles();
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            byte[] stored = Files.readAllBytes(file);
            assertThat(stored).as(file.toString()).startsWith("WSB1".getBytes(StandardCharsets.US_ASCII));
            assertThat(TestFiles.contains(stored, servedSlice)).as(file.toString()).isFalse();
            assertThat(TestFiles.contains(stored, uploadSlice)).as(file.toString()).isFalse();
            assertThat(TestFiles.contains(stored, "JFIF".getBytes(StandardCharsets.US_ASCII))).as(file.toString()).isFalse();
            assertThat(TestFiles.contains(stored, "Exif".getBytes(StandardCharsets.US_ASCII))).as(file.toString()).isFalse();
        }
    }

    @Test
    void theSameFileTwiceIsOneBlob() throws Exception {
        byte[] pdf = (new String(TestFiles.pdf(), StandardCharsets.US_ASCII) + "% " + UUID.randomUUID() + "\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        int before = blobFiles().size();
        upload(GRID_WORKER, "证明.pdf", pdf).andExpect(status().isCreated());
        int afterFirst = blobFiles().size();
        upload(COMMUNITY_WORKER, "证明（复印）.pdf", pdf).andExpect(status().isCreated());

        assertThat(afterFirst).isEqualTo(before + 1);
        assertThat(blobFiles()).hasSize(afterFirst);
        assertThat(jdbc.sql("select count(distinct content_address) || '/' || count(*) from attachments.attachments where owner_id = :p")
                .param("p", person.toString()).query(String.class).single()).isEqualTo("1/2");
    }

    /** Who finds the person's attachments: own grid and community, the town station (view only), a sibling community, another county. */
    static Stream<Arguments> outsiders() {
        return Stream.of(Arguments.of("sibling", SIBLING_WORKER), Arguments.of("other-county", NEIGHBOUR_ADMIN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outsiders")
    void outsideThePersonsRegionNothingExists(String who, TestActor outsider) throws Exception {
        String id = id(upload(GRID_WORKER, "a.png", TestFiles.png(30, 30)).andExpect(status().isCreated()).andReturn());
        long rows = count("attachments.attachments");

        upload(outsider, "b.png", TestFiles.png(30, 30)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
        mvc.perform(by(outsider, get("/api/v1/attachments").param("ownerType", "person").param("ownerId", person.toString())))
                .andExpect(status().isNotFound());
        mvc.perform(by(outsider, delete("/api/v1/attachments/" + id))).andExpect(status().isNotFound());
        mvc.perform(by(outsider, get("/attachments/" + id))).andExpect(status().isNotFound());
        mvc.perform(by(outsider, get("/api/v1/attachments/" + id + "/content"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
        mvc.perform(by(outsider, get("/api/v1/attachments/" + id + "/thumbnail"))).andExpect(status().isNotFound());
        mvc.perform(by(outsider, get("/attachments/" + id + "/thumbnail"))).andExpect(status().isNotFound());
        mvc.perform(by(outsider, get("/attachments/panel").param("ownerType", "person").param("ownerId", person.toString())))
                .andExpect(status().isNotFound());
        mvc.perform(by(outsider, multipart("/attachments/panel").file(new MockMultipartFile("photo", "b.png", "image/png",
                        TestFiles.png(30, 30))).param("ownerType", "person").param("ownerId", person.toString())))
                .andExpect(status().isNotFound());
        mvc.perform(by(outsider, post("/attachments/" + id + "/delete").param("ownerType", "person")
                .param("ownerId", person.toString()))).andExpect(status().isNotFound());
        assertThat(count("attachments.attachments")).isEqualTo(rows);
    }

    @Test
    void theTownStationSeesButMayNotChange() throws Exception {
        String id = id(upload(GRID_WORKER, "a.png", TestFiles.png(30, 30)).andExpect(status().isCreated()).andReturn());

        mvc.perform(by(TOWN_STATION, get("/api/v1/attachments").param("ownerType", "person").param("ownerId", person.toString())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].thumbnailUrl").value("/api/v1/attachments/" + id + "/thumbnail"));
        mvc.perform(by(TOWN_STATION, get("/api/v1/attachments/" + id + "/content")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Cache-Control", "private, no-store"));
        mvc.perform(by(TOWN_STATION, get("/api/v1/attachments/" + id + "/thumbnail"))).andExpect(status().isOk());
        upload(TOWN_STATION, "b.png", TestFiles.png(30, 30)).andExpect(status().isForbidden());
        mvc.perform(by(TOWN_STATION, delete("/api/v1/attachments/" + id))).andExpect(status().isForbidden());

        mvc.perform(by(COMMUNITY_WORKER, delete("/api/v1/attachments/" + id))).andExpect(status().isNoContent());
        mvc.perform(by(GRID_WORKER, get("/attachments/" + id))).andExpect(status().isNotFound());
        assertThat(audits("ATTACHMENT_DELETE")).isPositive();
    }

    @Test
    void anObjectTypeNoModuleAnswersForTakesNothing() throws Exception {
        mvc.perform(by(COUNTY_ADMIN, multipart("/api/v1/attachments").file(new MockMultipartFile("file", "a.png", "image/png",
                        TestFiles.png(10, 10))).param("ownerType", "visit").param("ownerId", UUID.randomUUID().toString())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aFileThatLiesIsRefusedAndNothingIsWritten() throws Exception {
        long rows = count("attachments.attachments");

        upload(GRID_WORKER, "证明.pdf", TestFiles.png(20, 20))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("/problems/attachment-type-refused"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("内容实际是PNG 图片")))
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        upload(GRID_WORKER, "huge.png", TestFiles.pngClaiming(100_000, 100_000))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/attachment-content-refused"));
        assertThat(count("attachments.attachments")).isEqualTo(rows);
    }

    @Test
    void aRolledBackTransactionLeavesNoRow() {
        long rows = count("attachments.attachments");
        AttachedTo owner = new AttachedTo("person", person.toString());

        as(GRID_WORKER, () -> new TransactionTemplate(transactions).execute(status -> {
            attachments.store(GRID_WORKER, owner, "a.jpg", TestFiles.jpeg(40, 40));
            status.setRollbackOnly();
            return null;
        }));

        assertThat(count("attachments.attachments")).isEqualTo(rows);
        assertThat(as(GRID_WORKER, () -> attachments.list(GRID_WORKER, owner))).isEmpty();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyStoresOnce() throws Exception {
        byte[] png = TestFiles.png(25, 25);
        String first = id(upload(GRID_WORKER, "a.png", png, "key-" + person).andExpect(status().isCreated()).andReturn());
        String retry = id(upload(GRID_WORKER, "a.png", png, "key-" + person).andExpect(status().isCreated()).andReturn());

        assertThat(retry).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from attachments.attachments where owner_id = :p").param("p", person.toString())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void thePanelListsUploadsAndDeletes() throws Exception {
        String panel = mvc.perform(by(GRID_WORKER, multipart("/attachments/panel")
                        .file(new MockMultipartFile("photo", "门前.jpg", "image/jpeg", TestFiles.jpeg(50, 50)))
                        .file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0]))
                        .param("ownerType", "person").param("ownerId", person.toString()).header("HX-Request", "true")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(panel).contains("已上传", "门前.jpg", "/thumbnail", "capture=\"environment\"");

        String refused = mvc.perform(by(GRID_WORKER, multipart("/attachments/panel")
                        .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", TestFiles.html()))
                        .param("ownerType", "person").param("ownerId", person.toString()).header("HX-Request", "true")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("文件内容是网页（HTML）");

        String id = jdbc.sql("select id::text from attachments.attachments where owner_id = :p").param("p", person.toString())
                .query(String.class).single();
        assertThat(mvc.perform(by(TOWN_STATION, get("/attachments/panel").param("ownerType", "person")
                .param("ownerId", person.toString()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("门前.jpg").doesNotContain("/delete");
        assertThat(mvc.perform(by(GRID_WORKER, post("/attachments/" + id + "/delete").param("ownerType", "person")
                .param("ownerId", person.toString()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("已删除").doesNotContain("门前.jpg");
    }

    private org.springframework.test.web.servlet.ResultActions upload(TestActor actor, String name, byte[] bytes) throws Exception {
        return upload(actor, name, bytes, null);
    }

    private org.springframework.test.web.servlet.ResultActions upload(TestActor actor, String name, byte[] bytes, String key)
            throws Exception {
        var request = multipart("/api/v1/attachments")
                .file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                .param("ownerType", "person").param("ownerId", person.toString());
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(by(actor, request));
    }

    private String id(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
    }

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B by(TestActor actor, B request) {
        return request.with(authentication(actor.authentication())).with(csrf());
    }

    private static List<Path> blobFiles() throws IOException {
        if (!Files.isDirectory(BLOBS)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(BLOBS)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
