package nl.kunstloc.publieksdata.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at a real headless Chromium (Debian's chromium + chromium-driver): opens pages, signs
 * in, clicks, and has every page it visits checked by axe-core (serious or critical WCAG 2.1 AA
 * violations fail the test) and saved as a screenshot.
 */
public final class Browser implements AutoCloseable {

    private final PortalServer portal;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path screenshots = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

    public Browser(PortalServer portal) {
        this.portal = portal;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1366,900", "--lang=nl");
        // the browser's console, so that a test can show why a script did not do its work
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")).toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // pages are replaced while a wait polls them (redirects, ajax updates): a stale element means "look again"
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a page of the portal and checks its accessibility. */
    public Browser open(String path) {
        driver.get(portal.url(path));
        checkAccessibility();
        return this;
    }

    public Browser login(String email, String password) {
        driver.manage().deleteAllCookies();
        driver.get(portal.url("/login.xhtml"));
        type(By.id("login:username"), email);
        type(By.id("login:password"), password);
        driver.findElement(By.id("login:submit")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login.xhtml") || !d.findElements(By.cssSelector(".msg-error")).isEmpty());
        return this;
    }

    /** Signs out with the button in the header (from the inbox, so any page the test ended on will do). */
    public void logout() {
        if (driver.findElements(By.id("shellForm:logout")).isEmpty()) {
            driver.get(portal.url("/tasks/inbox.xhtml"));
        }
        click(By.id("shellForm:logout"));
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    }

    public Browser type(By by, String text) {
        WebElement e = wait.until(ExpectedConditions.elementToBeClickable(by));
        e.clear();
        e.sendKeys(text);
        return this;
    }

    public Browser click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
        return this;
    }

    /**
     * Clicks a full-page (non-ajax) submit button and waits until the browser shows the page that answered it:
     * reading the old page while it is being replaced failed a clean run ("Node with given id does not belong
     * to the document"), and a message left from the previous submit would otherwise pass for the new one.
     */
    public Browser submit(By button) {
        WebElement page = driver.findElement(By.tagName("html"));
        click(button);
        wait.until(ExpectedConditions.stalenessOf(page));
        wait.until(d -> "complete".equals(driver.executeScript("return document.readyState;")));
        return this;
    }

    /**
     * Chooses an option of a PrimeFaces select menu as a person does: open it, wait for the list,
     * click the option, and wait until the menu shows the choice (clicking before the list has
     * opened sometimes chose nothing).
     */
    public Browser choose(String menuId, String label) {
        String css = "#" + menuId.replace(":", "\\:");
        By item = By.cssSelector(css + "_items li[data-label='" + label + "']");
        By shown = By.cssSelector(css + " .ui-selectonemenu-label");
        // a click on the item while the list still slides open (or while an ajax update re-renders the menu) can be
        // lost: a person would look and choose again, and so does this, once
        for (int attempt = 1; ; attempt++) {
            try {
                click(By.cssSelector(css));
                WebElement option = wait.until(ExpectedConditions.visibilityOfElementLocated(item));
                if (attempt == 1) {
                    click(item);
                } else {
                    // the second time without scrolling: a list scrolled under the fixed header cannot take a real click
                    driver.executeScript("arguments[0].click();", option);
                }
                new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                        .until(d -> d.findElement(shown).getText().equals(label));
                return this;
            } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.ElementClickInterceptedException e) {
                if (attempt == 2) {
                    throw e;
                }
                // close a list left open and let a pending update finish before choosing again
                driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
                awaitAjax();
            }
        }
    }

    /** Waits for PrimeFaces' ajax requests to finish. */
    public Browser awaitAjax() {
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty();")));
        return this;
    }

    /**
     * The visible text of the element, once it is shown. Found and read in one step, again if the page replaced it
     * in between (after a full-page submit the old page goes while the new one comes: Chromium then answers "Node
     * with given id does not belong to the document", which failed a clean run).
     */
    public String text(By by) {
        return wait.until(d -> {
            try {
                WebElement e = d.findElement(by);
                return e.isDisplayed() ? e.getText() : null;
            } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException gone) {
                return null;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        });
    }

    public String heading() {
        return text(By.tagName("h1"));
    }

    /**
     * Waits until the page's heading is {@code expected}: after a click on a full-page (non-ajax) button
     * the old page may still be showing for a moment, and reading its heading at once failed a clean run.
     */
    public Browser assertHeading(String expected) {
        try {
            wait.until(d -> d.findElements(By.tagName("h1")).stream().anyMatch(h -> h.getText().equals(expected)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected the heading \"" + expected + "\" but the page " + currentPath()
                    + " shows \"" + heading() + "\"", e);
        }
        return this;
    }

    public List<String> texts(By by) {
        return driver.findElements(by).stream().map(WebElement::getText).toList();
    }

    public String currentPath() {
        return driver.getCurrentUrl().substring(portal.baseUrl().length());
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    /** What the page wrote to the browser console at level SEVERE (script errors, blocked resources) since the last call. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("/favicon.ico")) // the portal has none; Chromium asks anyway
                .map(org.openqa.selenium.logging.LogEntry::getMessage).toList();
    }

    public WebDriverWait waiting() {
        return wait;
    }

    /** Fails on serious or critical WCAG 2.1 A/AA violations of the current page. */
    public Browser checkAccessibility() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        String report = serious.stream().map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(serious).as("accessibility of " + driver.getCurrentUrl() + ":\n" + report).isEmpty();
        return this;
    }

    public Browser screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(screenshots.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
