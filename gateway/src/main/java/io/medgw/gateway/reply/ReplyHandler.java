package io.medgw.gateway.reply;

import com.lmax.disruptor.EventHandler;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.reply.ByteSink;
import io.medgw.codec.reply.ResponseEncoder;
import io.medgw.gateway.pipeline.JournalHandler;
import io.medgw.gateway.pipeline.PipelineSlot;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.pipeline.TransactionDeskAdapter;
import io.medgw.gateway.status.GatewayCounter;
import io.medgw.gateway.status.GatewayCounters;
import io.medgw.gateway.status.RequestMeters;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;

/**
 * The last stage: encodes each slot's answer as a national response envelope and hands it to the
 * slot's connection (the Netty side copies the bytes and writes them on the connection's event
 * loop). It runs behind the journal stage, so a slot reaches it only after its ledger record and
 * its batch's force have returned. Then it drops the slot's references.
 * <p>
 * Thread: the "reply" thread. Reads everything in the slot; writes nothing but the encoder's buffer.
 */
public final class ReplyHandler implements EventHandler<PipelineSlot>
{
    private final ResponseEncoder encoder;
    private final TransactionDeskAdapter desk;
    private final JournalHandler journal;
    private final String receiverAdmdvs;
    private final EpochClock epochClock;
    private final NanoClock nanoClock;
    private final RequestMeters meters;
    private final GatewayCounters counters;
    private long serial;

    /**
     * @param zoneOffsetSeconds the wire's UTC offset (China: 28800).
     * @param desk              encodes the non-settlement answers.
     * @param journal           tells whether a slot's batch failed to be made durable.
     * @param receiverAdmdvs    first 6 digits of inf_refmsgid.
     * @param epochClock        wall clock (respond_time).
     * @param nanoClock         latency clock.
     * @param meters            per-infno meters.
     * @param counters          gateway counters.
     */
    public ReplyHandler(final int zoneOffsetSeconds, final TransactionDeskAdapter desk, final JournalHandler journal,
        final String receiverAdmdvs, final EpochClock epochClock, final NanoClock nanoClock, final RequestMeters meters,
        final GatewayCounters counters)
    {
        this.encoder = new ResponseEncoder(zoneOffsetSeconds);
        this.desk = desk;
        this.journal = journal;
        this.receiverAdmdvs = receiverAdmdvs;
        this.epochClock = epochClock;
        this.nanoClock = nanoClock;
        this.meters = meters;
        this.counters = counters;
    }

    @Override
    public void onEvent(final PipelineSlot slot, final long sequence, final boolean endOfBatch)
    {
        if (slot.snapshot != null)
        {
            slot.snapshot.release(); // its records are durable now; nothing to answer
            slot.snapshot = null;
            return;
        }
        encoder.header(receiverAdmdvs, ++serial, slot.receivedEpochMs, epochClock.time());
        final SettlementEvent e = slot.event;
        final ByteSink out;
        final int infcode;
        boolean zip = false;
        if (slot.decodeError != ErrorCode.NONE)
        {
            out = encoder.encodeError(slot.decodeError, slot.decodeMessage);
            infcode = slot.decodeError.infcode();
        }
        else if (slot.systemError != ErrorCode.NONE || journal.failedAt(sequence))
        {
            final ErrorCode code = slot.systemError != ErrorCode.NONE ? slot.systemError : ErrorCode.E9002;
            out = encoder.encodeError(code, systemMessage(code));
            infcode = code.infcode();
        }
        else
        {
            final SettlementResult r = e.result;
            if (!r.ok())
            {
                out = encoder.encodeError(r.error, r.errorMessage);
            }
            else if (slot.desk)
            {
                out = desk.writeReply(e, encoder);
                zip = desk.binaryReply(e);
            }
            else
            {
                out = encoder.encodeSettlement(e.request, r);
            }
            infcode = r.error.infcode();
        }
        if (slot.reply != null && zip)
        {
            slot.reply.replyZip(out.buffer(), 0, out.length());
        }
        else if (slot.reply != null)
        {
            slot.reply.reply(out.buffer(), 0, out.length(), 200);
        }
        if (infcode == 0 && e.answered)
        {
            counters.increment(GatewayCounter.IDEMPOTENT_REPLAYS);
        }
        meters.onReply(e.request.txn, infcode, nanoClock.nanoTime() - slot.receivedNs);
        slot.event.clear();
        slot.reply = null;
    }

    private static String systemMessage(final ErrorCode code)
    {
        switch (code)
        {
            case E9002: return "账本写入失败，本笔未生效，请冲正(2601)后重试 (ledger write failed: nothing took effect; reverse with 2601 and retry)";
            case E9004: return "网关正在停止，请稍后重试 (gateway shutting down; retry shortly)";
            default: return "网关内部错误，本笔未生效，请冲正(2601)后重试 (internal error: reverse with 2601 and retry)";
        }
    }
}
