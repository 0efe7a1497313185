package io.medgw.gateway.recon;

import io.medgw.gateway.state.IdSequence;
import io.medgw.gateway.state.StateHash;
import io.medgw.gateway.visit.DeskSnapshot;
import io.medgw.ledger.snapshot.SnapshotData;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of 9101 (uploads) and 3202 (reconciliation results), kept in memory and fetched with
 * 9102. Bounded three ways, all deterministic in the order files are stored (so a restart that
 * re-applies the journaled 9101/3202 answers keeps the same files):
 * <ul>
 *   <li>at most {@code maxFiles} files and {@code maxTotalBytes} bytes: storing a file evicts the
 *   oldest until both hold;</li>
 *   <li>a file expires {@code retentionSec} after it was stored ({@code dld_endtime}): expired
 *   files are dropped when a newer file is stored, and refused by {@link #find} at once.</li>
 * </ul>
 * A file belongs to the institution that uploaded it (or asked for the result); another
 * institution's file is "not found". Ids ({@code file_qury_no}) are {@code prefix + 'F' + 12
 * digits} from a sequence that advances when a file is stored. Thread: the state-writer thread.
 */
public final class FileStore
{
    private final LinkedHashMap<String, StoredFile> files = new LinkedHashMap<>();
    private final IdSequence ids;
    private final int maxFiles;
    private final long maxTotalBytes;
    private final long retentionSec;
    private long totalBytes;

    /**
     * @param idPrefix      prefix of file_qury_no values.
     * @param maxFiles      files kept at most (&gt; 0).
     * @param maxTotalBytes bytes kept at most (&gt; 0).
     * @param retentionSec  how long a file can be downloaded (&gt; 0).
     */
    public FileStore(final String idPrefix, final int maxFiles, final long maxTotalBytes, final long retentionSec)
    {
        if (maxFiles <= 0 || maxTotalBytes <= 0 || retentionSec <= 0)
        {
            throw new IllegalArgumentException("file limits must be > 0: files=" + maxFiles + " bytes=" + maxTotalBytes +
                " retentionSec=" + retentionSec);
        }
        this.ids = new IdSequence(idPrefix, 'F');
        this.maxFiles = maxFiles;
        this.maxTotalBytes = maxTotalBytes;
        this.retentionSec = retentionSec;
    }

    /** @return the file_qury_no the next stored file gets (does not advance: {@link #put} does). */
    public String nextId()
    {
        return ids.next();
    }

    /** @param storedSec when a file was stored. @return its dld_endtime (local epoch seconds). */
    public long expiry(final long storedSec)
    {
        return storedSec + retentionSec;
    }

    /**
     * Stores a file (replacing one with the same id), then drops expired and evicts the oldest
     * files beyond the limits.
     *
     * @param id        file_qury_no.
     * @param owner     fixmedins_code.
     * @param filename  its name.
     * @param bytes     content (kept, not copied).
     * @param storedSec local epoch seconds.
     * @return the stored file.
     */
    public StoredFile put(final String id, final String owner, final String filename, final byte[] bytes,
        final long storedSec)
    {
        ids.observe(id);
        final StoredFile old = files.remove(id);
        if (old != null)
        {
            totalBytes -= old.bytes.length;
        }
        final StoredFile f = new StoredFile(id, owner, filename, bytes, storedSec, expiry(storedSec));
        files.put(id, f);
        totalBytes += bytes.length;
        final Iterator<StoredFile> it = files.values().iterator();
        while (it.hasNext())
        {
            final StoredFile oldest = it.next();
            if (oldest == f)
            {
                break;
            }
            if (oldest.expiresSec < storedSec || files.size() > maxFiles || totalBytes > maxTotalBytes)
            {
                it.remove();
                totalBytes -= oldest.bytes.length;
            }
        }
        return f;
    }

    /** @param id a file_qury_no. @return the file, expired or not, or null. */
    public StoredFile get(final String id)
    {
        return id == null ? null : files.get(id);
    }

