package dev.xboxshop.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

import dev.xboxshop.websupport.problem.ProblemCatalog;

/**
 * A request the gateway's HTTP server cannot read (a request line or headers over its
 * limits, a malformed request line or header, a path with a broken percent escape) is
 * answered here, right after Netty's HTTP decoder, with the contract's problem+json
 * instead of Reactor Netty's bare status: 414 and 431 keep their status with the
 * {@code bad-request} slug, anything else is 400 {@code malformed-request}. The
 * connection is closed afterwards, as Reactor Netty does, but only after a short linger.
 * Found by the bad-input suite.
 */
final class UnreadableRequestProblems extends ChannelInboundHandlerAdapter {

	private static final Duration LINGER = Duration.ofSeconds(2);

	private boolean refused;

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (this.refused && msg instanceof HttpContent) {
			// the rest of a request already refused
			ReferenceCountUtil.release(msg);
			return;
		}
		if (msg instanceof HttpRequest request) {
			HttpResponseStatus status = unreadable(request);
			if (status != null) {
				this.refused = true;
				ReferenceCountUtil.release(msg);
				ctx.writeAndFlush(problem(status)).addListener((ChannelFutureListener) (written) -> linger(ctx));
				return;
			}
		}
		ctx.fireChannelRead(msg);
	}

	/**
	 * Closes the way out and the whole connection a little later: bytes the client still
	 * sends (the body of the refused request) are read and dropped meanwhile, so the
	 * connection is not reset under the answer before the client has read it.
	 */
	private static void linger(ChannelHandlerContext ctx) {
		if (ctx.channel() instanceof DuplexChannel duplex && duplex.isActive()) {
			duplex.shutdownOutput();
			ctx.executor().schedule(() -> ctx.close(), LINGER.toMillis(), TimeUnit.MILLISECONDS);
		}
		else {
			ctx.close();
		}
	}

	private static HttpResponseStatus unreadable(HttpRequest request) {
		if (request.decoderResult().isFailure()) {
			Throwable cause = request.decoderResult().cause();
			if (cause instanceof TooLongHttpLineException) {
				return HttpResponseStatus.REQUEST_URI_TOO_LONG;
			}
			if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
				return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
			}
			return HttpResponseStatus.BAD_REQUEST;
		}
		try {
			// what Reactor Netty does with the path next, and refuses with a bare 400
			QueryStringDecoder.decodeComponent(new QueryStringDecoder(request.uri()).rawPath());
			return null;
		}
		catch (IllegalArgumentException ex) {
			return HttpResponseStatus.BAD_REQUEST;
		}
	}

	static FullHttpResponse problem(HttpResponseStatus status) {
		int code = status.code();
		String slug = ProblemCatalog.slugFor(code);
		String title = status.reasonPhrase();
		String body = "{\"type\":\"" + ProblemCatalog.type(slug) + "\",\"title\":\"" + title + "\",\"status\":" + code
				+ ",\"detail\":\"The gateway could not read this request: " + title + ".\"}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
				Unpooled.wrappedBuffer(bytes));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
			.setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
			.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		return response;
	}

}
