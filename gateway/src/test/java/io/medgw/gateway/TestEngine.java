package io.medgw.gateway;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.reference.ReferenceData;
import io.medgw.gateway.settlement.SettlementContext;
import io.medgw.gateway.settlement.SettlementEngine;
import io.medgw.gateway.state.SettlementRecord;
import io.medgw.gateway.state.SettlementState;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SettlementEngine} over a {@link TestRegion} for tests: each call settles one
 * {@link TestRequest} into a fresh result (the clock is the request's inf_time unless given), and
 * the engine keeps a journal of (request key, answer) pairs the way the ledger would, so a test
 * can {@link #replayInto replay} it into a fresh state.
 */
public final class TestEngine
{
    private final ReferenceData ref;
    private final SettlementEngine engine;
    private final List<String[]> journalKeys = new ArrayList<>();
    private final List<long[]> journalDigests = new ArrayList<>();
    private final List<SettlementRecord> journalAnswers = new ArrayList<>();

    /** @param ref reference data. */
    public TestEngine(final ReferenceData ref)
    {
        this(new SettlementContext().referenceData(ref));
    }

    /** @param ctx a context (its reference data is used). */
    public TestEngine(final SettlementContext ctx)
    {
        this.engine = new SettlementEngine(ctx);
        this.ref = ctx.referenceDataSupplier().get();
    }

    /** @return the engine. */
    public SettlementEngine engine()
    {
        return engine;
    }

    /** @return its state. */
    public SettlementState state()
    {
        return engine.state();
    }

    /** @return the reference data. */
    public ReferenceData ref()
    {
        return ref;
    }

    /** @param t a request. @return its answer (clock = inf_time). */
    public SettlementResult run(final TestRequest t)
    {
        final SettlementRequest req = t.build();
        return run(req, req.infTime);
    }

    /** @param t a request. @return its answer with an explanation. */
    public SettlementResult explain(final TestRequest t)
    {
        final SettlementRequest req = t.build();
        final SettlementResult res = new SettlementResult();
        res.explain = new StringBuilder();
        process(req, res, req.infTime);
        return res;
    }

    /** @param req a decoded request. @param now the clock. @return its answer. */
    public SettlementResult run(final SettlementRequest req, final long now)
    {
        final SettlementResult res = new SettlementResult();
        process(req, res, now);
        return res;
    }

    private void process(final SettlementRequest req, final SettlementResult res, final long now)
    {
        engine.process(req, res, now);
        journalKeys.add(new String[] {req.infno, req.msgid, req.fixmedinsCode});
        journalDigests.add(new long[] {req.txn, req.bodyDigestHi, req.bodyDigestLo});
        journalAnswers.add(SettlementRecord.of(req, res));
    }

    /**
     * Re-applies every journaled answer, in order, to {@code state} (what a restart does with the
     * ledger). Answers that were not applied live (re-sends, E3001) are skipped by apply itself or
     * are harmless re-remembers.
     *
     * @param state a fresh state.
     */
    public void replayInto(final SettlementState state)
    {
        final SettlementResult res = new SettlementResult();
        final SettlementRequest key = new SettlementRequest();
        for (int i = 0; i < journalKeys.size(); i++)
        {
            final String[] k = journalKeys.get(i);
            final long[] d = journalDigests.get(i);
            key.clear();
            key.infno = k[0];
            key.msgid = k[1];
            key.fixmedinsCode = k[2];
            key.txn = (int)d[0];
            key.bodyDigestHi = d[1];
            key.bodyDigestLo = d[2];
            journalAnswers.get(i).copyTo(res);
            state.apply(key, res);
        }
    }

    /** @return the number of journaled answers. */
    public int journalSize()
    {
        return journalKeys.size();
    }
}
