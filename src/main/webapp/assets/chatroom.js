/* The chatroom page: a name, a message box, and the conversation with joins and leaves. */
'use strict';

(() => {
  const LOG_LIMIT = 500;
  const NAME_KEY = 'tether.chatroom.name';
  const form = document.getElementById('chat-form');
  const nameInput = document.getElementById('name');
  const messageInput = document.getElementById('message');
  const sendButton = document.getElementById('send');
  const errorLine = document.getElementById('chat-error');
  const conversation = document.getElementById('conversation');
  const showState = Tether.showStateIn(document.getElementById('connection'));

  /**
   * The wire format of /ws-chatroom, in one place. The page sends each message as JSON with the
   * sender's name; the room sends back JSON events: a message, a join, a leave, or a moderator post.
   */
  const wire = {
    outgoing(name, text) {
      return JSON.stringify({ name, text });
    },
    /** An event: { kind: 'message' | 'join' | 'leave' | 'moderator', name, text, time }. */
    incoming(data) {
      let event;
      try {
        event = JSON.parse(data);
      } catch (e) {
        return { kind: 'message', name: '', text: String(data) };
      }
      if (event === null || typeof event !== 'object') return { kind: 'message', name: '', text: String(data) };
      return { kind: event.type || 'message', name: event.name || '', text: event.text || '', time: event.time };
    },
  };

  function defaultName() {
    return 'guest-' + Math.floor(1000 + Math.random() * 9000);
  }

  function storedName() {
    try {
      return localStorage.getItem(NAME_KEY);
    } catch (e) {
      return null; // storage may be disabled; a fresh name each visit is fine
    }
  }

  function rememberName(name) {
    try {
      localStorage.setItem(NAME_KEY, name);
    } catch (e) {
      // not remembered: harmless
    }
  }

  nameInput.value = storedName() || defaultName();
  nameInput.addEventListener('change', () => {
    const name = nameInput.value.trim();
    if (name) rememberName(name);
  });

  function entry(event) {
    const item = document.createElement('li');
    const meta = document.createElement('span');
    meta.className = 'meta';
    const time = event.time ? new Date(event.time) : new Date();
    meta.textContent = Tether.timeOfDay(Number.isNaN(time.getTime()) ? new Date() : time);
    item.append(meta);
    const text = document.createElement('span');
    text.className = 'text';
    switch (event.kind) {
      case 'join':
        item.className = 'system';
        text.textContent = event.text || event.name + ' joined the room';
        break;
      case 'leave':
        item.className = 'system';
        text.textContent = event.text || event.name + ' left the room';
        break;
      case 'note': // said by this page, not by the room
        item.className = 'system';
        text.textContent = event.text;
        break;
      case 'moderator': {
        item.className = 'moderator';
        const who = document.createElement('span');
        who.className = 'who';
        who.textContent = 'Moderator:';
        item.append(who);
        text.textContent = event.text;
        break;
      }
      default: {
        item.className = event.name && event.name === nameInput.value.trim() ? 'message own' : 'message';
        if (event.name) {
          const who = document.createElement('span');
          who.className = 'who';
          who.textContent = event.name + ':';
          item.append(who);
        }
        text.textContent = event.text;
      }
    }
    item.dataset.kind = event.kind;
    item.append(text);
    return item;
  }

  function systemNote(text) {
    Tether.appendToLog(conversation, entry({ kind: 'note', text }), LOG_LIMIT);
  }

  let wasOpen = false;
  const socket = new Tether.ReconnectingSocket(Tether.wsUrl('ws-chatroom'), {
    onState(change) {
      showState(change);
      sendButton.disabled = change.state !== 'open';
      if (change.state === 'closed' && wasOpen) {
        wasOpen = false;
        systemNote('Disconnected: messages sent meanwhile are not received here.');
      }
    },
    onOpen() {
      wasOpen = true;
    },
    onMessage(data) {
      if (typeof data !== 'string') return;
      Tether.appendToLog(conversation, entry(wire.incoming(data)), LOG_LIMIT);
    },
  });

  function send() {
    const name = nameInput.value.trim();
    const text = messageInput.value.trim();
    if (!name) {
      nameInput.setAttribute('aria-invalid', 'true');
      errorLine.textContent = 'Enter a name first.';
      nameInput.focus();
      return;
    }
    nameInput.removeAttribute('aria-invalid');
    errorLine.textContent = '';
    if (!text) return;
    if (socket.send(wire.outgoing(name, text))) {
      rememberName(name);
      messageInput.value = '';
    } else {
      errorLine.textContent = 'Not connected: the message was not sent.';
    }
    messageInput.focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send();
  });
  messageInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  });
})();
