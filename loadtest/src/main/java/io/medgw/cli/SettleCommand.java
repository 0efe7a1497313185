package io.medgw.cli;

import io.medgw.codec.Decimals;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.reply.ByteSink;
import io.medgw.codec.reply.ResponseEncoder;
import io.medgw.codec.request.RequestDecoder;
import io.medgw.gateway.reference.ReferenceData;
import io.medgw.gateway.settlement.SettlementContext;
import io.medgw.gateway.settlement.SettlementEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code medgw settle}: settles a JSON-lines file of national request envelopes offline, in order,
 * through the same engine the gateway runs, carrying state from one request to the next. The wire
 * checks E1023 (sign-in) and E1024 (clock skew) are skipped; the settlement date is each request's
 * inf_time. Ids come from sequences, so the same input gives the same output.
 */
@Command(name = "settle", mixinStandardHelpOptions = true,
    description = {
        "Settle a JSON-lines file of request envelopes (2207, 2102, 2304, their cancels 2208, 2103, 2305, 2601, and the",
        "pre-settlements 2206, 2101, 2303; fee lines inline in input.feedetail) and print one answer per request.",
        "Default output: one readable line per answer. --json: the response envelopes, one per line."})
public final class SettleCommand implements Callable<Integer>
{
    private static final long PROGRESS_EVERY_NS = 5_000_000_000L;

    @Option(names = "--data", required = true, description = "Reference-data directory (see docs/reference-data.md).")
    Path data;

    @Option(names = "--requests", required = true, description = "JSON-lines file of request envelopes, or - for standard input.")
    String requests;

    @Option(names = "--json", description = "Print the response envelopes (JSON, one per line) instead of readable lines.")
    boolean json;

    @Option(names = "--explain", description = "Also print every rule applied, in order, with its amounts (also sent in setl_proc_info).")
    boolean explain;

    @Override
    public Integer call() throws IOException
    {
        if (!"-".equals(requests) && !Files.isReadable(Path.of(requests)))
        {
            throw new Medgw.UsageProblem("--requests " + requests + ": no such readable file (give a JSON-lines file, or - for standard input)");
        }
        final ReferenceData ref = RegionFiles.load(data, System.err);
        final SettlementEngine engine = new SettlementEngine(new SettlementContext().referenceData(ref));
        final RequestDecoder decoder = new RequestDecoder();
        final ResponseEncoder encoder = new ResponseEncoder();
        final SettlementRequest req = new SettlementRequest();
        final SettlementResult res = new SettlementResult();
        final FundTotals totals = new FundTotals();
        final PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.UTF_8);
        final long t0 = System.nanoTime();
        long lastProgress = t0;
        long lineNo = 0;
        try (BufferedReader in = open())
        {
            String line;
            while ((line = in.readLine()) != null)
            {
                lineNo++;
                if (line.isBlank())
                {
                    continue;
                }
                settleOne(line, lineNo, decoder, engine, encoder, req, res, out);
                totals.add(res);
                final long now = System.nanoTime();
                if (now - lastProgress > PROGRESS_EVERY_NS)
                {
                    lastProgress = now;
                    System.err.printf("settle: %,d requests (line %,d), %,d/s%n", totals.requests, lineNo,
                        totals.requests * 1_000_000_000L / Math.max(1, now - t0));
                }
            }
        }
        out.flush();
        final long elapsed = System.nanoTime() - t0;
        System.err.printf("settled %,d requests in %d ms (%,d/s)%n", totals.requests, elapsed / 1_000_000,
            totals.requests * 1_000_000_000L / Math.max(1, elapsed));
        totals.print(System.err, "answers");
        return 0;
    }

    private void settleOne(final String line, final long lineNo, final RequestDecoder decoder, final SettlementEngine engine,
        final ResponseEncoder encoder, final SettlementRequest req, final SettlementResult res, final PrintStream out)
    {
        final byte[] body = line.getBytes(StandardCharsets.UTF_8);
        req.clear();
        res.clear();
        if (explain && res.explain == null)
        {
            res.explain = new StringBuilder(1024);
        }
        final ErrorCode decoded = decoder.decode(body, 0, body.length, req);
        if (decoded != ErrorCode.NONE)
        {
            res.refuse(decoded, decoder.lastErrorMessage());
        }
        else
        {
            engine.process(req, res, req.infTime);
        }
        // Deterministic envelope: receive and respond times are the request's own inf_time.
        final long atMs = req.infTime == SettlementRequest.ABSENT ? 0 :
            (req.infTime - ResponseEncoder.DEFAULT_ZONE_OFFSET_SECONDS) * 1000L;
        encoder.header(req.mdtrtareaAdmvs == null ? "000000" : req.mdtrtareaAdmvs, lineNo, atMs, atMs);
        if (json)
        {
            final ByteSink sink = res.ok() ? encoder.encodeSettlement(req, res) : encoder.encodeError(res.error, res.errorMessage);
            out.write(sink.buffer(), 0, sink.length());
            out.println();
        }
        else
        {
            out.println(readable(lineNo, req, res));
            if (explain && res.explain != null && res.explain.length() > 0)
            {
                out.println(res.explain.toString().indent(4).stripTrailing());
            }
        }
    }

    private static String readable(final long lineNo, final SettlementRequest req, final SettlementResult res)
    {
        final StringBuilder b = new StringBuilder(160);
        b.append('#').append(lineNo).append(' ').append(req.infno).append(' ').append(req.msgid).append(' ');
        if (!res.ok())
        {
            return b.append("REFUSED ").append(res.error.name()).append(": ").append(res.errorMessage).toString();
        }
        b.append("OK");
        if (res.setlId != null)
        {
            b.append(" setl_id=").append(res.setlId);
        }
        if (res.origSetlId != null)
        {
            b.append(" cancels=").append(res.origSetlId);
        }
        money(b, "medfee", res.medfeeSumamt);
        money(b, "fund", res.fundPaySumamt);
        money(b, "hifp", res.hifpPay);
        if (res.hifobPay != 0)
        {
            money(b, "hifob", res.hifobPay);
        }
        if (res.hifmiPay != 0)
        {
            money(b, "hifmi", res.hifmiPay);
        }
        if (res.cvlservPay != 0)
        {
            money(b, "cvlserv", res.cvlservPay);
        }
        if (res.mafPay != 0)
        {
            money(b, "maf", res.mafPay);
        }
        if (res.othPay != 0)
        {
            money(b, "oth", res.othPay);
        }
        money(b, "acct", res.acctPay);
        if (res.acctMulaidPay != 0)
        {
            money(b, "mulaid", res.acctMulaidPay);
        }
        money(b, "cash", res.psnCashPay);
        return b.toString();
    }

    private static void money(final StringBuilder b, final String name, final long fen)
    {
        b.append(' ').append(name).append('=');
        Decimals.append(b, fen, 2);
    }

    private BufferedReader open() throws IOException
    {
        if ("-".equals(requests))
        {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        final Path p = Path.of(requests);
        if (!Files.isReadable(p))
        {
            throw new Medgw.UsageProblem("--requests " + requests + ": no such readable file (give a JSON-lines file, or - for standard input)");
        }
        return Files.newBufferedReader(p, StandardCharsets.UTF_8);
    }
}
