package io.medgw.gateway.net;

/**
 * One complete request as the listener sees it: a Netty-free view over the body bytes plus what the
 * edge learnt from the HTTP head. Reused: one instance per connection, re-filled for each request;
 * the body array is a per-event-loop scratch buffer. Everything is valid only during
 * {@link InboundRequestListener#onRequest}, except the {@link ReplyChannel}, which stays valid until
 * the reply is made. Read on the event loop thread only.
 */
public final class InboundRequest
{
    private byte[] body;
    private int bodyLength;
    private String pathInfno;
    private String paasid;
    private ReplyChannel replyChannel;
    private long receivedNs;
    private long connectionId;

    InboundRequest wrap(
        final byte[] body, final int bodyLength, final String pathInfno, final String paasid,
        final ReplyChannel replyChannel, final long receivedNs, final long connectionId)
    {
        this.body = body;
        this.bodyLength = bodyLength;
        this.pathInfno = pathInfno;
        this.paasid = paasid;
        this.replyChannel = replyChannel;
        this.receivedNs = receivedNs;
        this.connectionId = connectionId;
        return this;
    }

    /**
     * Public for tests of listeners; the server fills requests itself.
     *
     * @param body body bytes.
     * @param bodyLength number of valid bytes from 0.
     * @param pathInfno infno taken from the URL path, or null.
     * @param paasid authenticated x-tif-paasid, or null.
     * @param replyChannel where the answer goes.
     * @param receivedNs nano-clock time the request became complete.
     * @return this
     */
    public InboundRequest set(
        final byte[] body, final int bodyLength, final String pathInfno, final String paasid,
        final ReplyChannel replyChannel, final long receivedNs)
    {
        return wrap(body, bodyLength, pathInfno, paasid, replyChannel, receivedNs, 0);
    }

    /** @return the body bytes, valid from index 0 to {@link #bodyLength()} (the array may be longer). */
    public byte[] body()
    {
        return body;
    }

    /** @return number of body bytes. */
    public int bodyLength()
    {
        return bodyLength;
    }

    /**
     * @return the infno the URL path carried ({@code .../callService/2207}, {@code /2207}, or a per-service path
     * such as {@code /fsi/api/outpatientSettleService/saveSettletmentV2} → "2207"), or null when the path was a
     * plain {@code .../callService} and the infno is only in the body.
     */
    public String pathInfno()
    {
        return pathInfno;
    }

    /** @return the x-tif-paasid that signed the request, or null when authentication is off. */
    public String paasid()
    {
        return paasid;
    }

    /** @return where the single reply goes (any thread). */
    public ReplyChannel replyChannel()
    {
        return replyChannel;
    }

    /** @return the gateway nano-clock time when the last body byte arrived (latency start). */
    public long receivedNs()
    {
        return receivedNs;
    }

    /** @return an id unique per connection for this server's lifetime (for logs and tests). */
    public long connectionId()
    {
        return connectionId;
    }
}
