package io.medgw.gateway.it;

import io.medgw.codec.reply.ResponseReader;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small blocking HTTP/1.1 client over one keep-alive socket, for the end-to-end tests (the
 * loadtest module's LoopbackHttpClient is not visible from gateway tests, and
 * java.net.http.HttpClient is slow to start on a busy machine). Content-Length framed responses
 * only, which is what the gateway and its admin server send. One thread per client.
 */
final class WireClient implements AutoCloseable
{
    /** The single entry point (national-interface.md §1.1). */
    static final String CALL_SERVICE = "/fsi/api/rsfComIfsService/callService";
    static final String JSON = "application/json;charset=utf-8";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    /** @param port a port on 127.0.0.1. @throws IOException when the connection fails */
    WireClient(final int port) throws IOException
    {
        this(port, 5_000);
    }

    /** @param port a port on 127.0.0.1. @param readTimeoutMs socket read timeout. @throws IOException on failure */
    WireClient(final int port, final int readTimeoutMs) throws IOException
    {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(readTimeoutMs);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** POSTs a JSON body to the single entry point. @return the reply */
    Reply post(final String json) throws IOException
    {
        return post(CALL_SERVICE, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the reply to one POST. */
    Reply post(final String path, final String contentType, final byte[] body) throws IOException
    {
        send(path, contentType, body);
        return read();
    }

    /** Writes one POST without reading the answer. */
    void send(final String path, final String contentType, final byte[] body) throws IOException
    {
        final String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
            (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") +
            "Content-Length: " + body.length + "\r\n\r\n";
        final byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        final byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        out.write(all);
        out.flush();
    }

    /** Writes one JSON POST to the single entry point without reading the answer. */
    void send(final String json) throws IOException
    {
        send(CALL_SERVICE, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes raw bytes. */
    void sendRaw(final byte[] bytes) throws IOException
    {
        out.write(bytes);
        out.flush();
    }

    /** @return the next response on this connection. */
    Reply read() throws IOException
    {
        final String head = readHead();
        final String[] lines = head.split("\r\n");
        final int status = Integer.parseInt(lines[0].split(" ")[1]);
        final Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++)
        {
            final int colon = lines[i].indexOf(':');
            if (colon > 0)
            {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        final int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        final byte[] body = in.readNBytes(length);
        if (body.length < length)
        {
            throw new EOFException("connection closed after " + body.length + " of " + length + " body bytes");
        }
        return new Reply(status, headers, body);
    }

    /** @return true when the server closed the connection (EOF or reset) within the read timeout. */
    boolean closedByServer()
    {
        try
        {
            return in.read() == -1;
        }
        catch (final IOException ex)
        {
            return !(ex instanceof SocketTimeoutException);
        }
    }

    private String readHead() throws IOException
    {
        final ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
        int matched = 0;
        while (matched < 4)
        {
            final int b = in.read();
            if (b < 0)
            {
                throw new EOFException("connection closed after " + buf.size() + " bytes: " + buf);
            }
            buf.write(b);
            if (b == '\r')
            {
                matched = matched == 2 ? 3 : 1;
            }
            else if (b == '\n' && (matched == 1 || matched == 3))
            {
                matched++;
            }
            else
            {
                matched = 0;
            }
        }
        return buf.toString(StandardCharsets.US_ASCII);
    }

    /**
     * One GET on a fresh connection (the admin endpoints).
     *
     * @param port the port.
     * @param path the path.
     * @return the reply.
     * @throws IOException on a socket error.
     */
    static Reply get(final int port, final String path) throws IOException
    {
        try (WireClient c = new WireClient(port))
        {
            c.sendRaw(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            return c.read();
        }
    }

    /**
     * One POST without a body on a fresh connection (the admin endpoints).
     *
     * @param port the port.
     * @param path the path.
     * @return the reply.
     * @throws IOException on a socket error.
     */
    static Reply post(final int port, final String path) throws IOException
    {
        try (WireClient c = new WireClient(port))
        {
            c.sendRaw(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            return c.read();
        }
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
    }

    /**
     * One HTTP response.
     *
     * @param status  the HTTP status.
     * @param headers lower-case names.
     * @param body    the body bytes.
     */
    record Reply(int status, Map<String, String> headers, byte[] body)
    {
        /** @return the body as UTF-8 text. */
        String text()
        {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** @return the body read as a response envelope. */
        ResponseReader envelope()
        {
            return new ResponseReader().read(body, 0, body.length);
        }

        /**
         * @return the raw bytes of the envelope's {@code output} value as text (the encoder writes it
         * last: from after {@code "output":} to before the final brace).
         */
        String outputSection()
        {
            final String t = text();
            final int at = t.indexOf("\"output\":");
            return at < 0 ? null : t.substring(at + "\"output\":".length(), t.length() - 1);
        }
    }
}
