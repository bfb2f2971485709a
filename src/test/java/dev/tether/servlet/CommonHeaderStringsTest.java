package dev.tether.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every connection keeps its handshake headers: the common names and values are one shared instance each. */
class CommonHeaderStringsTest {

    @Test
    void aCommonNameFromAnyRequestIsTheSharedInstance() {
        String first = CommonHeaderStrings.name(new String("sec-websocket-version"));
        String second = CommonHeaderStrings.name(new String("sec-websocket-version"));
        assertEquals("sec-websocket-version", first);
        assertSame(first, second);
    }

    @Test
    void anUncommonNameIsKeptAsGiven() {
        String name = new String("x-my-header");
        assertSame(name, CommonHeaderStrings.name(name));
    }

    @Test
    void aCommonSingleValueIsOneSharedList() {
        List<String> first = CommonHeaderStrings.values(new ArrayList<>(List.of(new String("websocket"))));
        List<String> second = CommonHeaderStrings.values(new ArrayList<>(List.of(new String("websocket"))));
        assertEquals(List.of("websocket"), first);
        assertSame(first, second);
    }

    @Test
    void otherValuesAreAnUnmodifiableCopy() {
        List<String> given = new ArrayList<>(List.of("dGhlIHNhbXBsZSBub25jZQ=="));
        List<String> kept = CommonHeaderStrings.values(given);
        assertEquals(given, kept);
        assertNotSame(given, kept);
        given.set(0, "changed");
        assertEquals("dGhlIHNhbXBsZSBub25jZQ==", kept.get(0));
        assertThrows(UnsupportedOperationException.class, () -> kept.add("x"));
        List<String> two = CommonHeaderStrings.values(List.of("websocket", "13"));
        assertEquals(List.of("websocket", "13"), two);
    }
}
