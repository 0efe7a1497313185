package io.medgw.gateway.net;

import io.medgw.codec.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;

/**
 * The request side of one connection, after the HTTP decoder: checks each request head (method,
 * path → infno, content type, declared length, x-tif signature), assembles the body up to
 * max.body.bytes, and queues either the complete request or an immediate refusal on the
 * connection's {@link ConnectionOutbox}. Refusals that leave the connection in a known state
 * (unknown path, wrong content type, bad signature) keep it open and skip the body; a body that is
 * too large or a malformed request closes it after the answer. Event-loop confined.
 */
final class HttpEdgeHandler extends ChannelInboundHandlerAdapter
{
    // what exactly was wrong, after the code's summary in err_msg (encoded once)
    private static final byte[] NOT_HTTP = ErrorEnvelope.detail(
        "not a valid HTTP/1.1 request (request line, headers or chunked framing)");
    private static final byte[] UNKNOWN_PATH = ErrorEnvelope.detail(
        "POST to /fsi/api/rsfComIfsService/callService or a per-service path of docs/protocol.md");
    private static final byte[] CONTENT_TYPE = ErrorEnvelope.detail(
        "Content-Type must be application/json or text/plain (a UTF-8 JSON body)");
    private static final byte[] TOO_LARGE = ErrorEnvelope.detail("the body is over max.body.bytes");

    private static final int HEAD = 0;
    private static final int BODY = 1;
    private static final int DISCARD = 2;
    private static final int IGNORE = 3;

    private final EdgeShared shared;
    private final ReadDeadlineHandler deadline;
    private ConnectionOutbox outbox;
    private int phase = HEAD;
    private ByteBuf body;
    private String pathInfno;
    private String paasid;
    private int connectionMode;
    private long receivedEpochMs;

