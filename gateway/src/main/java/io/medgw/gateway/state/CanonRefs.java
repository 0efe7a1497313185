package io.medgw.gateway.state;

import io.medgw.ledger.snapshot.SnapshotData;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;

/**
 * The snapshot form of the values a {@link StringCanon} shares (codes, person fields, fund-row
 * names): each shared string or array is written in full the first time a record refers to it and
 * as its number afterwards, so a million records that share a few thousand persons and codes carry
 * each value once. The reader shares what it reads through the same canon calls
 * {@link SettlementRecord} makes on apply, so a loaded state shares as a replayed one does (same
 * heap) and later applies find the same instances.
 * <pre>
 *   ref          int: -1 null, -2 a new value follows (it takes the next number), n &ge; 0 the n-th new value
 *   new string   string (SnapshotData)
 *   new array    count, then that many strings
 * </pre>
 * One snapshot, one thread.
 */
final class CanonRefs
{
    private static final int NULL = -1;
    private static final int NEW = -2;

    private CanonRefs()
    {
    }

    /** Writes shared values, each in full once. */
    static final class Writer
    {
        // by identity: canonical values are single instances, and identity needs no string hashing
        private final IdentityHashMap<Object, Integer> numbers;
        private final DataOutput out;

        /**
         * @param out      the payload.
         * @param expected about how many values will be shared (one person array per person, mostly):
         *                 sized once, as regrowing the table showed in profiles.
         */
        Writer(final DataOutput out, final int expected)
        {
            this.out = out;
            this.numbers = new IdentityHashMap<>(Math.max(1 << 12, expected));
        }

        void string(final String s) throws IOException
        {
            if (isNew(s))
            {
                SnapshotData.writeString(out, s);
            }
        }

        void array(final String[] a) throws IOException
        {
            if (isNew(a))
            {
                out.writeInt(a.length);
                for (final String s : a)
                {
                    SnapshotData.writeString(out, s);
                }
            }
        }

        /** Writes the ref; @return true when the value itself must follow. */
        private boolean isNew(final Object v) throws IOException
        {
            if (v == null)
            {
                out.writeInt(NULL);
                return false;
            }
            final Integer n = numbers.get(v);
            if (n != null)
            {
                out.writeInt(n);
                return false;
            }
            numbers.put(v, numbers.size());
            out.writeInt(NEW);
            return true;
        }
    }

    /** Reads what a {@link Writer} wrote, sharing every new value through the state's canon. */
    static final class Reader
    {
        private final ArrayList<Object> values = new ArrayList<>(1 << 12);
        private final DataInput in;
        private final StringCanon canon;

        Reader(final DataInput in, final StringCanon canon)
        {
            this.in = in;
            this.canon = canon;
        }

        /** @return the shared string (as {@code canon.of}). */
        String string() throws IOException
        {
            final int ref = in.readInt();
            if (ref == NEW)
            {
                final String s = canon.of(SnapshotData.readString(in));
                values.add(s);
                return s;
            }
            return ref == NULL ? null : known(ref, String.class);
        }

        /** @return a person's fields, shared as {@link SettlementRecord} shares them (keyed by psn_no when present). */
        String[] personArray() throws IOException
        {
            final int ref = in.readInt();
            if (ref != NEW)
            {
                return ref == NULL ? null : known(ref, String[].class);
            }
            final String[] a = elements();
            return add(a.length == 0 || a[0] == null ? canon.of(a) : canon.ofKeyed(a));
        }

        /**
         * @return an array with few distinct values (visit kind, fund rows, N-fund codes), shared; an
         * empty one is not put in the canon (records keep their own empty constant).
         */
        String[] fewArray() throws IOException
        {
            final int ref = in.readInt();
            if (ref != NEW)
            {
                return ref == NULL ? null : known(ref, String[].class);
            }
            final String[] a = elements();
            return add(a.length == 0 ? a : canon.ofFew(a));
        }

        /** @param s a string read in full. @return the canon's instance of it. */
        String share(final String s)
        {
            return canon.of(s);
        }

        private String[] elements() throws IOException
        {
            final String[] a = new String[SnapshotData.readCount(in)];
            for (int i = 0; i < a.length; i++)
            {
                a[i] = SnapshotData.readString(in);
            }
            return a;
        }

        private String[] add(final String[] shared)
        {
            values.add(shared);
            return shared;
        }

        private <T> T known(final int ref, final Class<T> type) throws IOException
        {
            final Object v = ref >= 0 && ref < values.size() ? values.get(ref) : null;
            if (!type.isInstance(v))
            {
                throw new IOException("snapshot shared value " + ref + " is not a known " + type.getSimpleName() +
                    " (" + values.size() + " read so far)");
            }
            return type.cast(v);
        }
    }
}
