package io.medgw.codec.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;

import java.io.IOException;

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
        return (nodes & nodeBit(node)) != 0;
    }

    private static int nodeBit(final String node)
    {
        switch (node)
        {
            case "data": return 1;
            case "druginfo": return 2;
            case "mdtrtinfo": return 4;
            case "dscginfo": return 8;
            case "signIn": return 16;
            case "signOut": return 32;
            case "fsUploadIn": return 64;
            case "fsDownloadIn": return 128;
            case "feedetail": return 256;
            case "drugdetail": return 512;
            default: return 0;
        }
    }

    /**
     * @param p parser on the value of {@code input}.
     * @param t its token.
     * @param req the request being filled.
     * @throws IOException on malformed JSON.
     */
    void read(final JsonParser p, final JsonToken t, final SettlementRequest req) throws IOException
    {
        if (h.isNull(p, t))
        {
            h.nullValue();
            return;
        }
        present = true;
        if (t != JsonToken.START_OBJECT)
        {
            status.fail(DecodeStatus.INPUT, ErrorCode.E5001, t == JsonToken.VALUE_STRING ?
                "input must be a JSON object (string or encrypted input is not supported)" : "input must be a JSON object");
            h.value(p, t);
            return;
        }
        object = true;
        long sumA = 0;
        long sumB = 0;
        int fields = 0;
        String name;
        while ((name = p.nextFieldName()) != null)
        {
            final int slot = names.lookup(name);
            final long keyA = names.keyA(slot);
            final long keyB = names.keyB(slot);
            final JsonToken vt = p.nextToken();
            if (h.isNull(p, vt))
            {
                continue;
            }
            final int bit = nodeBit(name);
            nodes |= bit;
            if (bit >= 256)
            {
                lines.read(p, vt, req, name);
            }
            else if (bit != 0)
            {
                readObjectNode(p, vt, req, name);
            }
            else
            {
                h.value(p, vt);
            }
            sumA += h.fieldA(keyA);
            sumB += h.fieldB(keyB);
            fields++;
        }
        h.finishObject(sumA, sumB, fields);
    }

    private void readObjectNode(final JsonParser p, final JsonToken t, final SettlementRequest req, final String node)
        throws IOException
    {
        if (t != JsonToken.START_OBJECT)
        {
            status.fail(DecodeStatus.INPUT, ErrorCode.E5001, "input." + node + " must be a JSON object");
            h.value(p, t);
            return;
        }
        long sumA = 0;
        long sumB = 0;
        int fields = 0;
        String name;
        while ((name = p.nextFieldName()) != null)
        {
            final int slot = names.lookup(name);
            final DataField f = names.dataField(slot);
            final long keyA = names.keyA(slot);
            final long keyB = names.keyB(slot);
            final JsonToken vt = p.nextToken();
            if (h.isNull(p, vt))
            {
                continue;
            }
            if (f != null)
            {
                readDataField(p, vt, f, req, node);
            }
            else if (nodeBit(name) >= 256)
            {
                lines.read(p, vt, req, name);
            }
            else
            {
                h.value(p, vt);
            }
            sumA += h.fieldA(keyA);
            sumB += h.fieldB(keyB);
            fields++;
        }
        h.finishObject(sumA, sumB, fields);
    }

    private void readDataField(
        final JsonParser p, final JsonToken t, final DataField f, final SettlementRequest req, final String node)
        throws IOException
    {
        switch (f.kind)
        {
            case TEXT ->
            {
                final String v = values.text(p, t, node, -1, f.wireName, f.maxLength, RecentStrings.DATA + f.ordinal());
                if (v != null)
                {
                    f.set(req, v);
                }
            }
            case AMOUNT, COUNT ->
            {
                final long v = values.amount(p, t, f.kind == DataField.Kind.AMOUNT ? AMOUNT_SCALE : 0, node, f.wireName);
                if (v >= 0)
                {
                    f.set(req, v);
                }
            }
            default -> req.fileData = fileReader.read(p, t, node);
        }
    }

}
