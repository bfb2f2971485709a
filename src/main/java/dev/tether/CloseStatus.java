package dev.tether;

/** How a connection ended: a close code and its reason (possibly empty). */
public record CloseStatus(int code, String reason) {

    public CloseStatus {
        if (reason == null) reason = "";
    }

    @Override
    public String toString() {
        return reason.isEmpty() ? Integer.toString(code) : code + " " + reason;
    }
}
