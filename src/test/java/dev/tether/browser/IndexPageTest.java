package dev.tether.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

@Timeout(120)
class IndexPageTest extends DemoSiteBrowserTest {

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

    /** Everything a page loads comes from this server: the demos work offline, with no CDN or web font. */
    @Test
    void pagesLoadNothingFromElsewhere() {
        String origin = "http://127.0.0.1:" + site.port();
        for (String page : new String[] {"", "ws-echo-client/", "ws-status-client/", "ws-chatroom-client/"}) {
            browser.get(site.url(page));
            @SuppressWarnings("unchecked")
            List<String> loaded = (List<String>) browser.executeScript(
                    "return performance.getEntriesByType('resource').map(e => e.name)");
            assertTrue(loaded.stream().anyMatch(url -> url.endsWith("/assets/tether.css")), "the stylesheet is loaded: " + loaded);
            for (String url : loaded) {
                assertTrue(url.startsWith(origin + "/") || url.startsWith("ws://127.0.0.1:" + site.port() + "/"),
                        page + " loaded " + url);
            }
        }
    }

    /** Behind TLS the pages use wss://, on the same host and under the same path. */
    @Test
    void anHttpsPageGetsAWssAddress() {
        browser.get(site.url("ws-echo-client/"));
        assertEquals("wss://demo.example:8443/apps/tether/ws-echo",
                browser.executeScript("return Tether.wsUrlFrom('https://demo.example:8443/apps/tether/', 'ws-echo')"));
        assertEquals("ws://demo.example/tether/ws-status",
                browser.executeScript("return Tether.wsUrlFrom('http://demo.example/tether/', 'ws-status')"));
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
