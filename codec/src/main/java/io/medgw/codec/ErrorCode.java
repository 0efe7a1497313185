package io.medgw.codec;

/**
 * Every refusal the gateway can answer with. Business refusals (settlement-rules.md §9) answer
 * {@code infcode = -2}: the HIS shows the text. System errors answer {@code -1}: the HIS must
 * 冲正 (2601) or retry, and they are never remembered for idempotency. The code always starts
 * {@code err_msg} so a program can act on it ("E1001: ...").
 * <p>
 * Ids are stable: they are stored in ledger records.
 */
public enum ErrorCode
{
    NONE(0, 0, "success"),
    E1001(1001, -2, "credential unknown"),
    E1002(1002, -2, "e-voucher expired"),
    E1011(1011, -2, "person not active"),
    E1012(1012, -2, "outside benefit period"),
    E1021(1021, -2, "institution unknown"),
    E1022(1022, -2, "institution agreement not valid"),
    E1023(1023, -2, "institution not signed in"),
    E1024(1024, -2, "inf_time too far from the gateway's clock"),
    E1031(1031, -2, "med_type unknown or not allowed at this institution"),
    E1041(1041, -2, "chronic without 认定"),
    E1042(1042, -2, "认定 designates another institution"),
    E1051(1051, -2, "maternity for a non-310 person"),
    E1061(1061, -2, "异地: institution not open for cross-region settlement"),
    E1062(1062, -2, "异地: no matching 备案"),
    E1071(1071, -2, "no policy"),
    E2001(2001, -2, "bad fee line"),
    E2002(2002, -2, "line amount ≠ quantity × price"),
    E2003(2003, -2, "code not in catalogue"),
    E2004(2004, -2, "no fee lines"),
    E2005(2005, -2, "total mismatch"),
    E3001(3001, -2, "msgid reused with a different body"),
    E4001(4001, -2, "unknown setl_id"),
    E4002(4002, -2, "already cancelled"),
    E4003(4003, -2, "another institution's settlement"),
    // Protocol and visit-flow refusals (docs/protocol.md): business errors, nothing written.
    E5001(5001, -2, "malformed request"),
    E5002(5002, -2, "missing required field"),
    E5003(5003, -2, "field too long"),
    E5004(5004, -2, "unknown transaction"),
    E5005(5005, -2, "bad amount"),
    E5006(5006, -2, "request body too large"),
    E5007(5007, -2, "unknown visit (mdtrt_id)"),
    E5008(5008, -2, "visit in the wrong state for this transaction"),
    E5009(5009, -2, "bad signature"),
    // System errors: not remembered, the HIS may retry or 冲正.
    E9001(9001, -1, "gateway overloaded, retry"),
    E9002(9002, -1, "ledger write failed"),
    E9003(9003, -1, "internal error"),
    E9004(9004, -1, "gateway shutting down");

    private static final ErrorCode[] BY_ID = new ErrorCode[10_000];

    static
    {
        for (final ErrorCode c : values())
        {
            if (BY_ID[c.id] != null)
            {
                throw new IllegalStateException("duplicate error id " + c.id);
            }
            BY_ID[c.id] = c;
        }
    }

    private final int id;
    private final int infcode;
    private final String summary;

    ErrorCode(final int id, final int infcode, final String summary)
    {
        this.id = id;
        this.infcode = infcode;
        this.summary = summary;
    }

    /** @return the stable numeric id stored in ledger records. */
    public int id()
    {
        return id;
    }

    /** @return 0, -1 (system) or -2 (business). */
    public int infcode()
    {
        return infcode;
    }

    /** @return a short English summary (the full cashier message is built by the refusing stage). */
    public String summary()
    {
        return summary;
    }

    /** @return true for system errors, which idempotency never remembers. */
    public boolean isSystem()
    {
        return infcode == -1;
    }

    /** @param id a stored id. @return its code, or null. */
    public static ErrorCode ofId(final int id)
    {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
