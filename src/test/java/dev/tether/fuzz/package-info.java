/**
 * Fuzz tests (Jazzer, {@code com.code-intelligence:jazzer-junit}) of the protocol core and the session.
 *
 * <table>
 *   <caption>Targets and what they hold to</caption>
 *   <tr><th>test</th><th>invariant</th></tr>
 *   <tr><td>{@link dev.tether.fuzz.InboundProtocolFuzzTest}</td>
 *       <td>arbitrary bytes, arbitrarily cut, into {@code InboundProtocol} (server and client role, small limits):
 *       only WebSocketFailedException with 1002/1007/1009; nothing after a close or a failure; no message
 *       or assembly buffer beyond the limits; whole = cut = {@link dev.tether.fuzz.ReferenceDecoder}</td></tr>
 *   <tr><td>{@link dev.tether.fuzz.Utf8ValidatorFuzzTest}</td><td>fail-fast agreement with the JDK's strict decoder</td></tr>
 *   <tr><td>{@link dev.tether.fuzz.MaskingFuzzTest}</td><td>equal to a naive XOR for any key, phase, offset, chunking, buffer kind</td></tr>
 *   <tr><td>{@link dev.tether.fuzz.FrameRoundTripFuzzTest}</td><td>FrameEncoder to InboundProtocol gives the original messages, both directions</td></tr>
 *   <tr><td>{@link dev.tether.fuzz.ServerHandshakeFuzzTest}</td><td>never throws; the status (and 101 headers) {@link dev.tether.fuzz.HandshakeOracle} says</td></tr>
 *   <tr><td>{@link dev.tether.fuzz.SessionInputFuzzTest}</td><td>onData never throws; output is valid server frames with the right single close</td></tr>
 * </table>
 *
 * <p><b>Regression mode</b> (every {@code mvn test}): each fuzz test runs on the empty input and on every file
 * under {@code src/test/resources/dev/tether/fuzz/<Test>Inputs/<method>/}: the seeds written by
 * {@link dev.tether.fuzz.SeedCorpusWriter} and the findings Jazzer saved there ({@code crash-*},
 * {@code timeout-*}), which stay as regression inputs once fixed. Works on JDK 17 and 25.
 *
 * <p><b>Fuzzing</b>: {@code mvn -Pfuzz test} fuzzes every test in a JVM of its own (Jazzer fuzzes one test per
 * JVM) for {@code fuzz.duration} (7 s), with a 256 MiB heap, a per-input timeout of 10 s (each test's
 * {@code @Timeout}), and coverage of the code under test only. A finding fails the build, is printed with
 * its stack trace, and is saved in the inputs directory above; {@code mvn test -Dtest=<Test>} then replays
 * it. {@code scripts/fuzz-long.sh} runs the long campaign and summarises it.
 *
 * <p>Inputs are read front to back by {@link dev.tether.fuzz.FuzzInput} (parameters first, then wire bytes)
 * so that seed files are written in the order they are read; each test documents its layout.
 */
package dev.tether.fuzz;
