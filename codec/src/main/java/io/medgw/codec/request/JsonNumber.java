package io.medgw.codec.request;

/**
 * Reads a JSON number by the grammar, as strictly as Jackson did: an optional minus, no leading
 * zeros, digits after a point and after an exponent, at most 1000 characters (Jackson's default
 * limit). The value itself is read later by {@link io.medgw.codec.Decimals} from the text, straight
 * to the unit the field needs. Single-threaded; owned by one {@link JsonScanner}.
 */
final class JsonNumber
{
    private static final int MAX_NUMBER_LENGTH = 1000;

    private final JsonScanner scanner;
    /** True when the last number had no fraction and no exponent. */
    boolean integer;

    JsonNumber(final JsonScanner scanner)
    {
        this.scanner = scanner;
    }

    /**
     * @param b    the body.
     * @param from the number's first byte ({@code -} or a digit).
     * @param end  the end of the body.
     * @return the position after the number ({@link #integer} tells its kind).
     */
    int read(final byte[] b, final int from, final int end) throws JsonSyntaxException
    {
        int p = from;
        if (b[p] == '-')
        {
            p++;
        }
        if (p >= end)
        {
            throw scanner.eofAt(p, "in a Number value");
        }
        if (b[p] == '0')
        {
            p++;
            if (p < end && b[p] >= '0' && b[p] <= '9')
            {
                throw scanner.syntax(p, p, "Invalid numeric value: Leading zeroes not allowed");
            }
        }
        else if (b[p] >= '1' && b[p] <= '9')
        {
            p = digits(b, p + 1, end);
        }
        else
        {
            throw scanner.unexpected(p, "in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value");
        }
        boolean whole = true;
        if (p < end && b[p] == '.')
        {
            whole = false;
            p = requireDigits(b, p + 1, end, "Decimal point not followed by a digit");
        }
        if (p < end && (b[p] == 'e' || b[p] == 'E'))
        {
            whole = false;
            p++;
            if (p < end && (b[p] == '+' || b[p] == '-'))
            {
                p++;
            }
            p = requireDigits(b, p, end, "Exponent indicator not followed by a digit");
        }
        if (p - from > MAX_NUMBER_LENGTH)
        {
            throw new JsonSyntaxException("Number value length (" + (p - from) + ") exceeds the maximum allowed (" +
                MAX_NUMBER_LENGTH + ")", true);
        }
        integer = whole;
        return p;
    }

    private static int digits(final byte[] b, final int from, final int end)
    {
        int p = from;
        while (p < end && b[p] >= '0' && b[p] <= '9')
        {
            p++;
        }
        return p;
    }

    private int requireDigits(final byte[] b, final int from, final int end, final String message) throws JsonSyntaxException
    {
        if (from >= end)
        {
            throw scanner.eofAt(from, "in a Number value");
        }
        if (b[from] < '0' || b[from] > '9')
        {
            throw scanner.unexpected(from, "in numeric value: " + message);
        }
        return digits(b, from + 1, end);
    }
}
