package io.medgw.gateway.identity;

/**
 * Tells the identity stage whether an institution is signed in (9001) and not signed out (9002)
 * (settlement-rules.md §2 step 4, E1023). Only the wire gateway supplies one; the offline
 * {@code settle} command passes none and the check is skipped. Called on the identity thread: an
 * implementation must be safe to read from it and must not allocate.
 */
@FunctionalInterface
public interface SignInStatus
{
    /**
     * @param fixmedinsCode the institution's code.
     * @return true if it has signed in and not signed out since.
     */
    boolean signedIn(String fixmedinsCode);
}
