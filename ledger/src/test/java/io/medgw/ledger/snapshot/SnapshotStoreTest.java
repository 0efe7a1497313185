package io.medgw.ledger.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotStoreTest
{
    @TempDir
    Path dir;

    private static SnapshotWriter balances(final long... values)
    {
        return out ->
        {
            out.writeInt(values.length);
            for (final long v : values)
            {
                out.writeLong(v);
            }
            out.writeUTF("张伟");
        };
    }

    @Test
    void shouldFindNothingInAnEmptyDirectory() throws IOException
    {
        assertThat(new SnapshotStore(dir.resolve("snaps"), 2).latest()).isNull();
    }

    @Test
    void shouldReturnTheNewestSnapshotWithItsTagAndPayload() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(dir, 3);
        store.save(0x4d5500000005L, 6, 500, 11, 12, 1_000, balances(1, 2));
        store.save(0x4d5600000002L, 40, 500, 21, 22, 2_000, balances(100_00, -5_00, 7));

        final Snapshot latest = store.latest();

        assertThat(latest.ledgerIndex()).isEqualTo(0x4d5600000002L);
        assertThat(latest.ledgerSequence()).isEqualTo(40);
        assertThat(latest.stateDigestHi()).isEqualTo(21);
        assertThat(latest.stateDigestLo()).isEqualTo(22);
        assertThat(latest.createdEpochMs()).isEqualTo(2_000);
        final long[] read = new long[3];
        latest.read(in ->
        {
            assertThat(in.readInt()).isEqualTo(3);
            for (int i = 0; i < 3; i++)
            {
                read[i] = in.readLong();
            }
            assertThat(in.readUTF()).isEqualTo("张伟");
        });
        assertThat(read).containsExactly(100_00, -5_00, 7);
    }

    @Test
    void shouldFallBackToAnOlderSnapshotWhenTheNewestIsDamaged() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(dir, 2);
        store.save(5, 5, 500, 0, 0, 1, balances(1));
        final Snapshot newest = store.save(9, 9, 500, 0, 0, 2, balances(2));
        final byte[] bytes = Files.readAllBytes(newest.path());
        bytes[bytes.length - 3] ^= 1;
        Files.write(newest.path(), bytes);

        assertThat(store.latest().ledgerSequence()).isEqualTo(5);
    }

    @Test
    void shouldKeepOnlyTheNewestRetainedSnapshots() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(dir, 2);
        for (int i = 1; i <= 5; i++)
        {
            store.save(i, i, 500, 0, 0, i, balances(i));
        }
        try (Stream<Path> files = Files.list(dir))
        {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("snapshot-00000000000000000004.snap", "snapshot-00000000000000000005.snap");
        }
    }

    @Test
    void shouldLeaveNoFileWhenTheWriterFails() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(dir, 2);

        assertThatThrownBy(() -> store.save(1, 1, 500, 0, 0, 1, out ->
        {
            out.writeLong(1);
            throw new IOException("state dump failed");
        })).hasMessage("state dump failed");

        try (Stream<Path> files = Files.list(dir))
        {
            assertThat(files).isEmpty();
        }
        assertThat(store.latest()).isNull();
    }

    @Test
    void shouldRejectAReaderThatLeavesPayloadUnread() throws IOException
    {
        final Snapshot snapshot = new SnapshotStore(dir, 1).save(1, 1, 500, 0, 0, 1, balances(1, 2, 3));

        assertThatThrownBy(() -> snapshot.read(in -> in.readInt())).isInstanceOf(IOException.class)
            .hasMessageContaining("unread");
    }

    @Test
    void shouldCommitAPayloadCapturedBeforeItsLedgerIndexWasKnown() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(dir, 2);
        final PendingSnapshot pending = store.begin(balances(3, 4));

        assertThat(store.latest()).isNull(); // a captured payload is not a snapshot yet
        final Snapshot committed = store.commit(pending, 77, 8, 500, 1, 2, 3_000);

        final Snapshot latest = store.latest();
        assertThat(latest.path()).isEqualTo(committed.path());
        assertThat(latest.ledgerIndex()).isEqualTo(77);
        assertThat(latest.ledgerAppendMs()).isEqualTo(500);
        assertThat(latest.payloadLength()).isEqualTo(pending.payloadLength());
        latest.read(in ->
        {
            assertThat(in.readInt()).isEqualTo(2);
            assertThat(in.readLong()).isEqualTo(3);
            assertThat(in.readLong()).isEqualTo(4);
            assertThat(in.readUTF()).isEqualTo("张伟");
        });
    }

    @Test
    void shouldReadEachSectionIntoItsOwnReaderAtTheSameTime() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(dir, 2);
        final byte[] big = new byte[700_000]; // several chunks
        for (int i = 0; i < big.length; i++)
        {
            big[i] = (byte)(i * 31);
        }
        store.save(1, 1, 500, 0, 0, 1, out -> out.write(big), balances(5, 6));
        final Snapshot s = store.latest();
        final byte[] first = new byte[big.length];
        final String[] threads = new String[2];

        s.read(in ->
        {
            in.readFully(first);
            threads[0] = Thread.currentThread().getName();
        }, in ->
        {
            assertThat(in.readInt()).isEqualTo(2);
            in.readLong();
            in.readLong();
            in.readUTF();
            threads[1] = Thread.currentThread().getName();
        });

        assertThat(first).isEqualTo(big);
        assertThat(threads[1]).isEqualTo("medgw-snapshot-read-1").isNotEqualTo(threads[0]);
        assertThatThrownBy(() -> s.read(in -> in.readFully(new byte[big.length]))).isInstanceOf(IOException.class)
            .hasMessageContaining("has 2 section(s); the reader expects 1");
        assertThatThrownBy(() -> s.read(in -> in.readFully(first), in -> in.readInt())).isInstanceOf(IOException.class)
            .hasMessageContaining("section 1 unread");
    }

    @Test
    void shouldDeleteLeftoversOfACrashedCommitOnOpen() throws IOException
    {
        new SnapshotStore(dir, 2);
        final Path leftover = Files.write(dir.resolve("snapshot-123.tmp"), new byte[] {1, 2, 3});

        assertThat(new SnapshotStore(dir, 2).latest()).isNull();
        assertThat(Files.exists(leftover)).isFalse();
    }
}
