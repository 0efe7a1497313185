package io.medgw.codec.request;

/**
 * One lookup per field name for everything the input readers need: the {@link DataField} and
 * {@link LineField} it denotes (or null) and its two digest lanes. The parser hands out the same
 * canonical String for a name every time, so a hit is usually an identity compare; a slot holds
 * the last name that hashed to it (a miss recomputes and replaces). Single-threaded; one per decoder.
 */
final class FieldNames
{
    private static final int SIZE = 512;

    private final BodyHasher h;
    private final String[] names = new String[SIZE];
    private final DataField[] dataFields = new DataField[SIZE];
    private final LineField[] lineFields = new LineField[SIZE];
    private final long[] keyA = new long[SIZE];
    private final long[] keyB = new long[SIZE];

    FieldNames(final BodyHasher hasher)
    {
        this.h = hasher;
    }

    /**
     * @param name a field name from the parser.
     * @return the slot describing it, valid until the next lookup of a name with the same slot.
     */
    int lookup(final String name)
    {
        final int slot = name.hashCode() & (SIZE - 1);
        final String cached = names[slot];
        if (cached == name)
        {
            return slot;
        }
        if (name.equals(cached))
        {
            names[slot] = name;
            return slot;
        }
        h.string(name);
        names[slot] = name;
        keyA[slot] = h.a;
        keyB[slot] = h.b;
        dataFields[slot] = DataField.of(name);
        lineFields[slot] = LineField.of(name);
        return slot;
    }

    DataField dataField(final int slot)
    {
        return dataFields[slot];
    }

    LineField lineField(final int slot)
    {
        return lineFields[slot];
    }

    long keyA(final int slot)
    {
        return keyA[slot];
    }

    long keyB(final int slot)
    {
        return keyB[slot];
    }
}
