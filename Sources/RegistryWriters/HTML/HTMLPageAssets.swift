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

        """

    /// Sorts a table by the column whose header is clicked (again: the other way), and filters
    /// the records by words typed in the box. Written without `<` and `&`, so that it reads the
    /// same as XML and as HTML.
    static let script = """
        (function () {
          "use strict";
          function key(cell, numeric) {
            var text = cell ? cell.textContent.trim() : "";
            if (!numeric) return text.toLowerCase();
            var number = parseInt(text, 10);
            return isNaN(number) ? Infinity : number;
          }
          function compare(a, b) { return a === b ? 0 : (a > b ? 1 : -1); }
          Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
            var body = table.tBodies[0];
            if (!body) return;
            var headers = table.querySelectorAll("thead th");
            Array.prototype.forEach.call(headers, function (header, column) {
              header.tabIndex = 0;
              header.title = "Sort by " + header.textContent;
              function sort() {
                var numeric = header.classList.contains("sortNumeric");
                var direction = header.getAttribute("aria-sort") === "ascending" ? -1 : 1;
                Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
                header.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
                var rows = Array.prototype.map.call(body.rows, function (row, index) {
                  return { row: row, key: key(row.cells[column], numeric), index: index };
                });
                rows.sort(function (a, b) { return direction * compare(a.key, b.key) || a.index - b.index; });
                var fragment = document.createDocumentFragment();
                rows.forEach(function (entry) { fragment.appendChild(entry.row); });
                body.appendChild(fragment);
              }
              header.addEventListener("click", sort);
              header.addEventListener("keydown", function (event) { if (event.key === "Enter") sort(); });
            });
          });
          var filter = document.getElementById("filter");
          var records = document.querySelector("table.records");
          if (!filter || !records || !records.tBodies[0]) return;
          filter.parentNode.hidden = false;
          var shown = document.getElementById("shown");
          var rows = Array.prototype.slice.call(records.tBodies[0].rows);
          var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
          var timer = null;
          function apply() {
            var words = filter.value.toLowerCase().split(/\\s+/).filter(Boolean);
            var count = 0;
            rows.forEach(function (row, index) {
              var match = words.every(function (word) { return texts[index].indexOf(word) !== -1; });
              row.hidden = !match;
              if (match) count += 1;
            });
            shown.textContent = count + " of " + rows.length + " records";
          }
          filter.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
          apply();
        })();

        """
}
