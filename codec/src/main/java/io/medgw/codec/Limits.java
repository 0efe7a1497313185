package io.medgw.codec;

/**
 * Size limits the request decoder enforces, so that no request can make the gateway allocate
 * without bound: the body size, the number of fee lines, the JSON nesting depth, and the
 * maximum length of every envelope field (national-interface.md §1.3).
 * <p>
 * Configured like an Aeron context: fluent setters, then {@link #conclude()} validates. The
 * decoder copies the values once at construction; changing a {@code Limits} afterwards does not
 * affect a decoder already built. Not thread-safe while being configured.
 */
public final class Limits
{
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_FEE_LINES = 10_000;
    public static final int DEFAULT_MAX_DEPTH = 32;

    // ---- envelope field lengths (characters). Where clients disagree the larger value is used. ----
    /** {@code infno}: 4 in the table, but suffixed variants ({@code 2207A}) are sent. */
    public static final int INFNO_MAX = 6;
    /** {@code msgid}: fixmedins_code(12) + yyyyMMddHHmmss(14) + sequence(4) = 30; shorter codes seen down to 27. */
    public static final int MSGID_MIN = 27;
    public static final int MSGID_MAX = 30;
    public static final int ADMDVS_MAX = 6;
    public static final int RECER_SYS_CODE_MAX = 10;
    public static final int DEV_NO_MAX = 100;
    public static final int DEV_SAFE_INFO_MAX = 2000;
    public static final int CAINFO_MAX = 1024;
    public static final int SIGNTYPE_MAX = 10;
    public static final int INFVER_MAX = 6;
    public static final int OPTER_TYPE_MAX = 3;
    public static final int OPTER_MAX = 30;
    public static final int OPTER_NAME_MAX = 50;
    public static final int INF_TIME_MAX = 19;
    /** 12 in the table, one client says 30. */
    public static final int FIXMEDINS_CODE_MAX = 30;
    /** 20 in the table, one client says 200. */
    public static final int FIXMEDINS_NAME_MAX = 200;
    /** 30 in the table, but the §5.1 sample sends a 32-character hex id; UUIDs with dashes are 36. */
    public static final int SIGN_NO_MAX = 64;

    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int maxFeeLines = DEFAULT_MAX_FEE_LINES;
    private int maxDepth = DEFAULT_MAX_DEPTH;

    /** @return the largest request body accepted, in bytes (larger → E5006). */
    public int maxBodyBytes()
    {
        return maxBodyBytes;
    }

    /** @param bytes the largest request body accepted. @return this. */
    public Limits maxBodyBytes(final int bytes)
    {
        this.maxBodyBytes = bytes;
        return this;
    }

    /** @return the most fee lines one request may carry (more → E5006). */
    public int maxFeeLines()
    {
        return maxFeeLines;
    }

    /** @param lines the most fee lines one request may carry. @return this. */
    public Limits maxFeeLines(final int lines)
    {
        this.maxFeeLines = lines;
        return this;
    }

    /** @return the deepest JSON nesting accepted (deeper → E5001). */
    public int maxDepth()
    {
        return maxDepth;
    }

    /** @param depth the deepest JSON nesting accepted. @return this. */
    public Limits maxDepth(final int depth)
    {
        this.maxDepth = depth;
        return this;
    }

    /**
     * Validates the values.
     *
     * @return this.
     * @throws IllegalArgumentException when a value is out of range.
     */
    public Limits conclude()
    {
        if (maxBodyBytes < 1024 || maxBodyBytes > (256 << 20))
        {
            throw new IllegalArgumentException("maxBodyBytes must be in [1 KiB, 256 MiB]: " + maxBodyBytes);
        }
        if (maxFeeLines < 1 || maxFeeLines > 1_000_000)
        {
            throw new IllegalArgumentException("maxFeeLines must be in [1, 1000000]: " + maxFeeLines);
        }
        if (maxDepth < 4 || maxDepth > 1000)
        {
            throw new IllegalArgumentException("maxDepth must be in [4, 1000]: " + maxDepth);
        }
        return this;
    }
}
