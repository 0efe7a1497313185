package io.medgw.gateway.it;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.reply.ByteSink;
import io.medgw.codec.reply.ResponseEncoder;
import io.medgw.codec.reply.ResponseReader;
import io.medgw.codec.request.RequestDecoder;
import io.medgw.gateway.reference.ReferenceData;
import io.medgw.gateway.reference.ReferenceDataException;
import io.medgw.gateway.reference.ReferenceDataLoader;
import io.medgw.gateway.settlement.SettlementContext;
import io.medgw.gateway.settlement.SettlementEngine;
import io.medgw.gateway.state.SettlementState;

import java.nio.file.Path;

/**
 * The oracle of the end-to-end tests: the same request bytes decoded by the codec's decoder and
 * settled by a fresh, synchronous {@link SettlementEngine} over the same reference-data directory
 * the gateway loaded (no sign-in or clock-skew checks: the offline {@code settle} command's
 * configuration), then encoded by the same encoder and read back. Feeding it the requests a
 * gateway received, in the same order, must give the same answers.
 */
final class OfflineEngine
{
    private final SettlementEngine engine;
    private final RequestDecoder decoder = new RequestDecoder();
    private final ResponseEncoder encoder = new ResponseEncoder();
    private final SettlementRequest req = new SettlementRequest();
    private final SettlementResult res = new SettlementResult();

    /** @param dataDir a reference-data directory. */
    OfflineEngine(final Path dataDir) throws ReferenceDataException
    {
        final ReferenceData ref = ReferenceDataLoader.load(dataDir);
        this.engine = new SettlementEngine(new SettlementContext().referenceData(ref));
    }

    /**
     * @param json a request body.
     * @return the answer as the wire would carry it.
     */
    ResponseReader answer(final byte[] json)
    {
        encoder.header("320100", 1, 0, 0);
        final ErrorCode decoded = decoder.decode(json, 0, json.length, req);
        final ByteSink out;
        if (decoded != ErrorCode.NONE)
        {
            out = encoder.encodeError(decoded, decoder.lastErrorMessage());
        }
        else
        {
            engine.process(req, res, req.infTime);
            out = encoder.encodeSettlement(req, res);
        }
        return new ResponseReader().read(out);
    }

    /** @return the engine's state. */
    SettlementState state()
    {
        return engine.state();
    }
}
