/// The HTML page's inline style sheet and script: the page has no external assets, so it opens
/// the same from a file, a mail attachment or an air-gapped mirror.
enum HTMLPageAssets {
    static let style = """

        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f;
          margin: 0; padding: 1em 2em 3em; }
        h1 { font-size: 1.5em; margin: .8em 0 .5em; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .35em 1.5em; margin: 0 0 1.2em; }
        dt { font-weight: 600; }
        dd { margin: 0; }
        pre, .paragraph { white-space: pre-wrap; }
        pre { margin: 0; font: 12.5px/1.4 ui-monospace, "SF Mono", Menlo, Consolas, monospace; }
        .paragraph { display: block; }
        a { color: #0a58a8; }
        a:target, tr:target, :target { background: #fff1a8; }
        table { border-collapse: collapse; margin: .5em 0 2em; font-size: 13px; }
        th, td { border: 1px solid #d0d5dc; padding: .3em .55em; vertical-align: top; text-align: left; }
        td { overflow-wrap: break-word; }
        thead th { position: sticky; top: 0; background: #e9eef5; cursor: pointer; user-select: none; }
        thead th[aria-sort="ascending"]::after { content: " \\25B2"; }
        thead th[aria-sort="descending"]::after { content: " \\25BC"; }
        tbody tr:nth-child(even) { background: #f6f8fa; }
        td[align="center"], table.records td:nth-child(7), table.records td:nth-child(8) { white-space: nowrap; }
        td[align="center"] { text-align: center; }
        table.records td:nth-child(4), table.records td:nth-child(12) { min-width: 12em; }
        td p { margin: 0 0 .5em; }
        div.note + div.note { border-top: 1px dotted #b8bec7; margin-top: .4em; padding-top: .4em; }
        .filter { margin: 1em 0 .3em; }
        .filter input { font: inherit; padding: .25em .5em; width: 22em; }
        #shown { color: #5f6670; margin-left: .6em; }
        .js table.sortable > tbody { display: none; }
        .js table.sortable.ready > tbody { display: table-row-group; }
        .more { margin: -1.5em 0 2em; }
        tr.target { background: #fff1a8; }

        """

    /// Run in the head, before the body is parsed: with scripts on, the sortable tables' bodies
    /// are not laid out as they are read (`.js` hides them until the script below shows them a
    /// chunk at a time). Laying out the full registry's 15,000 rows took Chromium 5 to 8 s.
    static let headScript = "document.documentElement.classList.add(\"js\");"

