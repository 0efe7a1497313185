package io.medgw.loadtest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal blocking HTTP/1.1 keep-alive client for the load generator: one socket, one request in
 * flight, reusable buffers, no per-request allocation beyond what the caller asks for. It is not a
 * general HTTP client: it expects {@code Content-Length} framed responses, which is what the gateway
 * sends. One instance per thread.
 */
public final class LoopbackHttpClient implements AutoCloseable
{
    /** Lower case; the ':' and '-' are unchanged by {@code | 0x20}. */
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] head;
    private byte[] buf = new byte[64 * 1024];
    private int bodyOffset;
    private int bodyLength;
    private int status;

    /**
     * @param host  host to connect to (loopback only).
     * @param port  port.
     * @param path  request path, e.g. {@code /fsi/api/rsfComIfsService/callService}.
     * @throws IOException if the connection fails.
     */
    public LoopbackHttpClient(final String host, final int port, final String path) throws IOException
    {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
        head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port +
            "\r\nContent-Type: application/json;charset=utf-8\r\nConnection: keep-alive\r\nContent-Length: ")
            .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Sends one POST and reads the whole response.
     *
     * @param body   request body bytes.
     * @param length body length.
     * @return the HTTP status; the body is then at {@link #body()}[{@link #bodyOffset()} ..].
     * @throws IOException on a socket error or a malformed response.
     */
    public int post(final byte[] body, final int length) throws IOException
    {
        final int total = head.length + 10 + 4 + length;
        ensure(total);
        int p = 0;
        System.arraycopy(head, 0, buf, p, head.length);
        p += head.length;
        p = writeDecimal(length, buf, p);
        buf[p++] = '\r';
        buf[p++] = '\n';
        buf[p++] = '\r';
        buf[p++] = '\n';
        System.arraycopy(body, 0, buf, p, length);
        p += length;
        out.write(buf, 0, p);
        out.flush();
        readResponse();
        return status;
    }

    private void readResponse() throws IOException
    {
        int filled = 0;
        int headerEnd = -1;
        while (headerEnd < 0)
        {
            if (filled == buf.length)
            {
                ensure(buf.length * 2);
            }
            final int n = in.read(buf, filled, buf.length - filled);
            if (n < 0)
            {
                throw new EOFException("connection closed by the gateway");
            }
            filled += n;
            headerEnd = indexOfHeaderEnd(filled);
        }
        status = (buf[9] - '0') * 100 + (buf[10] - '0') * 10 + (buf[11] - '0');
        final int contentLength = contentLength(headerEnd);
        bodyOffset = headerEnd + 4;
        bodyLength = contentLength;
        final int need = bodyOffset + contentLength;
        ensure(need);
        while (filled < need)
        {
            final int n = in.read(buf, filled, need - filled);
            if (n < 0)
            {
                throw new EOFException("connection closed mid-response");
            }
            filled += n;
        }
    }

    private int indexOfHeaderEnd(final int filled)
    {
        for (int i = 3; i < filled; i++)
        {
            if (buf[i] == '\n' && buf[i - 1] == '\r' && buf[i - 2] == '\n' && buf[i - 3] == '\r')
            {
                return i - 3;
            }
        }
        return -1;
    }

    /** Finds {@code content-length:} (any case) in the head and parses it without allocating. */
    private int contentLength(final int headerEnd) throws IOException
    {
        final int keyLength = CONTENT_LENGTH.length;
        outer:
        for (int i = 0; i <= headerEnd - keyLength; i++)
        {
            for (int j = 0; j < keyLength; j++)
            {
                if ((buf[i + j] | 0x20) != CONTENT_LENGTH[j])
                {
                    continue outer;
                }
            }
            int p = i + keyLength;
            while (p < headerEnd && buf[p] == ' ')
            {
                p++;
            }
            int v = 0;
            while (p < headerEnd && buf[p] >= '0' && buf[p] <= '9')
            {
                v = v * 10 + (buf[p++] - '0');
            }
            return v;
        }
        throw new IOException("response without Content-Length");
    }

    private static int writeDecimal(final int value, final byte[] dst, final int at)
    {
        int digits = 1;
        for (int v = value; v >= 10; v /= 10)
        {
            digits++;
        }
        int v = value;
        for (int i = at + digits - 1; i >= at; i--)
        {
            dst[i] = (byte)('0' + v % 10);
            v /= 10;
        }
        return at + digits;
    }

    private void ensure(final int capacity)
    {
        if (buf.length < capacity)
        {
            final byte[] bigger = new byte[Math.max(capacity, buf.length * 2)];
            System.arraycopy(buf, 0, bigger, 0, buf.length);
            buf = bigger;
        }
    }

    /** @return the buffer holding the last response. */
    public byte[] body()
    {
        return buf;
    }

    /** @return where the last response body starts in {@link #body()}. */
    public int bodyOffset()
    {
        return bodyOffset;
    }

    /** @return the last response body's length. */
    public int bodyLength()
    {
        return bodyLength;
    }

    /** @return the last response body as a String (allocates: for errors and tests). */
    public String bodyText()
    {
        return new String(buf, bodyOffset, bodyLength, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
    }
}
