package dev.tether.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadBuffersReuseTest {

    @BeforeEach
    void emptyPool() {
        ReadBuffers.clear();
    }

    @Test
    void anArrayGivenBackIsLentAgain() {
        byte[] first = ReadBuffers.acquire(1024);
        ReadBuffers.release(first);
        assertSame(first, ReadBuffers.acquire(1024));
    }

    @Test
    void anArrayOfAnotherSizeIsNotLent() {
        byte[] small = ReadBuffers.acquire(100);
        ReadBuffers.release(small);
        byte[] other = ReadBuffers.acquire(200);
        assertEquals(200, other.length);
        assertNotSame(small, other);
    }

    @Test
    void atMostKeptArraysWait() {
        List<byte[]> lent = new ArrayList<>();
        for (int i = 0; i < ReadBuffers.KEPT * 2; i++) lent.add(ReadBuffers.acquire(64));
        lent.forEach(ReadBuffers::release);
        Set<byte[]> again = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < ReadBuffers.KEPT * 2; i++) again.add(ReadBuffers.acquire(64));
        Set<byte[]> original = Collections.newSetFromMap(new IdentityHashMap<>());
        original.addAll(lent);
        long reused = again.stream().filter(original::contains).count();
        assertEquals(ReadBuffers.KEPT, reused);
    }
}
