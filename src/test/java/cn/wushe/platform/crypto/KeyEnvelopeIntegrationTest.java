package cn.wushe.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.platform.db.DatabaseCredentials;
import cn.wushe.platform.db.EmbeddedPostgresEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Keys (issue 10 item 2): outside demo and test mode no start without a master key from outside
 * ./data, kept from other accounts; the data keys live in the database wrapped under it, so a copy
 * of the database or of ./data alone decrypts nothing; rotating the master key re-wraps the four
 * data keys and leaves every encrypted row as it was, still readable; and the clear key files of an
 * earlier version are imported so that rows encrypted under them stay readable.
 */
class KeyEnvelopeIntegrationTest {

    static final String ID = "610527198001010014";

    /** Kept: the server started here runs until the JVM's shutdown handlers stop it, after this class. */
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.NEVER)
    static Path work;
    static String baseUrl;
    static DatabaseCredentials credentials;

    @BeforeAll
    static void startDatabase() {
        StandardEnvironment env = environment(Map.of("wushe.data-dir", work.resolve("pg-home").toString(), "wushe.db.durable", "false"));
        new EmbeddedPostgresEnvironment().postProcessEnvironment(env, new SpringApplication());
        String url = env.getRequiredProperty("spring.datasource.url");
        baseUrl = url.substring(0, url.lastIndexOf('/') + 1);
        credentials = DatabaseCredentials.load(work.resolve("pg-home"));
    }

    /** A fresh database with the platform's migrations, as the application role sees it. */
    static DataSource database(String name) {
        JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), baseUrl + "postgres",
                DatabaseCredentials.SUPERUSER, credentials.superuserPassword()))
                .sql("create database " + name + " owner wushe_owner").update();
        Flyway.configure().dataSource(baseUrl + name, DatabaseCredentials.OWNER, credentials.ownerPassword())
                .locations("classpath:db/migration/__root", "classpath:db/migration/platform")
                .placeholders(Map.of("appRole", DatabaseCredentials.APP)).load().migrate();
        return new SimpleDriverDataSource(new org.postgresql.Driver(), baseUrl + name, DatabaseCredentials.APP,
                credentials.appPassword());
    }

    static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return env;
    }

    static String newMasterKey() {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    @Test
    void outsideDemoModeNoMasterKeyOrOneInsideDataOrReadableByOthersRefusesTheStart() throws Exception {
        Path data = work.resolve("prod-data");
        Files.createDirectories(data.resolve("keys"));
        assertThatThrownBy(() -> CryptoConfiguration.masterKeysFrom(environment(Map.of("wushe.data-dir", data.toString()))))
                .hasMessageContaining("未提供主密钥");
        assertThat(data.resolve("keys/master.key")).doesNotExist();

        Path inside = Files.writeString(data.resolve("keys/master.key"), "1:" + newMasterKey() + "\n");
        Files.setPosixFilePermissions(inside, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> CryptoConfiguration.masterKeysFrom(environment(Map.of("wushe.data-dir", data.toString(),
                "wushe.crypto.master-key-file", inside.toString())))).hasMessageContaining("位于数据目录");

        Path outside = Files.writeString(work.resolve("master.key"), "1:" + newMasterKey() + "\n");
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> CryptoConfiguration.masterKeysFrom(environment(Map.of("wushe.data-dir", data.toString(),
                "wushe.crypto.master-key-file", outside.toString())))).hasMessageContaining("其他账户可读写");

        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-------"));
        assertThat(CryptoConfiguration.masterKeysFrom(environment(Map.of("wushe.data-dir", data.toString(),
                "wushe.crypto.master-key-file", outside.toString()))).primaryId()).isEqualTo("1");
        assertThat(CryptoConfiguration.masterKeysFrom(environment(Map.of("wushe.data-dir", data.toString(),
                "wushe.crypto.master-key", "7:" + newMasterKey()))).primaryId()).isEqualTo("7");
    }

    @Test
    void demoModeGeneratesTheMasterKeyBesideTheData() throws Exception {
        Path data = work.resolve("demo-data");
        MasterKeys generated = CryptoConfiguration.masterKeysFrom(environment(Map.of("wushe.data-dir", data.toString(),
                "wushe.demo.enabled", "true")));

        assertThat(generated.primaryId()).isEqualTo("1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("keys/master.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void theDatabaseHoldsOnlyWrappedKeysAndAMasterRotationRewrapsOnlyThemRowsStayReadable() {
        DataSource db = database("envelope");
        String first = newMasterKey();
        String second = newMasterKey();
        DataKeyStore store = new DataKeyStore(db, MasterKeys.parse("1:" + first));
        KeyRing ring = new KeyRing(CryptoConfiguration.envelope(store, work.resolve("envelope-data"), null, false));
        String stored = new Sm4GcmFieldCipher(ring).encrypt(ID);
        String index = new HmacSm3BlindIndex(ring).of("id-number", ID);
        String fieldKey = Base64.getEncoder().encodeToString(ring.key(1));
        JdbcClient jdbc = JdbcClient.create(db);

        assertThat(jdbc.sql("select count(*) from platform.data_keys").query(Integer.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select string_agg(wrapped, ' ') from platform.data_keys").query(String.class).single())
                .doesNotContain(fieldKey).doesNotContain(HexFormat.of().formatHex(ring.key(1)));
        assertThatThrownBy(() -> new DataKeyStore(db, MasterKeys.parse("1:" + second)).load())
                .as("another master key under the same id").hasMessageContaining("无法用主密钥 1");
        assertThatThrownBy(() -> new DataKeyStore(db, MasterKeys.parse("2:" + second)).load())
                .as("only the new key, before the rotation").hasMessageContaining("主密钥 1");

        // the rotation: the new key first, the old one after it, then a start
        DataKeyStore rotating = new DataKeyStore(db, MasterKeys.parse("2:" + second + "\n1:" + first));
        KeyRing.Material afterRotation = CryptoConfiguration.envelope(rotating, work.resolve("envelope-data"), null, false);
        assertThat(jdbc.sql("select distinct master_id from platform.data_keys").query(String.class).list()).containsExactly("2");
        assertThat(jdbc.sql("select count(*) from platform.data_keys where rewrapped_at is not null").query(Integer.class).single())
                .isEqualTo(4);
        assertThat(rotating.rewrap()).as("nothing left to re-wrap").isZero();

        KeyRing newOnly = new KeyRing(CryptoConfiguration.envelope(new DataKeyStore(db, MasterKeys.parse("2:" + second)),
                work.resolve("envelope-data"), null, false));
        assertThat(new Sm4GcmFieldCipher(newOnly).decrypt(stored)).isEqualTo(ID);
        assertThat(new HmacSm3BlindIndex(newOnly).of("id-number", ID)).isEqualTo(index);
        assertThat(afterRotation.signingKey()).isEqualTo(ring.signingKey());
        assertThat(afterRotation.chainKey()).isEqualTo(ring.chainKey());
    }

    @Test
    void theClearKeyFilesOfAnEarlierVersionAreImportedAndMustThenLeaveTheDataDirectory() throws Exception {
        DataSource db = database("legacy");
        Path data = work.resolve("legacy-data");
        Files.createDirectories(data.resolve("keys"));
        String k1 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(newMasterKey()));
        String blind = newMasterKey() + newMasterKey();
        Files.writeString(data.resolve("keys/crypto.properties"), "keys.1=" + k1 + "\nprimary-version=1\nblind-index-key=" + blind + "\n");
        Files.writeString(data.resolve("keys/signing.properties"), "signing-key=" + blind + "\n");
        KeyRing old = CryptoConfiguration.ring(Map.of(1, k1), 1, blind);
        String stored = new Sm4GcmFieldCipher(old).encrypt(ID);
        String index = new HmacSm3BlindIndex(old).of("id-number", ID);
        String signature = new HmacSm3Signatures(HexFormat.of().parseHex(blind)).sign("document", "42");
        DataKeyStore store = new DataKeyStore(db, MasterKeys.parse("1:" + newMasterKey()));

        assertThatThrownBy(() -> CryptoConfiguration.envelope(store, data, null, false))
                .hasMessageContaining("明文密钥文件").hasMessageContaining("crypto.properties");

        Path offline = Files.createDirectories(work.resolve("offline-key-backup"));
        Files.move(data.resolve("keys/crypto.properties"), offline.resolve("crypto.properties"));
        Files.move(data.resolve("keys/signing.properties"), offline.resolve("signing.properties"));
        KeyRing imported = new KeyRing(CryptoConfiguration.envelope(store, data, null, false));

        assertThat(new Sm4GcmFieldCipher(imported).decrypt(stored)).isEqualTo(ID);
        assertThat(new HmacSm3BlindIndex(imported).of("id-number", ID)).isEqualTo(index);
        assertThat(new HmacSm3Signatures(imported::signingKey).verify("document", "42", signature)).isTrue();
    }
}
