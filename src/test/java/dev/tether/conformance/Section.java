package dev.tether.conformance;

/** The sections of the suite: Autobahn TestSuite's numbering, plus the opening handshake (H) and robustness (S). */
public enum Section {
    FRAMING("1", "Framing"),
    PING_PONG("2", "Pings and pongs"),
    RESERVED_BITS("3", "Reserved bits"),
    OPCODES("4", "Reserved opcodes"),
    FRAGMENTATION("5", "Fragmentation"),
    UTF8("6", "UTF-8 handling"),
    CLOSE("7", "Close handling"),
    LIMITS("9", "Limits and large messages"),
    MASKING("10", "Masking"),
    HANDSHAKE("H", "Opening handshake"),
    ROBUSTNESS("S", "Robustness");

    private final String number;
    private final String title;

    Section(String number, String title) {
        this.number = number;
        this.title = title;
    }

    public String number() {
        return number;
    }

    public String title() {
        return title;
    }

    @Override
    public String toString() {
        return number + " " + title;
    }
}
