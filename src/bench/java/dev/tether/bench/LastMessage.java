package dev.tether.bench;

import dev.tether.protocol.InboundListener;

/** Keeps the last message so the benchmark can return it (and JMH consume it); controls are ignored. */
final class LastMessage implements InboundListener {
    Object last;

    @Override
    public void onText(String text) {
        last = text;
    }

    @Override
    public void onBinary(byte[] data) {
        last = data;
    }

    @Override
    public void onPing(byte[] payload) {
    }

    @Override
    public void onPong(byte[] payload) {
    }

    @Override
    public void onClose(int code, String reason) {
        throw new IllegalStateException("no close frame is ever sent in a benchmark");
    }
}
