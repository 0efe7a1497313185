package io.medgw.ledger;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;

/**
 * Receives records from {@link LedgerReader#forEach}. The request and result are the reader's
 * reused objects: copy what must outlive the call.
 */
@FunctionalInterface
public interface LedgerRecordHandler
{
    /**
     * @param index        the record's index.
     * @param sequence     the record's ledger sequence (1, 2, 3, ...).
     * @param appendTimeMs wall-clock append time, epoch ms.
     * @param req          the decoded request.
     * @param res          the decoded result.
     */
    void onRecord(long index, long sequence, long appendTimeMs, SettlementRequest req, SettlementResult res);
}
