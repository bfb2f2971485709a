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

    private static DemoServerSite site;
    private static ChromeDriver ann;
    private static ChromeDriver bob;

    @BeforeAll
    static void start() throws Exception {
        site = DemoServerSite.start();
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
        enter(bob, "Bob");
        WebElement bobJoined = PageWait.entry(ann, CONVERSATION, "Bob joined");
        assertEquals("join", bobJoined.getAttribute("data-kind"));
        assertTrue(ann.findElement(By.id("online")).getText().contains("2 online"),
                "Ann sees two in the room: " + ann.findElement(By.id("online")).getText());
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
            assertEquals("notice", post.getAttribute("data-kind"), "shown as the moderator's: " + post.getText());
            assertTrue(post.getText().contains("Moderator"), post.getText());
        }
        Screenshots.save(ann, "chatroom");
    }

    @Test
    @Order(4)
    void theOtherSeesALeave() throws Exception {
        bob.quit();
        bob = null;
        WebElement left = PageWait.entry(ann, CONVERSATION, "Bob left");
        assertEquals("leave", left.getAttribute("data-kind"));
        PageWait.until(ann, "one left in the room", d -> d.findElement(By.id("online")).getText().contains("1 online"));

        ann.manage().window().setSize(Chromium.PHONE);
        Screenshots.save(ann, "chatroom-phone");
        ann.manage().window().setSize(Chromium.DESKTOP);
    }

    /** Opens the chatroom, takes a name (which rejoins the room under it) and waits to be in. */
    private static void enter(ChromeDriver browser, String name) {
        browser.get(site.url("ws-chatroom-client/"));
        PageWait.connection(browser, "open");
        PageWait.entry(browser, CONVERSATION, "You joined as");
        WebElement nameField = browser.findElement(By.id("name"));
        nameField.clear();
        nameField.sendKeys(name);
        browser.findElement(By.cssSelector("#name-form button[type=submit]")).click();
        PageWait.entry(browser, CONVERSATION, "You joined as " + name);
        PageWait.connection(browser, "open");
    }

    private static void say(ChromeDriver browser, String text) {
        browser.findElement(By.id("message")).sendKeys(text);
        browser.findElement(By.id("send")).click();
    }

}
