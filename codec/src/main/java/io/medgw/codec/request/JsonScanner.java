package io.medgw.codec.request;

/**
 * A pull scanner over UTF-8 JSON bytes, in place of Jackson's tokenizer on the decode path. It
 * accepts exactly strict JSON (RFC 8259, as Jackson does by default: no comments, no single
 * quotes, no trailing commas, no leading zeros, no NaN) and reports a refusal with Jackson's
 * wording and position ({@code line, column} counted in bytes, as Jackson does for a byte source).
 * <p>
 * Use: {@link #first()} for the root value, then inside an object {@link #nextField()} (the name
 * is in {@link #text()}) followed by {@link #value()}, and inside an array {@link #nextElement()}.
 * A scalar value's text (a string unescaped to UTF-16, a number's own characters, {@code true} or
 * {@code false}) is in {@link #text()}{@code [0, }{@link #textLength()}{@code )} until the next call.
 * {@link #skipChildren()} consumes the rest of an object or array just opened. Nothing allocates
 * after the text buffer has grown to the largest body seen. Single-threaded; one per decoder.
 */
final class JsonScanner
{
    static final int EMPTY = 0;
    static final int OBJECT = 1;
    static final int ARRAY = 2;
    static final int STRING = 3;
    static final int NUMBER = 4;
    static final int TRUE = 5;
    static final int FALSE = 6;
    static final int NULL = 7;
    /** The end of the object or array being read. */
    static final int END = 8;

    /** Jackson's default StreamReadConstraints: longer names are refused as over a limit. */
    private static final int MAX_NAME_LENGTH = 50_000;

    private final int maxDepth;
    /** Per open container: true once its first entry is read (the next one needs a comma). */
    private final boolean[] started;
    private final boolean[] array;
    private final Utf8Text strings;
    private final JsonNumber numbers;
    private byte[] buf = new byte[0];
    private int start;
    private int pos;
    private int end;
    private int depth;
    private boolean integer;
    private boolean nameRaw;
    private boolean textRaw;
    private int rawStart;
    private int rawLength;
    private int nameStart;
    private int nameLength;

    /** @param maxDepth the deepest nesting accepted (deeper is refused as over a limit). */
    JsonScanner(final int maxDepth)
    {
        this.maxDepth = maxDepth;
        this.started = new boolean[maxDepth + 2];
        this.array = new boolean[maxDepth + 2];
        this.strings = new Utf8Text(this);
        this.numbers = new JsonNumber(this);
    }

    /** Starts on {@code buf[off, off + len)}; a UTF-8 byte order mark is skipped (as Jackson does). */
    void wrap(final byte[] buf, final int off, final int len)
    {
        this.buf = buf;
        this.end = off + len;
        int p = off;
        if (len >= 3 && buf[p] == (byte)0xEF && buf[p + 1] == (byte)0xBB && buf[p + 2] == (byte)0xBF)
        {
            p += 3;
        }
        this.start = p;
        this.pos = p;
        this.depth = 0;
        this.textRaw = false;
        strings.ensureCapacity(len);
    }

    /** @return true when the last name is plain ASCII, in the body's bytes (not copied to {@link #text()}). */
    boolean nameIsRaw()
    {
        return nameRaw;
    }

    byte[] buffer()
    {
        return buf;
    }

    int nameStart()
    {
        return nameStart;
    }

    int nameLength()
    {
        return nameLength;
    }

    /** @return the last name's chars (copied from the body when raw; the text buffer is overwritten). */
    char[] nameChars()
    {
        if (nameRaw)
        {
            strings.setAscii(buf, nameStart, nameStart + nameLength);
        }
        return strings.chars;
    }

    /** @return the last scalar's chars (a raw string is copied from the body first: the slow path). */
    char[] text()
    {
        if (textRaw)
        {
            strings.setAscii(buf, rawStart, rawStart + rawLength);
            textRaw = false;
        }
        return strings.chars;
    }

    int textLength()
    {
        return textRaw ? rawLength : strings.length;
    }

    /**
     * @return true when the last string is plain ASCII still in the body's bytes
     * ({@link #buffer()} from {@link #rawStart()}, {@link #textLength()} long): the common case,
     * hashed and compared from the bytes without decoding.
     */
    boolean textIsRaw()
    {
        return textRaw;
    }

    int rawStart()
    {
        return rawStart;
    }

