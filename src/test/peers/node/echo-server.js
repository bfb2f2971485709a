'use strict';
// A WebSocket echo server on Node's `ws`, a peer nobody on the Tether team wrote, for the client tests.
//
// Listens on 127.0.0.1 on a port the OS picks and prints "PORT <n>" once it listens. Echoes every
// message as it came (text stays text, binary stays binary). Two text commands:
//   "protocol?"  answers with the subprotocol agreed in the handshake, or "(none)";
//   "close-me"   makes the server start the closing handshake with 4001 "asked to close".
// Exits when its standard input ends, so it never outlives the test that started it.

const { WebSocketServer } = require('ws');

const SUBPROTOCOLS = ['tether.echo.v2', 'tether.echo'];

const server = new WebSocketServer({
  host: '127.0.0.1',
  port: 0,
  perMessageDeflate: false,
  maxPayload: 64 * 1024 * 1024,
  handleProtocols: (offered) => SUBPROTOCOLS.find((p) => offered.has(p)) || false,
});

server.on('listening', () => {
  process.stdout.write(`PORT ${server.address().port}\n`);
});

server.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => {
    if (!isBinary) {
      const text = data.toString('utf8');
      if (text === 'protocol?') {
        ws.send(ws.protocol || '(none)');
        return;
      }
      if (text === 'close-me') {
        ws.close(4001, 'asked to close');
        return;
      }
    }
    ws.send(data, { binary: isBinary });
  });
  ws.on('error', (err) => process.stderr.write(`connection error: ${err.message}\n`));
});

server.on('error', (err) => {
  process.stderr.write(`server error: ${err.message}\n`);
  process.exit(1);
});

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
