package dev.tether.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

/** A page whose server goes away says so, and connects again by itself once the server is back. */
@Timeout(120)
class PageReconnectAfterRestartTest extends DemoSiteBrowserTest {

    @Test
    void theEchoPageReconnectsAfterTheServerRestartsOnTheSamePort() throws Exception {
        browser.get(site.url("ws-echo-client/"));
        PageWait.connection(browser, "open");
        echo("before the restart");

        // Stopped on another thread, and watched from the moment the server starts going (a graceful stop
        // takes a while): the first close, then each attempt waiting twice as long as the one before while
        // the server stays down: 1 s, 2 s, 4 s.
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
            try {
                site.stop();
            } catch (Exception e) {
                throw new IllegalStateException("stopping the server failed", e);
            }
        });
        List<Integer> delays = new ArrayList<>();
        List<String> firstClose = new ArrayList<>();
        PageWait.until(browser, PageWait.LIMIT, () -> "three reconnection attempts, but saw delays " + delays, d -> {
            @SuppressWarnings("unchecked")
            List<String> state = (List<String>) browser.executeScript("""
                    const line = document.getElementById('connection');
                    return [line.dataset.state, line.dataset.closeCode || '', line.dataset.retryDelay || '', line.textContent];
                    """);
            if (!"closed".equals(state.get(0))) return false;
            if (firstClose.isEmpty()) firstClose.addAll(state);
            if (!state.get(2).isEmpty()) {
                int delay = Integer.parseInt(state.get(2));
                if (delays.isEmpty() || delays.get(delays.size() - 1) != delay) delays.add(delay);
            }
            return delays.size() >= 3;
        });
        stopped.get(30, TimeUnit.SECONDS);
        assertTrue(firstClose.get(3).contains("code " + firstClose.get(1)), "the close code is shown: " + firstClose);
        assertEquals("1001", firstClose.get(1), "going away: " + firstClose);
        assertEquals(List.of(1000, 2000, 4000), delays.subList(0, 3), "the backoff doubles from 1 s");
        assertTrue(PageWait.connectionText(browser).contains("Reconnecting"), "the next attempt is announced");
        Screenshots.save(browser, "echo-reconnecting");
        site.restart();

        // The backoff waits at most 10 s between attempts.
        PageWait.until(browser, Duration.ofSeconds(30), "the page to reconnect, but it says: " + PageWait.connectionText(browser),
                d -> "open".equals(d.findElement(By.id("connection")).getAttribute("data-state")));
        echo("after the restart");
        assertTrue(PageWait.connectionText(browser).startsWith("Open"));
    }

    private void echo(String text) {
        browser.findElement(By.id("message")).sendKeys(text);
        browser.findElement(By.id("send")).click();
        PageWait.until(browser, "the echo of '" + text + "'",
                d -> d.findElements(By.cssSelector("#log li.received")).stream().anyMatch(li -> li.getText().contains(text)));
    }
}
