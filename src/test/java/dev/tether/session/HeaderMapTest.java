package dev.tether.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The handshake headers every connection keeps: a sorted, immutable map in two arrays. */
class HeaderMapTest {

    private static Map<String, List<String>> sample() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("upgrade", List.of("websocket"));
        headers.put("host", List.of("127.0.0.1:8080"));
        headers.put("sec-websocket-protocol", new ArrayList<>(List.of("chat", "superchat")));
        headers.put("connection", List.of("Upgrade"));
        headers.put("origin", List.of("http://127.0.0.1:8080"));
        return headers;
    }

    @Test
    void looksUpEveryHeaderAndNothingElse() {
        Map<String, List<String>> source = sample();
        HeaderMap map = HeaderMap.copyOf(source);
        assertEquals(5, map.size());
        for (Map.Entry<String, List<String>> e : source.entrySet()) {
            assertEquals(e.getValue(), map.get(e.getKey()), e.getKey());
            assertTrue(map.containsKey(e.getKey()));
        }
        assertNull(map.get("cookie"));
        assertNull(map.get("Host"), "names are kept as given (lower case), looked up exactly");
        assertNull(map.get(42));
        assertFalse(map.containsKey(null));
    }

    @Test
    void iteratesInNameOrderLikeTheTreeMapItReplaces() {
        HeaderMap map = HeaderMap.copyOf(sample());
        assertEquals(new ArrayList<>(new TreeMap<>(sample()).keySet()), new ArrayList<>(map.keySet()));
        assertEquals(new TreeMap<>(sample()).toString(), map.toString());
        Iterator<Map.Entry<String, List<String>>> it = map.entrySet().iterator();
        for (int i = 0; i < 5; i++) it.next();
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void equalsAnyMapWithTheSameHeaders() {
        HeaderMap map = HeaderMap.copyOf(sample());
        assertEquals(new HashMap<>(sample()), map);
        assertEquals(map, new HashMap<>(sample()));
        assertEquals(new HashMap<>(sample()).hashCode(), map.hashCode());
    }

    @Test
    void isACopyThatCannotBeChanged() {
        Map<String, List<String>> source = sample();
        HeaderMap map = HeaderMap.copyOf(source);
        source.get("sec-websocket-protocol").add("later");
        source.put("cookie", List.of("a=b"));
        assertEquals(List.of("chat", "superchat"), map.get("sec-websocket-protocol"));
        assertFalse(map.containsKey("cookie"));
        assertThrows(UnsupportedOperationException.class, () -> map.put("x", List.of()));
        assertThrows(UnsupportedOperationException.class, () -> map.remove("host"));
        assertThrows(UnsupportedOperationException.class, () -> map.get("host").add("evil"));
        assertThrows(UnsupportedOperationException.class, () -> map.entrySet().clear());
        Iterator<String> names = map.keySet().iterator();
        names.next();
        assertThrows(UnsupportedOperationException.class, names::remove);
    }

    @Test
    void sharesImmutableValueListsInsteadOfCopyingThem() {
        List<String> shared = List.of("websocket");
        HeaderMap map = HeaderMap.copyOf(Map.of("upgrade", shared));
        assertSame(shared, map.get("upgrade"), "common values are shared instances (CommonHeaderStrings)");
    }

    @Test
    void anEmptyMapAndACopyOfACopy() {
        assertTrue(HeaderMap.copyOf(Map.of()).isEmpty());
        HeaderMap map = HeaderMap.copyOf(sample());
        assertSame(map, HeaderMap.copyOf(map));
    }

    @Test
    void handshakeInfoKeepsItsHeadersThisWay() {
        HandshakeInfo info = new HandshakeInfo("/", null, sample(), null, null, null, null);
        assertTrue(info.headers() instanceof HeaderMap);
        assertEquals("websocket", info.header("Upgrade"));
    }
}
