package io.medgw.gateway.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Test helper: a raw HTTP/1.1 client over a socket (pipelining, partial writes, close detection). */
final class RawHttp implements AutoCloseable
{
    final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(final int port) throws IOException
    {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(2_000);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    static String post(final String path, final String contentType, final String body)
    {
        final int length = body.getBytes(StandardCharsets.UTF_8).length;
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" +
            (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") +
            "Content-Length: " + length + "\r\n\r\n" + body;
    }

    RawHttp send(final String text) throws IOException
    {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    Response read() throws IOException
    {
        final String head = readHead();
        final String[] lines = head.split("\r\n");
        final int status = Integer.parseInt(lines[0].split(" ")[1]);
        final Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++)
        {
            final int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        final int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        final byte[] body = in.readNBytes(length);
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** @return true when the server closed the connection (EOF or reset) within the socket timeout. */
    boolean closedByServer() throws IOException
    {
        try
        {
            return in.read() == -1;
        }
        catch (final SocketTimeoutException ex)
        {
            return false;
        }
        catch (final IOException ex)
        {
            return true; // reset
        }
    }

    private String readHead() throws IOException
    {
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4)
        {
            final int b = in.read();
            if (b < 0)
            {
                throw new IOException("connection closed after " + buf.size() + " bytes: " + buf);
            }
            buf.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ?
                matched + 1 : (b == '\r' ? 1 : 0);
        }
        return buf.toString(StandardCharsets.US_ASCII);
    }

    public void close() throws IOException
    {
        socket.close();
    }

    record Response(int status, Map<String, String> headers, String body)
    {
    }
}
