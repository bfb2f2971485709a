package dev.tether.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** A page whose server goes away says so, and connects again by itself once the server is back. */
@Timeout(120)
class PageReconnectAfterRestartTest {

    private static DemoSite site;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        site = DemoSites.start();
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (site != null) site.close();
    }

    @Test
    void theEchoPageReconnectsAfterTheServerRestartsOnTheSamePort() throws Exception {
        browser.get(site.url("ws-echo-client/"));
        PageWait.connection(browser, "open");
        echo("before the restart");

        site.stop();
        PageWait.connection(browser, "closed");
        String code = browser.findElement(By.id("connection")).getAttribute("data-close-code");
        assertTrue(PageWait.connectionText(browser).contains("code " + code),
                "the close code is shown: " + PageWait.connectionText(browser));
        PageWait.until(browser, "the page to announce its next attempt",
                d -> PageWait.connectionText(d).contains("Reconnecting"));
        Screenshots.save(browser, "echo-reconnecting");

        // While the server is down, each attempt waits twice as long as the one before: 1 s, 2 s, 4 s.
        List<Integer> delays = new ArrayList<>();
        PageWait.until(browser, PageWait.LIMIT, () -> "three reconnection attempts, but saw delays " + delays, d -> {
            String delay = d.findElement(By.id("connection")).getAttribute("data-retry-delay");
            if (delay != null && (delays.isEmpty() || delays.get(delays.size() - 1) != Integer.parseInt(delay))) {
                delays.add(Integer.parseInt(delay));
            }
            return delays.size() >= 3;
        });
        assertEquals(List.of(1000, 2000, 4000), delays.subList(0, 3), "the backoff doubles from 1 s");
        site.restart();

        // The backoff waits at most 10 s between attempts.
        PageWait.until(browser, Duration.ofSeconds(30), "the page to reconnect, but it says: " + PageWait.connectionText(browser),
                d -> "open".equals(d.findElement(By.id("connection")).getAttribute("data-state")));
        echo("after the restart");
        assertTrue(PageWait.connectionText(browser).startsWith("Open"));
    }

    private static void echo(String text) {
        browser.findElement(By.id("message")).sendKeys(text);
        browser.findElement(By.id("send")).click();
        PageWait.until(browser, "the echo of '" + text + "'",
                d -> d.findElements(By.cssSelector("#log li.received")).stream().anyMatch(li -> li.getText().contains(text)));
    }
}
