package io.medgw.ledger.snapshot;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SnapshotDataTest
{
    @Test
    void stringsBytesAndTagsRoundTrip() throws IOException
    {
        final String longText = "医保".repeat(40_000); // over writeUTF's 64 KB
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(buf);
        SnapshotData.writeString(out, null);
        SnapshotData.writeString(out, "");
        SnapshotData.writeString(out, longText);
        SnapshotData.writeBytes(out, new byte[] {1, 2, 3});
        SnapshotData.writeBytes(out, null);
        out.writeInt(0x5EC7);
        out.writeInt(7);

        final DataInputStream in = new DataInputStream(new ByteArrayInputStream(buf.toByteArray()));
        assertNull(SnapshotData.readString(in));
        assertEquals("", SnapshotData.readString(in));
        assertEquals(longText, SnapshotData.readString(in));
        assertArrayEquals(new byte[] {1, 2, 3}, SnapshotData.readBytes(in));
        assertNull(SnapshotData.readBytes(in));
        SnapshotData.expectTag(in, 0x5EC7, "test");
        assertEquals(7, SnapshotData.readCount(in));
    }

    @Test
    void damagedLengthsAndTagsFailFast() throws IOException
    {
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(buf);
        out.writeInt(-5);
        out.writeInt(0x1234);
        final DataInputStream in = new DataInputStream(new ByteArrayInputStream(buf.toByteArray()));
        assertThrows(IOException.class, () -> SnapshotData.readString(in));
        final IOException ex = assertThrows(IOException.class, () -> SnapshotData.expectTag(in, 0x5EC7, "accounts"));
        assertEquals("snapshot section accounts: expected tag 0x5ec7, found 0x1234", ex.getMessage());
    }
}
