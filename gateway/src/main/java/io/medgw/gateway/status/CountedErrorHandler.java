package io.medgw.gateway.status;

import org.agrona.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * An {@link ErrorHandler} that increments a counter before it delegates, so an alert on
 * "errors &gt; 0" fires even when logs are sampled or lost. Thread-safe when the delegate is.
 */
public final class CountedErrorHandler implements ErrorHandler
{
    private final ErrorHandler delegate;
    private final LongAdder counter;

    /**
     * @param delegate reports the error (log, alert).
     * @param counters the gateway's counters.
     * @param counter which counter to increment, e.g. {@link GatewayCounter#HANDLER_ERRORS}.
     */
    public CountedErrorHandler(final ErrorHandler delegate, final GatewayCounters counters, final GatewayCounter counter)
    {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.counter = Objects.requireNonNull(counters, "counters").adder(Objects.requireNonNull(counter, "counter"));
    }

    /**
     * A counted handler that logs at error level with the role name as prefix.
     *
     * @param role the failing role ("identity", "ledger-append"): the logger name's suffix.
     * @param counters the gateway's counters.
     * @param counter which counter to increment.
     * @return the handler.
     */
    public static CountedErrorHandler logging(final String role, final GatewayCounters counters, final GatewayCounter counter)
    {
        final Logger log = LoggerFactory.getLogger("io.medgw." + role);
        return new CountedErrorHandler(t -> log.error("{}: {}", role, t.toString(), t), counters, counter);
    }

    /** {@inheritDoc} */
    public void onError(final Throwable throwable)
    {
        counter.increment();
        delegate.onError(throwable);
    }
}
