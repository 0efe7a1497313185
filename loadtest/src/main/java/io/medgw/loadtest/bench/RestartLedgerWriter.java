package io.medgw.loadtest.bench;

import io.medgw.codec.Dates;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.request.RequestDecoder;
import io.medgw.gateway.reference.Person;
import io.medgw.gateway.reference.ReferenceData;
import io.medgw.gateway.settlement.SettlementContext;
import io.medgw.gateway.settlement.SettlementEngine;
import io.medgw.gateway.state.IdSequence;
import io.medgw.ledger.Ledger;
import io.medgw.ledger.LedgerReader;
import io.medgw.ledger.LedgerWriter;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The writing side of {@link io.medgw.loadtest.RestartBench}: real 10-line 2207 settlements through
 * the engine (SMALL region, 2026-03-16 08:00–18:00), then copies read back from the ledger with a
 * new msgid, setl_id (the k-th), inf_time (spread over the next 30 days) and the psn_no of another
 * person of the same region and insutype. One thread; allocates freely (not timed).
 */
public final class RestartLedgerWriter
{
    /** The gateway's default idempotency retention. */
    public static final long RETENTION_SEC = 7L * 86_400L;
    private static final long SEED = 42L;
    private static final long PROGRESS_NS = 3_000_000_000L;
    private static final long COPY_MSGID_BASE = 1_000_000_000_000L;
    private static final long COPY_SPAN_SEC = 30L * 86_400L;

    private final ReferenceData ref;
    private final PrintStream out;
    private final long records;
    private final Map<String, List<Person>> peers = new HashMap<>();
    private final SettlementRequest req = new SettlementRequest();
    private final SettlementResult res = new SettlementResult();
    private long written;
    private int real;
    private int refused;
    private long lastReport = System.nanoTime();

    /**
     * @param ref     the loaded region.
     * @param out     progress lines.
     * @param records records to write in all (N).
     */
    public RestartLedgerWriter(final ReferenceData ref, final PrintStream out, final long records)
    {
        this.ref = ref;
        this.out = out;
        this.records = records;
    }

    /**
     * Settles {@code distinct} real bills through the engine and appends each.
     *
     * @param writer   the ledger writer.
     * @param distinct settlements wanted.
     * @return settlements appended.
     */
    public int settleReal(final LedgerWriter writer, final int distinct)
    {
        final BenchBills bills = new BenchBills(ref, BenchBills.DAY);
        for (final List<Person> persons : bills.personsByRegion().values())
        {
            for (final Person p : persons)
            {
                peers.computeIfAbsent(p.insuplcAdmdvs() + '|' + p.insutype(), k -> new ArrayList<>()).add(p);
            }
        }
        final SettlementEngine engine = new SettlementEngine(new SettlementContext().referenceData(ref)
            .idempotencyRetentionSec(RETENTION_SEC).expectedPersons(ref.persons().size()));
        final RequestDecoder decoder = new RequestDecoder();
        final SplittableRandom rng = new SplittableRandom(SEED);
        final long open = BenchBills.DAY * (long)Dates.SECONDS_PER_DAY + 8 * 3_600;
        long msgSeq = 0;
        while (real < distinct)
        {
            if (refused > 5 * distinct + 1_000)
            {
                throw new IllegalStateException("too many refusals: " + res.error + " " + res.errorMessage);
            }
            final BenchBills.Bill b = bills.draw(rng, null, "11", 10);
            if (b == null)
            {
                continue;
            }
            final long t = open + real * 36_000L / distinct;
            BenchBills.decode(decoder, BenchBills.json(b, "2207", BenchBills.msgid(b.inst().code(), ++msgSeq), t), req);
            engine.process(req, res, t);
            if (!res.ok())
            {
                refused++;
                continue;
            }
            writer.append(req, res, System.currentTimeMillis());
            real++;
            written++;
            progress();
        }
        return real;
    }

    /**
     * Appends rewritten copies of the first {@code real} records until N records are written.
     *
     * @param ledger the ledger (read back from its start).
     * @param writer its writer.
     * @param real   how many real settlements lead the ledger.
     */
    public void copies(final Ledger ledger, final LedgerWriter writer, final int real)
    {
        if (written >= records)
        {
            return;
        }
        final long first = BenchBills.DAY * (long)Dates.SECONDS_PER_DAY + Dates.SECONDS_PER_DAY;
        final long copies = records - written;
        final char[] setlId = new char[1 + IdSequence.DIGITS];
        setlId[0] = 'S';
        try (LedgerReader reader = ledger.reader())
        {
            int inCycle = 0;
            for (long c = 0; c < copies; c++)
            {
                if (inCycle == real)
                {
                    reader.toStart();
                    inCycle = 0;
                }
                if (!reader.next(req, res))
                {
                    throw new IllegalStateException("ledger record " + (inCycle + 1) + " cannot be read back");
                }
                inCycle++;
                final long k = written;
                rewrite(k, first + c * COPY_SPAN_SEC / copies, setlId);
                writer.append(req, res, System.currentTimeMillis());
                written++;
                progress();
            }
        }
    }

    // A new msgid, setl_id (the k+1-th), inf_time and person of the same region and insutype.
    private void rewrite(final long k, final long t, final char[] setlId)
    {
        req.msgid = BenchBills.msgid(req.fixmedinsCode, COPY_MSGID_BASE + k);
        long v = k + 1;
        for (int i = setlId.length - 1; i > 0; i--)
        {
            setlId[i] = (char)('0' + v % 10);
            v /= 10;
        }
        res.setlId = new String(setlId);
        req.infTime = t;
        req.infTimeText = Dates.formatDateTime(t);
        res.setlTime = t;
        res.setlDay = Dates.dayOf(t);
        final List<Person> group = peers.get(res.insuplcAdmdvs + '|' + res.insutype);
        if (group != null)
        {
            final Person p = group.get((int)(k % group.size()));
            req.psnNo = p.psnNo();
            req.mdtrtCertNo = p.certno();
            res.psnNo = p.psnNo();
            res.psnName = p.name(); // every person field from p, as a real settlement of p would carry
            res.psnCertType = p.psnCertType();
            res.certno = p.certno();
            res.gend = p.gend();
            res.naty = p.naty();
            res.brdy = p.brdy();
            res.psnType = p.psnType();
            res.cvlservFlag = p.cvlserv() ? "1" : "0";
            for (int i = 0; i < req.lineCount(); i++)
            {
                req.line(i).psnNo = p.psnNo();
            }
        }
    }

    private void progress()
    {
        final long now = System.nanoTime();
        if (now - lastReport >= PROGRESS_NS)
        {
            lastReport = now;
            out.printf("  written %,d / %,d records%n", written, records);
        }
    }

    /** @return records appended so far. */
    public long written()
    {
        return written;
    }

    /** @return settlements made through the engine. */
    public int real()
    {
        return real;
    }

    /** @return bills the engine refused (skipped). */
    public int refused()
    {
        return refused;
    }
}
