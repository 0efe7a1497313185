package io.medgw.ledger.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * Snapshot files that bound restart time: the gateway periodically dumps its state (accumulators,
 * idempotency window, visits) tagged with the ledger index it covers; on restart it loads the
 * {@link #latest()} valid snapshot and replays only the records after that index.
 * <p>
 * A snapshot's payload is captured in memory ({@link #begin}), then written to a temporary file
 * with its header, forced and atomically renamed ({@link #commit}) to
 * {@code snapshot-<20-digit sequence>.snap}, and the directory forced: a crash leaves either the
 * old set or the new file, never a half-written snapshot under the final name. Damaged files are
 * skipped by {@link #latest()}. Only the newest {@code retain} snapshots are kept.
 * <p>
 * Not on the hot path (allocates); call from one thread (the snapshot taker) at a time.
 */
public final class SnapshotStore
{
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".snap";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path dir;
    private final int retain;

    /**
     * @param dir    directory for snapshot files (created if missing).
     * @param retain how many snapshots to keep (at least 1; 2 lets a damaged newest one fall back).
     * @throws IOException when the directory cannot be created.
     */
    public SnapshotStore(final Path dir, final int retain) throws IOException
    {
        if (retain < 1)
        {
            throw new IllegalArgumentException("retain must be >= 1: " + retain);
        }
        this.dir = Files.createDirectories(dir);
        this.retain = retain;
        deleteLeftovers();
    }

    /** A crash during a commit leaves a temporary file; nobody will finish it now. */
    private void deleteLeftovers() throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            for (final Path p : files.filter(p -> p.getFileName().toString().endsWith(TEMP_SUFFIX)).toList())
            {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Writes a snapshot durably, then deletes the ones beyond {@code retain}: {@link #begin} then
     * {@link #commit}.
     *
     * @param ledgerIndex    index of the last ledger record the state includes.
     * @param ledgerSequence sequence of that record (names the file).
     * @param ledgerAppendMs append time of that record (tells this ledger's record from another's).
     * @param stateDigestHi  high half of the state digest.
     * @param stateDigestLo  low half of the state digest.
     * @param nowEpochMs     creation time.
     * @param sections       write the payload's sections (one or more).
     * @return the snapshot written.
     * @throws IOException when writing or forcing fails (no file is left under the final name).
     */
    public Snapshot save(final long ledgerIndex, final long ledgerSequence, final long ledgerAppendMs, final long stateDigestHi,
        final long stateDigestLo, final long nowEpochMs, final SnapshotWriter... sections) throws IOException
    {
        return commit(begin(sections), ledgerIndex, ledgerSequence, ledgerAppendMs, stateDigestHi, stateDigestLo, nowEpochMs);
    }

    /**
     * First half of a snapshot: writes the payload's sections into memory, before the caller knows
     * which ledger record the state covers. The gateway's state thread calls this (the pipeline
     * waits meanwhile, so it does no file I/O); the slow half, {@link #commit}, runs elsewhere once
     * that record is durable. Allocates the payload's size on the heap until committed.
     *
     * @param sections write the payload's sections, each read back by its own reader ({@link Snapshot#read}).
     * @return the payload, not yet a snapshot.
     * @throws IOException when a writer fails.
     */
    public PendingSnapshot begin(final SnapshotWriter... sections) throws IOException
    {
        if (sections.length == 0)
        {
            throw new IllegalArgumentException("a snapshot has at least one section");
        }
        return PendingSnapshot.capture(sections);
    }

    /**
     * Second half: writes the payload and its header to a temporary file, forces it, renames it
     * atomically to its final name, forces the directory and prunes old snapshots.
     *
     * @param pending        what {@link #begin} captured (freed here, whatever happens).
     * @param ledgerIndex    index of the last ledger record the state includes.
     * @param ledgerSequence sequence of that record (names the file).
     * @param ledgerAppendMs append time of that record (tells this ledger's record from another's).
     * @param stateDigestHi  high half of the state digest.
     * @param stateDigestLo  low half of the state digest.
     * @param nowEpochMs     creation time.
     * @return the snapshot.
     * @throws IOException when writing or forcing fails (the temporary file is deleted).
     */
    public Snapshot commit(final PendingSnapshot pending, final long ledgerIndex, final long ledgerSequence, final long ledgerAppendMs,
        final long stateDigestHi, final long stateDigestLo, final long nowEpochMs) throws IOException
    {
        final Path target = dir.resolve(String.format("%s%020d%s", PREFIX, ledgerSequence, SUFFIX));
        final Path temp = Files.createTempFile(dir, PREFIX, TEMP_SUFFIX);
        final long payloadLength = pending.payloadLength();
        final int payloadCrc;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE))
        {
            channel.position(SnapshotFormat.HEADER_LENGTH);
            final CRC32C crc = new CRC32C();
            final SectionBytes[] sections = pending.sections();
            final ByteBuffer table = ByteBuffer.allocate(4 + PendingSnapshot.TABLE_ENTRY_BYTES * sections.length);
            table.putInt(sections.length);
            for (final SectionBytes section : sections)
            {
                table.putLong(section.length()).putInt(section.crc());
            }
            crc.update(table.array(), 0, table.capacity());
            table.flip();
            while (table.hasRemaining())
            {
                channel.write(table);
            }
            for (final SectionBytes section : sections)
            {
                section.writeTo(channel, crc);
            }
            payloadCrc = (int)crc.getValue();
            channel.write(SnapshotFormat.header(ledgerIndex, ledgerSequence, ledgerAppendMs, nowEpochMs,
                stateDigestHi, stateDigestLo, payloadLength, payloadCrc), 0);
            channel.force(true);
        }
        catch (final IOException | RuntimeException ex)
        {
            Files.deleteIfExists(temp);
            throw ex;
        }
        finally
        {
            pending.free();
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
        prune();
        return new Snapshot(target, ledgerIndex, ledgerSequence, ledgerAppendMs, nowEpochMs, stateDigestHi, stateDigestLo,
            payloadLength, payloadCrc);
    }

    /** @return the directory. */
    public Path dir()
    {
        return dir;
    }

    /**
     * @return the newest snapshot whose header and payload checksums verify, or null when none.
     * @throws IOException when the directory cannot be listed.
     */
    public Snapshot latest() throws IOException
    {
        for (final Path file : snapshotsNewestFirst())
        {
            final Snapshot snapshot = verify(file);
            if (snapshot != null)
            {
                return snapshot;
            }
        }
        return null;
    }

    private List<Path> snapshotsNewestFirst() throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter(p ->
            {
                final String name = p.getFileName().toString();
                return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
            }).sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString())).toList();
        }
    }

    private static Snapshot verify(final Path file)
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer h = ByteBuffer.allocate(SnapshotFormat.HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
            while (h.hasRemaining())
            {
                if (channel.read(h) < 0)
                {
                    break;
                }
            }
            if (h.hasRemaining() || h.getInt(0) != SnapshotFormat.MAGIC || h.getShort(4) != SnapshotFormat.VERSION ||
                h.getShort(6) != SnapshotFormat.HEADER_LENGTH ||
                SnapshotFormat.crc(h.array(), SnapshotFormat.HEADER_CRC_AT) != h.getInt(SnapshotFormat.HEADER_CRC_AT))
            {
                return null;
            }
            final long payloadLength = h.getLong(56);
            if (channel.size() != SnapshotFormat.HEADER_LENGTH + payloadLength)
            {
                return null;
            }
            final CRC32C crc = new CRC32C();
            try (InputStream in = new CheckedInputStream(Channels.newInputStream(channel), crc))
            {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            if ((int)crc.getValue() != h.getInt(64))
            {
                return null;
            }
            return new Snapshot(file, h.getLong(8), h.getLong(16), h.getLong(24), h.getLong(32), h.getLong(40), h.getLong(48),
                payloadLength, h.getInt(64));
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    private void prune() throws IOException
    {
        final List<Path> files = snapshotsNewestFirst();
        for (int i = retain; i < files.size(); i++)
        {
            Files.deleteIfExists(files.get(i));
        }
    }

    private void forceDirectory() throws IOException
    {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ))
        {
            channel.force(true);
        }
    }
}
