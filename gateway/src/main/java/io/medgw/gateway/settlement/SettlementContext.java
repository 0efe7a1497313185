package io.medgw.gateway.settlement;

import io.medgw.gateway.identity.SignInStatus;
import io.medgw.gateway.reference.ReferenceData;
import io.medgw.gateway.state.IdSequence;
import io.medgw.gateway.state.SettlementState;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Configuration of the settlement core, Aeron style: fluent setters, then {@link #conclude()}
 * fills in defaults and validates before anything runs. Not thread-safe; configure on one thread,
 * then hand it to {@link SettlementEngine} (or to the pipeline's handlers).
 * <pre>
 *   referenceData            required: the reference data (or a supplier of the current version)
 *   signInStatus             E1023 check, null = skip (offline settle); the wire gateway sets it
 *   maxClockSkewSec          E1024 check, ≤ 0 = skip (default); the wire gateway sets e.g. 600
 *   idempotencyRetentionSec  rules §8 window, default 7 days
 *   idPrefix                 prefix of setl_id / mdtrt_id (default empty; see IdSequence)
 *   expectedPersons          initial capacity of the state's maps (default 4096)
 *   state                    the settlement state (default: a new empty one built by conclude)
 * </pre>
 */
public final class SettlementContext
{
    /** The skew the wire gateway should use unless configured (rules §1: 10 minutes). */
    public static final long DEFAULT_WIRE_MAX_CLOCK_SKEW_SEC = 600;

    private Supplier<ReferenceData> referenceData;
    private SignInStatus signInStatus;
    private long maxClockSkewSec;
    private long idempotencyRetentionSec = SettlementState.DEFAULT_RETENTION_SEC;
    private String idPrefix = "";
    private int expectedPersons = 4096;
    private SettlementState state;
    private boolean concluded;

    /**
     * Fills in defaults and validates. Idempotent.
     *
     * @return this.
     * @throws IllegalStateException    if the reference data is missing.
     * @throws IllegalArgumentException if a value is out of range.
     */
    public SettlementContext conclude()
    {
        if (concluded)
        {
            return this;
        }
        if (referenceData == null)
        {
            throw new IllegalStateException("referenceData is required");
        }
        if (idempotencyRetentionSec <= 0)
        {
            throw new IllegalArgumentException("idempotencyRetentionSec must be > 0: " + idempotencyRetentionSec);
        }
        if (expectedPersons < 0)
        {
            throw new IllegalArgumentException("expectedPersons must be >= 0: " + expectedPersons);
        }
        Objects.requireNonNull(idPrefix, "idPrefix");
        if (idPrefix.length() > IdSequence.MAX_PREFIX)
        {
            throw new IllegalArgumentException("idPrefix longer than " + IdSequence.MAX_PREFIX + ": " + idPrefix);
        }
        if (state == null)
        {
            state = new SettlementState(referenceData, idempotencyRetentionSec, idPrefix, expectedPersons);
        }
        concluded = true;
        return this;
    }

    /** @param ref a fixed reference-data version. @return this. */
    public SettlementContext referenceData(final ReferenceData ref)
    {
        Objects.requireNonNull(ref, "ref");
        this.referenceData = () -> ref;
        return this;
    }

    /** @param supplier the current reference data (read once per request; no allocation). @return this. */
    public SettlementContext referenceDataSupplier(final Supplier<ReferenceData> supplier)
    {
        this.referenceData = Objects.requireNonNull(supplier, "supplier");
        return this;
    }

    /** @return the reference-data supplier. */
    public Supplier<ReferenceData> referenceDataSupplier()
    {
        return referenceData;
    }

    /** @param status sign-in state for E1023, or null to skip. @return this. */
    public SettlementContext signInStatus(final SignInStatus status)
    {
        this.signInStatus = status;
        return this;
    }

    /** @return the sign-in state, or null. */
    public SignInStatus signInStatus()
    {
        return signInStatus;
    }

    /** @param seconds E1024 maximum |inf_time − clock|, ≤ 0 to skip. @return this. */
    public SettlementContext maxClockSkewSec(final long seconds)
    {
        this.maxClockSkewSec = seconds;
        return this;
    }

    /** @return the E1024 maximum skew, ≤ 0 when skipped. */
    public long maxClockSkewSec()
    {
        return maxClockSkewSec;
    }

    /** @param seconds the idempotency retention (rules §8). @return this. */
    public SettlementContext idempotencyRetentionSec(final long seconds)
    {
        this.idempotencyRetentionSec = seconds;
        return this;
    }

    /** @return the idempotency retention, seconds. */
    public long idempotencyRetentionSec()
    {
        return idempotencyRetentionSec;
    }

    /** @param prefix prefix of generated ids. @return this. */
    public SettlementContext idPrefix(final String prefix)
    {
        this.idPrefix = prefix;
        return this;
    }

    /** @return the id prefix. */
    public String idPrefix()
    {
        return idPrefix;
    }

    /** @param n expected number of persons (map sizing). @return this. */
    public SettlementContext expectedPersons(final int n)
    {
        this.expectedPersons = n;
        return this;
    }

    /** @return the expected number of persons. */
    public int expectedPersons()
    {
        return expectedPersons;
    }

    /** @param state an existing state (e.g. rebuilt from the ledger). @return this. */
    public SettlementContext state(final SettlementState state)
    {
        this.state = state;
        return this;
    }

    /** @return the state (non-null after {@link #conclude()}). */
    public SettlementState state()
    {
        return state;
    }
}
