package io.medgw.ledger;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import net.openhft.chronicle.queue.ExcerptAppender;

/**
 * Forces the queue's current cycle file to disk with {@code FileChannel.force(false)}, i.e.
 * {@code fdatasync(2)} on the whole file. On Linux that writes back every dirty page cache page of
 * the file, including the pages Chronicle dirtied through its memory mapping: the records, the
 * index pages and the header's write position. When the appender moves to a new cycle file, the
 * old file is forced one last time (it holds the tail of the old day and the EOF marker) and the
 * directory and {@code metadata.cq4t} are forced so that the new file's name survives too.
 * <p>
 * Why not {@code ExcerptAppender.sync()}: in Chronicle Queue 2026.4 it msyncs only the current
 * mapped chunk from the last synced position, never the index or header pages or a previous
 * chunk; it does nothing unless the queue was built with {@code SyncMode.SYNC}; and it goes through
 * {@code PosixAPI}, which silently falls back to a no-op implementation when the native library
 * cannot load. {@code FileChannel.force} is plain JDK and fails loudly.
 * <p>
 * Owned and called by the writer thread only.
 */
final class CycleFileSync implements AutoCloseable
{
    private static final String METADATA_FILE = "metadata.cq4t";

    private final Path dir;
    private FileChannel channel;
    private int cycle = Integer.MIN_VALUE;
    private boolean dirty;
    private long forceCount;

    /**
     * @param dir the queue directory.
     */
    CycleFileSync(final Path dir)
    {
        this.dir = dir;
    }

    /**
     * Notes an append; on a new cycle, forces and closes the old file and opens the new one.
     * Allocates nothing unless the cycle changed (once a day).
     *
     * @param appender the appender that just wrote.
     * @throws IOException when a channel cannot be opened or forced.
     */
    void onAppended(final ExcerptAppender appender) throws IOException
    {
        dirty = true;
        final int appendCycle = appender.cycle();
        if (appendCycle != cycle)
        {
            switchTo(appendCycle, appender.currentFile());
        }
    }

    /**
     * Forces the current cycle file when something was appended since the last force.
     *
     * @throws IOException when the force failed.
     */
    void force() throws IOException
    {
        if (dirty && channel != null)
        {
            channel.force(false);
            dirty = false;
            forceCount++;
        }
    }

    /** @return how many group-commit forces ran (for tests and counters). */
    long forceCount()
    {
        return forceCount;
    }

    /** @return the cycle whose file is open, or {@code Integer.MIN_VALUE}. */
    int cycle()
    {
        return cycle;
    }

    private void switchTo(final int newCycle, final File cycleFile) throws IOException
    {
        if (channel != null)
        {
            channel.force(false);
            channel.close();
            channel = null;
        }
        channel = FileChannel.open(cycleFile.toPath(), StandardOpenOption.WRITE);
        cycle = newCycle;
        channel.force(false);
        final Path metadata = dir.resolve(METADATA_FILE);
        if (Files.exists(metadata))
        {
            forcePath(metadata, StandardOpenOption.WRITE);
        }
        forcePath(dir, StandardOpenOption.READ);
    }

    private static void forcePath(final Path path, final StandardOpenOption mode) throws IOException
    {
        try (FileChannel ch = FileChannel.open(path, mode))
        {
            ch.force(true);
        }
    }

    /** Forces (if needed) and closes the channel. */
    @Override
    public void close() throws IOException
    {
        close(true);
    }

    /**
     * @param forceFirst false after a failed force: retrying proves nothing, just release.
     * @throws IOException when the final force failed.
     */
    void close(final boolean forceFirst) throws IOException
    {
        if (channel != null)
        {
            try
            {
                if (forceFirst)
                {
                    force();
                }
            }
            finally
            {
                channel.close();
                channel = null;
            }
        }
    }
}
