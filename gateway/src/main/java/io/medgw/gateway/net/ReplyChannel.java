package io.medgw.gateway.net;

/**
 * The way back to the client for one request. Netty-free handle given to the
 * {@link InboundRequestListener} with each {@link InboundRequest}; the listener (or the pipeline
 * stage it hands the request to) calls {@link #reply} exactly once.
 * <p>
 * Thread-safety: {@link #reply} may be called from any thread; it copies the bytes before it
 * returns (the caller may reuse its buffer at once) and hops to the connection's event loop to
 * write. Replies on one keep-alive connection leave in request order. The handle belongs to the
 * connection and is re-armed for its next request once the reply was written: keep it only until
 * the reply is made.
 */
public interface ReplyChannel
{
    /**
     * Sends the reply: an HTTP response with {@code content-type: application/json;charset=utf-8}.
     *
     * @param body bytes of the response body (a complete JSON envelope).
     * @param offset first byte.
     * @param length number of bytes.
     * @param httpStatus HTTP status (200 for every answer that carries an {@code infcode}, including refusals the
     *                   HIS must show; the edge itself uses 4xx/5xx for transport refusals).
     * @return true if this was the first reply to the request; false if the request was already answered (the
     * bytes are ignored). A reply to a connection that has closed meanwhile is accepted and dropped (counted).
     */
    boolean reply(byte[] body, int offset, int length, int httpStatus);

    /**
     * Answers with a file's raw bytes as {@code application/zip} (9102 file download), status 200.
     *
     * @param body   the file bytes.
     * @param offset first byte.
     * @param length length.
     * @return as {@link #reply}.
     */
    default boolean replyZip(final byte[] body, final int offset, final int length)
    {
        return reply(body, offset, length, 200);
    }
}