    /// Shows the sortable tables a chunk of rows at a time (more as the reader scrolls, or all
    /// at a button), sorts them by the column whose header is clicked (again: the other way),
    /// and filters the records by what is typed in the box. Written without `<` and `&`, so
    /// that it reads the same as XML and as HTML.
    static let script = """
        (function () {
          "use strict";
          // The records table has about 15,000 rows: laying them all out takes a browser seconds, so
          // the page shows them a chunk at a time (more as you scroll), and sorting and filtering work
          // on the rows held in memory, not on the document.
          var chunk = 100;
          function text(cell) { return cell ? cell.textContent.trim() : ""; }
          function compare(a, b) { return a === b ? 0 : (a > b ? 1 : -1); }
          // A port cell, "N" or "N-M", as its first and last port; null when it holds neither.
          function ports(cell) {
            var match = /^(\\d+)(?:-(\\d+))?$/.exec(text(cell));
            return match ? [parseInt(match[1], 10), parseInt(match[2] || match[1], 10)] : null;
          }
          function View(table) {
            var view = this;
            view.table = table;
            view.body = table.tBodies[0];
            view.rows = Array.prototype.slice.call(view.body.rows);
            view.index = new Map(view.rows.map(function (row, i) { return [row, i]; }));
            view.sorted = view.rows;
            view.accept = null;
            view.order = view.rows;
            view.shown = 0;
            view.keys = {};
            view.more = document.createElement("p");
            view.more.className = "more";
            var all = document.createElement("button");
            all.type = "button";
            view.more.appendChild(all);
            all.addEventListener("click", function () { view.render(view.order.length); });
            view.all = all;
            table.parentNode.insertBefore(view.more, table.nextSibling);
            view.body.textContent = "";
            table.classList.add("ready");
            new IntersectionObserver(function (entries) {
              if (entries[0].isIntersecting) view.render(view.shown + chunk);
            }, { rootMargin: "600px" }).observe(view.more);
          }
          // Shows the first `count` rows of the current order, adding to what is shown.
          View.prototype.render = function (count) {
            var end = Math.min(count, this.order.length);
            if (this.shown > end) { this.body.textContent = ""; this.shown = 0; }
            var fragment = document.createDocumentFragment();
            for (var i = this.shown; end > i; i += 1) fragment.appendChild(this.order[i]);
            this.body.appendChild(fragment);
            this.shown = end;
            var rest = this.order.length - end;
            this.more.hidden = rest === 0;
            this.all.textContent = "Show all " + this.order.length + " rows (" + rest + " more)";
          };
          // Shows the rows the filter accepts, in the sorted order, from the top.
          View.prototype.update = function () {
            var view = this;
            view.order = view.accept ? view.sorted.filter(function (row) { return view.accept(view.index.get(row)); }) : view.sorted;
            view.body.textContent = "";
            view.shown = 0;
            view.render(chunk);
          };
          // Sort keys of one column, made on the first sort by it. Empty cells sort last both ways,
          // so a sort by name shows named services first, not thousands of Reserved rows.
          View.prototype.key = function (column, numeric) {
            if (!this.keys[column]) {
              this.keys[column] = this.rows.map(function (row) {
                if (numeric) {
                  var range = ports(row.cells[column]);
                  return range ? range[0] : null;
                }
                var value = text(row.cells[column]).toLowerCase();
                return value === "" ? null : value;
              });
            }
            return this.keys[column];
          };
          View.prototype.sort = function (column, numeric, direction) {
            var keys = this.key(column, numeric), index = this.index;
            this.sorted = this.rows.slice().sort(function (a, b) {
              var i = index.get(a), j = index.get(b), x = keys[i], y = keys[j];
              if (x === null || y === null) return x === y ? i - j : (x === null ? 1 : -1);
              return direction * compare(x, y) || i - j;
            });
            this.update();
          };
          // Shows the row holding the element with this id (a person's anchor), rendering up to it.
          View.prototype.reveal = function (id) {
            for (var i = 0; this.order.length > i; i += 1) {
              if (this.order[i].querySelector("[id='" + id.replace(/'/g, "") + "']")) {
                this.render(Math.max(this.shown, i + 1));
                this.order[i].classList.add("target");
                this.order[i].scrollIntoView();
                return true;
              }
            }
            return false;
          };
          var views = [];
          Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
            if (!table.tBodies[0]) return;
            var view = new View(table);
            views.push(view);
            var headers = table.querySelectorAll("thead th");
            Array.prototype.forEach.call(headers, function (header, column) {
              header.tabIndex = 0;
              header.title = "Sort by " + header.textContent;
              function sort() {
                var direction = header.getAttribute("aria-sort") === "ascending" ? -1 : 1;
                Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
                header.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
                view.sort(column, header.classList.contains("sortNumeric"), direction);
              }
              header.addEventListener("click", sort);
              header.addEventListener("keydown", function (event) { if (event.key === "Enter") sort(); });
            });
            view.render(chunk);
          });
          function revealTarget() {
            var id = decodeURIComponent(location.hash.slice(1));
            if (id === "" || document.getElementById(id)) return;
            views.some(function (view) { return view.reveal(id); });
          }
          window.addEventListener("hashchange", revealTarget);
          revealTarget();

          // The filter: every word must match. A number matches the records whose port or range holds
          // it ("4250" finds vrml-multi-use 4200-4299), "N/protocol" also the protocol; other words
          // match anywhere in the row's text.
          var filter = document.getElementById("filter");
          var records = document.querySelector("table.records");
          var view = views.filter(function (candidate) { return candidate.table === records; })[0];
          if (!filter || !view) return;
          filter.parentNode.hidden = false;
          var shown = document.getElementById("shown");
          var texts = null, ranges = null, protocols = null;
          function matcher(word) {
            var port = /^(\\d+)(?:\\/([a-z]+))?$/.exec(word);
            if (!port) return function (i) { return texts[i].indexOf(word) !== -1; };
            var number = parseInt(port[1], 10), protocol = port[2];
            return function (i) {
              var range = ranges[i];
              if (!range || number > range[1] || range[0] > number) return false;
              return !protocol || protocols[i] === protocol;
            };
          }
          function apply() {
            var words = filter.value.toLowerCase().split(/\\s+/).filter(Boolean);
            if (words.length) {
              if (!texts) {
                texts = view.rows.map(function (row) { return row.textContent.toLowerCase(); });
                ranges = view.rows.map(function (row) { return ports(row.cells[1]); });
                protocols = view.rows.map(function (row) { return text(row.cells[2]).toLowerCase(); });
              }
            }
            var tests = words.map(matcher);
            view.accept = tests.length ? function (i) { return tests.every(function (test) { return test(i); }); } : null;
            view.update();
            shown.textContent = view.order.length + " of " + view.rows.length + " records";
          }
          var timer = null;
          filter.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 120); });
          shown.textContent = view.rows.length + " records";
        })();

        """
}
