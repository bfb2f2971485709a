/* The status page: the server's figures, as they arrive every second, and a chart of the last minutes. */
'use strict';

(() => {
  const WINDOW_MS = 5 * 60 * 1000;
  const MIB = 1024 * 1024;
  const chart = new StatusChart(document.getElementById('chart'), WINDOW_MS);
  const figures = document.getElementById('figures');
  const showState = Tether.showStateIn(document.getElementById('connection'));

  /**
   * The server's JSON, read into the names this page uses: the one place that knows the wire format of
   * /ws-status (dev.tether.examples.StatusJson). A missing field shows as a dash.
   */
  function readStatus(json) {
    return {
      uptimeMs: json.uptimeMillis,
      heapUsed: json.heapUsedBytes,
      heapCommitted: json.heapCommittedBytes,
      heapMax: json.heapMaxBytes,
      threads: json.threadCount,
      gcCount: json.gcCount,
      gcTimeMs: json.gcTimeMillis,
      connections: json.openWebSockets,
      receivedPerSecond: json.messagesReceivedPerSecond,
      sentPerSecond: json.messagesSentPerSecond,
      timestamp: json.timestamp,
    };
  }

  const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);

  function formatBytes(bytes) {
    if (!isNumber(bytes) || bytes < 0) return '–'; // the JVM reports -1 for an undefined maximum
    return bytes >= 1024 * MIB ? (bytes / (1024 * MIB)).toFixed(2) + ' GiB' : (bytes / MIB).toFixed(1) + ' MiB';
  }

  function formatDuration(ms) {
    if (!isNumber(ms)) return '–';
    let seconds = Math.floor(ms / 1000);
    const days = Math.floor(seconds / 86400);
    seconds -= days * 86400;
    const hours = Math.floor(seconds / 3600);
    seconds -= hours * 3600;
    const minutes = Math.floor(seconds / 60);
    seconds -= minutes * 60;
    const parts = [];
    if (days) parts.push(days + ' d');
    if (days || hours) parts.push(hours + ' h');
    if (days || hours || minutes) parts.push(minutes + ' min');
    parts.push(seconds + ' s');
    return parts.join(' ');
  }

  function formatCount(n) {
    return isNumber(n) ? n.toLocaleString() : '–';
  }

  function formatMillis(ms) {
    if (!isNumber(ms)) return '–';
    return ms < 10000 ? ms.toLocaleString() + ' ms' : (ms / 1000).toFixed(1) + ' s';
  }

  function formatRate(perSecond) {
    return isNumber(perSecond) ? perSecond.toFixed(perSecond < 10 ? 1 : 0) : '–';
  }

  function formatTimestamp(value) {
    const date = typeof value === 'string' || isNumber(value) ? new Date(value) : null;
    return date && !Number.isNaN(date.getTime()) ? Tether.timeOfDay(date) : '–';
  }

  function set(id, text) {
    const element = document.getElementById(id);
    if (element.textContent !== text) element.textContent = text;
  }

  function show(status) {
    set('uptime', formatDuration(status.uptimeMs));
    set('heap-used', formatBytes(status.heapUsed));
    set('heap-committed', formatBytes(status.heapCommitted));
    set('heap-max', formatBytes(status.heapMax));
    set('threads', formatCount(status.threads));
    set('gc-count', formatCount(status.gcCount));
    set('gc-time', formatMillis(status.gcTimeMs));
    set('connections', formatCount(status.connections));
    set('received-per-second', formatRate(status.receivedPerSecond));
    set('sent-per-second', formatRate(status.sentPerSecond));
    set('server-time', formatTimestamp(status.timestamp));
    figures.dataset.updates = String(Number(figures.dataset.updates) + 1);
  }

  new Tether.ReconnectingSocket(Tether.wsUrl('ws-status'), {
    onState: showState,
    onMessage(data) {
      if (typeof data !== 'string') return;
      let status;
      try {
        status = readStatus(JSON.parse(data));
      } catch (e) {
        console.warn('status: not JSON', e);
        return;
      }
      show(status);
      if (isNumber(status.heapUsed) && isNumber(status.heapCommitted) && isNumber(status.threads)) {
        // Placed on the local clock: the server's may differ, and the chart only needs spacing.
        chart.add({ at: Date.now(), heapUsed: status.heapUsed, heapCommitted: status.heapCommitted, threads: status.threads });
      }
    },
  });
})();
