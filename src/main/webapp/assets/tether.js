/*
 * Shared code of the Tether demo pages: where the server is, and a WebSocket that shows its state
 * and reconnects after a drop. Plain JavaScript, no build step, no external resources.
 */
'use strict';

const Tether = (() => {
  // This script lives at <context root>/assets/tether.js, so its own address tells us the context
  // root whatever page loaded it and however deep that page sits: the pages then work under any
  // context path, behind TLS and behind proxies that keep the path.
  const appRoot = new URL('../', document.currentScript.src);

  /** The ws:// or wss:// address of an endpoint of this application, e.g. wsUrl('ws-echo'). */
  function wsUrl(endpoint) {
    return wsUrlFrom(appRoot, endpoint);
  }

  /** The WebSocket address of an endpoint relative to an http(s) base: wss:// where the base is https://. */
  function wsUrlFrom(base, endpoint) {
    const url = new URL(endpoint, base);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.hash = '';
    return url.href;
  }

  /** Whether a string is an absolute ws:// or wss:// address. */
  function isWebSocketUrl(text) {
    try {
      const url = new URL(text);
      return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.host !== '';
    } catch (e) {
      return false;
    }
  }

  const FIRST_DELAY_MS = 1000;
  const MAX_DELAY_MS = 10000;
  // A connection that lasted this long was a real one: the next drop starts the waits again at 1 s. One
  // that a server closes at once (overloaded, refusing us) keeps the waits growing instead of hammering it.
  const STABLE_MS = 5000;

  /**
   * A WebSocket that reconnects after every drop, waiting 1 s, then 2, 4, 8 and at most 10 s between
   * attempts; the wait starts again at 1 s after a connection that stayed open a while. Listeners:
   *   onState({state, url, code, reason, retryDelayMs, retryInMs})  state: 'connecting' | 'open' | 'closed'
   *   onMessage(data)   a string, or an ArrayBuffer for a binary message
   *   onOpen()
   */
  class ReconnectingSocket {
    constructor(url, listeners) {
      this.url = url;
      this.listeners = listeners || {};
      this.socket = null;
      this.delayMs = FIRST_DELAY_MS;
      this.retryTimer = null;
      this.countdownTimer = null;
      this.openedAt = 0;
      this.stopped = false;
      this.connect();
    }

    /** Closes the current connection (if any) and connects to another address. */
    connectTo(url) {
      this.url = url;
      this.delayMs = FIRST_DELAY_MS;
      this.stopped = false;
      this.dropCurrent();
      this.connect();
    }

    /** Sends a text message; false when the connection is not open. */
    send(text) {
      if (!this.isOpen()) return false;
      this.socket.send(text);
      return true;
    }

    isOpen() {
      return this.socket !== null && this.socket.readyState === WebSocket.OPEN;
    }

    connect() {
      this.clearTimers();
      this.emitState({ state: 'connecting' });
      let socket;
      try {
        socket = new WebSocket(this.url);
      } catch (e) {
        // A malformed address: no point retrying it.
        this.stopped = true;
        this.emitState({ state: 'closed', code: 0, reason: e.message });
        return;
      }
      socket.binaryType = 'arraybuffer';
      this.socket = socket;
      socket.addEventListener('open', () => {
        if (socket !== this.socket) return;
        this.openedAt = Date.now();
        this.emitState({ state: 'open' });
        if (this.listeners.onOpen) this.listeners.onOpen();
      });
      socket.addEventListener('message', (event) => {
        if (socket !== this.socket) return;
        if (this.listeners.onMessage) this.listeners.onMessage(event.data);
      });
      socket.addEventListener('close', (event) => {
        if (socket !== this.socket) return;
        this.socket = null;
        if (this.openedAt !== 0 && Date.now() - this.openedAt >= STABLE_MS) this.delayMs = FIRST_DELAY_MS;
        this.openedAt = 0;
        this.scheduleReconnect(event.code, event.reason);
      });
      // An 'error' event is always followed by 'close', which carries the code: nothing to do here.
    }

    scheduleReconnect(code, reason) {
      if (this.stopped) {
        this.emitState({ state: 'closed', code, reason });
        return;
      }
      const delay = this.delayMs;
      this.delayMs = Math.min(this.delayMs * 2, MAX_DELAY_MS);
      const due = Date.now() + delay;
      const tick = () => this.emitState({ state: 'closed', code, reason, retryDelayMs: delay, retryInMs: Math.max(0, due - Date.now()) });
      tick();
      this.countdownTimer = setInterval(tick, 1000);
      this.retryTimer = setTimeout(() => this.connect(), delay);
    }

    dropCurrent() {
      this.clearTimers();
      const old = this.socket;
      this.socket = null;
      if (old) old.close(1000, 'leaving');
    }

    clearTimers() {
      clearTimeout(this.retryTimer);
      clearInterval(this.countdownTimer);
      this.retryTimer = null;
      this.countdownTimer = null;
    }

    emitState(change) {
      if (this.listeners.onState) this.listeners.onState(Object.assign({ url: this.url }, change));
    }
  }

  /** Standard meanings of close codes, for people reading the connection state. */
  const CLOSE_CODE_NAMES = {
    1000: 'normal closure',
    1001: 'going away',
    1002: 'protocol error',
    1003: 'unsupported data',
    1005: 'no status received',
    1006: 'connection lost',
    1007: 'invalid data',
    1008: 'policy violation',
    1009: 'message too big',
    1010: 'extension required',
    1011: 'server error',
    1012: 'service restart',
    1013: 'try again later',
    1015: 'TLS handshake failed',
  };

  /** A sentence describing a connection state change, e.g. "Closed (code 1006, connection lost). Reconnecting…". */
  function describeState(change) {
    switch (change.state) {
      case 'connecting':
        return 'Connecting to ' + change.url + '…';
      case 'open':
        return 'Open: ' + change.url;
      default: {
        let text = 'Closed';
        if (change.code) {
          const name = CLOSE_CODE_NAMES[change.code];
          text += ' (code ' + change.code + (name ? ', ' + name : '') + ')';
        }
        if (change.reason) text += ': ' + change.reason;
        text += '.';
        if (change.retryInMs !== undefined) text += ' Reconnecting';
        return text;
      }
    }
  }

  /**
   * Shows a socket's state in an element: its text, and data-state (with data-close-code and
   * data-retry-delay, in ms, once closed) for styling and for tests. The element should be a live region (role="status"): its sentence
   * changes only when the state does, while the countdown to the next attempt ticks in a span hidden
   * from screen readers, so they announce each change once instead of every second.
   */
  function showStateIn(element) {
    const sentence = document.createElement('span');
    const countdown = document.createElement('span');
    countdown.setAttribute('aria-hidden', 'true');
    const line = document.createElement('span');
    line.append(sentence, countdown);
    element.replaceChildren(line);
    return (change) => {
      element.dataset.state = change.state;
      if (change.state === 'closed') {
        element.dataset.closeCode = String(change.code || '');
      } else {
        delete element.dataset.closeCode;
      }
      if (change.retryDelayMs !== undefined) {
        element.dataset.retryDelay = String(change.retryDelayMs);
      } else {
        delete element.dataset.retryDelay;
      }
      const text = describeState(change);
      if (sentence.textContent !== text) sentence.textContent = text;
      countdown.textContent = change.retryInMs === undefined ? '' : ' in ' + Math.ceil(change.retryInMs / 1000) + ' s…';
    };
  }

  /** "14:03:27", the local time of day of a Date. */
  function timeOfDay(date) {
    return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  }

  /**
   * Keeps a scrolling log at its newest entry while the reader is there: after each new entry and when
   * its size changes (a phone rotated, a window resized). Scrolling back to read older entries unpins
   * it, so the reader is never pulled away; scrolling to the end pins it again.
   */
  const pinned = new WeakMap();

  function follow(scroller) {
    if (pinned.has(scroller)) return;
    pinned.set(scroller, true);
    const toEnd = () => { scroller.scrollTop = scroller.scrollHeight; };
    scroller.addEventListener('scroll', () => {
      pinned.set(scroller, scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 4);
    }, { passive: true });
    if (typeof ResizeObserver === 'function') {
      new ResizeObserver(() => { if (pinned.get(scroller)) toEnd(); }).observe(scroller);
    }
  }

  /** Appends an entry to a log list, keeping at most `limit` entries, and follows it (see follow). */
  function appendToLog(list, item, limit) {
    const scroller = list.closest('.log') || list;
    follow(scroller);
    list.appendChild(item);
    while (list.children.length > limit) list.removeChild(list.firstElementChild);
    if (pinned.get(scroller)) scroller.scrollTop = scroller.scrollHeight;
  }

  return { appRoot, wsUrl, wsUrlFrom, isWebSocketUrl, ReconnectingSocket, describeState, showStateIn, timeOfDay, appendToLog };
})();
