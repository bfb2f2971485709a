package dev.tether.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/** Saves what a browser shows under target/screenshots/, for people to look at after a run. */
final class Screenshots {

    static final Path DIRECTORY = Path.of("target", "screenshots");

    private Screenshots() {
    }

    /** Saves the visible page as {@code name.png} and returns the file. */
    static Path save(WebDriver driver, String name) throws IOException {
        Files.createDirectories(DIRECTORY);
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path file = DIRECTORY.resolve(name + ".png");
        Files.write(file, png);
        return file;
    }
}
