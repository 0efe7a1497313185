package io.medgw.gateway.admin;

/**
 * Answers whether the gateway should receive traffic. Called on the admin thread; must be cheap and
 * thread-safe.
 */
@FunctionalInterface
public interface ReadinessCheck
{
    /** @return null when ready, otherwise a short human reason (the body of the 503). */
    String notReadyReason();
}
