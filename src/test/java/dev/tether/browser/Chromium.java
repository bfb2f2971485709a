package dev.tether.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts headless sessions of the system's Chromium (Debian's {@code chromium} and {@code chromium-driver}).
 *
 * <p>Both executables are given to Selenium by path, which is what keeps Selenium Manager from ever
 * running: nothing is looked up or downloaded. When either is missing the tests fail, naming the
 * packages to install; they never skip, so a machine without a browser cannot pass them silently.
 * The paths can be changed with the system properties {@code tether.chromium} and {@code tether.chromedriver}.
 */
final class Chromium {

    static final Path BROWSER = Path.of(System.getProperty("tether.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("tether.chromedriver", "/usr/bin/chromedriver"));

    /** Desktop size for screenshots; {@link #PHONE} for the narrow-screen check. */
    static final Dimension DESKTOP = new Dimension(1200, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    private static final Path PROFILES = Path.of("target", "chromium-profiles");

    private Chromium() {
    }

    /** A fresh headless browser with its own profile under target/. The caller quits it. */
    static ChromeDriver start() throws IOException {
        requireExecutable(BROWSER, "chromium");
        requireExecutable(DRIVER, "chromium-driver");
        Files.createDirectories(PROFILES);
        Path profile = Files.createTempDirectory(PROFILES.toAbsolutePath(), "profile-");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox", // we run as root, where Chromium's sandbox cannot start
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
                // Only loopback exists for these tests: every other host name resolves to nothing inside
                // the browser, so it never looks up or contacts Google's services (sign-in, autofill,
                // updates) that Debian's build otherwise reaches for at start.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                "--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate",
                "--disable-domain-reliability",
                "--disable-client-side-phishing-detection",
                "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height);

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(PROFILES.resolve(profile.getFileName() + "-chromedriver.log").toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static void requireExecutable(Path path, String debianPackage) {
        File file = path.toFile();
        if (!file.isFile() || !file.canExecute()) {
            throw new IllegalStateException("The browser tests need " + path + ", which is missing: install it with "
                    + "'apt-get install -y chromium chromium-driver' (Debian package " + debianPackage + ").");
        }
    }
}
