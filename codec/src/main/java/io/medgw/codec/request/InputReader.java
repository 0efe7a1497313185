package io.medgw.codec.request;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;

/**
 * Reads the envelope's {@code input} object into a {@link SettlementRequest}: the object nodes
 * ({@code data}, {@code druginfo}, {@code mdtrtinfo}, {@code dscginfo}, {@code signIn},
 * {@code signOut}, {@code fsUploadIn}, {@code fsDownloadIn}) through {@link DataField}, the row
 * arrays ({@code feedetail}, {@code drugdetail}, at input level or inside an object node) through
 * {@link LineField}, and everything else skipped. Every value, known or not, goes through the
 * {@link BodyHasher}; when {@link #read} returns, the hasher holds the digest of the whole input.
 * Single-threaded; owned by one {@link RequestDecoder}.
 */
final class InputReader
{
    private static final int AMOUNT_SCALE = 2;

    private final DecodeStatus status;
    private final BodyHasher h;
    private final ValueReader values;
    private final LineReader lines;
    private final FileDataReader fileReader;
    private final FieldNames names;
    private boolean present;
    private boolean object;
    private int nodes;

    InputReader(final DecodeStatus status, final BodyHasher hasher, final RecentStrings recent, final int maxFeeLines)
    {
        this.status = status;
        this.h = hasher;
        this.values = new ValueReader(status, hasher, recent);
        this.lines = new LineReader(status, hasher, values, maxFeeLines);
        this.fileReader = new FileDataReader(status, hasher);
        this.names = hasher.names();
    }

    void reset()
    {
        present = false;
        object = false;
        nodes = 0;
    }

    /** @return true when the request had a non-null {@code input}. */
    boolean present()
    {
        return present;
    }

    /** @return true when {@code input} was a JSON object (not a string or another shape). */
    boolean isObject()
    {
        return object;
    }

    /** @param node an input node name. @return true when the request carried it (non-null). */
    boolean hasNode(final String node)
    {
        for (int i = 0; i < FieldNames.NODES.length; i++)
        {
            if (FieldNames.NODES[i].equals(node))
            {
                return (nodes & (1 << i)) != 0;
            }
        }
        return false;
    }

    /**
     * @param s scanner just after the value of {@code input}.
     * @param t its token.
     * @param req the request being filled.
     * @throws JsonSyntaxException on malformed JSON.
     */
    void read(final JsonScanner s, final int t, final SettlementRequest req) throws JsonSyntaxException
    {
        if (h.isNull(s, t))
        {
            h.nullValue();
            return;
        }
        present = true;
        if (t != JsonScanner.OBJECT)
        {
            status.fail(DecodeStatus.INPUT, ErrorCode.E5001, t == JsonScanner.STRING ?
                "input must be a JSON object (string or encrypted input is not supported)" : "input must be a JSON object");
            h.value(s, t);
            return;
        }
        object = true;
        long sumA = 0;
        long sumB = 0;
        int fields = 0;
        while (s.nextField())
        {
            final FieldNames.Name name = names.lookup(s);
            final long keyA = name.keyA;
            final long keyB = name.keyB;
            final int vt = s.value();
            if (h.isNull(s, vt))
            {
                continue;
            }
            final int bit = name.nodeBit;
            nodes |= bit;
            if (bit >= FieldNames.ROWS)
            {
                lines.read(s, vt, req, name.text);
            }
            else if (bit != 0)
            {
                readObjectNode(s, vt, req, name.text);
            }
            else
            {
                h.value(s, vt);
            }
            sumA += h.fieldA(keyA);
            sumB += h.fieldB(keyB);
            fields++;
        }
        h.finishObject(sumA, sumB, fields);
    }

    private void readObjectNode(final JsonScanner s, final int t, final SettlementRequest req, final String node)
        throws JsonSyntaxException
    {
        if (t != JsonScanner.OBJECT)
        {
            status.fail(DecodeStatus.INPUT, ErrorCode.E5001, "input." + node + " must be a JSON object");
            h.value(s, t);
            return;
        }
        long sumA = 0;
        long sumB = 0;
        int fields = 0;
        while (s.nextField())
        {
            final FieldNames.Name name = names.lookup(s);
            final DataField f = name.data;
            final long keyA = name.keyA;
            final long keyB = name.keyB;
            final int rows = name.nodeBit;
            final String rowsName = name.text;
            final int vt = s.value();
            if (h.isNull(s, vt))
            {
                continue;
            }
            if (f != null)
            {
                readDataField(s, vt, f, req, node);
            }
            else if (rows >= FieldNames.ROWS)
            {
                lines.read(s, vt, req, rowsName);
            }
            else
            {
                h.value(s, vt);
            }
            sumA += h.fieldA(keyA);
            sumB += h.fieldB(keyB);
            fields++;
        }
        h.finishObject(sumA, sumB, fields);
    }

    private void readDataField(
        final JsonScanner s, final int t, final DataField f, final SettlementRequest req, final String node)
        throws JsonSyntaxException
    {
        switch (f.kind)
        {
            case TEXT ->
            {
                final String v = values.text(s, t, node, -1, f.wireName, f.maxLength, RecentStrings.DATA + f.ordinal());
                if (v != null)
                {
                    f.set(req, v);
                }
            }
            case AMOUNT, COUNT ->
            {
                final long v = values.amount(s, t, f.kind == DataField.Kind.AMOUNT ? AMOUNT_SCALE : 0, node, f.wireName);
                if (v >= 0)
                {
                    f.set(req, v);
                }
            }
            default -> req.fileData = fileReader.read(s, t, node);
        }
    }

}
