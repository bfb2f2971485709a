package dev.tether.session;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The handshake's headers as every connection keeps them for its whole life: an immutable map in two
 * arrays, names sorted, looked up by binary search. A {@code TreeMap} behind an unmodifiable view cost
 * about three times as much per idle connection (an entry object per header, issue #6).
 */
final class HeaderMap extends AbstractMap<String, List<String>> {

    private static final HeaderMap EMPTY = new HeaderMap(new String[0], new Object[0]);

    private final String[] names;
    /** The value lists, in the order of {@link #names}; {@code Object[]} because generic arrays cannot be made. */
    private final Object[] values;

    private HeaderMap(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /** A copy of {@code headers}, sorted by name; names and value lists must not be null. */
    static HeaderMap copyOf(Map<String, List<String>> headers) {
        if (headers instanceof HeaderMap) return (HeaderMap) headers;
        if (headers.isEmpty()) return EMPTY;
        String[] names = headers.keySet().toArray(new String[0]);
        Arrays.sort(names);
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = List.copyOf(headers.get(names[i]));
        }
        return new HeaderMap(names, values);
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public List<String> get(Object key) {
        int i = indexOf(key);
        return i >= 0 ? valueAt(i) : null;
    }

    private int indexOf(Object key) {
        return key instanceof String ? Arrays.binarySearch(names, key) : -1;
    }

    @SuppressWarnings("unchecked")
    private List<String> valueAt(int i) {
        return (List<String>) values[i];
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return names.length;
            }

            @Override
            public Iterator<Entry<String, List<String>>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Entry<String, List<String>> next() {
                        if (next >= names.length) throw new NoSuchElementException();
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], valueAt(i));
                    }
                };
            }
        };
    }
}