    HttpEdgeHandler(final EdgeShared shared, final ReadDeadlineHandler deadline)
    {
        this.shared = shared;
        this.deadline = deadline;
    }

    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        outbox = new ConnectionOutbox(shared, ctx);
    }

    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        try
        {
            if (phase == IGNORE || outbox.isClosing())
            {
                return;
            }
            if (msg instanceof DecoderResultProvider && ((DecoderResultProvider)msg).decoderResult().isFailure())
            {
                shared.badRequests.increment();
                refuseAndClose(400, ErrorCode.E5001, NOT_HTTP);
                return;
            }
            if (msg instanceof HttpRequest)
            {
                onHead(ctx, (HttpRequest)msg);
            }
            if (msg instanceof HttpContent && phase != IGNORE)
            {
                onContent((HttpContent)msg);
            }
        }
        finally
        {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onHead(final ChannelHandlerContext ctx, final HttpRequest request)
    {
        shared.requestsReceived.increment();
        receivedEpochMs = shared.epochClock.time();
        // HEAD answers must not carry a body: rather than special-case the writer, close after the (404) answer.
        final boolean keepAlive = HttpUtil.isKeepAlive(request) && !HttpMethod.HEAD.equals(request.method());
        connectionMode = !keepAlive ? HttpResponses.CLOSE :
            request.protocolVersion() == HttpVersion.HTTP_1_0 ? HttpResponses.KEEP_ALIVE_EXPLICIT : HttpResponses.KEEP_ALIVE_DEFAULT;
        final boolean expectContinue = HttpUtil.is100ContinueExpected(request);
        final HttpHeaders headers = request.headers();
        final String infno = HttpMethod.POST.equals(request.method()) ? ServicePaths.route(request.uri()) : null;
        if (infno == null)
        {
            shared.unknownPaths.increment();
            refuse(404, ErrorCode.E5004, UNKNOWN_PATH, expectContinue);
            return;
        }
        if (!acceptedContentType(headers.get(HttpHeaderNames.CONTENT_TYPE)))
        {
            shared.badRequests.increment();
            refuse(415, ErrorCode.E5001, CONTENT_TYPE, expectContinue);
            return;
        }
        final long declared = contentLength(request);
        if (declared > shared.maxBodyBytes)
        {
            shared.bodyTooLarge.increment();
            refuseAndClose(413, ErrorCode.E5006, TOO_LARGE);
            return;
        }
        String signedBy = null;
        if (shared.authenticator.isEnabled())
        {
            signedBy = headers.get("x-tif-paasid");
            if (!shared.authenticator.verify(signedBy, headers.get("x-tif-timestamp"), headers.get("x-tif-nonce"),
                headers.get("x-tif-signature")))
            {
                shared.authRefusals.increment();
                refuse(401, ErrorCode.E5009, null, expectContinue);
                return;
            }
        }
        pathInfno = ServicePaths.NO_INFNO.equals(infno) ? null : infno;
        paasid = signedBy;
        body = ctx.alloc().buffer(declared >= 0 ? (int)declared : 1024, shared.maxBodyBytes);
        phase = BODY;
        if (expectContinue && outbox.isEmpty())
        {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(HttpResponses.CONTINUE));
        }
    }

    private void onContent(final HttpContent content)
    {
        final boolean last = content instanceof LastHttpContent;
        if (phase == BODY)
        {
            final ByteBuf chunk = content.content();
            if (body.readableBytes() + chunk.readableBytes() > shared.maxBodyBytes)
            {
                shared.bodyTooLarge.increment();
                refuseAndClose(413, ErrorCode.E5006, TOO_LARGE);
                return;
            }
            body.writeBytes(chunk);
            if (last)
            {
                deadline.requestComplete();
                final ByteBuf complete = body;
                body = null;
                phase = connectionMode == HttpResponses.CLOSE ? IGNORE : HEAD;
                outbox.enqueueRequest(complete, pathInfno, paasid, connectionMode, shared.nanoClock.nanoTime());
            }
        }
        else if (phase == DISCARD && last)
        {
            deadline.requestComplete();
            phase = HEAD;
        }
    }

    /** Refuses and skips this request's body; the connection stays usable unless the client asked otherwise. */
    private void refuse(final int status, final ErrorCode code, final byte[] detail, final boolean expectContinue)
    {
        if (expectContinue)
        {
            // The client may or may not send the body it announced: only closing keeps the framing safe.
            refuseAndClose(status, code, detail);
            return;
        }
        final boolean close = connectionMode == HttpResponses.CLOSE;
        phase = close ? IGNORE : DISCARD;
        outbox.enqueueRefusal(status, code, detail, connectionMode, close, receivedEpochMs); // closing: the body may be unread
    }

    /** Refuses and closes after the answer, draining whatever the client still sends meanwhile. */
    private void refuseAndClose(final int status, final ErrorCode code, final byte[] detail)
    {
        releaseBody();
        phase = IGNORE;
        outbox.enqueueRefusal(status, code, detail, HttpResponses.CLOSE, true, receivedEpochMs);
    }

    public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt)
    {
        if (evt instanceof IdleStateEvent)
        {
            if (outbox.isEmpty())
            {
                shared.idleClosed.increment();
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    public void channelWritabilityChanged(final ChannelHandlerContext ctx)
    {
        outbox.updateAutoRead();
        ctx.fireChannelWritabilityChanged();
    }

    public void channelInactive(final ChannelHandlerContext ctx)
    {
        releaseBody();
        phase = IGNORE;
        outbox.onChannelInactive();
        ctx.fireChannelInactive();
    }

    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (cause instanceof IOException)
        {
            shared.connectionResets.increment();
        }
        else
        {
            shared.netErrors.increment();
        }
        ctx.close();
    }

    private void releaseBody()
    {
        if (body != null)
        {
            body.release();
            body = null;
        }
    }

    private static long contentLength(final HttpRequest request)
    {
        try
        {
            return HttpUtil.getContentLength(request, -1L);
        }
        catch (final NumberFormatException ex)
        {
            return -1L;
        }
    }

    /** application/json or text/plain with any parameters (charset), or no (or an empty) content type. */
    static boolean acceptedContentType(final String value)
    {
        if (value == null)
        {
            return true;
        }
        int end = value.indexOf(';');
        end = end < 0 ? value.length() : end;
        int start = 0;
        while (start < end && value.charAt(start) == ' ')
        {
            start++;
        }
        while (end > start && value.charAt(end - 1) == ' ')
        {
            end--;
        }
        return start == end || matches(value, start, end, "application/json") || matches(value, start, end, "text/plain");
    }

    private static boolean matches(final String value, final int start, final int end, final String type)
    {
        return end - start == type.length() && value.regionMatches(true, start, type, 0, type.length());
    }
}
