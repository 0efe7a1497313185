package io.medgw.gateway.pipeline;

import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.Limits;
import io.medgw.codec.request.RequestDecoder;
import io.medgw.gateway.net.ErrorEnvelope;
import io.medgw.gateway.net.InboundRequest;
import io.medgw.gateway.net.InboundRequestListener;
import io.medgw.gateway.status.GatewayCounter;
import io.medgw.gateway.status.GatewayCounters;
import org.agrona.concurrent.EpochClock;

/**
 * The Netty side's entry into the pipeline. Runs on the I/O threads: claims a ring slot without
 * waiting ({@code tryPublishEvent}), decodes the body straight into the slot's request and
 * publishes it. When the ring is full the request is refused at once with E9001 (infcode −1: the
 * HIS may retry) — the gateway never queues without bound and never blocks an event loop.
 * <p>
 * Each I/O thread has its own decoder (thread-local: decoders are single-threaded).
 */
public final class InboundPublisher implements InboundRequestListener
{
    private final RingBuffer<PipelineSlot> ring;
    private final ThreadLocal<RequestDecoder> decoders;
    private final ThreadLocal<byte[]> overloadBuffers = ThreadLocal.withInitial(() -> new byte[ErrorEnvelope.MAX_LENGTH]);
    private final ErrorEnvelope errors;
    private final EpochClock epochClock;
    private final GatewayCounters counters;
    private final EventTranslatorOneArg<PipelineSlot, InboundRequest> translator = this::translate;
    private volatile boolean accepting = true;

    /**
     * @param ring       the pipeline's ring.
     * @param limits     decode limits (body size, lines, depth).
     * @param errors     error-envelope writer for the overload answer.
     * @param epochClock wall clock (refmsg_time).
     * @param counters   gateway counters.
     */
    public InboundPublisher(final RingBuffer<PipelineSlot> ring, final Limits limits, final ErrorEnvelope errors,
        final EpochClock epochClock, final GatewayCounters counters)
    {
        this.ring = ring;
        this.decoders = ThreadLocal.withInitial(() -> new RequestDecoder(limits));
        this.errors = errors;
        this.epochClock = epochClock;
        this.counters = counters;
    }

    @Override
    public void onRequest(final InboundRequest request)
    {
        if (!accepting)
        {
            refuse(request, ErrorCode.E9004, GatewayCounter.SHUTDOWN_REFUSALS);
            return;
        }
        if (!ring.tryPublishEvent(translator, request))
        {
            refuse(request, ErrorCode.E9001, GatewayCounter.OVERLOAD_REFUSALS);
        }
    }

    /** Stops taking new requests (graceful shutdown): later ones get E9004. */
    public void stopAccepting()
    {
        accepting = false;
    }

    private void refuse(final InboundRequest request, final ErrorCode code, final GatewayCounter counter)
    {
        counters.increment(counter);
        final byte[] buf = overloadBuffers.get();
        final int n = errors.encode(code, epochClock.time(), buf, 0);
        request.replyChannel().reply(buf, 0, n, 200);
    }

    private void translate(final PipelineSlot slot, final long sequence, final InboundRequest in)
    {
        slot.reset();
        slot.reply = in.replyChannel();
        slot.receivedNs = in.receivedNs();
        slot.receivedEpochMs = epochClock.time();
        final SettlementEvent e = slot.event;
        e.request.clear();
        e.result.clear();
        final RequestDecoder decoder = decoders.get();
        final ErrorCode decoded = decoder.decode(in.body(), 0, in.bodyLength(), in.pathInfno(), e.request);
        if (decoded != ErrorCode.NONE)
        {
            slot.decodeError = decoded;
            slot.decodeMessage = decoder.lastErrorMessage();
        }
    }
}
