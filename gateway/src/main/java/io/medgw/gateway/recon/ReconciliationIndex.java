package io.medgw.gateway.recon;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.state.StateHash;
import io.medgw.gateway.visit.DeskSnapshot;
import io.medgw.gateway.visit.SnapshotBlocks;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the gateway settled, per institution and day, for 3201/3202 reconciliation and 5204 (the
 * ledger index of each settlement): one compact {@link ReconRow} per settlement or cancellation that
 * took effect, added when it takes effect ({@link #add}: live after the commit, on restart while
 * re-applying the ledger) and given its ledger index when the record is appended
 * ({@link #ledgerIndex(String, long)}). Both are idempotent per setl_id, in either order.
 * <p>
 * Thread: the state-writer thread. Memory: one row (about 120 bytes plus shared strings) per
 * settlement for the life of the process.
 */
public final class ReconciliationIndex
{
    private final HashMap<String, TreeMap<Integer, List<ReconRow>>> byInstitution = new HashMap<>();
    private final HashMap<String, ReconRow> bySetlId = new HashMap<>();
    private long lastLedgerIndex = -1;

    /**
     * Adds the row of a settlement (sign 1) or cancellation (sign -1) that took effect; other
     * answers and a setl_id already known are ignored.
     *
     * @param req the request (fixmedins_code, msgid).
     * @param res the answer.
     * @return the row (new or known), or null when the answer moved no money.
     */
    public ReconRow add(final SettlementRequest req, final SettlementResult res)
    {
        if (!res.ok() || res.sign == 0 || res.setlId == null || req.fixmedinsCode == null)
        {
            return null;
        }
        final ReconRow known = bySetlId.get(res.setlId);
        if (known != null)
        {
            return known;
        }
        final ReconRow row = new ReconRow(req.fixmedinsCode, res.setlId, res.sign < 0 ? res.origSetlId : null,
            res.mdtrtId, res.psnNo, req.msgid, res.insutype, res.clrType, res.setlDay, res.medfeeSumamt,
            res.fundPaySumamt, res.acctPay, res.psnCashPay, res.sign < 0 ? 1 : 0);
        bySetlId.put(row.setlId, row);
        byInstitution.computeIfAbsent(row.fixmedinsCode, k -> new TreeMap<>())
            .computeIfAbsent(row.day, k -> new ArrayList<>(4)).add(row);
        return row;
    }

    /**
     * Records where a settlement's ledger record is: the first record appended with that setl_id
     * (a later record repeating the answer, e.g. a journaled re-send, does not move it).
     *
     * @param setlId a setl_id already {@link #add added}.
     * @param index  its ledger index.
     */
    public void ledgerIndex(final String setlId, final long index)
    {
        ledgerSeen(index);
        final ReconRow row = setlId == null ? null : bySetlId.get(setlId);
        if (row != null && row.ledgerIndex < 0)
        {
            row.ledgerIndex = index;
        }
    }

    /**
     * Notes that every ledger record up to {@code index} has been seen (re-applied on restart, or
     * scanned by 5204), so a later scan for unknown indexes starts after it.
     *
     * @param index a ledger index.
     */
    public void ledgerSeen(final long index)
    {
        if (index > lastLedgerIndex)
        {
            lastLedgerIndex = index;
        }
    }

    /** @return the highest ledger index seen, or -1. */
    public long lastLedgerIndex()
    {
        return lastLedgerIndex;
    }

    /** @param setlId a setl_id. @return its row, or null. */
    public ReconRow row(final String setlId)
    {
        return setlId == null ? null : bySetlId.get(setlId);
    }

    /**
     * @param fixmedinsCode an institution.
     * @param fromDay       first day (inclusive).
     * @param toDay         last day (inclusive).
     * @param into          receives the rows, by day then in the order they took effect.
     * @return {@code into}.
     */
    public List<ReconRow> rows(final String fixmedinsCode, final int fromDay, final int toDay, final List<ReconRow> into)
    {
        final TreeMap<Integer, List<ReconRow>> days = byInstitution.get(fixmedinsCode);
        if (days == null || fromDay > toDay)
        {
            return into;
        }
        for (final List<ReconRow> day : days.subMap(fromDay, true, toDay, true).values())
        {
            into.addAll(day);
        }
        return into;
    }

    /** @return the number of rows. */
    public int size()
    {
        return bySetlId.size();
    }

    /**
     * @return a deterministic hash of every row and of each institution's day lists (their order is
     * the order 3201/3202 read rows in), equal after a replay. Ledger indexes are left out: they are
     * where records sit, learnt on append, on restart or lazily by 5204, not what was settled.
     */
    public long digest()
    {
        long sum = 0;
        for (final Map.Entry<String, ReconRow> e : bySetlId.entrySet())
        {
            sum += StateHash.mix(e.getValue().hash());
        }
        long days = 0;
        for (final Map.Entry<String, TreeMap<Integer, List<ReconRow>>> e : byInstitution.entrySet())
        {
            for (final Map.Entry<Integer, List<ReconRow>> d : e.getValue().entrySet())
            {
                long h = StateHash.combine(StateHash.of(e.getKey()), d.getKey());
                for (final ReconRow r : d.getValue())
                {
                    h = StateHash.combine(h, StateHash.of(r.setlId));
                }
                days += StateHash.mix(h);
            }
        }
        return StateHash.combine(sum, days);
    }

    /** @return true when no row was added and no ledger record seen. */
    public boolean isEmpty()
    {
        return bySetlId.isEmpty() && byInstitution.isEmpty() && lastLedgerIndex < 0;
    }

    /**
     * Snapshot part: the last ledger index seen, then the rows grouped as {@link #rows} reads them
     * (each row once: the setl_id index is rebuilt from them), in {@link SnapshotBlocks}.
     * <pre>
     *   long last ledger index · int institutions × { string code · int days × { int day ·
     *   int rows × row ({@link ReconRow#writeTo}) } }
     * </pre>
     *
     * @param out the payload.
     * @throws IOException when writing fails.
     */
    public void writeTo(final DataOutput stream) throws IOException
    {
        final SnapshotBlocks.Writer out = new SnapshotBlocks.Writer(stream);
        out.writeLong(lastLedgerIndex);
        out.writeInt(byInstitution.size());
        for (final Map.Entry<String, TreeMap<Integer, List<ReconRow>>> e : byInstitution.entrySet())
        {
            out.writeString(e.getKey());
            out.writeInt(e.getValue().size());
            for (final Map.Entry<Integer, List<ReconRow>> d : e.getValue().entrySet())
            {
                out.writeInt(d.getKey());
                out.writeInt(d.getValue().size());
                for (final ReconRow r : d.getValue())
                {
                    r.writeTo(out);
                    out.endRecord();
                }
            }
        }
        out.finish();
    }

    /**
     * Fills an {@link #isEmpty empty} index from {@link #writeTo}.
     *
     * @param in    the payload.
     * @param canon shares institution codes, insutype and clr_type with the rest of the desk.
     * @throws IOException when the payload is damaged (a setl_id twice included).
     */
    public void readFrom(final DataInput stream, final DeskSnapshot.Canon canon) throws IOException
    {
        final SnapshotBlocks.Reader in = new SnapshotBlocks.Reader(stream);
        lastLedgerIndex = in.readLong();
        for (int i = in.readCount(); i > 0; i--)
        {
            final String code = canon.of(in.readString());
            final TreeMap<Integer, List<ReconRow>> days = new TreeMap<>();
            for (int j = in.readCount(); j > 0; j--)
            {
                final int day = in.readInt();
                final int n = in.readCount();
                final ArrayList<ReconRow> rows = new ArrayList<>(Math.max(4, n));
                for (int k = 0; k < n; k++)
                {
                    final ReconRow r = ReconRow.readFrom(in, code, day, canon);
                    if (r.setlId == null || bySetlId.put(r.setlId, r) != null)
                    {
                        throw new IOException("snapshot reconciliation row without setl_id or twice: " + r.setlId);
                    }
                    rows.add(r);
                }
                days.put(day, rows);
            }
            byInstitution.put(code, days);
        }
        in.finish();
    }
}
