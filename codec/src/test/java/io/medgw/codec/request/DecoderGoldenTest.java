package io.medgw.codec.request;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.JsonShuffle;
import io.medgw.codec.Limits;
import io.medgw.codec.message.SettlementRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every body of {@link DecoderCorpus} decodes to exactly what the Jackson-based decoder produced
 * (recorded in {@code decoder-golden.tsv}): the same code, the same message, every request and
 * line field (a hash of {@link JsonShuffle#dump}), and the same body digest (stored in ledgers: it
 * must never drift). For malformed JSON only the code and the line ({@code malformed JSON at
 * line L}) are compared: the rest of that message is the
 * tokenizer's own wording, and the request may hold a different part of what was read before the
 * error. A row starts with a hash of its body, so a changed corpus shows up as such.
 */
class DecoderGoldenTest
{
    private static final String RESOURCE = "decoder-golden.tsv";

    /** Decodes the corpus twice: with the default limits, and with small ones and an infno from the path. */
    private static List<String> run(final List<byte[]> bodies)
    {
        final RequestDecoder normal = new RequestDecoder();
        final RequestDecoder small = new RequestDecoder(new Limits().maxFeeLines(3).maxBodyBytes(4096).maxDepth(8));
        final SettlementRequest req = new SettlementRequest();
        final List<String> rows = new ArrayList<>();
        for (final byte[] body : bodies)
        {
            final ErrorCode a = normal.decode(body, 0, body.length, req);
            rows.add(row(body, "default", a, normal.lastErrorMessage(), req));
            final ErrorCode b = small.decode(body, 0, body.length, "2206", req);
            rows.add(row(body, "small+path", b, small.lastErrorMessage(), req));
        }
        return rows;
    }

    private static String row(final byte[] body, final String variant, final ErrorCode code, final String message,
        final SettlementRequest req)
    {
        final boolean json = message != null && (message.startsWith("malformed JSON") || message.startsWith("JSON over a limit"));
        return sha(body) + '\t' + variant + '\t' + code + '\t' + escape(json ? position(message) : message) + '\t' +
            (json ? "-" : Long.toHexString(req.bodyDigestHi) + ' ' + Long.toHexString(req.bodyDigestLo) + ' ' +
            sha(JsonShuffle.dump(req).getBytes(StandardCharsets.UTF_8)));
    }

    /** @return the first 64 bits of the SHA-256 of {@code b}, in hex (keeps the recorded file small). */
    private static String sha(final byte[] b)
    {
        try
        {
            final byte[] d = MessageDigest.getInstance("SHA-256").digest(b);
            final StringBuilder sb = new StringBuilder(16);
            for (int i = 0; i < 8; i++)
            {
                sb.append(String.format("%02x", d[i]));
            }
            return sb.toString();
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException(e);
        }
    }

    /** Backslash escapes for the separators, and for every surrogate (a lone one cannot be written as UTF-8). */
    private static String escape(final String s)
    {
        if (s == null)
        {
            return "(null)";
        }
        final StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            switch (c)
            {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(Character.isSurrogate(c) ? String.format("\\u%04x", (int)c) : String.valueOf(c));
            }
        }
        return sb.toString();
    }

    @Test
    void shouldDecodeTheCorpusExactlyAsRecorded() throws IOException
    {
        final List<byte[]> bodies = DecoderCorpus.bodies();
        final List<String> actual = run(bodies);
        final String write = System.getenv("MEDGW_GOLDEN_WRITE");
        if (write != null)
        {
            Files.write(Path.of(write), actual, StandardCharsets.UTF_8);
            return;
        }
        final List<String> expected;
        try (InputStream in = DecoderGoldenTest.class.getResourceAsStream(RESOURCE))
        {
            expected = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        assertThat(actual).hasSameSizeAs(expected);
        final List<String> differences = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++)
        {
            if (!withoutColumn(actual.get(i)).equals(withoutColumn(expected.get(i))))
            {
                differences.add("row " + i + ": " + new String(bodies.get(i / 2), StandardCharsets.UTF_8) +
                    "\n  expected " + expected.get(i) + "\n  actual   " + actual.get(i));
            }
        }
        assertThat(differences).as("%d of %d rows differ", differences.size(), expected.size()).isEmpty();
    }

    /**
     * The column of malformed JSON is Jackson's for the usual mistakes (a missing colon or comma, a
     * bad escape or number, an unexpected end), but Jackson read names and skipped strings ahead
     * and could report a few bytes further on; only the line is part of the contract.
     */
    private static String withoutColumn(final String row)
    {
        return row.replaceFirst("(malformed JSON at line \\d+), column \\d+", "$1");
    }

    /** @return "malformed JSON at line L, column C", or "JSON over a limit" (its position is not given). */
    private static String position(final String message)
    {
        final int colon = message.indexOf(':');
        return colon < 0 ? message : message.substring(0, colon);
    }
}
