package io.medgw.codec.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.medgw.codec.ErrorCode;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads 9101's {@code fsUploadIn.in} (the file's bytes). The encoding is unconfirmed
 * (national-interface.md §1.6), so both forms clients produce are accepted: base64 text (what
 * Jackson, fastjson and Newtonsoft write for a byte array) and a JSON array of byte values
 * (-128..255). Off the hot path: allocates the result. Single-threaded.
 */
final class FileDataReader
{
    private final DecodeStatus status;
    private final BodyHasher h;
    private byte[] buffer = new byte[256];

    FileDataReader(final DecodeStatus status, final BodyHasher hasher)
    {
        this.status = status;
        this.h = hasher;
    }

    /**
     * @param p parser on the value.
     * @param t its token.
     * @param node the node name, for messages.
     * @return the bytes, or null (with an error kept) when the value is neither form.
     * @throws IOException on malformed JSON or base64.
     */
    byte[] read(final JsonParser p, final JsonToken t, final String node) throws IOException
    {
        if (t == JsonToken.VALUE_STRING)
        {
            h.chars(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            return p.getBinaryValue();
        }
        if (t != JsonToken.START_ARRAY)
        {
            fail(node);
            h.value(p, t);
            return null;
        }
        long accA = BodyHasher.arrayStartA();
        long accB = BodyHasher.arrayStartB();
        int n = 0;
        boolean bad = false;
        JsonToken et;
        while ((et = p.nextToken()) != JsonToken.END_ARRAY && et != null)
        {
            int v = 0;
            if (et == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT)
            {
                v = p.getIntValue();
            }
            if (et != JsonToken.VALUE_NUMBER_INT || v < -128 || v > 255)
            {
                bad = true;
                h.value(p, et);
            }
            else
            {
                h.number(v);
            }
            if (n == buffer.length)
            {
                buffer = Arrays.copyOf(buffer, n * 2);
            }
            buffer[n++] = (byte)v;
            accA = h.stepA(accA);
            accB = h.stepB(accB);
        }
        h.finishArray(accA, accB, n);
        if (bad)
        {
            fail(node);
            return null;
        }
        return Arrays.copyOf(buffer, n);
    }

    private void fail(final String node)
    {
        status.fail(DecodeStatus.INPUT, ErrorCode.E5001, node + ".in must be base64 text or an array of byte values");
    }
}
