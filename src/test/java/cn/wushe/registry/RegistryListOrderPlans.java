package cn.wushe.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The town list page of {@link RegistryBenchmark} as PostgreSQL plans and runs it in each name order
 * of {@code PersonLists.NameOrder}, on the benchmark's data set (run RegistryBenchmark first: it
 * builds the reference orders' indexes): whether the page walks an index in display order, how many
 * buffers it touches, and its execution time inside the server, which a loaded machine disturbs far
 * less than an HTTP round trip. Tagged "benchmark"; prints the figures for docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"wushe.data-dir=target/bench-data", "spring.flyway.out-of-order=true", "logging.level.root=WARN"})
@ActiveProfiles("test")
class RegistryListOrderPlans {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theTownListPageInEachNameOrder() {
        Map<String, String> orders = new LinkedHashMap<>();
        orders.put("pinyin (ICU zh-x-icu)", "p.name collate \"zh-x-icu\"");
        orders.put("stored GB 18030 key", "registry.name_key_gb18030(p.name)");
        orders.put("code point (reference)", "p.name");
        String bornBy = LocalDate.now().minusYears(60).toString();
        StringBuilder report = new StringBuilder();
        for (var order : orders.entrySet()) {
            String sql = """
                    explain (analyze, buffers, format text)
                    select p.id, p.name from registry.people p
                    where p.county_code = '610527' and left(p.region_code, 9) = '610527001'
                      and p.birth_date <= date '%s'
                      and exists (select 1 from registry.person_categories c where c.person_id = p.id
                                  and c.category_code = 'DIBAO' and c.start_date <= current_date
                                  and (c.end_date is null or c.end_date >= current_date))
                    order by %s, p.id limit 21 offset %d""";
            List<Double> times = new ArrayList<>();
            String plan = "";
            for (int i = 0; i < 60; i++) {
                List<String> lines = jdbc.sql(sql.formatted(bornBy, order.getValue(), (i % 5) * 20)).query(String.class).list();
                if (i >= 10) {
                    times.add(Double.parseDouble(lines.get(lines.size() - 1).replaceAll("[^0-9.]", "")));
                }
                plan = String.join("\n", lines);
            }
            Collections.sort(times);
            report.append("### ").append(order.getKey()).append(String.format(": median %.2f ms, p90 %.2f ms (server execution, 50 runs)%n",
                    times.get(times.size() / 2), times.get(times.size() * 9 / 10))).append("```\n").append(plan).append("\n```\n");
        }
        System.out.println("LIST-ORDER-PLANS\n" + report);
    }
}