    /**
     * @param owner  the asking institution.
     * @param id     a file_qury_no.
     * @param nowSec the gateway clock.
     * @return the file if it exists, is the owner's and has not expired; else null.
     */
    public StoredFile find(final String owner, final String id, final long nowSec)
    {
        final StoredFile f = get(id);
        return f == null || !f.owner.equals(owner) || nowSec > f.expiresSec ? null : f;
    }

    /** @return files kept. */
    public int size()
    {
        return files.size();
    }

    /** @return bytes kept. */
    public long totalBytes()
    {
        return totalBytes;
    }

    /** @return the longest file accepted: the total limit. */
    public long maxTotalBytes()
    {
        return maxTotalBytes;
    }

    /**
     * @return a deterministic hash of the files kept, in storage order (it decides which file is
     * evicted next), and the sequence.
     */
    public long digest()
    {
        long h = files.size();
        for (final Map.Entry<String, StoredFile> e : files.entrySet())
        {
            final StoredFile f = e.getValue();
            h = StateHash.combine(h, StateHash.of(f.id));
            h = StateHash.combine(h, StateHash.of(f.owner));
            h = StateHash.combine(h, StateHash.of(f.filename));
            h = StateHash.combine(h, f.storedSec);
            h = StateHash.combine(h, f.expiresSec);
            h = StateHash.combine(h, Arrays.hashCode(f.bytes));
        }
        return StateHash.combine(StateHash.combine(h, totalBytes), ids.last());
    }

    /** @return true when no file was ever stored. */
    public boolean isEmpty()
    {
        return files.isEmpty() && ids.last() == 0;
    }

    /**
     * Snapshot part: the file_qury_no sequence, then the files oldest first (the eviction order).
     * The limits are configuration, not state: the reader's own apply from the next store on.
     * <pre>
     *   long last file_qury_no · int files × { string id, owner, filename · bytes content ·
     *   long stored, expires }
     * </pre>
     *
     * @param out the payload.
     * @throws IOException when writing fails.
     */
    public void writeTo(final DataOutput out) throws IOException
    {
        DeskSnapshot.writeSequence(out, ids);
        out.writeInt(files.size());
        for (final StoredFile f : files.values())
        {
            SnapshotData.writeString(out, f.id);
            SnapshotData.writeString(out, f.owner);
            SnapshotData.writeString(out, f.filename);
            SnapshotData.writeBytes(out, f.bytes);
            out.writeLong(f.storedSec);
            out.writeLong(f.expiresSec);
        }
    }

    /**
     * Fills an {@link #isEmpty empty} store from {@link #writeTo}, as it was: no eviction runs here
     * (a file's times need not increase along the order, so {@link #put} could evict differently).
     *
     * @param in    the payload.
     * @param canon shares institution codes with the rest of the desk.
     * @throws IOException when the payload is damaged.
     */
    public void readFrom(final DataInput in, final DeskSnapshot.Canon canon) throws IOException
    {
        DeskSnapshot.readSequence(in, ids);
        for (int i = SnapshotData.readCount(in); i > 0; i--)
        {
            final String id = SnapshotData.readString(in);
            final String owner = canon.read(in);
            final String filename = SnapshotData.readString(in);
            final byte[] bytes = SnapshotData.readBytes(in);
            if (id == null || owner == null || bytes == null)
            {
                throw new IOException("snapshot file without id, owner or content: " + id);
            }
            files.put(id, new StoredFile(id, owner, filename, bytes, in.readLong(), in.readLong()));
            totalBytes += bytes.length;
        }
    }

    /**
     * One stored file.
     *
     * @param id         file_qury_no.
     * @param owner      fixmedins_code.
     * @param filename   its name.
     * @param bytes      content (do not modify).
     * @param storedSec  when stored, local epoch seconds.
     * @param expiresSec dld_endtime, local epoch seconds.
     */
    public record StoredFile(String id, String owner, String filename, byte[] bytes, long storedSec, long expiresSec)
    {
    }
}
