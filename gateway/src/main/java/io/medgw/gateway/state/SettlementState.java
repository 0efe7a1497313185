package io.medgw.gateway.state;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.reference.Person;
import io.medgw.gateway.reference.ReferenceData;
import io.medgw.ledger.snapshot.SnapshotData;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The single-writer business state of settlement: per person per calendar year accumulators, the
 * personal-account balance of each person seen, settlement records by setl_id, the msgid → record
 * index 2601 冲正 reads, the idempotency table, and the setl_id / mdtrt_id sequences.
 * <p>
 * <b>One writer.</b> Every method is called by the same thread (the state thread: the stage that
 * splits, cancels and applies). Reads ({@link #accumulators}, {@link #balanceOf}, {@link #record},
 * {@link #answer}) never change anything; {@link #apply} is the only mutation. The live path calls
 * {@code apply} right after computing an answer, and a restart calls the same method on every
 * record read back from the ledger, so the state after a restart is the state before it:
 * {@code apply} depends only on the request's key fields (fixmedins_code, msgid, infno, body
 * digest) and the {@link SettlementResult}.
 * <p>
 * <b>Balances.</b> A person's opening balance comes from the reference data the first time
 * {@code apply} touches the person; from then on the state owns it. After a settlement or a
 * cancellation the person's balance is the answer's {@code balc}; a 共济 holder's balance moves by
 * {@code acct_mulaid_pay}.
 * <p>
 * <b>Idempotency</b> (rules §8): (fixmedins_code, msgid) → the first answer (a
 * {@link SettlementRecord}, whose {@code setlTime} is the request's inf_time), kept for the
 * retention window measured in inf_time: an entry is live while
 * {@code t − entry.inf_time ≤ retention}. Expired entries are dropped when a later answer is applied
 * (in apply order, so replay drops the same ones). System errors and E3001 are never remembered.
 */
public final class SettlementState
{
    /** Default idempotency retention: 7 days. */
    public static final long DEFAULT_RETENTION_SEC = 7L * 86_400L;

    private static final YearAccumulators EMPTY = new YearAccumulators(0);
    /** "STAT": the settlement state's section of a snapshot payload. */
    private static final int SNAPSHOT_TAG = 0x5354_4154;
    private static final int SNAPSHOT_VERSION = 1;

    private final Supplier<ReferenceData> referenceData;
    private final HashMap<String, PersonState> persons;
    private final HashMap<String, SettlementRecord> records;
    private final MsgIndex effective = new MsgIndex();
    private final StringCanon canon = new StringCanon();
    private final PackedLongs pack = new PackedLongs();
    private final IdempotencyTable answers;
    private final IdSequence setlIds;
    private final IdSequence mdtrtIds;

    /**
     * @param referenceData   the current reference data (opening balances of persons not yet seen).
     * @param retentionSec    idempotency retention in seconds (&gt; 0).
     * @param idPrefix        prefix of generated ids (may be empty; see {@link IdSequence}).
     * @param expectedPersons initial capacity of the person and record maps.
     */
    public SettlementState(
        final Supplier<ReferenceData> referenceData,
        final long retentionSec,
        final String idPrefix,
        final int expectedPersons)
    {
        this.referenceData = Objects.requireNonNull(referenceData, "referenceData");
        if (retentionSec <= 0)
        {
            throw new IllegalArgumentException("retentionSec must be > 0: " + retentionSec);
        }
        this.answers = new IdempotencyTable(retentionSec, canon, pack);
        this.persons = new HashMap<>(Math.max(16, expectedPersons * 2));
        this.records = new HashMap<>(Math.max(16, expectedPersons * 2));
        this.setlIds = new IdSequence(idPrefix, 'S');
        this.mdtrtIds = new IdSequence(idPrefix, 'M');
    }

    // ------------------------------------------------------------------ reads

    /**
     * @param psnNo a person.
     * @param year  a calendar year.
     * @return the person's accumulators for the year (a shared all-zero instance if none; never
     * write through it).
     */
    public YearAccumulators accumulators(final String psnNo, final int year)
    {
        final PersonState ps = psnNo == null ? null : persons.get(psnNo);
        final YearAccumulators y = ps == null ? null : ps.year(year);
        return y == null ? EMPTY : y;
    }

    /** @param psnNo a person. @return the account balance (opening balance if not yet seen), fen. */
    public long balanceOf(final String psnNo)
    {
        return balanceOf(psnNo, referenceData.get());
    }

    /**
     * @param psnNo a person.
     * @param ref   the reference data the computation uses (opening balance of a person not yet seen).
     * @return the account balance, fen.
     */
    public long balanceOf(final String psnNo, final ReferenceData ref)
    {
        final PersonState ps = psnNo == null ? null : persons.get(psnNo);
        return ps != null ? ps.balance : opening(ref, psnNo);
    }

    /** @param setlId a setl_id. @return its record (settlement or cancellation), or null. */
    public SettlementRecord record(final String setlId)
    {
        return setlId == null ? null : records.get(setlId);
    }

    /**
     * @param fixmedinsCode an institution.
     * @param msgid         one of its msgids.
     * @return the settlement or cancellation that request made take effect, or null (2601 冲正).
     */
    public SettlementRecord effective(final String fixmedinsCode, final String msgid)
    {
        return effective.get(fixmedinsCode, msgid);
    }

    /**
     * @param fixmedinsCode an institution.
     * @param msgid         one of its msgids.
     * @param timeSec       the new request's inf_time (local epoch seconds).
     * @return the first answer to (institution, msgid) if still within the retention window, else null.
     */
    public SettlementRecord answer(final String fixmedinsCode, final String msgid, final long timeSec)
    {
        return answers.answer(fixmedinsCode, msgid, timeSec);
    }

    /** @return the setl_id the next settlement or cancellation gets (does not advance: apply does). */
    public String nextSetlId()
    {
        return setlIds.next();
    }

    /** @return the mdtrt_id the next visit gets (does not advance: apply or {@link #noteMdtrtId} does). */
    public String nextMdtrtId()
    {
        return mdtrtIds.next();
    }

    /** @param mdtrtId an mdtrt_id issued outside a settlement (e.g. 2201 registration). */
    public void noteMdtrtId(final String mdtrtId)
    {
        mdtrtIds.observe(mdtrtId);
    }

    // ------------------------------------------------------------------ the one mutation

    /**
     * Applies one answer's recorded effects: for a settlement (sign 1) or cancellation (sign -1)
     * that took effect, the accumulators of {@code res.accYear}, the balances, the record (and the
     * original's cancelled flag); for every answer but system errors and E3001, the idempotency
     * entry. Applying the same setl_id twice, or a re-send's copy of a remembered answer, is a
     * no-op (a re-read ledger record).
     *
     * @param req the request (key fields: fixmedinsCode, msgid, infno, txn, bodyDigestHi/Lo).
     * @param res the answer.
     */
    public void apply(final SettlementRequest req, final SettlementResult res)
    {
        if (res.error.isSystem() || res.error == ErrorCode.E3001)
        {
            return;
        }
        setlIds.observe(res.setlId);
        mdtrtIds.observe(res.mdtrtId);
        SettlementRecord rec = null;
        if (res.ok() && res.sign != 0 && res.setlId != null)
        {
            if (records.containsKey(res.setlId))
            {
                return;
            }
            applyEffects(res);
            rec = SettlementRecord.of(req, res, canon, pack);
            records.put(res.setlId, rec);
            if (res.sign < 0)
            {
                final SettlementRecord orig = records.get(res.origSetlId);
                if (orig != null)
                {
                    orig.markCancelled(true);
                }
            }
            effective.put(req.fixmedinsCode, req.msgid, rec);
        }
        answers.remember(req, res, rec);
        answers.purge(res.setlTime);
    }

    private void applyEffects(final SettlementResult res)
    {
        final PersonState ps = person(res.psnNo);
        final YearAccumulators y = ps.yearForWrite(res.accYear);
        if (res.dedClass >= 0)
        {
            y.dedUsed[res.dedClass] += res.dedUsed;
        }
        if (res.poolGroup >= 0)
        {
            y.poolPaid[res.poolGroup] += res.poolPaid;
        }
        y.largePaid += res.largePaid;
        y.seriousTotal += res.seriousBase;
        y.seriousPaid += res.seriousPaid;
        y.civilPaid += res.civilPaid;
        y.assistDedUsed += res.assistDedUsed;
        y.assistPaid += res.assistPaid;
        for (int i = 0; i < res.nFundCount; i++)
        {
            y.addNFund(res.nFundCode[i], res.nFundPaid[i]);
        }
        ps.balance = res.balc;
        if (res.mulaidHolderPsnNo != null && res.acctMulaidPay != 0)
        {
            person(res.mulaidHolderPsnNo).balance -= res.acctMulaidPay;
        }
    }

    private PersonState person(final String psnNo)
    {
        PersonState ps = persons.get(psnNo);
        if (ps == null)
        {
            ps = new PersonState(opening(referenceData.get(), psnNo));
            persons.put(psnNo, ps);
        }
        return ps;
    }

    private static long opening(final ReferenceData ref, final String psnNo)
    {
        final Person p = ref == null ? null : ref.personByPsnNo(psnNo);
        return p == null ? 0 : p.openingBalanceFen();
    }

    // ------------------------------------------------------------------ snapshot

    /**
     * Writes everything {@link #apply} built, so that {@link #readSnapshot} into a fresh state
     * constructed with the same arguments gives a state that answers, digests and goes on applying
     * exactly as this one (what a replay of the same ledger would give):
     * <pre>
     *   int tag "STAT", int format version
     *   setl_id sequence, mdtrt_id sequence           (IdSequence)
     *   persons   count, then psn_no and PersonState  (balances, every year's accumulators)
     *   records   count, then whether the msgid index holds it, and the SettlementRecord
     *   answers   IdempotencyTable: its expiry order, each entry a kept record's setl_id or a full record
     * </pre>
     * Shared strings and arrays of records are written once (see {@link CanonRefs}). Call it from
     * the state's single writer (or after it stopped): it reads everything and changes nothing.
     *
     * @param out the snapshot payload.
     * @throws IOException when writing fails.
     */
    public void writeSnapshot(final DataOutput out) throws IOException
    {
        out.writeInt(SNAPSHOT_TAG);
        out.writeInt(SNAPSHOT_VERSION);
        setlIds.writeTo(out);
        mdtrtIds.writeTo(out);
        out.writeInt(persons.size());
        for (final Map.Entry<String, PersonState> e : persons.entrySet())
        {
            SnapshotData.writeString(out, e.getKey());
            e.getValue().writeTo(out);
        }
        final CanonRefs.Writer refs = new CanonRefs.Writer(out, persons.size() + (persons.size() >> 2));
        out.writeInt(records.size());
        // the index holds each record at most once (under its own key), so equal counts mean all: no lookups
        final boolean allIndexed = effective.size() == records.size();
        int inEffect = 0;
        for (final SettlementRecord r : records.values())
        {
            final boolean holds = allIndexed || effective.holds(r);
            inEffect += holds ? 1 : 0;
            out.writeBoolean(holds);
            r.writeTo(out, refs);
        }
        if (inEffect != effective.size())
        {
            // apply() indexes only records it keeps: a snapshot must not drop an entry silently
            throw new IllegalStateException("msgid index entries outside the records: " + (effective.size() - inEffect));
        }
        answers.writeTo(out, (o, r) -> writeAnswer(o, r, refs));
    }

    /**
     * Fills this fresh state (constructed, nothing applied, no mdtrt_id noted) from what
     * {@link #writeSnapshot} wrote; afterwards it is what the writing state was. Call it from the
     * state's single writer before anything else uses the state. After an IOException the state is
     * partly filled: discard it (rebuild from the ledger instead).
     *
     * @param in the snapshot payload, at the start of the state's section.
     * @throws IOException           when the payload is not a state section, is damaged, ends early,
     *                               or was written with another id prefix or retention.
     * @throws IllegalStateException when this state is not fresh.
     */
    public void readSnapshot(final DataInput in) throws IOException
    {
        if (!persons.isEmpty() || !records.isEmpty() || !answers.isEmpty() || setlIds.last() != 0 ||
            mdtrtIds.last() != 0)
        {
            throw new IllegalStateException("a snapshot loads into a fresh state only; this one has " + persons.size() +
                " persons, " + records.size() + " records, " + answers.size() + " answers");
        }
        try
        {
            SnapshotData.expectTag(in, SNAPSHOT_TAG, "settlement state");
            final int version = in.readInt();
            if (version != SNAPSHOT_VERSION)
            {
                throw new IOException("snapshot section settlement state: format version " + version +
                    ", this build reads " + SNAPSHOT_VERSION);
            }
            readSections(in);
        }
        catch (final EOFException e)
        {
            throw new IOException("snapshot section settlement state ends early, after " + persons.size() +
                " persons, " + records.size() + " records, " + answers.size() + " answers", e);
        }
    }

    private void readSections(final DataInput in) throws IOException
    {
        setlIds.readFrom(in);
        mdtrtIds.readFrom(in);
        final CanonRefs.Reader refs = new CanonRefs.Reader(in, canon);
        final int personCount = SnapshotData.readCount(in);
        for (int i = 0; i < personCount; i++)
        {
            final String psnNo = canon.of(SnapshotData.readString(in));
            final PersonState ps = PersonState.readFrom(in, refs);
            if (psnNo == null || persons.put(psnNo, ps) != null)
            {
                throw new IOException("snapshot person " + psnNo + ": missing or twice");
            }
        }
        final int recordCount = SnapshotData.readCount(in);
        for (int i = 0; i < recordCount; i++)
        {
            final boolean holds = in.readBoolean();
            final SettlementRecord r = SettlementRecord.readFrom(in, refs);
            if (r.setlId() == null || records.put(r.setlId(), r) != null)
            {
                throw new IOException("snapshot record " + r.setlId() + " (msgid " + r.msgid() + "): missing setl_id or twice");
            }
            if (holds)
            {
                effective.put(r.fixmedinsCode(), r.msgid(), r);
            }
        }
        answers.readFrom(in, i -> readAnswer(i, refs));
    }

    // a kept record is written once, with the records, and referred to here by its setl_id; an entry
    // is a kept record exactly when it meets apply()'s condition for keeping one (a re-applied setl_id
    // returns before remembering), which saves a map probe per entry
    private static void writeAnswer(final DataOutput out, final SettlementRecord r, final CanonRefs.Writer refs)
        throws IOException
    {
        final boolean kept = r.error() == ErrorCode.NONE && r.sign() != 0 && r.setlId() != null;
        out.writeBoolean(kept);
        if (kept)
        {
            SnapshotData.writeString(out, r.setlId());
        }
        else
        {
            r.writeTo(out, refs);
        }
    }

    private SettlementRecord readAnswer(final DataInput in, final CanonRefs.Reader refs) throws IOException
    {
        if (!in.readBoolean())
        {
            return SettlementRecord.readFrom(in, refs);
        }
        final String setlId = SnapshotData.readString(in);
        final SettlementRecord r = setlId == null ? null : records.get(setlId);
        if (r == null)
        {
            throw new IOException("snapshot idempotency entry refers to an unknown record " + setlId);
        }
        return r;
    }

    // ------------------------------------------------------------------ digests and sizes

    /**
     * A deterministic hash of balances and accumulators only, in canonical form: a person whose
     * balance equals the opening balance and whose accumulators are all zero counts as untouched
     * (so an all-untouched state hashes to 0). Settling and then cancelling restores it exactly.
     *
     * @return the digest.
     */
    public long accountsDigest()
    {
        long sum = 0;
        for (final Map.Entry<String, PersonState> e : persons.entrySet())
        {
            final long h = e.getValue().hash();
            if (h != 0)
            {
                sum += StateHash.mix(StateHash.combine(StateHash.of(e.getKey()), h));
            }
        }
        return sum;
    }

    /**
     * A deterministic hash of the whole state: accounts, records (with cancelled flags), the
     * idempotency table and both sequences. Equal after a restart that re-applied the ledger.
     *
     * @return the digest.
     */
    public long digest()
    {
        long recs = 0;
        for (final SettlementRecord r : records.values())
        {
            recs += StateHash.mix(StateHash.combine(r.hash(), r.cancelled() ? 1 : 0));
        }
        long h = StateHash.combine(accountsDigest(), recs);
        h = StateHash.combine(h, answers.hash());
        h = StateHash.combine(h, effective.hash(0x5EEDL));
        h = StateHash.combine(h, setlIds.last());
        return StateHash.combine(h, mdtrtIds.last());
    }

    /** @return the number of persons whose balance the state owns. */
    public int personCount()
    {
        return persons.size();
    }

    /** @return the number of settlement and cancellation records. */
    public int recordCount()
    {
        return records.size();
    }

    /** @return the number of idempotency entries not yet dropped. */
    public int answerCount()
    {
        return answers.size();
    }

    /** @return the idempotency retention, seconds. */
    public long retentionSec()
    {
        return answers.retentionSec();
    }
}
