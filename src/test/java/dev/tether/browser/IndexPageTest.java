package dev.tether.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

@Timeout(120)
class IndexPageTest {

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
    void theIndexLinksEveryDemo() throws Exception {
        browser.get(site.url(""));
        assertEquals("Tether demos", browser.getTitle());
        List<String> links = browser.findElements(By.cssSelector("ul.demos a")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertEquals(List.of(site.url("ws-echo-client/"), site.url("ws-status-client/"), site.url("ws-chatroom-client/")), links);
        Screenshots.save(browser, "index");

        browser.findElement(By.linkText("Chatroom")).click();
        PageWait.connection(browser, "open");
        assertEquals("Chatroom · Tether demos", browser.getTitle());
    }

    /** The pages are directories with an index.html: the container adds the slash, then relative links work. */
    @Test
    void aPageAddressWithoutTheTrailingSlashLeadsToThePage() {
        for (String page : new String[] {"ws-echo-client", "ws-status-client", "ws-chatroom-client"}) {
            browser.get(site.url(page));
            assertEquals(site.url(page + "/"), browser.getCurrentUrl(), "redirected to the directory");
            PageWait.connection(browser, "open");
            WebElement brand = browser.findElement(By.cssSelector("header .brand"));
            assertEquals(site.url(""), brand.getAttribute("href"));
            String font = (String) browser.executeScript("return getComputedStyle(document.body).fontFamily");
            assertTrue(font.contains("system-ui"), "the shared stylesheet is loaded on " + page + ": " + font);
        }
    }
}
