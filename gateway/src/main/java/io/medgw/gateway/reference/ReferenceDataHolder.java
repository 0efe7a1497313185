package io.medgw.gateway.reference;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Holds the reference data in force and swaps in a new version atomically.
 * <p>
 * Readers call {@link #current()} (one volatile read, no lock) <b>once per settlement</b>, keep
 * that {@link ReferenceData} for every stage of the request, and record its
 * {@link ReferenceData#version()} with the settlement (ledger and {@code setl_proc_info}); so a
 * settlement is priced by exactly one version even if a reload lands half-way through it.
 * <p>
 * {@link #reload(Path)} loads and validates a directory <b>on the caller's thread</b> (the admin
 * handler's side thread, never a pipeline thread: it takes seconds), then swaps it in; on any
 * problem it throws and the running version stays. Reloads are serialized. Listeners are told after
 * each swap, on the thread that swapped; they must be quick and must not throw.
 */
public final class ReferenceDataHolder
{
    /** Told after a new version is in force. */
    @FunctionalInterface
    public interface Listener
    {
        /**
         * @param previous the version that was in force (still readable by settlements that took it).
         * @param current  the version now in force.
         */
        void onSwap(ReferenceData previous, ReferenceData current);
    }

    private final Object reloadLock = new Object();
    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile ReferenceData current;

    /** @param initial the version in force at start. */
    public ReferenceDataHolder(final ReferenceData initial)
    {
        this.current = Objects.requireNonNull(initial, "initial");
    }

    /**
     * @param dir a reference-data directory.
     * @return a holder with that directory loaded.
     * @throws ReferenceDataException if the directory is refused.
     */
    public static ReferenceDataHolder load(final Path dir) throws ReferenceDataException
    {
        return new ReferenceDataHolder(ReferenceDataLoader.load(dir));
    }

    /** @return the version in force: read it once per settlement. */
    public ReferenceData current()
    {
        return current;
    }

    /**
     * Loads, validates and swaps in a directory; on failure nothing changes.
     *
     * @param dir the new version's directory.
     * @return the new version, now in force.
     * @throws ReferenceDataException if it is refused (the running version stays).
     */
    public ReferenceData reload(final Path dir) throws ReferenceDataException
    {
        synchronized (reloadLock)
        {
            final ReferenceData next = ReferenceDataLoader.load(dir);
            swap(next);
            return next;
        }
    }

    /**
     * Puts an already validated version in force (e.g. one loaded ahead of time).
     *
     * @param next the version to put in force.
     */
    public void swap(final ReferenceData next)
    {
        Objects.requireNonNull(next, "next");
        final ReferenceData previous;
        synchronized (reloadLock)
        {
            previous = current;
            current = next;
        }
        for (final Listener l : listeners)
        {
            l.onSwap(previous, next);
        }
    }

    /** @param listener told after every swap. */
    public void addListener(final Listener listener)
    {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** @param listener no longer told. */
    public void removeListener(final Listener listener)
    {
        listeners.remove(listener);
    }
}
