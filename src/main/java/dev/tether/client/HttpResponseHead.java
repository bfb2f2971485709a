package dev.tether.client;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The status line and headers of an HTTP response. Header names are lower-cased; a header that appears
 * more than once keeps every value, in order.
 */
public record HttpResponseHead(String version, int status, String reason, Map<String, List<String>> headers) {

    public HttpResponseHead {
        headers = Collections.unmodifiableMap(headers);
    }

    /** Every value of a header (case-insensitive name), possibly empty. */
    public List<String> values(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null ? List.of() : values;
    }

    /** The first value of a header (case-insensitive name), or null. */
    public String value(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The status line as received, for messages: {@code 404 Not Found}. */
    public String statusLine() {
        return reason.isEmpty() ? Integer.toString(status) : status + " " + reason;
    }
}
