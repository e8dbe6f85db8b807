// Sortable, filterable tables of the run report; no library, no network.
"use strict";

function cellValue(cell, numeric) {
  const raw = cell.dataset.v !== undefined ? cell.dataset.v : cell.textContent.trim();
  if (!numeric) return raw.toLowerCase();
  return raw === "" ? null : Number(raw);
}

function sortBy(table, index) {
  const header = table.tHead.rows[0].cells[index];
  const numeric = header.classList.contains("num");
  const ascending = header.getAttribute("aria-sort") !== "ascending";
  for (const th of table.tHead.rows[0].cells) th.removeAttribute("aria-sort");
  header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  rows.sort((a, b) => {
    const x = cellValue(a.cells[index], numeric);
    const y = cellValue(b.cells[index], numeric);
    if (x === y) return 0;
    if (x === null) return 1; // empty cells last, whatever the direction
    if (y === null) return -1;
    return (x < y ? -1 : 1) * (ascending ? 1 : -1);
  });
  for (const row of rows) body.appendChild(row);
}

// "supplier:USA recipient:MAR rafale": key:value must equal that column's cell, other words occur in the row
function applyFilter(table, query) {
  const keys = Array.from(table.tHead.rows[0].cells).map((th) => th.dataset.key || "");
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean).map((term) => {
    const colon = term.indexOf(":");
    const column = colon > 0 ? keys.indexOf(term.slice(0, colon)) : -1;
    return column >= 0 ? { column, value: term.slice(colon + 1) } : { column: -1, value: term };
  });
  let shown = 0;
  for (const row of table.tBodies[0].rows) {
    const text = row.textContent.toLowerCase();
    const keep = terms.every((t) =>
      t.column >= 0 ? row.cells[t.column].textContent.trim().toLowerCase() === t.value : text.includes(t.value)
    );
    row.classList.toggle("hidden", !keep);
    shown += keep ? 1 : 0;
  }
  const counter = document.querySelector(`[data-count-for="${table.id}"]`);
  if (counter) counter.textContent = `${shown} of ${table.tBodies[0].rows.length} rows`;
}

function setFilter(tableId, query) {
  const input = document.querySelector(`input[data-filter-for="${tableId}"]`);
  input.value = query;
  applyFilter(document.getElementById(tableId), query);
}

for (const table of document.querySelectorAll("table.sortable")) {
  Array.from(table.tHead.rows[0].cells).forEach((th, index) => th.addEventListener("click", () => sortBy(table, index)));
}
for (const input of document.querySelectorAll("input[data-filter-for]")) {
  const table = document.getElementById(input.dataset.filterFor);
  input.addEventListener("input", () => applyFilter(table, input.value));
  applyFilter(table, input.value);
}
for (const link of document.querySelectorAll("a[data-filter]")) {
  link.addEventListener("click", () => setFilter(link.dataset.table, link.dataset.filter));
}
// report.html#filter=supplier:USA%20recipient:MAR opens with the deal table filtered
if (location.hash.startsWith("#filter=")) {
  setFilter("deals-table", decodeURIComponent(location.hash.slice("#filter=".length)));
}
document.documentElement.dataset.ready = "true";
