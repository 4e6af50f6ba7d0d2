package dev.xboxshop.localrun;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback between two services, for the fault suite (netem is not
 * available here): it passes bytes through, or delays every chunk it forwards, or cuts
 * the link as a partition would (nothing passes, nothing is closed: callers wait for
 * their own timeouts). Healing lets bytes flow again and drops the connections held
 * during the cut.
 */
final class FaultProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int targetPort;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final Object gate = new Object();

	private volatile long delayMillis;

	private volatile boolean cut;

	private volatile boolean closed;

	FaultProxy(int targetPort) {
		this.targetPort = targetPort;
		try {
			this.server = new ServerSocket();
			this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not open the fault proxy", ex);
		}
		Thread acceptor = new Thread(this::accept, "fault-proxy-" + targetPort);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	void delay(long millis) {
		this.delayMillis = millis;
	}

	void cut() {
		this.cut = true;
	}

	/** Back to passing bytes at once; connections held during a cut are dropped. */
	void heal() {
		boolean wasCut = this.cut;
		this.delayMillis = 0;
		this.cut = false;
		if (wasCut) {
			this.sockets.forEach(FaultProxy::closeQuietly);
		}
		synchronized (this.gate) {
			this.gate.notifyAll();
		}
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket client = this.server.accept();
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.sockets.add(client);
				this.sockets.add(upstream);
				pipe(client, upstream);
				pipe(upstream, client);
			}
			catch (IOException ex) {
				// the target refused (it is down): the client's connection was dropped
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					awaitPassage();
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException | InterruptedException ex) {
				// either side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.sockets.remove(from);
				this.sockets.remove(to);
			}
		}, "fault-proxy-pipe");
		thread.setDaemon(true);
		thread.start();
	}

	private void awaitPassage() throws InterruptedException {
		synchronized (this.gate) {
			while (this.cut && !this.closed) {
				this.gate.wait(1000);
			}
		}
		long delay = this.delayMillis;
		if (delay > 0) {
			Thread.sleep(delay);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	@Override
	public void close() {
		this.closed = true;
		closeQuietly(this.server);
		this.sockets.forEach(FaultProxy::closeQuietly);
		synchronized (this.gate) {
			this.gate.notifyAll();
		}
	}

	private static void closeQuietly(ServerSocket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

}
