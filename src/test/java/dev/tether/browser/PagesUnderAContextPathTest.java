package dev.tether.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

/** The demo WAR deployed under a context path: the pages find their endpoints under it, not at the host's root. */
@Timeout(120)
class PagesUnderAContextPathTest extends DemoSiteBrowserTest {

    @Override
    protected DemoServerSite startSite() throws Exception {
        return DemoServerSite.startUnder("/tether-demo");
    }

    @Test
    void everyPageConnectsToItsEndpointUnderTheContextPath() {
        String[][] pages = {{"ws-echo-client/", "ws-echo"}, {"ws-status-client/", "ws-status"}, {"ws-chatroom-client/", "ws-chatroom"}};
        for (String[] page : pages) {
            browser.get(site.url(page[0]));
            PageWait.connection(browser, "open");
            String expected = "ws://127.0.0.1:" + site.port() + "/tether-demo/" + page[1];
            String shown = PageWait.connectionText(browser);
            assertTrue(shown.startsWith("Open: " + expected), "connected to " + expected + ": " + shown);
            assertEquals(site.url(""), browser.findElement(By.cssSelector("header .brand")).getAttribute("href"));
        }
        browser.get(site.url(""));
        assertEquals(site.url("ws-echo-client/"), browser.findElement(By.linkText("Echo")).getAttribute("href"));
    }
}
