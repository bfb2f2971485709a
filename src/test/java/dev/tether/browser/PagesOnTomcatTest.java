package dev.tether.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.cdi.RunningWebApp;
import dev.tether.cdi.WebContainer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The demo WAR on Tomcat 11, whose default servlet serves the pages: each page's address without the
 * trailing slash leads to it, and it talks to its endpoint. (The other browser tests run on the Jetty
 * demo server.)
 */
@Timeout(120)
class PagesOnTomcatTest {

    private static RunningWebApp tomcat;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "browser-tomcat"));
        tomcat = WebContainer.TOMCAT.deploy(DemoServerSite.explodedWar(), WebContainer.ClassLoading.WEB_INF_FIRST, work);
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) browser.quit();
        } finally {
            if (tomcat != null) tomcat.close();
        }
    }

    @Test
    void everyPageIsServedAndConnects() {
        for (String page : new String[] {"ws-echo-client", "ws-status-client", "ws-chatroom-client"}) {
            browser.get(tomcat.http("/" + page).toString());
            assertEquals(tomcat.http("/" + page + "/").toString(), browser.getCurrentUrl(), "redirected to the directory");
            PageWait.connection(browser, "open");
        }
    }

    @Test
    void theEchoPageRoundTrips() {
        browser.get(tomcat.http("/ws-echo-client/").toString());
        PageWait.connection(browser, "open");
        browser.findElement(By.id("message")).sendKeys("hello from Tomcat");
        browser.findElement(By.id("send")).click();
        PageWait.until(browser, "the echo from Tomcat",
                d -> d.findElements(By.cssSelector("#log li.received")).stream().anyMatch(li -> li.getText().contains("hello from Tomcat")));
    }
}
