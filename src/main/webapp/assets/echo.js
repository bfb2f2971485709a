/* The echo page: send text, show what was sent and what came back. */
'use strict';

(() => {
  const LOG_LIMIT = 200;
  const serverForm = document.getElementById('server-form');
  const serverUrl = document.getElementById('server-url');
  const serverError = document.getElementById('server-error');
  const sendForm = document.getElementById('send-form');
  const messageInput = document.getElementById('message');
  const sendButton = document.getElementById('send');
  const log = document.getElementById('log');
  const showState = Tether.showStateIn(document.getElementById('connection'));

  function addEntry(kind, text) {
    const item = document.createElement('li');
    item.className = kind;
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = Tether.timeOfDay(new Date()) + (kind === 'sent' ? ' sent' : ' received');
    const body = document.createElement('span');
    body.className = 'text';
    body.textContent = text;
    item.append(meta, body);
    Tether.appendToLog(log, item, LOG_LIMIT);
  }

  function describeBinary(buffer) {
    return '[binary message, ' + buffer.byteLength + ' bytes]';
  }

  const socket = new Tether.ReconnectingSocket(Tether.wsUrl('ws-echo'), {
    onState(change) {
      showState(change);
      sendButton.disabled = change.state !== 'open';
    },
    onMessage(data) {
      addEntry('received', typeof data === 'string' ? data : describeBinary(data));
    },
  });
  serverUrl.value = socket.url;

  serverForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = serverUrl.value.trim();
    if (!Tether.isWebSocketUrl(url)) {
      serverUrl.setAttribute('aria-invalid', 'true');
      serverError.textContent = 'Enter an address that starts with ws:// or wss://, such as ' + Tether.wsUrl('ws-echo');
      serverUrl.focus();
      return;
    }
    serverUrl.removeAttribute('aria-invalid');
    serverError.textContent = '';
    socket.connectTo(url);
  });

  sendForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = messageInput.value;
    if (text === '') return;
    if (socket.send(text)) {
      addEntry('sent', text);
      messageInput.value = '';
    }
    messageInput.focus();
  });
})();
