package dev.xboxshop.testsupport;

/**
 * A running Redis server that tests may connect to.
 */
public interface RedisServerHandle {

	String host();

	int port();

	void stop();

}
