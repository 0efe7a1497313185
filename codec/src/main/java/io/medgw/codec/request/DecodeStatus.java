package io.medgw.codec.request;

import io.medgw.codec.ErrorCode;

/**
 * The outcome of one decode. The decoder keeps reading after a refusal so that the envelope
 * ({@code msgid}, {@code fixmedins_code}) is known even when the input is refused; the error kept
 * is the first one of the most serious tier: malformed JSON, then the envelope, then the input.
 * Single-threaded.
 */
final class DecodeStatus
{
    static final int JSON = 0;
    static final int ENVELOPE = 1;
    static final int INPUT = 2;

    ErrorCode code = ErrorCode.NONE;
    String message;
    private int tier = Integer.MAX_VALUE;

    void reset()
    {
        code = ErrorCode.NONE;
        message = null;
        tier = Integer.MAX_VALUE;
    }

    /** @param tier {@link #JSON}, {@link #ENVELOPE} or {@link #INPUT}. @return true when an error of this tier or a more serious one is already kept. */
    boolean has(final int tier)
    {
        return this.tier <= tier;
    }

    void fail(final int tier, final ErrorCode code, final String message)
    {
        if (tier < this.tier)
        {
            this.tier = tier;
            this.code = code;
            this.message = message;
        }
    }
}
