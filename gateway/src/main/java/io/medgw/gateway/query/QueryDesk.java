package io.medgw.gateway.query;

import io.medgw.codec.reply.ByteSink;
import io.medgw.codec.reply.ResponseEncoder;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.recon.ReconciliationIndex;
import io.medgw.gateway.state.SettlementState;
import io.medgw.gateway.visit.EngineStages;
import io.medgw.gateway.visit.VisitStore;
import io.medgw.ledger.LedgerReader;

/**
 * The queries: 1101 ({@link PersonInfo}), 2001 ({@link BenefitCheck}), 5203 and 5204
 * ({@link SettlementQuery}), 5206 ({@link AccumulatorQuery}). None changes state or is journaled.
 * {@link #process} runs on the state-writer thread (it reads balances, accumulators, records and the
 * ledger); {@link #writeOutput} reads only the slot.
 */
public final class QueryDesk
{
    private final PersonInfo personInfo;
    private final BenefitCheck benefitCheck;
    private final SettlementQuery settlements;
    private final AccumulatorQuery accumulators;

    /**
     * @param state  the settlement state.
     * @param index  the reconciliation index (ledger index of each settlement).
     * @param visits the visits (5204 without a ledger reader).
     * @param stages the engine's identity stage (2001).
     * @param ledger a ledger reader for 5204, or null.
     */
    public QueryDesk(final SettlementState state, final ReconciliationIndex index, final VisitStore visits,
        final EngineStages stages, final LedgerReader ledger)
    {
        this.personInfo = new PersonInfo(state);
        this.benefitCheck = new BenefitCheck(stages);
        this.settlements = new SettlementQuery(state, index, visits, ledger);
        this.accumulators = new AccumulatorQuery(state);
    }

    /**
     * Sets the ledger reader 5204 reads fee lines with (once, before the pipeline runs).
     *
     * @param reader a reader used on the state-writer thread only, or null.
     */
    public void ledgerReader(final LedgerReader reader)
    {
        settlements.ledger(reader);
    }

    /** @param txn a transaction. @return true for 1101, 2001, 5203, 5204, 5206. */
    public static boolean handles(final int txn)
    {
        return txn == 1101 || txn == 2001 || txn == 5203 || txn == 5204 || txn == 5206;
    }

    /**
     * Answers a started query slot.
     *
     * @param e   the slot.
     * @param now the gateway clock.
     */
    public void process(final SettlementEvent e, final long now)
    {
        switch (e.request.txn)
        {
            case 1101: personInfo.process(e); break;
            case 2001: benefitCheck.process(e, now); break;
            case 5203: case 5204: settlements.process(e); break;
            case 5206: accumulators.process(e); break;
            default: throw new IllegalArgumentException("not a query: " + e.request.txn);
        }
    }

    /**
     * @param e   a query slot answered successfully.
     * @param enc the encoder.
     * @return the sink holding the response.
     */
    public static ByteSink writeOutput(final SettlementEvent e, final ResponseEncoder enc)
    {
        switch (e.request.txn)
        {
            case 1101: return PersonInfoOutput.writeOutput(e, enc);
            case 2001: return BenefitCheckOutput.writeOutput(e, enc);
            case 5203: return SettlementInfoOutput.writeOutput(e, enc);
            case 5204: return FeeListOutput.writeOutput(e, enc);
            case 5206: return AccumulatorOutput.writeOutput(e, enc);
            default: throw new IllegalArgumentException("not a query: " + e.request.txn);
        }
    }
}
