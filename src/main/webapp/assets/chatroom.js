/*
 * The chatroom page: a name, a message box, and the conversation with joins and leaves.
 *
 * The wire format is dev.tether.examples.ChatHandler's: the name goes in the connection address
 * (/ws-chatroom?name=alice; without one the room names you guest-N), each text message sent is one chat
 * line, and the room sends JSON events, each with type and time (epoch milliseconds):
 *   {"type":"message","name":"alice","text":"hello","time":…}
 *   {"type":"join","name":"alice","online":3,"time":…}     the first one after connecting is your own
 *   {"type":"leave","name":"alice","online":2,"time":…}
 *   {"type":"notice","text":"…","time":…}                  posted by server-side code (the moderator)
 * Names and texts are whatever people typed: they are only ever shown as text.
 */
'use strict';

(() => {
  const LOG_LIMIT = 500;
  const NAME_KEY = 'tether.chatroom.name';
  const nameForm = document.getElementById('name-form');
  const nameInput = document.getElementById('name');
  const nameError = document.getElementById('name-error');
  const chatForm = document.getElementById('chat-form');
  const messageInput = document.getElementById('message');
  const sendButton = document.getElementById('send');
  const chatError = document.getElementById('chat-error');
  const conversation = document.getElementById('conversation');
  const online = document.getElementById('online');
  const showState = Tether.showStateIn(document.getElementById('connection'));

  function storedName() {
    try {
      return localStorage.getItem(NAME_KEY) || '';
    } catch (e) {
      return ''; // storage may be disabled: the room gives a guest name
    }
  }

  function rememberName(name) {
    try {
      localStorage.setItem(NAME_KEY, name);
    } catch (e) {
      // not remembered: harmless
    }
  }

  function roomUrl(name) {
    const url = new URL(Tether.wsUrl('ws-chatroom'));
    if (name) url.searchParams.set('name', name);
    return url.href;
  }

  /** The name the room knows us by: learned from our own join, which is the first after connecting. */
  let myName = null;
  let awaitingOwnJoin = false;
  let wasOpen = false;

  function readEvent(data) {
    try {
      const event = JSON.parse(data);
      if (event !== null && typeof event === 'object' && typeof event.type === 'string') return event;
    } catch (e) {
      // fall through: shown as it came
    }
    return { type: 'unknown', text: String(data) };
  }

  function span(className, text) {
    const element = document.createElement('span');
    element.className = className;
    element.textContent = text;
    return element;
  }

  function timeOf(event) {
    const time = typeof event.time === 'number' ? new Date(event.time) : new Date();
    return Tether.timeOfDay(Number.isNaN(time.getTime()) ? new Date() : time);
  }

  function onlineText(count) {
    return typeof count === 'number' ? ' · ' + count + ' online' : '';
  }

  /** One entry of the conversation for an event of the room (or a note of this page). */
  function entry(event, own) {
    const item = document.createElement('li');
    item.dataset.kind = event.type;
    item.append(span('meta', timeOf(event)));
    switch (event.type) {
      case 'message':
        item.className = own ? 'message own' : 'message';
        item.append(span('who', event.name + ':'), span('text', event.text));
        break;
      case 'join':
        item.className = 'system';
        item.append(span('text', (own ? 'You joined as ' + event.name : event.name + ' joined') + onlineText(event.online)));
        break;
      case 'leave':
        item.className = 'system';
        item.append(span('text', event.name + ' left' + onlineText(event.online)));
        break;
      case 'notice':
        item.className = 'moderator';
        item.append(span('who', 'Moderator:'), span('text', event.text));
        break;
      case 'note': // said by this page, not by the room
        item.className = 'system';
        item.append(span('text', event.text));
        break;
      default:
        item.className = 'message';
        item.append(span('text', event.text || ''));
    }
    return item;
  }

  function append(event, own) {
    Tether.appendToLog(conversation, entry(event, own), LOG_LIMIT);
  }

  function receive(data) {
    const event = readEvent(data);
    let own = false;
    if (event.type === 'join' && awaitingOwnJoin) {
      awaitingOwnJoin = false;
      own = true;
      myName = event.name;
      // The room may have trimmed the name, or given a guest name: show the one it uses.
      if (document.activeElement !== nameInput) nameInput.value = myName;
    } else if (event.type === 'message') {
      own = event.name === myName;
    }
    if (typeof event.online === 'number') online.textContent = event.online + ' online';
    append(event, own);
  }

  nameInput.value = storedName();
  const socket = new Tether.ReconnectingSocket(roomUrl(nameInput.value.trim()), {
    onState(change) {
      showState(change);
      sendButton.disabled = change.state !== 'open';
      if (change.state !== 'open') online.textContent = '';
      if (change.state === 'closed' && wasOpen) {
        wasOpen = false;
        append({ type: 'note', text: 'Disconnected: messages sent meanwhile will not show here.' });
      }
    },
    onOpen() {
      wasOpen = true;
      awaitingOwnJoin = true;
    },
    onMessage(data) {
      if (typeof data === 'string') receive(data);
    },
  });

  nameForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = nameInput.value.trim();
    if (!name) {
      nameInput.setAttribute('aria-invalid', 'true');
      nameError.textContent = 'Enter a name.';
      nameInput.focus();
      return;
    }
    nameInput.removeAttribute('aria-invalid');
    nameError.textContent = '';
    rememberName(name);
    if (name !== myName || !socket.isOpen()) {
      wasOpen = false; // leaving on purpose: no "disconnected" note
      socket.connectTo(roomUrl(name));
    }
  });

  function send() {
    const text = messageInput.value.trim();
    if (!text) return;
    if (socket.send(text)) {
      messageInput.value = '';
      chatError.textContent = '';
    } else {
      chatError.textContent = 'Not connected: the message was not sent.';
    }
    messageInput.focus();
  }

  chatForm.addEventListener('submit', (event) => {
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
