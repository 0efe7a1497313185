package io.medgw.gateway.query;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.recon.ReconRow;
import io.medgw.gateway.recon.ReconciliationIndex;
import io.medgw.gateway.state.SettlementRecord;
import io.medgw.gateway.state.SettlementState;
import io.medgw.gateway.visit.Visit;
import io.medgw.gateway.visit.VisitChecks;
import io.medgw.gateway.visit.VisitStore;
import io.medgw.ledger.LedgerReader;
import io.medgw.ledger.record.LedgerFormatException;

/**
 * 5203 结算信息查询 and 5204 费用明细查询, by {@code setl_id} (of a settlement or of a cancellation).
 * Refusals: no setl_id E5002; unknown E4001; another institution's E4003.
 * <ul>
 *   <li>5203: the {@link SettlementRecord} is copied into the result ({@code setlinfo} with the
 *   settlement's own ids, time and clearing fields, {@code setldetail[]}; a cancellation's amounts
 *   are negative) and its msgid into {@code res.answerText} ({@code medins_setl_id}).</li>
 *   <li>5204: the fee lines of the settlement (for a cancellation: of the settlement it cancelled)
 *   are read back from its ledger record ({@link LedgerReader#readAt} at the index the
 *   {@link ReconciliationIndex} learnt on restart or on append; an index not yet known is found by
 *   reading forward from the last record seen) into the slot's request lines. Without a ledger
 *   reader the lines still on the visit are used; when neither has them the answer is E9003
 *   (retry).</li>
 * </ul>
 * Queries: change nothing. The ledger reader is used on this thread only.
 */
final class SettlementQuery
{
    private final SettlementState state;
    private final ReconciliationIndex index;
    private final VisitStore visits;
    private LedgerReader ledger;
    private final SettlementRequest scratchRequest = new SettlementRequest();
    private final SettlementResult scratchResult = new SettlementResult();

    SettlementQuery(final SettlementState state, final ReconciliationIndex index, final VisitStore visits,
        final LedgerReader ledger)
    {
        this.state = state;
        this.index = index;
        this.visits = visits;
        this.ledger = ledger;
    }

    void process(final SettlementEvent e)
    {
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        if (!VisitChecks.require(res, req.setlId, "input.data.setl_id"))
        {
            return;
        }
        final SettlementRecord rec = state.record(req.setlId);
        if (rec == null)
        {
            res.refuse(ErrorCode.E4001, "结算ID不存在：setl_id=" + req.setlId + " (unknown setl_id; check the id 2207/2304 answered)");
            return;
        }
        if (!rec.fixmedinsCode().equals(req.fixmedinsCode))
        {
            res.refuse(ErrorCode.E4003, "该结算不属于本机构：setl_id=" + req.setlId + "，本机构 fixmedins_code=" +
                req.fixmedinsCode + " (another institution's settlement)");
            return;
        }
        if (req.txn == 5203)
        {
            final long time = res.setlTime;
            rec.copyTo(res);
            res.answerText = rec.msgid();
            res.setlTime = rec.setlTime() != 0 ? rec.setlTime() : time;
            return;
        }
        final String paid = rec.isCancellation() ? rec.origSetlId() : rec.setlId();
        req.clearLines();
        if (!fromLedger(paid, req) && !fromVisit(paid, req))
        {
            res.refuse(ErrorCode.E9003, "费用明细暂不可查：setl_id=" + req.setlId + " (the fee lines are not available yet; retry)");
            return;
        }
        res.setlId = rec.setlId();
        res.psnNo = rec.psnNo();
        final ReconRow row = index.row(paid);
        res.mdtrtId = row != null ? row.mdtrtId() : null;
    }

    void ledger(final LedgerReader reader)
    {
        this.ledger = reader;
    }

    private boolean fromLedger(final String setlId, final SettlementRequest into)
    {
        final ReconRow row = index.row(setlId);
        if (ledger == null || row == null)
        {
            return false;
        }
        if (row.ledgerIndex() < 0)
        {
            scanFor(setlId);
        }
        if (row.ledgerIndex() < 0)
        {
            return false;
        }
        try
        {
            if (!ledger.readAt(row.ledgerIndex(), scratchRequest, scratchResult) || !setlId.equals(scratchResult.setlId))
            {
                return false;
            }
        }
        catch (final LedgerFormatException ex)
        {
            return false;
        }
        for (int i = 0, n = scratchRequest.lineCount(); i < n; i++)
        {
            Visit.copy(scratchRequest.line(i), into.addLine());
        }
        return true;
    }

    // Live, the pipeline does not tell the desk where a record went: read forward from the last
    // record seen, learning the index of every settlement on the way, until setlId's (amortized:
    // each record is scanned once in the life of the process).
    private void scanFor(final String setlId)
    {
        final long after = index.lastLedgerIndex();
        if (after < 0 || !ledger.moveAfter(after))
        {
            ledger.toStart();
        }
        while (true)
        {
            try
            {
                if (!ledger.next(scratchRequest, scratchResult))
                {
                    return;
                }
            }
            catch (final LedgerFormatException ex)
            {
                continue; // a damaged record: the reader moved past it
            }
            final long at = ledger.lastIndex();
            index.ledgerSeen(at);
            if (scratchResult.ok() && scratchResult.sign != 0 && scratchResult.setlId != null)
            {
                index.ledgerIndex(scratchResult.setlId, at);
                if (setlId.equals(scratchResult.setlId))
                {
                    return;
                }
            }
        }
    }

    private boolean fromVisit(final String setlId, final SettlementRequest into)
    {
        final Visit v = visits.settledVisit(setlId);
        if (v == null)
        {
            return false;
        }
        int n = 0;
        for (final Visit.Line l : v.lines())
        {
            if (setlId.equals(l.setlId()))
            {
                final FeeLine to = into.addLine();
                Visit.copy(l.fee(), to);
                n++;
            }
        }
        return n > 0;
    }
}
