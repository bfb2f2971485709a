package dev.tether.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

@Timeout(120)
class EchoPageRoundTripTest extends DemoSiteBrowserTest {

    @Test
    void textSentFromThePageComesBackFromTheServer() throws Exception {
        browser.get(site.url("ws-echo-client/"));
        PageWait.connection(browser, "open");
        assertEquals("ws://127.0.0.1:" + site.port() + "/ws-echo",
                browser.findElement(By.id("server-url")).getAttribute("value"),
                "the default server is this site's /ws-echo, derived from the page's own address");

        String text = "Hello, Tether ✓ " + System.nanoTime();
        browser.findElement(By.id("message")).sendKeys(text);
        browser.findElement(By.id("send")).click();

        WebElement echoed = PageWait.entry(browser, By.cssSelector("#log"), text);
        PageWait.until(browser, "the echo of '" + text + "'",
                d -> d.findElements(By.cssSelector("#log li.received")).stream().anyMatch(li -> li.getText().contains(text)));
        assertTrue(echoed.getText().contains(text));
        assertEquals("", browser.findElement(By.id("message")).getAttribute("value"), "the message box is emptied after sending");
        Screenshots.save(browser, "echo");
    }

    @Test
    void aTypedAddressIsConnectedTo() {
        browser.get(site.url("ws-echo-client/"));
        PageWait.connection(browser, "open");
        WebElement address = browser.findElement(By.id("server-url"));
        // Same origin as the page (the server refuses others), told apart from the default by its query.
        String typed = "ws://127.0.0.1:" + site.port() + "/ws-echo?typed=yes";
        address.clear();
        address.sendKeys(typed);
        browser.findElement(By.cssSelector("#server-form button[type=submit]")).click();

        PageWait.until(browser, "the page to connect to " + typed, d -> PageWait.connectionText(d).contains(typed)
                && "open".equals(d.findElement(By.id("connection")).getAttribute("data-state")));
        browser.findElement(By.id("message")).sendKeys("via the typed address");
        browser.findElement(By.id("send")).click();
        PageWait.until(browser, "the echo through " + typed,
                d -> d.findElements(By.cssSelector("#log li.received")).stream().anyMatch(li -> li.getText().contains("via the typed address")));
    }

    @Test
    void anAddressThatIsNotWebSocketIsRefusedWithAnExplanation() {
        browser.get(site.url("ws-echo-client/"));
        PageWait.connection(browser, "open");
        WebElement address = browser.findElement(By.id("server-url"));
        address.clear();
        address.sendKeys("http://127.0.0.1:" + site.port() + "/ws-echo");
        browser.findElement(By.cssSelector("#server-form button[type=submit]")).click();

        assertEquals("true", address.getAttribute("aria-invalid"));
        assertTrue(browser.findElement(By.id("server-error")).getText().contains("ws://"),
                "the error says what an acceptable address looks like");
        assertEquals("open", browser.findElement(By.id("connection")).getAttribute("data-state"),
                "the current connection is kept");
    }
}
