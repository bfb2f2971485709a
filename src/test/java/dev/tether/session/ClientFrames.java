package dev.tether.session;

import dev.tether.protocol.FrameEncoder;
import dev.tether.protocol.Opcode;
import dev.tether.protocol.Role;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Masked frames as a client would send them to a server session. */
public final class ClientFrames {
    private static final FrameEncoder ENCODER = new FrameEncoder(Role.CLIENT);

    private ClientFrames() {
    }

    public static byte[] text(String text) {
        return data(Opcode.TEXT, true, text.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] data(Opcode opcode, boolean fin, byte[] payload) {
        return join(ENCODER.dataFrame(opcode, fin, payload, 0, payload.length));
    }

    public static byte[] control(Opcode opcode, byte[] payload) {
        return join(ENCODER.controlFrame(opcode, payload));
    }

    public static byte[] close(int code, String reason) {
        return join(ENCODER.closeFrame(code, reason));
    }

    public static byte[] join(ByteBuffer... buffers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuffer b : buffers) {
            byte[] bytes = new byte[b.remaining()];
            b.duplicate().get(bytes);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
