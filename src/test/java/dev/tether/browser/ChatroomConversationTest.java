package dev.tether.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Two browsers in the chatroom: each sees the other arrive, their messages reach both, and so does a
 * post of the server's moderator. One conversation, told in order.
 */
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatroomConversationTest {

    private static final By CONVERSATION = By.id("conversation");

    private static DemoSite site;
    private static ChromeDriver ann;
    private static ChromeDriver bob;

    @BeforeAll
    static void start() throws Exception {
        site = DemoSites.start();
        ann = Chromium.start();
        bob = Chromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (ann != null) ann.quit();
            if (bob != null) bob.quit();
        } finally {
            if (site != null) site.close();
        }
    }

    @Test
    @Order(1)
    void eachSeesTheOtherJoin() {
        enter(ann, "Ann");
        int annEntries = entries(ann);
        enter(bob, "Bob");
        PageWait.until(ann, "Ann to see someone join after her",
                d -> d.findElements(By.cssSelector("#conversation li[data-kind=join]")).size() > 0
                        && entries(ann) > annEntries);
    }

    @Test
    @Order(2)
    void messagesOfEitherReachBoth() {
        say(ann, "Hello Bob, it's Ann");
        WebElement atBob = PageWait.entry(bob, CONVERSATION, "Hello Bob, it's Ann");
        assertTrue(atBob.getText().contains("Ann"), "the sender's name is shown: " + atBob.getText());
        PageWait.entry(ann, CONVERSATION, "Hello Bob, it's Ann");

        say(bob, "Hi Ann! <b>not bold</b>");
        WebElement atAnn = PageWait.entry(ann, CONVERSATION, "Hi Ann! <b>not bold</b>");
        assertTrue(atAnn.getText().contains("Bob"));
        assertEquals(0, atAnn.findElements(By.tagName("b")).size(), "messages are shown as text, never as HTML");
        PageWait.entry(bob, CONVERSATION, "Hi Ann!");
    }

    @Test
    @Order(3)
    void aModeratorPostAppearsInBoth() throws Exception {
        site.moderatorPost("Welcome to the Tether chatroom, be kind.");
        for (ChromeDriver browser : new ChromeDriver[] {ann, bob}) {
            WebElement post = PageWait.entry(browser, CONVERSATION, "Welcome to the Tether chatroom, be kind.");
            assertEquals("moderator", post.getAttribute("data-kind"), "shown as the moderator's: " + post.getText());
        }
        Screenshots.save(ann, "chatroom");
    }

    @Test
    @Order(4)
    void theOtherSeesALeave() throws Exception {
        int leavesBefore = ann.findElements(By.cssSelector("#conversation li[data-kind=leave]")).size();
        bob.quit();
        bob = null;
        PageWait.until(ann, "Ann to see Bob leave",
                d -> d.findElements(By.cssSelector("#conversation li[data-kind=leave]")).size() > leavesBefore);

        ann.manage().window().setSize(Chromium.PHONE);
        Screenshots.save(ann, "chatroom-phone");
        ann.manage().window().setSize(Chromium.DESKTOP);
    }

    private static void enter(ChromeDriver browser, String name) {
        browser.get(site.url("ws-chatroom-client/"));
        PageWait.connection(browser, "open");
        WebElement nameField = browser.findElement(By.id("name"));
        nameField.clear();
        nameField.sendKeys(name);
    }

    private static void say(ChromeDriver browser, String text) {
        browser.findElement(By.id("message")).sendKeys(text);
        browser.findElement(By.id("send")).click();
    }

    private static int entries(ChromeDriver browser) {
        return browser.findElement(CONVERSATION).findElements(By.tagName("li")).size();
    }
}
