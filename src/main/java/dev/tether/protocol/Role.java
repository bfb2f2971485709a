package dev.tether.protocol;

/** Which end of the connection we are: it decides who masks (RFC 6455 §5.1). */
public enum Role {
    /** Sends masked frames, requires unmasked ones. */
    CLIENT,
    /** Sends unmasked frames, requires masked ones. */
    SERVER
}
