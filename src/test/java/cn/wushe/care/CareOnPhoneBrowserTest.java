package cn.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.browser.BrowserTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A grid worker on a phone, as a new user would go: from the workbench to the due list, one
 * person, the visit form, and a visit that found nothing — counted in taps (at most 5); two visits
 * finished without signal, the session gone meanwhile, signing in again: each recorded once, also
 * when the phone resends one whose reply was lost. Then axe-core over care's pages at phone size
 * in normal and large type.
 */
class CareOnPhoneBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    private int taps;

    private void tap(By by) {
        click(by);
        taps++;
    }

    @Test
    void aGreenVisitWithNothingFoundTakesAtMostFiveTaps() {
        login("grid_worker", DEMO_PASSWORD);
        browser.manage().window().setSize(PHONE);
        waitForDemoPeople();
        open("/");
        taps = 0;

        tap(By.cssSelector("button.navbar-toggler"));
        tap(By.xpath("//nav//a[normalize-space()='走访']"));
        waitForText(By.tagName("h1"), "关爱走访");
        tap(By.xpath("//a[normalize-space()='全部']"));
        List<WebElement> green = browser.findElements(By.xpath(
                "//li[.//span[contains(@class,'badge') and normalize-space()='绿色']]//a[contains(@class,'btn-primary')]"));
        By visit = green.isEmpty() ? By.cssSelector("ul.list-group a.btn-primary")
                : By.id(idOf(green.getFirst()));
        tap(visit);
        waitForText(By.tagName("h1"), "走访");
        screenshot("care-visit-phone");
        tap(By.id("submit-top"));
        waitFor(By.cssSelector(".alert-success"));

        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("已记录");
        assertThat(taps).isLessThanOrEqualTo(5);
        screenshotBothSizes("care-due");
    }

    @Test
    void carePagesPassAxeInNormalAndLargeType() {
        login("community_worker", DEMO_PASSWORD);
        browser.manage().window().setSize(PHONE);
        waitForDemoPeople();
        List<String> violations = new ArrayList<>();
        for (boolean large : new boolean[] {false, true}) {
            open("/care?which=ALL");
            if (large) {
                click(By.xpath("//button[contains(., '大字模式')]"));
                waitFor(By.cssSelector("html.large-type"));
            }
            violations.addAll(accessibilityViolations("/care" + (large ? " large" : "")));
            String person = browser.findElement(By.cssSelector("ul.list-group a.text-decoration-none")).getAttribute("href");
            browser.get(person);
            waitFor(By.tagName("h1"));
            violations.addAll(accessibilityViolations("person" + (large ? " large" : "")));
            screenshot("care-person-phone" + (large ? "-large" : ""));
            browser.get(person + "/visit");
            waitFor(By.id("submit-top"));
            violations.addAll(accessibilityViolations("visit" + (large ? " large" : "")));
            open("/care/alerts?open=false");
            waitFor(By.tagName("h1"));
            violations.addAll(accessibilityViolations("alerts" + (large ? " large" : "")));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void visitsFinishedOfflineAreRecordedOnceAfterSigningInAgain() {
        login("grid_worker", DEMO_PASSWORD);
        browser.manage().window().setSize(PHONE);
        waitForDemoPeople();
        List<String> forms = browser.findElements(By.cssSelector("ul.list-group a.btn-primary")).stream()
                .map(a -> a.getAttribute("href")).limit(2).toList();
        assertThat(forms).hasSize(2);
        List<UUID> people = forms.stream()
                .map(f -> UUID.fromString(f.replaceAll(".*/people/([0-9a-f-]{36})/visit.*", "$1"))).toList();
        List<Long> before = people.stream().map(this::visits).toList();
        browser.get(forms.get(0));
        waitFor(By.id("submit-top"));

        // no signal: two visits are finished on the phone and queued there
        offline(true);
        click(By.id("submit-top"));
        waitForUrlEnding("/care");
        browser.get(forms.get(1));
        waitFor(By.id("submit-top"));
        click(By.id("submit-top"));
        waitForUrlEnding("/care");
        assertThat(queued()).hasSize(2);
        screenshot("care-offline-queued-phone");

        // the session ended meanwhile: back online, the queue waits for sign-in and says so
        browser.manage().deleteAllCookies();
        offline(false);
        browser.executeScript("if (window.wusheCareFlush) { window.wusheCareFlush(); }");
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(b -> b.findElement(By.id("care-queue")).getText().contains("重新登录"));
        assertThat(people.stream().map(this::visits).toList()).isEqualTo(before);
        List<String> keys = queued();
        String firstBody = queuedBodies.getFirst();

        login("grid_worker", DEMO_PASSWORD);
        open("/care");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> queued().isEmpty());
        assertThat(people.stream().map(this::visits).toList()).isEqualTo(List.of(before.get(0) + 1, before.get(1) + 1));

        // the reply to an upload was lost: the phone sends it again under the same key and gets the first visit
        Object status = browser.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "var headers = {'Content-Type': 'application/json', 'Idempotency-Key': arguments[1]};"
                        + "headers[document.querySelector('meta[name=\"_csrf_header\"]').content] ="
                        + " document.querySelector('meta[name=\"_csrf\"]').content;"
                        + "fetch('/api/v1/care/people/' + arguments[0] + '/visits', {method: 'POST', credentials: 'same-origin',"
                        + " headers: headers, body: arguments[2]}).then(function (r) { done(r.status); });",
                queuedPeople.getFirst(), keys.getFirst(), firstBody);
        assertThat(((Number) status).intValue()).isEqualTo(201);
        assertThat(people.stream().map(this::visits).toList()).isEqualTo(List.of(before.get(0) + 1, before.get(1) + 1));
    }

    private void waitForUrlEnding(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> b.getCurrentUrl().endsWith(path));
    }

    private void offline(boolean off) {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(off);
        browser.setNetworkConditions(conditions);
    }

    private List<String> queuedBodies = List.of();
    private List<String> queuedPeople = List.of();

    /** The keys of the visits queued on the phone (IndexedDB), remembering their people and bodies to resend one. */
    @SuppressWarnings("unchecked")
    private List<String> queued() {
        List<Map<String, Object>> items = (List<Map<String, Object>>) browser.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "var request = indexedDB.open('wushe-care', 1);"
                        + "request.onupgradeneeded = function () { request.result.createObjectStore('visits', {keyPath: 'key'}); };"
                        + "request.onsuccess = function () {"
                        + "  var all = request.result.transaction('visits').objectStore('visits').getAll();"
                        + "  all.onsuccess = function () { done(all.result.map(function (i) {"
                        + "    return {key: i.key, person: i.person, body: JSON.stringify(i.body)}; })); };"
                        + "};");
        if (!items.isEmpty()) {
            queuedBodies = items.stream().map(i -> (String) i.get("body")).toList();
            queuedPeople = items.stream().map(i -> (String) i.get("person")).toList();
        }
        return items.stream().map(i -> (String) i.get("key")).toList();
    }

    private long visits(UUID person) {
        return jdbc.sql("select count(*) from care.visits where person_id = :p").param("p", person).query(Long.class).single();
    }

    /** The demo's care year arrives after the registry's bulk load commits (an event): wait for it. */
    private void waitForDemoPeople() {
        new WebDriverWait(browser, Duration.ofSeconds(90)).pollingEvery(Duration.ofSeconds(2)).until(b -> {
            open("/care?which=ALL");
            return !b.findElements(By.cssSelector("ul.list-group a.btn-primary")).isEmpty();
        });
    }

    private String idOf(WebElement element) {
        String id = element.getAttribute("id");
        if (id == null || id.isEmpty()) {
            id = "care-visit-target";
            browser.executeScript("arguments[0].id = arguments[1];", element, id);
        }
        return id;
    }
}
