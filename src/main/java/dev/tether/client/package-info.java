/**
 * The WebSocket client: {@code ws://} and {@code wss://} connections with the same
 * {@link dev.tether.WebSocket} API as the server side.
 *
 * <p>{@link dev.tether.client.WebSocketClient} is the entry point. Underneath, one small class per job:
 * {@link dev.tether.client.WebSocketUri} parses the URI, {@code SocketConnector} opens TCP (through an
 * HTTP CONNECT proxy if asked) and TLS with hostname verification, {@link dev.tether.client.ClientHandshake}
 * writes the upgrade request and checks the answer (read by the bounded
 * {@link dev.tether.client.HttpResponseHeadReader}), and {@code SocketTransport} moves the bytes of the open
 * connection for the shared {@link dev.tether.session.WebSocketSession}.
 */
package dev.tether.client;
