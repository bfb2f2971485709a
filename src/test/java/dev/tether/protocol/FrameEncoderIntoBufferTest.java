package dev.tether.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** dataFrameInto writes exactly the bytes dataFrame returns, into the caller's buffer. */
class FrameEncoderIntoBufferTest {

    @Test
    void sameBytesAsDataFrameForBothRolesAndEveryLengthForm() {
        for (Role role : Role.values()) {
            for (int length : new int[] {0, 1, 125, 126, 512, 65535, 65536}) {
                byte[] payload = new byte[length + 7];
                for (int i = 0; i < payload.length; i++) payload[i] = (byte) (i * 31);
                byte[] before = payload.clone();
                int[] keys = {0x11223344, 0x11223344};
                int[] next = {0};
                FrameEncoder a = new FrameEncoder(role, () -> keys[next[0]++ & 1]);
                FrameEncoder b = new FrameEncoder(role, () -> keys[0]);
                byte[] expected = join(a.dataFrame(Opcode.TEXT, false, payload, 3, length));
                ByteBuffer into = ByteBuffer.allocate(b.headerLength(length) + length + 5);
                into.position(2);
                b.dataFrameInto(into, Opcode.TEXT, false, payload, 3, length);
                assertEquals(2 + expected.length, into.position(), role + " " + length);
                byte[] actual = new byte[expected.length];
                into.flip().position(2);
                into.get(actual);
                assertArrayEquals(expected, actual, role + " " + length);
                assertArrayEquals(before, payload, "the caller's array is not modified");
            }
        }
    }

    @Test
    void aFrameThatDoesNotFitLeavesTheBufferAlone() {
        FrameEncoder server = new FrameEncoder(Role.SERVER);
        ByteBuffer into = ByteBuffer.allocate(2 + 99);
        assertThrows(BufferOverflowException.class, () -> server.dataFrameInto(into, Opcode.BINARY, true, new byte[100], 0, 100));
        assertEquals(0, into.position());
        assertThrows(IllegalArgumentException.class, () -> server.dataFrameInto(into, Opcode.PING, true, new byte[1], 0, 1));
    }

    private static byte[] join(ByteBuffer[] buffers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuffer b : buffers) {
            byte[] bytes = new byte[b.remaining()];
            b.duplicate().get(bytes);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
