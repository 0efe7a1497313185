package io.medgw.codec.request;

/**
 * Malformed JSON (or JSON over a limit) found by {@link JsonScanner}: unwinds the readers to
 * {@link RequestDecoder}, which turns it into E5001. Built only on refusal and without a stack
 * trace (the position in the body is what the cashier needs, not ours).
 */
final class JsonSyntaxException extends Exception
{
    private static final long serialVersionUID = 1L;

    /** True for a limit (nesting depth, token length) rather than a syntax error. */
    final boolean limit;

    JsonSyntaxException(final String message, final boolean limit)
    {
        super(message, null, false, false);
        this.limit = limit;
    }

    /**
     * @param buf      the body.
     * @param start    its first byte (after a byte order mark).
     * @param end      its end.
     * @param bad      the offending byte (line breaks before it count).
     * @param consumed the input position Jackson reported (its input pointer; column = pointer - line start + 1).
     * @param message  what is wrong.
     * @return "at line L, column C: message", counting lines as Jackson did (\n, \r\n, \r).
     */
    static JsonSyntaxException at(final byte[] buf, final int start, final int end, final int bad, final int consumed,
        final String message)
    {
        int line = 1;
        int lineStart = start;
        final int last = Math.min(bad, end);
        for (int i = start; i < last; i++)
        {
            final byte c = buf[i];
            if (c == '\r' && i + 1 < last && buf[i + 1] == '\n')
            {
                i++;
            }
            if (c == '\n' || c == '\r')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonSyntaxException("at line " + line + ", column " + (consumed - lineStart + 1) + ": " + message, false);
    }
}
