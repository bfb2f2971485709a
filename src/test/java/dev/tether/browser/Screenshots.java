package dev.tether.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/** Saves what a browser shows under target/screenshots/, for people to look at after a run. */
final class Screenshots {

    static final Path DIRECTORY = Path.of("target", "screenshots");
    private static final int MAX_HEIGHT = 4000;

    private Screenshots() {
    }

    /**
     * Saves the whole page as {@code name.png} and returns the file. The window is made as tall as the
     * page for the picture (a few rounds, as heights in vh grow with it), then given its size back.
     */
    static Path save(WebDriver driver, String name) throws IOException {
        Files.createDirectories(DIRECTORY);
        Dimension size = driver.manage().window().getSize();
        try {
            JavascriptExecutor js = (JavascriptExecutor) driver;
            for (int round = 0; round < 3; round++) {
                long chrome = ((Number) js.executeScript("return window.outerHeight - window.innerHeight")).longValue();
                long page = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
                long wanted = Math.min(MAX_HEIGHT, page + chrome);
                if (wanted <= driver.manage().window().getSize().height) break;
                driver.manage().window().setSize(new Dimension(size.width, (int) wanted));
            }
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Path file = DIRECTORY.resolve(name + ".png");
            Files.write(file, png);
            return file;
        } finally {
            driver.manage().window().setSize(size);
        }
    }
}
