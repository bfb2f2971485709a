package dev.tether.browser;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Waiting for what a page shows, with generous limits that only guard against hangs. */
final class PageWait {

    static final Duration LIMIT = Duration.ofSeconds(20);

    private PageWait() {
    }

    static <T> T until(WebDriver driver, Duration limit, String what, Function<WebDriver, T> condition) {
        return until(driver, limit, () -> what, condition);
    }

    /** As the others, with a message made when the wait fails (so it can tell what was seen meanwhile). */
    static <T> T until(WebDriver driver, Duration limit, Supplier<String> what, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, limit, Duration.ofMillis(50));
        wait.withMessage(what);
        return wait.until(condition);
    }

    static <T> T until(WebDriver driver, String what, Function<WebDriver, T> condition) {
        return until(driver, LIMIT, what, condition);
    }

    /** Waits until the page's connection line says {@code state} ("connecting", "open" or "closed"). */
    static void connection(WebDriver driver, String state) {
        until(driver, "connection state " + state + ", but it says: " + connectionText(driver),
                d -> state.equals(d.findElement(By.id("connection")).getAttribute("data-state")));
    }

    static String connectionText(WebDriver driver) {
        return driver.findElement(By.id("connection")).getText();
    }

    /** Waits until a list holds an entry whose text contains {@code text}, and returns that entry. */
    static WebElement entry(WebDriver driver, By list, String text) {
        return until(driver, "an entry containing '" + text + "' in " + list, d -> {
            List<WebElement> items = d.findElement(list).findElements(By.tagName("li"));
            return items.stream().filter(item -> item.getText().contains(text)).findFirst().orElse(null);
        });
    }
}
