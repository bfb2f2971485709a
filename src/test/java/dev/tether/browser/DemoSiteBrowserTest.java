package dev.tether.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The setup the demo-page tests share: one demo server and one Chromium for all the tests of a class,
 * started before the first and stopped after the last. One test instance per class, so the server and
 * browser are per class (instance fields, not statics shared by every subclass).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DemoSiteBrowserTest {

    protected DemoServerSite site;
    protected ChromeDriver browser;

    @BeforeAll
    void startSiteAndBrowser() throws Exception {
        site = startSite();
        browser = Chromium.start();
    }

    /** The demo server at the root context; a test of another deployment overrides this. */
    protected DemoServerSite startSite() throws Exception {
        return DemoServerSite.start();
    }

    @AfterAll
    void stopSiteAndBrowser() throws Exception {
        if (browser != null) browser.quit();
        if (site != null) site.close();
    }
}
