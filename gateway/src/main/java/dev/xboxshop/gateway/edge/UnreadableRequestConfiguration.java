package dev.xboxshop.gateway.edge;

import reactor.netty.NettyPipeline;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link UnreadableRequestProblems} right behind the HTTP/1.1 decoder of every
 * connection the gateway accepts.
 */
@Configuration(proxyBeanMethods = false)
class UnreadableRequestConfiguration {

	@Bean
	NettyServerCustomizer unreadableRequestProblems() {
		return (server) -> server.doOnChannelInit((observer, channel, address) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline()
					.addAfter(NettyPipeline.HttpCodec, "shopUnreadableRequestProblems",
							new UnreadableRequestProblems());
			}
		});
	}

}
