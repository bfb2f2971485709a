package dev.tether.conformance.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * What a case sent and received, with times since the case started: printed when a verdict fails, so a
 * failure shows the bytes and the order in which things happened.
 */
public final class Transcript {

    private static final int MAX_LINES = 400;

    private final long start = System.nanoTime();
    private final List<String> lines = new ArrayList<>();
    private int dropped;

    public synchronized void add(String line) {
        if (lines.size() >= MAX_LINES) {
            dropped++;
            return;
        }
        lines.add(String.format("%6d ms  %s", (System.nanoTime() - start) / 1_000_000, line));
    }


    @Override
    public synchronized String toString() {
        StringBuilder s = new StringBuilder();
        for (String line : lines) s.append("\n    ").append(line);
        if (dropped > 0) s.append("\n    … ").append(dropped).append(" more lines");
        return s.toString();
    }
}
