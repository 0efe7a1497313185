package io.medgw.gateway.pipeline;

import io.medgw.codec.ErrorCode;
import io.medgw.gateway.net.ReplyChannel;
import io.medgw.gateway.snapshot.SnapshotRequest;

/**
 * One preallocated ring slot: the {@link SettlementEvent} the business stages work on, plus what
 * the wire stages need around it. Each field says which stage writes it; later stages only read.
 * <pre>
 *   translator (I/O thread)  reply, receivedNs, receivedEpochMs, decodeError, decodeMessage, event.request
 *   settle handler           event.*, journal
 *   journal handler          ledgerIndex, systemError
 *   reply handler            (reads all; clears references when done)
 *   snapshot publisher       snapshot (and nothing else: such a slot carries no request)
 * </pre>
 */
public final class PipelineSlot
{
    public final SettlementEvent event = new SettlementEvent();

    /** Where the answer goes. */
    public ReplyChannel reply;
    /** When the request arrived (nano clock), for latency. */
    public long receivedNs;
    /** When the request arrived (UTC epoch ms), for refmsg_time and inf_refmsgid. */
    public long receivedEpochMs;
    /** Decode refusal (E5xxx), or NONE: then the business stages skip the slot. */
    public ErrorCode decodeError = ErrorCode.NONE;
    public String decodeMessage;
    /** True when the request changed state and must be journaled before its reply. */
    public boolean journal;
    /** Ledger index of the appended record, or -1. */
    public long ledgerIndex = -1;
    /** A system error that overrides the business answer (E9002 ledger failure, E9003 handler error), or NONE. */
    public ErrorCode systemError = ErrorCode.NONE;
    /** Which part of the gateway answers: the settlement core or the transaction desk. */
    public boolean desk;
    /** Not a request but a snapshot of the state (set by its publisher; each stage does its part, nothing is answered). */
    public SnapshotRequest snapshot;

    /** Resets every field the translator does not set itself (called by the translator). */
    void reset()
    {
        decodeError = ErrorCode.NONE;
        decodeMessage = null;
        journal = false;
        ledgerIndex = -1;
        systemError = ErrorCode.NONE;
        desk = false;
        snapshot = null;
    }

    /** Drops references once the reply is sent, so the heap does not keep the previous request's graph. */
    void clearReferences()
    {
        reply = null;
        snapshot = null;
        event.clear();
    }
}
