package dev.tether.client;

import dev.tether.WebSocketTimeoutException;
import dev.tether.session.Nanos;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Looks up a host name within the connect timeout. The JDK's lookup ({@link InetAddress#getByName}) blocks
 * for as long as the system resolver takes, which a slow or unreachable DNS server stretches to tens of
 * seconds, and cannot be interrupted; so it runs on a small pool of lookup threads and the caller waits
 * only as long as it may. A lookup given up on finishes in the background, and at most
 * {@link #MAX_PENDING} may wait at once: beyond that a connect fails at once instead of piling up threads.
 */
final class HostResolver {

    /** Looks up one host name; blocking. */
    @FunctionalInterface
    interface Lookup {
        InetAddress byName(String host) throws Exception;
    }

    static final int THREADS = 4;
    static final int MAX_PENDING = 64;

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final HostResolver SYSTEM = new HostResolver(InetAddress::getByName);

    private final Lookup lookup;
    private final ThreadPoolExecutor pool;

    HostResolver(Lookup lookup) {
        this.lookup = lookup;
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_PENDING), task -> {
            Thread thread = new Thread(task, "tether-host-lookup-" + COUNTER.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true); // no thread stays once lookups stop
    }

    /** An IPv4 or IPv6 address written out: no name to look up (nor to send as SNI). */
    static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || IPV4_LITERAL.matcher(host).matches();
    }

    /** The JVM's resolver. */
    static HostResolver system() {
        return SYSTEM;
    }

    /** The address of {@code host}, looked up within {@code timeout}; an IP literal needs no lookup. */
    InetAddress resolve(String host, Duration timeout) throws IOException {
        if (isIpLiteral(host)) return InetAddress.getByName(host);
        Future<InetAddress> answer;
        try {
            answer = pool.submit(() -> lookup.byName(host));
        } catch (RejectedExecutionException e) {
            throw new UnknownHostException("cannot resolve " + host + ": " + MAX_PENDING
                    + " host name lookups are already waiting for the resolver");
        }
        try {
            return answer.get(Math.max(1, Nanos.bounded(timeout)), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            WebSocketTimeoutException timedOut = new WebSocketTimeoutException("looking up " + host
                    + " did not complete within the connect timeout (" + timeout.toMillis() + " ms)");
            timedOut.initCause(e);
            throw timedOut;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownHostException) {
                UnknownHostException unknown = new UnknownHostException("cannot resolve " + host);
                unknown.initCause(cause);
                throw unknown;
            }
            throw new IOException("looking up " + host + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while looking up " + host);
        }
    }
}
