package cn.wushe.requests.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Demo mode: 白水县's service catalogue (6 categories, 32 items, {@code requests/demo-catalogue.json})
 * and its 导办 questions, the 错时 desk hours of the demo communities, and a year of matters. Items
 * whose code has an active version are left as they are, so each start adds only what is missing.
 */
@Component
@Order(70)
@ConditionalOnBooleanProperty(name = "wushe.demo.enabled")
class DemoCatalogue implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    /** The file's shape. */
    record File(List<Item> items, List<Catalogue.Question> questions) {
    }

    record Item(String code, String category, String name, List<String> aliases, List<String> conditions,
            List<CatalogueItem.Material> materials, List<String> channels, List<Integer> days, int total,
            @Nullable String department, boolean urgent, String whereWhen) {

        Catalogue.Draft draft() {
            Set<Channel> set = EnumSet.noneOf(Channel.class);
            channels.forEach(c -> set.add(Channel.valueOf(c)));
            return new Catalogue.Draft(code, category, name, aliases, conditions, materials, set, days.get(0), days.get(1),
                    days.get(2), department, urgent, whereWhen);
        }
    }

    private final Catalogue catalogue;
    private final DeskHours deskHours;
    private final DemoMatters demoMatters;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final String county;

    DemoCatalogue(Catalogue catalogue, DeskHours deskHours, DemoMatters demoMatters, ObjectMapper json,
            TransactionTemplate transaction, @Value("${wushe.home-county:610527}") String county) {
        this.catalogue = catalogue;
        this.deskHours = deskHours;
        this.demoMatters = demoMatters;
        this.json = json;
        this.transaction = transaction;
        this.county = county;
    }

    static File read(ObjectMapper json) {
        try (InputStream in = new ClassPathResource("requests/demo-catalogue.json").getInputStream()) {
            return json.readValue(in, File.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seeds the demo catalogue of {@code countyCode}. @return items added */
    static int seed(Catalogue catalogue, ObjectMapper json, String countyCode) {
        File file = read(json);
        int added = 0;
        for (Item item : file.items()) {
            added += catalogue.seed(countyCode, item.draft()) ? 1 : 0;
        }
        if (catalogue.questions(countyCode).isEmpty()) {
            catalogue.seedQuestions(countyCode, file.questions());
        }
        return added;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer added = transaction.execute(status -> seed(catalogue, json, county));
        Integer hours = transaction.execute(status -> deskHours.seedDemo(county));
        log.info("Demo service catalogue: {} items added; desk hours: {} rows added", added, hours);
        int matters = demoMatters.seedYear(county);
        log.info("Demo matters: {} added", matters);
    }
}
