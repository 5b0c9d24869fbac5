// The operators' desk: live progress without reloading, and uploads that
// resume after a broken connection. Plain JavaScript; the page works
// without it (reload to update, the form to upload).
(function () {
  "use strict";
  var script = document.currentScript;
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var CHUNK = 4 * 1024 * 1024;

  function show(section, batch) {
    section.querySelectorAll("[data-field]").forEach(function (el) {
      var name = el.dataset.field;
      if (name === "state") {
        el.textContent = batch.finished ? script.dataset.done : script.dataset.working;
      } else if (name === "eta") {
        el.textContent = batch.eta_text;  // said in the visitor's language by the server
      } else if (name === "failures") {
        if (batch.failures.length && !el.querySelector("li")) { location.reload(); }
      } else if (el.tagName === "PROGRESS") {
        el.max = Math.max(batch.pages, 1);
        el.value = batch[name];
      } else if (name in batch) {
        el.textContent = batch[name] === null ? "—" : batch[name];
      }
    });
  }

  function poll() {
    fetch(script.dataset.status, {credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (status) {
        if (!status) { return; }
        status.batches.forEach(function (batch) {
          var section = document.getElementById("batch-" + batch.id);
          if (section) { show(section, batch); }
        });
      })
      .catch(function () {})
      .finally(function () { setTimeout(poll, 2000); });
  }

  function send(upload, file, from, line) {
    if (from >= file.size) { return Promise.resolve(); }
    var chunk = file.slice(from, Math.min(from + CHUNK, file.size));
    return fetch(script.dataset.uploads + "/" + upload + "?offset=" + from, {
      method: "PUT", body: chunk, credentials: "same-origin", headers: {"X-CSRFToken": csrf}
    }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok && r.status !== 409) { throw new Error(body.message || r.statusText); }
        line.textContent = file.name + ": " + Math.round(100 * body.received / Math.max(file.size, 1)) + "%";
        return body.done ? null : send(upload, file, body.received, line);
      });
    }, function () {
      // The connection broke: ask what arrived, and go on from there.
      return new Promise(function (wait) { setTimeout(wait, 1000); })
        .then(function () { return fetch(script.dataset.uploads + "/" + upload, {credentials: "same-origin"}); })
        .then(function (r) { return r.json(); })
        .then(function (body) { return send(upload, file, body.received, line); });
    });
  }

  function upload(form, files) {
    var list = form.querySelector(".uploads");
    Array.prototype.forEach.call(files, function (file) {
      var line = document.createElement("li");
      line.textContent = file.name + ": 0%";
      list.appendChild(line);
      fetch(script.dataset.uploads, {
        method: "POST", credentials: "same-origin",
        headers: {"Content-Type": "application/json", "X-CSRFToken": csrf},
        body: JSON.stringify({batch_id: form.dataset.batch, name: file.name, size: file.size})
      }).then(function (r) { return r.json(); })
        .then(function (started) { return send(started.id, file, 0, line); })
        .then(function () { line.textContent = file.name + ": ✓"; line.className = "ok"; },
              function (error) { line.textContent = file.name + ": " + error.message; line.className = "error"; });
    });
  }

  document.querySelectorAll("form.dropzone").forEach(function (form) {
    var input = form.querySelector('input[type="file"]');
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      upload(form, input.files);
      input.value = "";
    });
    form.addEventListener("dragover", function (event) { event.preventDefault(); form.classList.add("over"); });
    form.addEventListener("dragleave", function () { form.classList.remove("over"); });
    form.addEventListener("drop", function (event) {
      event.preventDefault();
      form.classList.remove("over");
      upload(form, event.dataTransfer.files);
    });
  });
  poll();
})();
