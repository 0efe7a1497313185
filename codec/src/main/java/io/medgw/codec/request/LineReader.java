package io.medgw.codec.request;

import io.medgw.codec.Decimals;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;

/**
 * Reads a {@code feedetail} / {@code drugdetail} array into the request's {@link FeeLine}s, at
 * most {@code maxFeeLines} (more → E5006). A line number that is not a number, finer than its unit,
 * negative or missing does not refuse the request: it sets {@link FeeLine#parseError} and
 * {@link FeeLine#parseErrorText} (the raw text, or {@code (missing)}) and decoding goes on, so the
 * engine can answer E2001 naming the line (settlement-rules.md §2). Single-threaded.
 */
final class LineReader
{
    static final String MISSING = "(missing)";
    static final String NOT_A_NUMBER = "(not a number)";

    private final DecodeStatus status;
    private final BodyHasher h;
    private final ValueReader values;
    private final int maxFeeLines;
    private final FieldNames names;

    LineReader(final DecodeStatus status, final BodyHasher hasher, final ValueReader values, final int maxFeeLines)
    {
        this.status = status;
        this.h = hasher;
        this.values = values;
        this.maxFeeLines = maxFeeLines;
        this.names = hasher.names();
    }

    /**
     * @param s    scanner just after the array's value.
     * @param t    its token.
     * @param req  the request the lines are added to.
     * @param node the array's name, for messages.
     * @throws JsonSyntaxException on malformed JSON.
     */
    void read(final JsonScanner s, final int t, final SettlementRequest req, final String node) throws JsonSyntaxException
    {
        if (t != JsonScanner.ARRAY)
        {
            status.fail(DecodeStatus.INPUT, ErrorCode.E5001, node + " must be a JSON array");
            h.value(s, t);
            return;
        }
        long accA = BodyHasher.arrayStartA();
        long accB = BodyHasher.arrayStartB();
        int n = 0;
        int et;
        while ((et = s.nextElement()) != JsonScanner.END)
        {
            if (et == JsonScanner.OBJECT && req.lineCount() < maxFeeLines)
            {
                readLine(s, req.addLine(), node, n);
            }
            else
            {
                if (!status.has(DecodeStatus.INPUT))
                {
                    status.fail(DecodeStatus.INPUT, et == JsonScanner.OBJECT ? ErrorCode.E5006 : ErrorCode.E5001,
                        et == JsonScanner.OBJECT ? "more than " + maxFeeLines + " fee lines" :
                        node + "[" + n + "] must be a JSON object");
                }
                h.value(s, et);
            }
            accA = h.stepA(accA);
            accB = h.stepB(accB);
            n++;
        }
        h.finishArray(accA, accB, n);
    }

    private void readLine(final JsonScanner s, final FeeLine line, final String node, final int row) throws JsonSyntaxException
    {
        long sumA = 0;
        long sumB = 0;
        int fields = 0;
        int seen = 0;
        while (s.nextField())
        {
            final FieldNames.Name name = names.lookup(s);
            final LineField f = name.line;
            final long keyA = name.keyA;
            final long keyB = name.keyB;
            final int vt = s.value();
            if (h.isNull(s, vt))
            {
                continue;
            }
            if (f == null)
            {
                h.value(s, vt);
            }
            else if (f.isNumber())
            {
                readNumber(s, vt, f, line);
                seen |= 1 << f.errorCode;
            }
            else
            {
                final String v = values.text(s, vt, node, row, f.wireName, f.maxLength, RecentStrings.LINE + f.ordinal());
                if (v != null)
                {
                    f.set(line, v);
                }
            }
            sumA += h.fieldA(keyA);
            sumB += h.fieldB(keyB);
            fields++;
        }
        h.finishObject(sumA, sumB, fields);
        for (int code = 1; code <= 3; code++)
        {
            if ((seen & (1 << code)) == 0)
            {
                mark(line, code, MISSING);
            }
        }
    }

    private void readNumber(final JsonScanner s, final int t, final LineField f, final FeeLine line)
        throws JsonSyntaxException
    {
        final long v = values.number(s, t, f.scale);
        if (Decimals.isError(v) || v < 0)
        {
            if (line.parseError == 0)
            {
                final CharSlice text = values.slice();
                mark(line, f.errorCode, text.length() == 0 ? NOT_A_NUMBER : text.toString());
            }
            return;
        }
        f.set(line, v);
    }

    private static void mark(final FeeLine line, final int code, final String text)
    {
        if (line.parseError == 0)
        {
            line.parseError = code;
            line.parseErrorText = text;
        }
    }
}