    /** @return true when the last scalar's text means "no value": empty or {@code null} (the wire's habit). */
    boolean isNullText()
    {
        if (textRaw)
        {
            final byte[] b = buf;
            final int p = rawStart;
            return rawLength == 0 || (rawLength == 4 && b[p] == 'n' && b[p + 1] == 'u' && b[p + 2] == 'l' && b[p + 3] == 'l');
        }
        final char[] c = strings.chars;
        return strings.length == 0 || (strings.length == 4 && c[0] == 'n' && c[1] == 'u' && c[2] == 'l' && c[3] == 'l');
    }

    /** @return true when the last {@link #NUMBER} had no fraction and no exponent. */
    boolean isInteger()
    {
        return integer;
    }

    /** @return the root value's token, or {@link #EMPTY} for a body of only whitespace. */
    int first() throws JsonSyntaxException
    {
        return skipWhitespace() ? EMPTY : value();
    }

    /** @return true when only whitespace follows the root value. */
    boolean atEnd()
    {
        return skipWhitespace();
    }

    /**
     * @return true with the next name ({@link #nameIsRaw()}: in {@link #buffer()} at
     * {@link #nameStart()}, else in {@link #text()}; {@link #nameLength()} long), or false at the
     * end of the object (then closed).
     */
    boolean nextField() throws JsonSyntaxException
    {
        if (skipWhitespace())
        {
            throw eof("within/between Object entries");
        }
        byte c = buf[pos];
        if (c == '}')
        {
            pos++;
            depth--;
            return false;
        }
        if (started[depth])
        {
            if (c != ',')
            {
                throw unexpected(pos, "was expecting comma to separate Object entries");
            }
            pos++;
            if (skipWhitespace())
            {
                throw eof("within/between Object entries");
            }
            c = buf[pos];
        }
        if (c != '"')
        {
            throw unexpected(pos, "was expecting a quotation mark (\") to start a field name");
        }
        started[depth] = true;
        final int from = pos + 1;
        final int plain = Utf8Text.plainLength(buf, from, end);
        if (from + plain < end && buf[from + plain] == '"')
        {
            nameRaw = true; // the usual name: plain ASCII, looked up from the bytes, never decoded
            nameStart = from;
            nameLength = plain;
            pos = from + plain + 1;
        }
        else
        {
            nameRaw = false;
            textRaw = false;
            pos = strings.read(buf, from, end, true);
            nameLength = strings.length;
        }
        if (nameLength > MAX_NAME_LENGTH)
        {
            throw new JsonSyntaxException("Name length (" + nameLength + ") exceeds the maximum allowed (" +
                MAX_NAME_LENGTH + ")", true);
        }
        if (skipWhitespace())
        {
            throw eof("within/between Object entries");
        }
        if (buf[pos] != ':')
        {
            throw unexpected(pos, "was expecting a colon to separate field name and value");
        }
        pos++;
        return true;
    }

    /** @return the next element's token, or {@link #END} at the end of the array (then closed). */
    int nextElement() throws JsonSyntaxException
    {
        if (skipWhitespace())
        {
            throw eof("within/between Array entries");
        }
        final byte c = buf[pos];
        if (c == ']')
        {
            pos++;
            depth--;
            return END;
        }
        if (started[depth])
        {
            if (c != ',')
            {
                throw unexpected(pos, "was expecting comma to separate Array entries");
            }
            pos++;
        }
        started[depth] = true;
        return value();
    }

