package io.medgw.gateway.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.nio.charset.StandardCharsets;

/**
 * Encodes a complete HTTP/1.1 response (status line, headers, body) into one pooled buffer, from
 * pre-encoded header bytes: no response objects, no header maps, no string formatting. The edge
 * writes these buffers straight to the socket (the pipeline has a request decoder only).
 * Thread-safe: any thread may encode (the allocator is thread-safe).
 */
final class HttpResponses
{
    /** HTTP/1.1 keep-alive: no Connection header. */
    static final int KEEP_ALIVE_DEFAULT = 0;
    /** HTTP/1.0 keep-alive: {@code connection: keep-alive}. */
    static final int KEEP_ALIVE_EXPLICIT = 1;
    /** The connection closes after this response: {@code connection: close}. */
    static final int CLOSE = 2;

    private static final byte[][] STATUS_LINES = new byte[600][];
    private static final byte[] CONTENT_TYPE_AND_LENGTH =
        ascii("content-type: application/json;charset=utf-8\r\ncontent-length: ");
    private static final byte[] ZIP_CONTENT_TYPE_AND_LENGTH = ascii("content-type: application/zip\r\ncontent-length: ");
    private static final byte[][] CONNECTION = {
        ascii("\r\n\r\n"), ascii("\r\nconnection: keep-alive\r\n\r\n"), ascii("\r\nconnection: close\r\n\r\n")};
    static final byte[] CONTINUE = ascii("HTTP/1.1 100 Continue\r\n\r\n");

    static
    {
        for (int code = 100; code < STATUS_LINES.length; code++)
        {
            STATUS_LINES[code] = ascii("HTTP/1.1 " + HttpResponseStatus.valueOf(code) + "\r\n");
        }
    }

    private HttpResponses()
    {
    }

    /**
     * @param alloc allocator of the target channel.
     * @param status HTTP status 100..599 (others become 500).
     * @param connection {@link #KEEP_ALIVE_DEFAULT}, {@link #KEEP_ALIVE_EXPLICIT} or {@link #CLOSE}.
     * @param body body bytes.
     * @param offset first body byte.
     * @param length body length.
     * @return a buffer holding the whole response (the caller owns it).
     */
    static ByteBuf encode(
        final ByteBufAllocator alloc, final int status, final int connection, final byte[] body, final int offset,
        final int length)
    {
        return encode(alloc, status, connection, false, body, offset, length);
    }

    /**
     * As {@link #encode(ByteBufAllocator, int, int, byte[], int, int)}, choosing the content type.
     *
     * @param alloc allocator of the target channel.
     * @param status HTTP status.
     * @param connection connection mode.
     * @param zip true for {@code application/zip} (a 9102 file download), false for JSON.
     * @param body body bytes.
     * @param offset first body byte.
     * @param length body length.
     * @return a buffer holding the whole response (the caller owns it).
     */
    static ByteBuf encode(
        final ByteBufAllocator alloc, final int status, final int connection, final boolean zip, final byte[] body,
        final int offset, final int length)
    {
        final byte[] contentType = zip ? ZIP_CONTENT_TYPE_AND_LENGTH : CONTENT_TYPE_AND_LENGTH;
        final byte[] statusLine = STATUS_LINES[status >= 100 && status < STATUS_LINES.length ? status : 500];
        final byte[] tail = CONNECTION[connection];
        final int lengthDigits = decimalDigits(length);
        final ByteBuf buf = alloc.buffer(statusLine.length + contentType.length + lengthDigits + tail.length + length);
        buf.writeBytes(statusLine).writeBytes(contentType);
        for (int div = pow10(lengthDigits - 1); div > 0; div /= 10)
        {
            buf.writeByte('0' + (length / div) % 10);
        }
        buf.writeBytes(tail).writeBytes(body, offset, length);
        return buf;
    }

    private static int decimalDigits(final int v)
    {
        int n = 1;
        for (int x = v; x >= 10; x /= 10)
        {
            n++;
        }
        return n;
    }

    private static int pow10(final int n)
    {
        int p = 1;
        for (int i = 0; i < n; i++)
        {
            p *= 10;
        }
        return p;
    }

    private static byte[] ascii(final String s)
    {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
