package io.medgw.gateway.net;

import org.agrona.concurrent.EpochClock;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks the {@code x-tif-*} gateway headers (national-interface.md §1.2 A): the signature is the
 * lowercase hex SHA-256 of {@code timestamp + token + nonce + timestamp}, where token is the secret
 * configured for the paasid, and the timestamp (Unix seconds) must lie within the configured
 * window of the gateway clock. Hex is compared case-insensitively and in constant time.
 * Nonces are not remembered: the timestamp window bounds replays.
 * <p>
 * Netty-free. Thread-safe: each thread gets its own digest; {@link #verify} allocates nothing
 * for ASCII header values.
 */
public final class TifAuthenticator
{
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final Map<String, String> tokens;
    private final long windowSeconds;
    private final EpochClock clock;

    /**
     * @param tokens paasid → token; empty means authentication is off.
     * @param windowSeconds largest accepted |timestamp − now|.
     * @param clock gateway wall clock.
     */
    public TifAuthenticator(final Map<String, String> tokens, final long windowSeconds, final EpochClock clock)
    {
        this.tokens = new HashMap<>(tokens);
        this.windowSeconds = windowSeconds;
        this.clock = clock;
    }

    /** @return true when at least one paasid is configured, so every request must be signed. */
    public boolean isEnabled()
    {
        return !tokens.isEmpty();
    }

    /**
     * @param paasid x-tif-paasid header, or null.
     * @param timestamp x-tif-timestamp header, or null.
     * @param nonce x-tif-nonce header, or null.
     * @param signature x-tif-signature header, or null.
     * @return true when the paasid is known, the timestamp is in the window and the signature matches.
     */
    public boolean verify(final String paasid, final String timestamp, final String nonce, final String signature)
    {
        if (paasid == null || timestamp == null || nonce == null || signature == null || signature.length() != 64)
        {
            return false;
        }
        final String token = tokens.get(paasid);
        final long ts = parseSeconds(timestamp);
        if (token == null || ts < 0 || Math.abs(clock.time() / 1000 - ts) > windowSeconds)
        {
            return false;
        }
        final Scratch s = SCRATCH.get();
        final MessageDigest md = s.digest;
        md.reset();
        update(md, timestamp);
        update(md, token);
        update(md, nonce);
        update(md, timestamp);
        try
        {
            md.digest(s.out, 0, s.out.length);
        }
        catch (final DigestException ex)
        {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < 32; i++)
        {
            final int b = s.out[i] & 0xFF;
            diff |= hexValue(signature.charAt(2 * i)) ^ (b >>> 4);
            diff |= hexValue(signature.charAt(2 * i + 1)) ^ (b & 0xF);
        }
        return diff == 0;
    }

    /**
     * Computes a signature the way clients do (allocates; for tests and tooling).
     *
     * @param timestamp Unix seconds as text.
     * @param token the paasid's secret.
     * @param nonce any string.
     * @return lowercase hex SHA-256 of timestamp + token + nonce + timestamp.
     */
    public static String sign(final String timestamp, final String token, final String nonce)
    {
        final byte[] hash = newDigest().digest((timestamp + token + nonce + timestamp).getBytes(StandardCharsets.UTF_8));
        final StringBuilder sb = new StringBuilder(64);
        for (final byte b : hash)
        {
            sb.append(Character.forDigit((b >>> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    private static void update(final MessageDigest md, final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            if (text.charAt(i) >= 0x80)
            {
                md.update(text.getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        for (int i = 0; i < text.length(); i++)
        {
            md.update((byte)text.charAt(i));
        }
    }

    private static long parseSeconds(final String text)
    {
        if (text.isEmpty() || text.length() > 12)
        {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int hexValue(final char c)
    {
        if (c >= '0' && c <= '9')
        {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f')
        {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F')
        {
            return c - 'A' + 10;
        }
        return 0x100; // never equals a nibble
    }

    private static MessageDigest newDigest()
    {
        try
        {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 missing from the JDK", ex);
        }
    }

    private static final class Scratch
    {
        final MessageDigest digest = newDigest();
        final byte[] out = new byte[32];
    }
}
