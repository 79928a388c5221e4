package cn.wushe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Drives the running application in Debian's real headless Chromium. Each test class gets one
 * browser; screenshots at phone (390×844) and desk (1366×900) size go to target/screenshots for a
 * person to look at.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// demo accounts carry the published password: a database of their own, or every non-demo context
// started later in the same JVM refuses to boot (identity WellKnownPasswordCheck, security.md check 6)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wushe.demo.enabled=true", "wushe.data-dir=target/test-data-demo"})
@ActiveProfiles("test")
public abstract class BrowserTestSupport {

    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESK = new Dimension(1366, 900);
    public static final String DEMO_PASSWORD = "Demo@2026";

    @LocalServerPort
    protected int port;

    protected ChromeDriver browser;
    private Path profileDir;

    @BeforeAll
    void startBrowser() throws IOException {
        profileDir = Files.createTempDirectory("wushe-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Path.of("/usr/bin/chromium").toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=zh-CN", "--user-data-dir=" + profileDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort().build();
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(DESK);
    }

    /** A page that breaks the Content-Security-Policy (inline script or style) fails its test. */
    @AfterEach
    void pagesSatisfyTheContentSecurityPolicy() {
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
        assertThat(violations).as("CSP violations in the browser console").isEmpty();
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(profileDir);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void open(String path) {
        browser.get(url(path));
    }

    protected WebElement waitFor(By by) {
        return pageWait().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    protected void waitForText(By by, String text) {
        pageWait().until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /**
     * Ten seconds for the page to settle. A node found just before a navigation replaces the document
     * makes Chromium answer "does not belong to the document", which is only a sign to look again.
     */
    private WebDriverWait pageWait() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    /** The demo administrators' published TOTP secret (docs/demo-accounts.md). */
    public static final String DEMO_SECOND_FACTOR = "WUSHEDEMOTOTPSECRETWUSHEDEMOTOTP";

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.jdbc.core.simple.JdbcClient demoDatabase;

    protected void login(String username, String password) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        // a click returns before the form's navigation ends: the next step must not cut this POST short,
        // so wait until a new document (without this mark) has loaded
        browser.executeScript("window.wusheLeaving = true;");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(b -> Boolean.TRUE.equals(((JavascriptExecutor) b).executeScript(
                        "return window.wusheLeaving === undefined && document.readyState === 'complete';")));
        if (browser.getCurrentUrl().contains("/login/second-factor")) {
            browser.findElement(By.name("code")).sendKeys(SecondFactorCodes.next(demoDatabase, username, DEMO_SECOND_FACTOR));
            browser.executeScript("window.wusheLeaving = true;");
            browser.findElement(By.id("second-factor-submit")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                    .until(b -> Boolean.TRUE.equals(((JavascriptExecutor) b).executeScript(
                            "return window.wusheLeaving === undefined && document.readyState === 'complete';")));
        }
    }

    /** Scrolls the element to the middle of the screen first (instantly: Bootstrap scrolls smoothly), as a person would. */
    protected void click(By by) {
        click(waitFor(by));
    }

    /** {@link #click(By)} for an element already found, e.g. a button inside one card of a list. */
    protected void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /**
     * Runs axe-core's WCAG 2.1 A/AA rules over the current page and fails on any serious or critical
     * violation (contrast, labels, keyboard reach), naming the rule and the elements.
     */
    protected void assertAccessible(String page) {
        assertThat(accessibilityViolations(page)).isEmpty();
    }

    /** The serious and critical axe-core violations of the current page, one line per rule; empty when it passes. */
    protected List<String> accessibilityViolations(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        return blocking.stream()
                .map(rule -> page + ": " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " -> "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(5)
                                .collect(Collectors.joining(", ")))
                .toList();
    }

    /** Saves a screenshot at the current window size, e.g. {@code target/screenshots/grids-phone.png}. */
    protected void screenshot(String name) {
        try {
            Path dir = Path.of("target/screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes the same page at phone and desk size. */
    protected void screenshotBothSizes(String name) {
        browser.manage().window().setSize(PHONE);
        screenshot(name + "-phone");
        browser.manage().window().setSize(DESK);
        screenshot(name + "-desk");
    }
}
