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
}
