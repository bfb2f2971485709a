package dev.tether.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tether.protocol.Utf8Validator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Utf8Validator} against the JDK's strict decoder ({@link Utf8Oracle}) on arbitrary bytes fed in
 * arbitrary pieces: after every piece it must say "still valid" exactly when the bytes so far can still
 * become valid UTF-8 (fail-fast, never too early, never too late), and at the end "complete" exactly when
 * the JDK decodes the whole. Pieces start at arbitrary offsets of the array, so the 8-byte ASCII fast
 * path meets every alignment.
 *
 * <p>Input layout: the cut ({@link Chunks}), then the bytes to validate.
 */
class Utf8ValidatorFuzzTest {

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void agreesWithJdkDecoder(byte[] data) {
        FuzzInput in = new FuzzInput(data);
        Chunks chunks = Chunks.read(in);
        byte[] bytes = in.rest();
        // Validity of prefixes is monotonic, so one search gives the verdict for every prefix.
        int firstBad = Utf8Oracle.firstInvalidByte(bytes, 0, bytes.length);
        boolean validWhole = Utf8Oracle.isValid(bytes, 0, bytes.length);

        Utf8Validator validator = new Utf8Validator();
        for (int[] cut : chunks.cut(bytes.length)) {
            boolean expected = firstBad < 0 || cut[1] <= firstBad;
            boolean actual = validator.feed(bytes, cut[0], cut[1] - cut[0]);
            assertEquals(expected, actual, () -> "feed of bytes " + cut[0] + ".." + cut[1] + ", first invalid byte " + firstBad);
            assertEquals(expected, validator.isValidSoFar(), "isValidSoFar after bytes " + cut[1]);
        }
        assertEquals(validWhole, validator.isComplete(), () -> "isComplete of " + EventLog.hex(bytes));
        assertEquals(validWhole, Utf8Validator.isValid(bytes, 0, bytes.length), "static isValid");

        // A reset validator is as good as new.
        validator.reset();
        assertEquals(firstBad < 0, validator.feed(bytes, 0, bytes.length), "feed after reset");
        assertEquals(validWhole, validator.isComplete(), "isComplete after reset");
    }
}
