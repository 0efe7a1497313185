package io.medgw.gateway.pipeline;

import io.medgw.codec.Dates;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.reference.BenefitClass;
import io.medgw.gateway.reference.Catalogue;
import io.medgw.gateway.reference.Institution;
import io.medgw.gateway.reference.Person;
import io.medgw.gateway.reference.Policy;
import io.medgw.gateway.reference.ReferenceData;
import io.medgw.gateway.state.SettlementRecord;

/**
 * The reusable ring slot of one request: the decoded request, its result, and the references the
 * stages resolve and pass along. Preallocated once per ring slot; {@link #start} begins a request
 * and {@link #clear} drops every reference once the last consumer is done.
 * <p>
 * Who writes what (each stage writes only its own fields):
 * <pre>
 *   start()            ref, nowLocalEpochSec, kind, setlTime, setlDay, year; result cleared and echo fields set
 *   idempotency        answered (a stored answer or E3001 was written to result)
 *   identity           institution, catalogue, person, benefitClass, policy, cell, crossRegion, filing
 *   pricing            per-line outputs (request lines) and result totals
 *   split              result funds, personal payment, rows, effects; mulaidHolder
 *   cancel / 冲正      original; result negated
 *   commit             result ids; the state (apply)
 * </pre>
 * A stage skips a slot when {@link #proceed()} is false (already answered or refused).
 */
public final class SettlementEvent
{
    /** A transaction the settlement core does not handle. */
    public static final int KIND_OTHER = 0;
    /** 2206, 2303, 2101: compute, change nothing. */
    public static final int KIND_PRE_SETTLE = 1;
    /** 2207, 2304, 2102: compute and apply. */
    public static final int KIND_SETTLE = 2;
    /** 2208, 2305, 2103: cancel by setl_id. */
    public static final int KIND_CANCEL = 3;
    /** 2601: 冲正 by (omsgid, oinfno). */
    public static final int KIND_REVERSAL = 4;

    public final SettlementRequest request;
    public final SettlementResult result;

    // ---- start ----
    /** The reference data every stage of this request uses (one version per request). */
    public ReferenceData ref;
    /** The gateway clock when the request was taken (local epoch seconds); only E1024 reads it. */
    public long nowLocalEpochSec;
    public int kind;
    /** Settlement date (epoch day) and its calendar year. */
    public int setlDay;
    public int year;
    /** True once the answer is final before the computing stages (idempotent re-send, E3001). */
    public boolean answered;

    // ---- identity ----
    public Institution institution;
    /** The 就医地 catalogue (the institution's region), or null. */
    public Catalogue catalogue;
    public Person person;
    public BenefitClass benefitClass;
    public Policy policy;
    public Policy.Cell cell;
    /** True when 异地 (institution admdvs ≠ person's insuplc_admdvs). */
    public boolean crossRegion;
    /** The 备案 that allowed 异地 (its dsgn_type selects the ratio adjustment), or null. */
    public Person.Filing filing;

    // ---- split ----
    /** The 共济 holder debited, or null. */
    public Person mulaidHolder;

    // ---- cancel ----
    /** The settlement being cancelled, or null. */
    public SettlementRecord original;

    /** A slot with its own request and result (the ring's event factory). */
    public SettlementEvent()
    {
        this(new SettlementRequest(), new SettlementResult());
    }

    /**
     * @param request the request this slot carries.
     * @param result  the result this slot fills.
     */
    public SettlementEvent(final SettlementRequest request, final SettlementResult result)
    {
        this.request = request;
        this.result = result;
        clearReferences();
    }

    /**
     * @param txn a numeric transaction.
     * @return its kind ({@link #KIND_SETTLE}, ...).
     */
    public static int kindOf(final int txn)
    {
        switch (txn)
        {
            case 2206: case 2303: case 2101: return KIND_PRE_SETTLE;
            case 2207: case 2304: case 2102: return KIND_SETTLE;
            case 2208: case 2305: case 2103: return KIND_CANCEL;
            case 2601: return KIND_REVERSAL;
            default: return KIND_OTHER;
        }
    }

    /**
     * Begins a request already decoded into {@link #request}: clears every stage field and the
     * result (keeping its explain buffer, emptied), then sets the settlement time (inf_time, or the
     * gateway clock when absent), date, year, reference version and the fields the answer echoes.
     *
     * @param referenceData    the reference data for this request.
     * @param nowLocalEpochSec the gateway clock, local epoch seconds.
     */
    public void start(final ReferenceData referenceData, final long nowLocalEpochSec)
    {
        clearReferences();
        final SettlementRequest req = request;
        final SettlementResult res = result;
        res.clear();
        ref = referenceData;
        this.nowLocalEpochSec = nowLocalEpochSec;
        kind = kindOf(req.txn);
        final long t = req.infTime != SettlementRequest.ABSENT ? req.infTime : nowLocalEpochSec;
        setlDay = Dates.dayOf(t);
        year = Dates.yearOf(setlDay);
        res.setlTime = t;
        res.setlDay = setlDay;
        res.accYear = year;
        res.refVersion = referenceData.version();
        res.psnNo = req.psnNo;
        res.mdtrtId = req.mdtrtId;
        res.medType = req.medType;
        res.mdtrtCertType = req.mdtrtCertType;
        res.insutype = req.insutype;
        res.sign = 0;
    }

    /** @return true while no stage has answered or refused. */
    public boolean proceed()
    {
        return !answered && result.ok();
    }

    /** @return true for a pre-settlement or a settlement (the identity, pricing and split stages run). */
    public boolean computes()
    {
        return kind == KIND_PRE_SETTLE || kind == KIND_SETTLE;
    }

    /** Resets the request, the result and every reference (the ring's clearing handler). */
    public void clear()
    {
        request.clear();
        result.clear();
        clearReferences();
    }

    private void clearReferences()
    {
        ref = null;
        nowLocalEpochSec = 0;
        kind = KIND_OTHER;
        setlDay = 0;
        year = 0;
        answered = false;
        institution = null;
        catalogue = null;
        person = null;
        benefitClass = null;
        policy = null;
        cell = null;
        crossRegion = false;
        filing = null;
        mulaidHolder = null;
        original = null;
    }
}
