package io.medgw.gateway.net;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

/**
 * Test listener: answers {@code <pathInfno or "-">|<paasid or "-">|<body>} with HTTP 200, either at once on the
 * event loop or, when given an executor, from another thread (testing only: allocates per request).
 */
final class EchoListener implements InboundRequestListener
{
    private final Executor executor;

    EchoListener()
    {
        this(null);
    }

    EchoListener(final Executor executor)
    {
        this.executor = executor;
    }

    public void onRequest(final InboundRequest request)
    {
        final String text = (request.pathInfno() == null ? "-" : request.pathInfno()) + "|" +
            (request.paasid() == null ? "-" : request.paasid()) + "|" +
            new String(request.body(), 0, request.bodyLength(), StandardCharsets.UTF_8);
        final byte[] reply = text.getBytes(StandardCharsets.UTF_8);
        final ReplyChannel channel = request.replyChannel();
        if (executor == null)
        {
            channel.reply(reply, 0, reply.length, 200);
        }
        else
        {
            executor.execute(() -> channel.reply(reply, 0, reply.length, 200));
        }
    }
}
