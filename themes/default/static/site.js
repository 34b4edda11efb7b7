// Enhancements only: every page is complete without this script.
(function () {
  "use strict";
  // Lower case without diacritics, "đ" as "d", as in the prebuilt index: "cai cach"
  // finds "cải cách".
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }

  // Documents list: search box and filters by kind and year.
  var form = document.querySelector("form.filters");
  var list = document.getElementById("danh-sach");
  if (form && list) {
    form.hidden = false;
    var items = Array.prototype.slice.call(list.children);
    var count = form.querySelector(".count");
    var apply = function () {
      var words = fold(form.q.value).split(/\s+/).filter(Boolean);
      var kind = form.kind.value;
      var year = form.year.value;
      var shown = 0;
      items.forEach(function (li) {
        var text = li.getAttribute("data-text");
        var ok = (!kind || li.getAttribute("data-kind") === kind) &&
          (!year || li.getAttribute("data-year") === year) &&
          words.every(function (w) { return text.indexOf(w) >= 0; });
        li.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = shown + " / " + items.length + " văn bản";
    };
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }

  // The plan's assignment table: filter by lĩnh vực and by official.
  Array.prototype.forEach.call(document.querySelectorAll("table.phan-cong"), function (table) {
    var areas = Array.prototype.slice.call(table.tBodies);
    var staff = {};
    areas.forEach(function (tb) {
      Array.prototype.forEach.call(tb.rows, function (tr) {
        (tr.getAttribute("data-staff") || "").split("|").filter(Boolean).forEach(function (s) { staff[s] = true; });
      });
    });
    var box = document.createElement("div");
    box.className = "filters";
    var areaSel = document.createElement("select");
    var staffSel = document.createElement("select");
    areaSel.innerHTML = "<option value=''>Tất cả lĩnh vực</option>";
    areas.forEach(function (tb, i) {
      var o = document.createElement("option");
      o.value = String(i);
      o.textContent = tb.rows[0].textContent.trim();
      areaSel.appendChild(o);
    });
    staffSel.innerHTML = "<option value=''>Tất cả cán bộ, công chức</option>";
    Object.keys(staff).sort().forEach(function (s) {
      var o = document.createElement("option");
      o.value = s;
      o.textContent = s;
      staffSel.appendChild(o);
    });
    var label = function (text, control) {
      var l = document.createElement("label");
      l.textContent = text + " ";
      l.appendChild(control);
      return l;
    };
    box.appendChild(label("Lĩnh vực", areaSel));
    box.appendChild(label("Người tham mưu", staffSel));
    var region = table.closest(".table-scroll") || table;
    region.parentNode.insertBefore(box, region);
    var apply = function () {
      areas.forEach(function (tb, i) {
        tb.hidden = areaSel.value !== "" && areaSel.value !== String(i);
        Array.prototype.forEach.call(tb.rows, function (tr, j) {
          if (j === 0) return;
          var who = (tr.getAttribute("data-staff") || "").split("|");
          tr.hidden = staffSel.value !== "" && who.indexOf(staffSel.value) < 0;
        });
      });
    };
    areaSel.addEventListener("change", apply);
    staffSel.addEventListener("change", apply);
  });
})();
