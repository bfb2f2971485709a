package dev.tether.conformance;

import dev.tether.conformance.wire.RawConnection;
import dev.tether.conformance.wire.Transcript;
import java.io.BufferedInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one case against one target and judges it: the steps' own expectations, then the ending (TCP closed
 * promptly after the closing handshake), then what the application saw through the API.
 */
final class CaseRunner {

    /**
     * How soon after the closing handshake TCP must end: the server closes first (RFC 6455 §7.1.1), and
     * the client closes its side once the server has.
     */
    static final Duration TCP_END_WITHIN = Duration.ofSeconds(1);
    private static final long OUTCOME_WAIT_SECONDS = 10;

    private CaseRunner() {
    }

    static void runOnServer(ConformanceCase c, ServerUnderTest server) throws Exception {
        Transcript transcript = new Transcript();
        String runId = server.newRunId();
        ServerAccess access = server.access(runId);
        CaseRun run = new CaseRun(c, Target.SERVER, transcript, access);
        try (Socket socket = access.openSocket()) {
            BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
            run.socket(socket, in);
            if (c.handshake()) {
                ServerUnderTest.handshake(socket, in, access.requestTarget(c.endpoint()), access.hostHeader(), transcript);
                run.upgraded();
            }
            runSteps(run);
            checkEnding(run);
            if (run.ending() == CaseRun.Ending.NO_CONNECTION) {
                if (server.handlerRan(runId)) throw run.failure("a refused handshake started the handler");
            } else {
                checkApi(run, server.outcome(runId));
            }
        }
    }

    static void runOnClient(ConformanceCase c) throws Exception {
        Transcript transcript = new Transcript();
        CaseRun run = new CaseRun(c, Target.CLIENT, transcript, null);
        try (ServerSocket listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            ClientUnderTest client = ClientUnderTest.start(c.endpoint(), listener.getLocalPort());
            try {
                listener.setSoTimeout(10_000);
                try (Socket socket = listener.accept()) {
                    socket.setTcpNoDelay(true);
                    BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
                    run.socket(socket, in);
                    if (c.handshake()) {
                        ScriptedHandshake.write(socket, ScriptedHandshake.switchingProtocols(
                                ScriptedHandshake.readRequest(in, transcript)), transcript);
                        run.upgraded();
                    }
                    runSteps(run);
                    checkEnding(run);
                    checkApi(run, client.outcome());
                }
            } finally {
                client.stop();
            }
        }
    }

    private static void runSteps(CaseRun run) throws Exception {
        int i = 0;
        for (Step step : run.conformanceCase().steps()) {
            i++;
            try {
                step.run(run);
            } catch (AssertionError e) {
                throw new AssertionError("step " + i + " (" + step.describe() + "): " + e.getMessage()
                        + "\n  script:" + run.conformanceCase().script(), e);
            } catch (Exception e) {
                throw new AssertionError("step " + i + " (" + step.describe() + ") threw " + e
                        + "\n  script:" + run.conformanceCase().script() + "\n  transcript:" + run.transcript(), e);
            }
        }
    }

    /** After a closing handshake the server ends TCP first; the client ends its side right after. */
    private static void checkEnding(CaseRun run) throws Exception {
        switch (run.ending()) {
            case OPEN:
                throw new IllegalStateException("case " + run.conformanceCase().id() + " does not end its connection");
            case CLOSE_HANDSHAKE:
                RawConnection c = run.connection();
                if (run.target() == Target.CLIENT) c.shutdownOutput();
                StringBuilder extra = new StringBuilder();
                RawConnection.Ending end = c.awaitEnd(TCP_END_WITHIN, extra);
                if (extra.length() > 0) throw run.failure("bytes arrived after the closing handshake: " + extra);
                if (end == RawConnection.Ending.STILL_OPEN) {
                    throw run.failure(run.target() == Target.SERVER
                            ? "the server did not close TCP within " + TCP_END_WITHIN.toMillis() + " ms of the closing handshake"
                            : "the client did not close TCP within " + TCP_END_WITHIN.toMillis() + " ms of the server doing so");
                }
                break;
            default:
                break;
        }
    }

    private static void checkApi(CaseRun run, java.util.concurrent.CompletableFuture<ApiOutcome> outcome) throws InterruptedException {
        ApiOutcome expected = run.expectedApi();
        if (expected == null) return;
        ApiOutcome actual;
        try {
            actual = outcome.get(OUTCOME_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw run.failure("the application's echo loop had not ended " + OUTCOME_WAIT_SECONDS + " s after the case; expected " + expected);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        run.transcript().add("  application: " + actual);
        if (!actual.matches(expected)) {
            throw run.failure("the application saw " + actual + ", expected " + expected);
        }
    }
}
