package dev.tether.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

@Timeout(120)
class StatusPageUpdatesTest extends DemoSiteBrowserTest {

    /** Counts the canvas pixels close to the colour of the "heap used" line, read from the page's CSS. */
    private static final String COUNT_USED_LINE_PIXELS = """
            const canvas = document.getElementById('chart');
            const probe = document.createElement('canvas').getContext('2d');
            probe.fillStyle = getComputedStyle(canvas).getPropertyValue('--chart-used').trim();
            probe.fillRect(0, 0, 1, 1);
            const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
            const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            let count = 0;
            for (let i = 0; i < data.length; i += 4) {
              if (data[i + 3] > 200 && Math.abs(data[i] - r) < 24 && Math.abs(data[i + 1] - g) < 24
                  && Math.abs(data[i + 2] - b) < 24) count++;
            }
            return count;
            """;

    @Test
    void figuresUpdateEverySecondAndTheChartIsDrawn() throws Exception {
        browser.get(site.url("ws-status-client/"));
        PageWait.connection(browser, "open");
        String earlyChart = chartImage();

        // Two updates within three seconds of the connection opening (the server sends one a second).
        PageWait.until(browser, Duration.ofSeconds(3), "two status updates within three seconds",
                d -> updates() >= 2);
        String afterTwo = chartImage();
        long after = ((Number) browser.executeScript(COUNT_USED_LINE_PIXELS)).longValue();

        assertTrue(after >= 10, "the heap-used line is drawn: " + after + " pixels of its colour");
        assertNotEquals(earlyChart, afterTwo, "the chart changed as data arrived");
        assertTrue(Integer.parseInt(browser.findElement(By.id("chart")).getAttribute("data-samples")) >= 2);

        for (String figure : new String[] {"uptime", "heap-used", "heap-committed", "threads", "server-time"}) {
            String text = browser.findElement(By.id(figure)).getText();
            assertFalse(text.isBlank() || text.equals("–"), figure + " shows a value, not '" + text + "'");
        }
        assertTrue(browser.findElement(By.id("heap-used")).getText().endsWith("MiB"));

        // A third sample moves the chart on.
        int seen = updates();
        PageWait.until(browser, "one more status update", d -> updates() > seen);
        assertNotEquals(afterTwo, chartImage(), "the chart is redrawn for each update");
        assertTrue(browser.findElement(By.id("chart")).getAttribute("aria-label").contains("threads"),
                "the chart has a text alternative");

        // A few more seconds of history make a screenshot worth looking at.
        PageWait.until(browser, "six status updates", d -> updates() >= 6);
        Screenshots.save(browser, "status");

        // The chart on a phone, and in the dark theme: both redrawn by the page itself.
        browser.manage().window().setSize(Chromium.PHONE);
        int beforePhone = updates();
        PageWait.until(browser, "an update at phone width", d -> updates() > beforePhone);
        Screenshots.save(browser, "status-phone");
        browser.manage().window().setSize(Chromium.DESKTOP);
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        int beforeDark = updates();
        PageWait.until(browser, "an update in the dark theme", d -> updates() > beforeDark);
        Screenshots.save(browser, "status-dark");
    }

    private int updates() {
        return Integer.parseInt(browser.findElement(By.id("figures")).getAttribute("data-updates"));
    }

    private String chartImage() {
        return (String) browser.executeScript("return document.getElementById('chart').toDataURL()");
    }
}
