package io.medgw.cli;

import io.medgw.gateway.Gateway;
import io.medgw.gateway.pipeline.TransactionDeskAdapter;
import io.medgw.gateway.visit.DeskContext;
import io.medgw.gateway.visit.TransactionDesk;

/** Builds the gateway's transaction desk (sign-in, visits, queries, reconciliation, files). */
public final class Desks
{
    private Desks()
    {
    }

    /** @param ref the gateway's reference data, state and ledger. @return the full desk. */
    public static TransactionDeskAdapter full(final Gateway.Ref ref)
    {
        return new TransactionDesk(DeskContext.forGateway(ref, ref.maxClockSkewSec)
            .ledgerReader(ref.ledger.reader()));
    }
}
