/*
 * A small time-series chart on a canvas, written for the status page: heap used and committed on the
 * left axis (MiB), thread count on the right axis, over a sliding window of time.
 */
'use strict';

class StatusChart {
  static ROWS = 4;
  static MIN_SPAN_MS = 60000;

  /**
   * @param canvas   the canvas to draw on; its CSS size decides the chart's size
   * @param windowMs how much history to show and keep
   */
  constructor(canvas, windowMs) {
    this.canvas = canvas;
    this.windowMs = windowMs;
    this.samples = []; // { at: ms since epoch (local clock), heapUsed, heapCommitted: bytes, threads }
    // A pause longer than this between samples (a reconnect, a suspended tab) breaks the lines, so the
    // chart never draws a straight line across time for which it had no data.
    this.gapMs = 5000;
    if (typeof ResizeObserver === 'function') {
      new ResizeObserver(() => this.draw()).observe(canvas);
    } else {
      window.addEventListener('resize', () => this.draw());
    }
  }

  add(sample) {
    this.samples.push(sample);
    const oldest = sample.at - this.windowMs;
    while (this.samples.length > 0 && this.samples[0].at < oldest) this.samples.shift();
    this.draw();
  }

  draw() {
    const canvas = this.canvas;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (width === 0 || height === 0) return;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);

    const colors = StatusChart.colors(canvas);
    const narrow = width < 420;
    const plot = { left: narrow ? 40 : 56, right: width - (narrow ? 32 : 44), top: 28, bottom: height - 26 };
    const samples = this.samples;
    const now = samples.length > 0 ? samples[samples.length - 1].at : Date.now();
    const span = this.visibleSpan(now);
    const start = now - span;

    const mib = 1024 * 1024;
    const heapTop = StatusChart.niceTop(Math.max(1, ...samples.map((s) => Math.max(s.heapUsed, s.heapCommitted) / mib)));
    const threadTop = StatusChart.niceTop(Math.max(4, ...samples.map((s) => s.threads)));

    const x = (at) => plot.left + ((at - start) / span) * (plot.right - plot.left);
    const yHeap = (bytes) => plot.bottom - (bytes / mib / heapTop) * (plot.bottom - plot.top);
    const yThreads = (n) => plot.bottom - (n / threadTop) * (plot.bottom - plot.top);

