package io.medgw.loadtest.jmh;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.ledger.record.LedgerRecordEncoder;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The floor under {@link LedgerAppendBenchmark}: the same 10-line record, written without Chronicle
 * Queue, to show which part of the append's tail belongs to the ledger code and which to the machine.
 * <pre>
 *   encodeOnly           LedgerRecordEncoder ──▶ heap buffer                 (CPU only, no mmap)
 *   copyToTouchedMmap    record bytes ──3.1 KB copy──▶ pre-faulted mapping    (no encode, no faults)
 *   encodeCopyTouched    encode ──▶ heap ──copy──▶ pre-faulted mapping        (the append minus Chronicle)
 *   encodeCopyFresh      encode ──▶ heap ──copy──▶ never-touched file pages   (plus the page faults)
 *   encodeCopyCached     as fresh, but the file was read once first: its pages are in the page
 *                        cache, not yet in this mapping (what a background pretoucher could give)
 * </pre>
 * The mapped file lives in the temp directory ({@code -Djava.io.tmpdir} moves it, e.g. to tmpfs).
 * The "touched" variants map 256 MB and write every page of it once in the iteration's setup, then
 * wrap around, so no write takes a page fault; the "fresh" variant maps a new sparse 2 GB file per
 * iteration (about two seconds of appends at full speed). If the p99
 * of {@code encodeOnly} or {@code copyToTouchedMmap} is already above the ledger's target, the
 * target cannot be shown on this machine whatever the ledger does: that tail is preemption,
 * interrupts and steal of the host, not the code. Mode: sample time (p50/p90/p99/p99.9 per op).
 * Run: {@code bin/medgw bench LedgerAppendFloorBenchmark}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true",
    "-Dchronicle.announcer.disable=true",
    "-Dorg.slf4j.simpleLogger.log.net.openhft=warn"})
public class LedgerAppendFloorBenchmark
{
    private static final int PAGE = 4096;
    private static final int TOUCHED_BYTES = 256 << 20;
    private static final int FRESH_BYTES = Integer.MAX_VALUE - PAGE + 1;

    /** The record's inputs and a heap buffer to encode into. */
    @State(Scope.Thread)
    public static class RecordState
    {
        final SettlementRequest req = new SettlementRequest();
        final SettlementResult res = new SettlementResult();
        final LedgerRecordEncoder encoder = new LedgerRecordEncoder();
        final ExpandableArrayBuffer heap = new ExpandableArrayBuffer(16 * 1024);
        int length;
        long sequence;

        @Setup(Level.Trial)
        public void fill()
        {
            LedgerAppendBenchmark.tenLineSettlement(req, res);
            length = encoder.wrap(heap, 0).encode(1, 1_710_495_000_000L, req, res);
        }

        int encode()
        {
            return encoder.wrap(heap, 0).encode(++sequence, 1_710_495_000_000L, req, res);
        }
    }

    /** A file mapped read-write; pre-faulted when {@link #pretouch()} says so. */
    public abstract static class MappedState
    {
        final UnsafeBuffer mapped = new UnsafeBuffer(0, 0);
        Path dir;
        MappedByteBuffer mapping;
        int position;

        int size;

        abstract boolean pretouch();

        boolean readFirst()
        {
            return false;
        }

        @Setup(Level.Iteration)
        public void map() throws IOException
        {
            size = pretouch() ? TOUCHED_BYTES : FRESH_BYTES;
            dir = Files.createTempDirectory("medgw-floor-bench");
            try (RandomAccessFile file = new RandomAccessFile(dir.resolve("floor.bin").toFile(), "rw"))
            {
                file.setLength(size);
                if (readFirst())
                {
                    final ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
                    for (long at = 0; at < size; at += chunk.capacity())
                    {
                        chunk.clear();
                        file.getChannel().read(chunk, at);
                    }
                }
                mapping = file.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, size);
            }
            mapped.wrap(mapping);
            if (pretouch())
            {
                for (int p = 0; p < size; p += PAGE)
                {
                    mapped.putLong(p, 0L);
                }
            }
            position = 0;
        }

        int next(final int length)
        {
            if (position + length > size)
            {
                position = 0;
            }
            final int at = position;
            position += length;
            return at;
        }

        @TearDown(Level.Iteration)
        public void unmap()
        {
            IoUtil.unmap(mapping);
            mapped.wrap(0, 0);
            LedgerAppendBenchmark.deleteTree(dir);
        }
    }

    /** Every page written once before the iteration. */
    @State(Scope.Thread)
    public static class TouchedMapping extends MappedState
    {
        @Override
        boolean pretouch()
        {
            return true;
        }
    }

    /** A sparse file: the first write to each page faults. */
    @State(Scope.Thread)
    public static class FreshMapping extends MappedState
    {
        @Override
        boolean pretouch()
        {
            return false;
        }
    }

    /** A sparse file read once through the file channel: page cache filled, this mapping not. */
    @State(Scope.Thread)
    public static class CachedMapping extends MappedState
    {
        @Override
        boolean pretouch()
        {
            return false;
        }

        @Override
        boolean readFirst()
        {
            return true;
        }
    }

    @Benchmark
    public int encodeOnly(final RecordState r)
    {
        return r.encode();
    }

    @Benchmark
    public int copyToTouchedMmap(final RecordState r, final TouchedMapping m)
    {
        final int at = m.next(r.length);
        m.mapped.putBytes(at, r.heap, 0, r.length);
        return at;
    }

    @Benchmark
    public int encodeCopyTouched(final RecordState r, final TouchedMapping m)
    {
        final int length = r.encode();
        final int at = m.next(length);
        m.mapped.putBytes(at, r.heap, 0, length);
        return at;
    }

    @Benchmark
    public int encodeCopyFresh(final RecordState r, final FreshMapping m)
    {
        final int length = r.encode();
        final int at = m.next(length);
        m.mapped.putBytes(at, r.heap, 0, length);
        return at;
    }

    @Benchmark
    public int encodeCopyCached(final RecordState r, final CachedMapping m)
    {
        final int length = r.encode();
        final int at = m.next(length);
        m.mapped.putBytes(at, r.heap, 0, length);
        return at;
    }

    /**
     * Runs this benchmark alone.
     *
     * @param args ignored.
     * @throws RunnerException when JMH fails.
     */
    public static void main(final String[] args) throws RunnerException
    {
        new Runner(new OptionsBuilder().include(LedgerAppendFloorBenchmark.class.getSimpleName()).build()).run();
    }
}
