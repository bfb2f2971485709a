package dev.tether.conformance;

/** Which side of Tether a case checks: its server (raw client against it) or its client (scripted server against it). */
public enum Target {
    SERVER, CLIENT
}