    this.drawGrid(ctx, plot, colors, heapTop, threadTop, span, narrow);

    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.left, plot.top - 2, plot.right - plot.left, plot.bottom - plot.top + 4);
    ctx.clip();
    this.drawSeries(ctx, (s) => x(s.at), (s) => yHeap(s.heapCommitted), colors.committed, [6, 4], 2);
    this.drawSeries(ctx, (s) => x(s.at), (s) => yHeap(s.heapUsed), colors.used, [], 2.5);
    this.drawSeries(ctx, (s) => x(s.at), (s) => yThreads(s.threads), colors.threads, [2, 3], 2.5);
    ctx.restore();

    canvas.dataset.samples = String(samples.length);
    canvas.setAttribute('aria-label', this.describe());
  }

  /**
   * How much time the x axis spans: the whole window once that much history exists; before that, the
   * history so far (at least a minute, in whole half minutes), so a young chart is not a stub at the edge.
   */
  visibleSpan(now) {
    if (this.samples.length === 0) return StatusChart.MIN_SPAN_MS;
    const history = now - this.samples[0].at;
    const halfMinutes = Math.ceil(history / 30000) * 30000;
    return Math.min(this.windowMs, Math.max(StatusChart.MIN_SPAN_MS, halfMinutes));
  }

  drawGrid(ctx, plot, colors, heapTop, threadTop, span, narrow) {
    const rows = StatusChart.ROWS;
    ctx.font = '12px system-ui, sans-serif';
    ctx.lineWidth = 1;
    ctx.setLineDash([]);
    for (let i = 0; i <= rows; i++) {
      const y = Math.round(plot.bottom - (i / rows) * (plot.bottom - plot.top)) + 0.5;
      ctx.strokeStyle = i === 0 ? colors.axis : colors.grid;
      ctx.beginPath();
      ctx.moveTo(plot.left, y);
      ctx.lineTo(plot.right, y);
      ctx.stroke();
      ctx.fillStyle = colors.axis;
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'right';
      ctx.fillText(StatusChart.label((heapTop * i) / rows), plot.left - 6, y);
      ctx.textAlign = 'left';
      ctx.fillText(StatusChart.label((threadTop * i) / rows), plot.right + 6, y);
    }
    // Vertical lines at round times before the newest sample, labelled with how long before.
    const step = span <= 60000 ? 15000 : span <= 150000 ? 30000 : 60000;
    const ticks = Math.floor(span / step);
    ctx.textBaseline = 'top';
    ctx.textAlign = 'center';
    for (let i = 0; i <= ticks; i++) {
      const ago = i * step;
      const xPos = Math.round(plot.right - (ago / span) * (plot.right - plot.left)) + 0.5;
      ctx.strokeStyle = colors.grid;
      ctx.beginPath();
      ctx.moveTo(xPos, plot.top);
      ctx.lineTo(xPos, plot.bottom);
      ctx.stroke();
      if (narrow && i % 2 === 1) continue;
      ctx.fillStyle = colors.axis;
      ctx.fillText(StatusChart.agoLabel(ago), xPos, plot.bottom + 6);
    }
    // The units, above the labels of each axis.
    ctx.textBaseline = 'top';
    ctx.fillStyle = colors.axis;
    ctx.textAlign = 'right';
    ctx.fillText('MiB', plot.left - 6, 4);
    ctx.fillText('threads', ctx.canvas.clientWidth - 2, 4);
  }

  /** Draws one series as a line, broken where samples are missing; a lone sample becomes a dot. */
  drawSeries(ctx, xOf, yOf, color, dash, lineWidth) {
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = lineWidth;
    ctx.lineJoin = 'round';
    ctx.setLineDash(dash);
    let run = [];
    const flush = () => {
      if (run.length === 1) {
        ctx.beginPath();
        ctx.arc(xOf(run[0]), yOf(run[0]), lineWidth + 1, 0, 2 * Math.PI);
        ctx.fill();
      } else if (run.length > 1) {
        ctx.beginPath();
        run.forEach((s, i) => (i === 0 ? ctx.moveTo(xOf(s), yOf(s)) : ctx.lineTo(xOf(s), yOf(s))));
        ctx.stroke();
      }
      run = [];
    };
    for (const s of this.samples) {
      if (run.length > 0 && s.at - run[run.length - 1].at > this.gapMs) flush();
      run.push(s);
    }
    flush();
    ctx.setLineDash([]);
  }

  /** A sentence for screen readers: the chart as words. */
  describe() {
    const samples = this.samples;
    if (samples.length === 0) return 'Chart of heap and threads: no data yet';
    const last = samples[samples.length - 1];
    const mib = (b) => (b / (1024 * 1024)).toFixed(1);
    const maxUsed = Math.max(...samples.map((s) => s.heapUsed));
    return 'Chart of the last ' + samples.length + ' samples: heap used now ' + mib(last.heapUsed) + ' MiB (peak '
      + mib(maxUsed) + ' MiB), committed ' + mib(last.heapCommitted) + ' MiB, ' + last.threads + ' threads';
  }

  /** Chart colours come from the page's CSS custom properties, so they follow light and dark themes. */
  static colors(canvas) {
    const style = getComputedStyle(canvas);
    const read = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
    return {
      used: read('--chart-used', '#0b57d0'),
      committed: read('--chart-committed', '#7baaf7'),
      threads: read('--chart-threads', '#c5221f'),
      grid: read('--chart-grid', '#e3e6ea'),
      axis: read('--chart-axis', '#525a66'),
    };
  }

  /**
   * The top of an axis at or above a value, chosen so that each of the grid's rows spans a round
   * number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) and the labels stay short.
   */
  static niceTop(value) {
    const perRow = value / StatusChart.ROWS;
    const power = Math.pow(10, Math.floor(Math.log10(perRow)));
    const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= perRow) * power;
    return step * StatusChart.ROWS;
  }

  /** "now", "−45 s", "−2 min", "−1.5 min". */
  static agoLabel(ms) {
    if (ms === 0) return 'now';
    if (ms < 60000) return '−' + ms / 1000 + ' s';
    return '−' + ms / 60000 + ' min';
  }

  static label(value) {
    return String(Math.round(value * 100) / 100);
  }
}
