package io.medgw.gateway.visit;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes and reads the snapshot of a desk that saw a million settlements (reconciliation rows,
 * visits by setl_id), through a buffered, checksummed file as the snapshot store does. Slow and
 * memory-hungry: run on demand with {@code -Dmedgw.perf=true}.
 */
@EnabledIfSystemProperty(named = "medgw.perf", matches = "true")
final class TransactionDeskSnapshotPerfTest
{
    private static final int INSTITUTIONS = 20;
    private static final int VISITS = 100_000;
    private static final int SETTLEMENTS = 1_000_000;

    @Test
    void shouldWriteAndReadAMillionSettlementsQuickly(@TempDir final Path dir) throws IOException
    {
        final DeskFixture f = new DeskFixture();
        fill(f.desk);
        assertThat(f.desk.reconciliationIndex().size()).isEqualTo(SETTLEMENTS);
        final Path file = dir.resolve("desk.snap");
        for (int round = 0; round < 3; round++)
        {
            System.gc();
            final long gc0 = gcMs();
            final long t0 = System.nanoTime();
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new CheckedOutputStream(Files.newOutputStream(file), new CRC32C()), 64 * 1024)))
            {
                f.desk.writeSnapshot(out);
            }
            final long t1 = System.nanoTime();
            final long gc1 = gcMs();
            final DeskFixture fresh = new DeskFixture();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new CheckedInputStream(Files.newInputStream(file), new CRC32C()), 64 * 1024)))
            {
                fresh.desk.readSnapshot(in);
            }
            final long t2 = System.nanoTime();
            System.out.printf("desk snapshot of %d settlements, %d visits: %d MB, write %d ms (gc %d), read %d ms (gc %d)%n",
                SETTLEMENTS, VISITS, Files.size(file) >> 20, (t1 - t0) / 1_000_000, gc1 - gc0, (t2 - t1) / 1_000_000,
                gcMs() - gc1);
            assertThat(fresh.desk.digest()).isEqualTo(f.desk.digest());
        }
    }

    // registrations, then settlements (one in twenty cancelled) spread over the visits and 30 days
    private static void fill(final TransactionDesk desk)
    {
        final SettlementRequest req = new SettlementRequest();
        final SettlementResult res = new SettlementResult();
        final String[] codes = new String[INSTITUTIONS];
        for (int i = 0; i < INSTITUTIONS; i++)
        {
            codes[i] = "H" + (10_000 + i);
        }
        for (int v = 0; v < VISITS; v++)
        {
            req.clear();
            res.clear();
            req.txn = 2201;
            req.infno = "2201";
            req.fixmedinsCode = codes[v % INSTITUTIONS];
            req.msgid = req.fixmedinsCode + "R" + v;
            req.iptOtpNo = "MZ" + v;
            req.infTime = 1_772_000_000L + v;
            res.error = ErrorCode.NONE;
            res.mdtrtId = id('M', v + 1);
            res.psnNo = "P" + (v % 50_000);
            res.insutype = "310";
            res.medType = "11";
            res.setlTime = req.infTime;
            desk.apply(req, res, v);
        }
        String last = null;
        for (int s = 0; s < SETTLEMENTS; s++)
        {
            final int v = s % VISITS;
            final boolean cancel = s % 20 == 19;
            req.clear();
            res.clear();
            req.txn = cancel ? 2208 : 2207;
            req.infno = cancel ? "2208" : "2207";
            req.fixmedinsCode = codes[v % INSTITUTIONS];
            req.msgid = req.fixmedinsCode + "S" + s;
            res.error = ErrorCode.NONE;
            res.sign = cancel ? -1 : 1;
            res.setlId = id('S', s + 1);
            res.origSetlId = cancel ? last : null;
            res.mdtrtId = id('M', v + 1);
            res.psnNo = "P" + (v % 50_000);
            res.insutype = "310";
            res.clrType = "11";
            res.setlDay = 20_500 + s % 30;
            res.medfeeSumamt = cancel ? -10_000 : 10_000;
            res.fundPaySumamt = cancel ? -6_000 : 6_000;
            res.acctPay = cancel ? -1_000 : 1_000;
            res.psnCashPay = cancel ? -3_000 : 3_000;
            desk.apply(req, res, VISITS + s);
            last = res.setlId;
        }
    }

    private static long gcMs()
    {
        long ms = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            ms += gc.getCollectionTime();
        }
        return ms;
    }

    private static String id(final char tag, final long n)
    {
        final String digits = Long.toString(n);
        return tag + "0".repeat(12 - digits.length()) + digits;
    }
}
