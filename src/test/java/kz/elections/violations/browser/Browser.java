package kz.elections.violations.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven headless through chromium-driver, with the steps a person takes in
 * Tasklist: log in, open a task, fill Camunda Form fields, complete. Screenshots go to
 * target/screenshots, or to docs/screenshots when asked ({@code -Dscreenshots.refresh=true}), so that a
 * test run leaves the tracked ones as they are.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Boolean.getBoolean("screenshots.refresh") ? Path.of("docs", "screenshots")
            : Path.of("target", "screenshots");
    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String base;

    Browser(int port) {
        this(port, "en-US");
    }

    /** A browser whose languages (navigator.languages, Accept-Language) are the given ones, e.g. "kk" or "ru,en". */
    Browser(int port, String languages) {
        this(port, languages, false);
    }

    /** A phone's browser (a 390 x 844 screen, touch) in these languages. */
    static Browser phone(int port, String languages) {
        return new Browser(port, languages, true);
    }

    private Browser(int port, String languages, boolean phone) {
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--lang=" + languages.split(",")[0]);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        if (phone) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.base = "http://localhost:" + port;
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Logs in at Tasklist, whatever language it speaks, and waits for its header's "start process" link. */
    void logInToTasklist(String user) {
        logIn(user);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//a[@ng-click='open()'][.//span[contains(@class,'glyphicon-list-alt')]]")));
    }

    /** Logs in at Tasklist's login form whatever language the page speaks, and waits for the form to go. */
    void logIn(String user) {
        driver.manage().deleteAllCookies();
        open("/camunda/app/tasklist/default/");
        WebElement password = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
        driver.findElement(By.cssSelector("form input[type=text]")).sendKeys(user);
        password.sendKeys(user);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
    }

    /** Opens the task and claims it, as a person does before working on it. */
    void openTask(String taskId) {
        openTask(taskId, "Claim");
    }

    /** Opens the task and claims it with Tasklist's claim button, which must read as given. */
    void openTask(String taskId, String claimLabel) {
        open("/camunda/app/tasklist/default/#/?task=" + taskId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")));
        if (!claimLabel.equals(claim.getText().trim())) {
            throw new AssertionError("the claim button reads \"" + claim.getText() + "\", not \"" + claimLabel + "\"");
        }
        claim.click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-disabled")));
    }

    WebElement field(String key) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='Field_" + key + "']")));
    }

    void type(String key, String text) {
        WebElement input = field(key);
        input.clear();
        input.sendKeys(text);
    }

    void date(String key, String mmddyyyy) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id$='Field_" + key + "-date']")));
        input.clear();
        input.sendKeys(mmddyyyy);
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
    }

    void choose(String key, String label) {
        WebElement select = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//input[contains(@id,'Field_" + key + "')]/ancestor::div[contains(@class,'fjs-form-field-select')]")));
        select.findElement(By.cssSelector(".fjs-input-group")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + label + "']"))).click();
    }

    /** Picks the option of a radio group by its label. */
    void answer(String key, String label) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//label[contains(@for,'Field_" + key + "-')]"
                + "[normalize-space()=\"" + label + "\"]"))).click();
    }

    void tick(String key) {
        field(key).click();
    }

    void complete() {
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[ng-click='complete()']")));
        // a long form puts the button under the page's footer
        script("arguments[0].scrollIntoView({block: 'center'})", button);
        try {
            button.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException underANotification) {
            // a notification of Tasklist's (e.g. an earlier refusal) lies over the button, as a person would close it
            script("arguments[0].click()", button);
        }
    }

    /** Types into the element the CSS selector finds (an input or a text area of a page of ours). */
    void typeInto(String css, String text) {
        WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        element.clear();
        element.sendKeys(text);
    }

    /** Chooses the option with this value in the select the CSS selector finds, once the page has offered it. */
    void select(String css, String value) {
        wait.until(driver -> !driver.findElements(By.cssSelector(css + " option[value=\"" + value + "\"]")).isEmpty());
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector(css))).selectByValue(value);
    }

    /** The visible text of the element the CSS selector finds, once it is shown. */
    String textOf(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css))).getText();
    }

    /** The page's width as its layout sees it (CSS pixels). */
    long viewportWidth() {
        return ((Number) script("return document.documentElement.clientWidth")).longValue();
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /** Chooses a file in a file input, as a person does in the browser's file dialog. */
    void chooseFile(String css, Path file) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css))).sendKeys(file.toAbsolutePath()
                .toString());
    }

    void clickLink(String text) {
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(text))).click();
    }

    void clickText(String text) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[normalize-space()=\"" + text + "\"]"))).click();
    }

    /** The text of the first notification that contains the given words, waiting for it. */
    String notification(String containing) {
        WebElement alert = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//div[contains(@class,'alert')][contains(normalize-space(), \"" + containing + "\")]")));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", alert);
        return alert.getText();
    }

    void waitForText(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    }

    /** Waits longer than the usual 20 s, for a page as heavy as Cockpit loading in a fresh browser. */
    void waitForText(String text, Duration patience) {
        new WebDriverWait(driver, patience).until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), text));
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    List<String> taskListEntries() {
        return driver.findElements(By.cssSelector(".tasks-list li")).stream().map(WebElement::getText).toList();
    }

    /** The messages the browser's console received since the last call (CSP violations among them). */
    List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** Runs a script in the page and returns its result. */
    Object script(String javaScript, Object... arguments) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(javaScript, arguments);
    }

    void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