    /** Reads a value (after a name, or as an element): a scalar whole, a container only opened. */
    int value() throws JsonSyntaxException
    {
        if (skipWhitespace())
        {
            throw eof("expected a value");
        }
        final byte c = buf[pos];
        switch (c)
        {
            case '{':
                return open(false, OBJECT);
            case '[':
                return open(true, ARRAY);
            case '"':
                string();
                return STRING;
            case 't':
                return literal("true", TRUE);
            case 'f':
                return literal("false", FALSE);
            case 'n':
                return literal("null", NULL);
            case 'N':
                if (pos + 3 <= end && buf[pos + 1] == 'a' && buf[pos + 2] == 'N')
                {
                    throw syntax(pos, pos + 3, "Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow");
                }
                throw unrecognized(pos);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    number();
                    return NUMBER;
                }
                throw unexpected(pos, "expected a value");
        }
    }

    /** Consumes the rest of the object or array whose start {@link #value()} just returned. */
    void skipChildren() throws JsonSyntaxException
    {
        final int container = depth;
        while (depth >= container)
        {
            if (array[depth])
            {
                nextElement();
            }
            else if (nextField())
            {
                value();
            }
        }
    }

    private int open(final boolean isArray, final int token) throws JsonSyntaxException
    {
        if (depth == maxDepth)
        {
            throw new JsonSyntaxException("Document nesting depth (" + (depth + 1) + ") exceeds the maximum allowed (" +
                maxDepth + ", from `StreamReadConstraints.getMaxNestingDepth()`)", true);
        }
        pos++;
        depth++;
        started[depth] = false;
        array[depth] = isArray;
        return token;
    }

    private int literal(final String word, final int token) throws JsonSyntaxException
    {
        final int n = word.length();
        int i = 0;
        while (i < n && pos + i < end && buf[pos + i] == word.charAt(i))
        {
            i++;
        }
        if (i < n || (pos + n < end && isWordByte(buf[pos + n])))
        {
            throw unrecognized(pos);
        }
        pos += n;
        textRaw = false;
        strings.set(word);
        return token;
    }

    /** Reads a string: a plain ASCII one stays in the body (raw), others are decoded to the text buffer. */
    private void string() throws JsonSyntaxException
    {
        final int from = pos + 1;
        final int plain = Utf8Text.plainLength(buf, from, end);
        if (from + plain < end && buf[from + plain] == '"')
        {
            textRaw = true;
            rawStart = from;
            rawLength = plain;
            pos = from + plain + 1;
            return;
        }
        textRaw = false;
        pos = strings.read(buf, from, end, false);
    }

    /** Reads a number ({@link JsonNumber}); its characters go to the text buffer. */
    private void number() throws JsonSyntaxException
    {
        textRaw = false;
        final int from = pos;
        pos = numbers.read(buf, from, end);
        integer = numbers.integer;
        strings.setAscii(buf, from, pos);
    }

    /** @return true when the input ended (after skipping whitespace). */
    private boolean skipWhitespace()
    {
        final byte[] b = buf;
        int p = pos;
        while (p < end)
        {
            final byte c = b[p];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            {
                pos = p;
                return false;
            }
            p++;
        }
        pos = p;
        return true;
    }

    private static boolean isWordByte(final byte c)
    {
        return c < 0 || c == '_' || c == '$' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    // ---- refusals: built only on malformed input ----

    JsonSyntaxException unexpected(final int at, final String what)
    {
        final int c = buf[at] & 0xFF;
        final String shown = c < 0x80 ? "'" + (char)c + "' (code " + c + ")" : "(code " + c + ")";
        return syntax(at, at, "Unexpected character (" + shown + "): " + what);
    }

    private JsonSyntaxException unrecognized(final int at)
    {
        int p = at;
        while (p < end && p - at < 256 && isWordByte(buf[p]))
        {
            p++;
        }
        return syntax(at, at, "Unrecognized token '" + new String(buf, at, p - at, java.nio.charset.StandardCharsets.UTF_8) +
            "': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    }

    /**
     * Reads the first token after the root value, as Jackson did (a container only opened, a
     * string only entered: Jackson read its text lazily), for "content after the JSON object".
     *
     * @return " at line L, column C" of the position after that token.
     */
    String trailingToken() throws JsonSyntaxException
    {
        if (buf[pos] == '"')
        {
            pos++;
        }
        else
        {
            value();
        }
        final String m = here("").getMessage();
        return " " + m.substring(0, m.length() - 2);
    }

    /** @return a refusal at the current position (after the value just read), e.g. bad base64 in a string. */
    JsonSyntaxException here(final String message)
    {
        return syntax(pos, pos, message);
    }

    private JsonSyntaxException eof(final String where)
    {
        return eofAt(end, where);
    }

    JsonSyntaxException eofAt(final int at, final String where)
    {
        return syntax(at, at, "Unexpected end-of-input " + where);
    }

    /**
     * @param bad      the offending byte (line breaks before it count).
     * @param consumed the input position Jackson reports (its input pointer; column = pointer - line start + 1).
     * @return the refusal "at line L, column C: message".
     */
    JsonSyntaxException syntax(final int bad, final int consumed, final String message)
    {
        return JsonSyntaxException.at(buf, start, end, bad, consumed, message);
    }
}
