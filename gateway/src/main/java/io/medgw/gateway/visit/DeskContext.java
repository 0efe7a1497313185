package io.medgw.gateway.visit;

import io.medgw.gateway.Gateway;
import io.medgw.gateway.reference.ReferenceDataHolder;
import io.medgw.gateway.settlement.SettlementContext;
import io.medgw.gateway.signin.SignInRegistry;
import io.medgw.ledger.LedgerReader;

import java.util.Objects;

/**
 * Configuration of the {@link TransactionDesk}, Aeron style: fluent setters, then
 * {@link #conclude()} fills in defaults and validates.
 * <pre>
 *   settlement         required: the settlement core's context (reference data, state, id prefix,
 *                      idempotency retention, sign-in status, clock skew)
 *   signIn             the sign-in registry; default: the settlement context's sign-in status when it
 *                      is a SignInRegistry, else a new one with the same id prefix (offline: nothing
 *                      checks it)
 *   ledgerReader       reader for 5204 (fee lines of a settlement), used on the state thread; may be
 *                      null (5204 then answers from the visit's lines)
 *   maxFiles           files kept in memory at most (9101 uploads and 3202 results), default 256
 *   maxTotalFileBytes  bytes kept at most, default 256 MiB
 *   maxFileBytes       the largest upload, default 16 MiB (≤ maxTotalFileBytes)
 *   fileRetentionSec   how long a file can be downloaded (dld_endtime), default 1 day
 *   maxDetailBytes     the largest unzipped 3202 detail file read, default 64 MiB
 *   maxDetailRows      the most rows of a 3202 detail file, default 1,000,000
 * </pre>
 */
public final class DeskContext
{
    private SettlementContext settlement;
    private SignInRegistry signIn;
    private LedgerReader ledgerReader;
    private int maxFiles = 256;
    private long maxTotalFileBytes = 256L << 20;
    private long maxFileBytes = 16L << 20;
    private long fileRetentionSec = 86_400L;
    private long maxDetailBytes = 64L << 20;
    private int maxDetailRows = 1_000_000;
    private boolean concluded;

    /**
     * The context of a running {@link Gateway}'s desk: over its reference data and settlement state
     * (id prefix empty, as the gateway's; the state's idempotency retention), with a new
     * {@link SignInRegistry} that is also set as {@code ref.signIn} (the engine's E1023 check).
     *
     * @param ref             the gateway's reference data and state.
     * @param maxClockSkewSec the gateway's E1024 skew (≤ 0: not checked), for the eligibility checks
     *                        of 2001, 2201, 2204, 2301, 2401.
     * @return the context.
     */
    public static DeskContext forGateway(final Gateway.Ref ref, final long maxClockSkewSec)
    {
        final SignInRegistry registry = new SignInRegistry();
        ref.signIn = registry;
        final ReferenceDataHolder holder = ref.reference;
        return new DeskContext().signIn(registry).settlement(new SettlementContext()
            .referenceDataSupplier(holder::current)
            .state(ref.state)
            .signInStatus(registry)
            .maxClockSkewSec(maxClockSkewSec)
            .idempotencyRetentionSec(ref.state.retentionSec()));
    }

    /**
     * Fills in defaults and validates. Idempotent.
     *
     * @return this.
     */
    public DeskContext conclude()
    {
        if (concluded)
        {
            return this;
        }
        Objects.requireNonNull(settlement, "settlement context is required");
        settlement.conclude();
        if (signIn == null)
        {
            signIn = settlement.signInStatus() instanceof SignInRegistry r ? r : new SignInRegistry(settlement.idPrefix());
        }
        if (maxFiles <= 0 || maxTotalFileBytes <= 0 || maxFileBytes <= 0 || maxFileBytes > maxTotalFileBytes ||
            fileRetentionSec <= 0 || maxDetailBytes <= 0 || maxDetailRows <= 0)
        {
            throw new IllegalArgumentException("file limits must be > 0 and maxFileBytes <= maxTotalFileBytes: files=" +
                maxFiles + " total=" + maxTotalFileBytes + " file=" + maxFileBytes + " retention=" + fileRetentionSec +
                " detailBytes=" + maxDetailBytes + " detailRows=" + maxDetailRows);
        }
        concluded = true;
        return this;
    }

    /** @param ctx the settlement core's context. @return this. */
    public DeskContext settlement(final SettlementContext ctx)
    {
        this.settlement = ctx;
        return this;
    }

    /** @return the settlement core's context. */
    public SettlementContext settlement()
    {
        return settlement;
    }

    /** @param registry the sign-in registry. @return this. */
    public DeskContext signIn(final SignInRegistry registry)
    {
        this.signIn = registry;
        return this;
    }

    /** @return the sign-in registry. */
    public SignInRegistry signIn()
    {
        return signIn;
    }

    /** @param reader a ledger reader for 5204, or null. @return this. */
    public DeskContext ledgerReader(final LedgerReader reader)
    {
        this.ledgerReader = reader;
        return this;
    }

    /** @return the ledger reader, or null. */
    public LedgerReader ledgerReader()
    {
        return ledgerReader;
    }

    /** @param n files kept at most. @return this. */
    public DeskContext maxFiles(final int n)
    {
        this.maxFiles = n;
        return this;
    }

    /** @return files kept at most. */
    public int maxFiles()
    {
        return maxFiles;
    }

    /** @param bytes bytes of files kept at most. @return this. */
    public DeskContext maxTotalFileBytes(final long bytes)
    {
        this.maxTotalFileBytes = bytes;
        return this;
    }

    /** @return bytes of files kept at most. */
    public long maxTotalFileBytes()
    {
        return maxTotalFileBytes;
    }

    /** @param bytes the largest upload. @return this. */
    public DeskContext maxFileBytes(final long bytes)
    {
        this.maxFileBytes = bytes;
        return this;
    }

    /** @return the largest upload. */
    public long maxFileBytes()
    {
        return maxFileBytes;
    }

    /** @param seconds how long a file can be downloaded. @return this. */
    public DeskContext fileRetentionSec(final long seconds)
    {
        this.fileRetentionSec = seconds;
        return this;
    }

    /** @return how long a file can be downloaded, seconds. */
    public long fileRetentionSec()
    {
        return fileRetentionSec;
    }

    /** @param bytes the largest unzipped detail file. @return this. */
    public DeskContext maxDetailBytes(final long bytes)
    {
        this.maxDetailBytes = bytes;
        return this;
    }

    /** @return the largest unzipped detail file. */
    public long maxDetailBytes()
    {
        return maxDetailBytes;
    }

    /** @param rows the most rows of a detail file. @return this. */
    public DeskContext maxDetailRows(final int rows)
    {
        this.maxDetailRows = rows;
        return this;
    }

    /** @return the most rows of a detail file. */
    public int maxDetailRows()
    {
        return maxDetailRows;
    }
}
