package io.medgw.gateway.net;

/**
 * Receives each complete, routed and authenticated request from the {@link GatewayServer}.
 * <p>
 * Threading: {@link #onRequest} runs on the connection's Netty event loop. It must never block:
 * copy what it needs out of the request (the body array is reused as soon as it returns), publish
 * to the ring or, when the ring is full, reply at once with an overload envelope (E9001) through
 * {@link InboundRequest#replyChannel()}. Replying synchronously from inside {@code onRequest} is
 * allowed. At most one request per connection is outstanding at a time: the next pipelined request
 * on that connection is handed over only after this one was answered.
 * <p>
 * If {@code onRequest} throws, the edge counts it ({@code LISTENER_ERRORS}) and answers E9003
 * unless a reply was already made.
 */
@FunctionalInterface
public interface InboundRequestListener
{
    /**
     * @param request valid only until this method returns (the reply channel stays valid until replied).
     */
    void onRequest(InboundRequest request);
}
