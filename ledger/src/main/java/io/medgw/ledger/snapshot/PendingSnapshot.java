package io.medgw.ledger.snapshot;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A snapshot payload captured in memory by {@link SnapshotStore#begin}, before the caller knows
 * which ledger record the state covers; {@link SnapshotStore#commit} writes it to a file. Its
 * sections can be read back in parallel ({@link Snapshot#read}).
 * <pre>
 *   payload = int sectionCount
 *             sectionCount × (long length, int CRC-32C)     big-endian, as DataOutput writes
 *             section 0 bytes, section 1 bytes, ...
 * </pre>
 */
public final class PendingSnapshot
{
    /** Bytes of the section table for one section (length and CRC). */
    static final int TABLE_ENTRY_BYTES = 12;

    private final SectionBytes[] sections;

    private PendingSnapshot(final SectionBytes[] sections)
    {
        this.sections = sections;
    }

    static PendingSnapshot capture(final SnapshotWriter... writers) throws IOException
    {
        final SectionBytes[] sections = new SectionBytes[writers.length];
        for (int i = 0; i < writers.length; i++)
        {
            sections[i] = new SectionBytes();
            final DataOutputStream out = new DataOutputStream(sections[i]);
            writers[i].writeTo(out);
            out.flush();
        }
        return new PendingSnapshot(sections);
    }

    SectionBytes[] sections()
    {
        return sections;
    }

    /** Releases the payload's off-heap memory ({@link SnapshotStore#commit} does; call it for a payload dropped instead). */
    public void free()
    {
        for (final SectionBytes s : sections)
        {
            s.free();
        }
    }

    /** @return payload bytes, section table included. */
    public long payloadLength()
    {
        long n = 4L + (long)TABLE_ENTRY_BYTES * sections.length;
        for (final SectionBytes s : sections)
        {
            n += s.length();
        }
        return n;
    }
}
