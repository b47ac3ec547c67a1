// The calendar's now-line: a line across today's columns at the studio's current wall-clock time, moved every
// minute. The server marks the current row (th.is-now) for browsers without JavaScript; this only refines it.
// Positions are set through the CSSOM, which the CSP (style-src 'self') allows, unlike style attributes.
(function () {
  'use strict';

  function studioNow(zone) {
    var parts = {};
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(new Date()).forEach(function (p) { parts[p.type] = p.value; });
    return { date: parts.year + '-' + parts.month + '-' + parts.day, minute: (+parts.hour * 60) + +parts.minute };
  }

  function place(table) {
    var line = table.parentElement.querySelector('.cal-now-line');
    if (!line) {
      return;
    }

    var now = studioNow(table.dataset.zone);
    var heads = Array.prototype.filter.call(table.tHead.rows[0].cells, function (th) { return th.dataset.date === now.date; });
    var offset = now.minute - +table.dataset.firstMinute;
    var rows = table.tBodies[0].rows;
    var row = rows[Math.floor(offset / 15)];
    if (heads.length === 0 || offset < 0 || !row) {
      line.hidden = true;
      return;
    }

    var left = heads[0].offsetLeft;
    var last = heads[heads.length - 1];
    line.style.left = left + 'px';
    line.style.width = (last.offsetLeft + last.offsetWidth - left) + 'px';
    line.style.top = (table.offsetTop + row.offsetTop + (row.offsetHeight * (offset % 15) / 15)) + 'px';
    line.hidden = false;
  }

  function placeAll(scroll) {
    document.querySelectorAll('table.cal-grid[data-zone]').forEach(function (table) {
      place(table);
      var line = table.parentElement.querySelector('.cal-now-line');
      if (scroll && line && !line.hidden) {
        var box = table.parentElement;
        box.scrollTop = Math.max(0, line.offsetTop - (box.clientHeight / 3));
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () { placeAll(true); });
  document.addEventListener('htmx:after:swap', function () { placeAll(true); });
  window.addEventListener('resize', function () { placeAll(false); });
  window.setInterval(function () { placeAll(false); }, 30000);
})();
