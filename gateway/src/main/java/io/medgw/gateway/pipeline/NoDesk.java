package io.medgw.gateway.pipeline;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.reply.ByteSink;
import io.medgw.codec.reply.ResponseEncoder;

/**
 * A desk that handles nothing: every non-settlement transaction is refused E5004 (tests of the core
 * alone). Not final: a test desk overrides only what it is about.
 */
public class NoDesk implements TransactionDeskAdapter
{
    @Override
    public boolean process(final SettlementEvent e)
    {
        e.result.refuse(ErrorCode.E5004, "不支持的交易：infno=" + e.request.infno + " (unsupported transaction)");
        return false;
    }

    @Override
    public boolean knowsMsgid(final SettlementEvent e)
    {
        return false;
    }

    @Override
    public void beforeSettlement(final SettlementEvent e)
    {
    }

    @Override
    public void afterSettlement(final SettlementEvent e)
    {
    }

    @Override
    public void apply(final SettlementRequest req, final SettlementResult res, final long ledgerIndex)
    {
    }

    @Override
    public ByteSink writeReply(final SettlementEvent e, final ResponseEncoder enc)
    {
        return enc.encodeError(e.result.error, e.result.errorMessage);
    }
}
