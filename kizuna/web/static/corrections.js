// Merge corrections from an event page: "take out" a citation (POST /api/unmerge) or
// merge a nearly-same event into this one (POST /api/merge, one call per article event
// it holds). Progressive enhancement: without this script, or without a token, the
// buttons stay hidden and disabled and the page reads as it always did.
//
// The write token is kept in this tab's sessionStorage only: never a cookie (the API
// takes none) and never a URL. Every text shown comes from the page (translated on the
// server) or from the API's JSON, and is set as text, never as HTML.
"use strict";

(function () {
  const TOKEN_KEY = "kizuna-write-token";
  const FLASH_KEY = "kizuna-correction-done";

  const panel = document.querySelector("section.corrections");
  if (!panel) {
    return;
  }
  const message = panel.querySelector(".correction-message");
  const input = panel.querySelector("input.token");
  const buttons = () => Array.from(document.querySelectorAll("button.correction"));

  function storedToken() {
    try {
      return window.sessionStorage.getItem(TOKEN_KEY) || "";
    } catch (e) {
      return "";  // storage refused (a private mode): no token, no buttons
    }
  }

  function setToken(token) {
    try {
      if (token) {
        window.sessionStorage.setItem(TOKEN_KEY, token);
      } else {
        window.sessionStorage.removeItem(TOKEN_KEY);
      }
    } catch (e) {
      // nothing kept: the buttons follow storedToken(), so they stay off
    }
    showButtons();
  }

  function showButtons(busy) {
    const usable = storedToken() !== "";
    for (const button of buttons()) {
      button.hidden = !usable;
      button.disabled = !usable || Boolean(busy);
    }
  }

  function say(text, kind, link) {
    message.textContent = text;
    message.className = "correction-message" + (kind ? " " + kind : "");
    if (link) {
      const a = document.createElement("a");
      a.href = "/events/" + encodeURIComponent(link);
      a.textContent = link;
      message.append(" ", a);
    }
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, name) =>
      Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole);
  }

  // What an API answer that is not 200 says, in the reader's language.
  function failure(status, error) {
    const lead = {401: panel.dataset.unauthorised, 400: panel.dataset.refused,
                  503: panel.dataset.busy}[status] || fill(panel.dataset.failed, {status});
    return error ? lead + " " + error : lead;
  }

  class Refused extends Error {
    constructor(text) {
      super(text);
      this.name = "Refused";
    }
  }

  async function post(path, body) {
    let response;
    try {
      response = await fetch(path, {
        method: "POST",
        headers: {"Content-Type": "application/json",
                  "Authorization": "Bearer " + storedToken()},
        body: JSON.stringify(body),
        credentials: "omit",
        cache: "no-store",
      });
    } catch (e) {
      throw new Refused(panel.dataset.unreachable);
    }
    let data = null;
    try {
      data = await response.json();
    } catch (e) {
      data = null;  // not JSON (a proxy's page): the status alone says what happened
    }
    if (!response.ok) {
      throw new Refused(failure(response.status, data && data.error));
    }
    return data;
  }

  function pageOf(mergedId) {
    return "/events/" + encodeURIComponent(mergedId) + window.location.search;
  }

  async function takeOut(button) {
    const answer = await post("/api/unmerge", {event: button.dataset.event});
    try {
      window.sessionStorage.setItem(FLASH_KEY, answer.merged_id);
    } catch (e) {
      // the reload simply shows no note
    }
    window.location.reload();
  }

  async function mergeIn(button) {
    const members = button.dataset.members.split(" ").filter(Boolean);
    const into = button.dataset.into;
    let done = 0;
    let landed = into;
    try {
      for (const event of members) {
        landed = (await post("/api/merge", {event, into})).merged_id;
        done += 1;
      }
    } catch (e) {
      if (done > 0 && e instanceof Refused) {
        throw new Refused(e.message + " " +
                          fill(panel.dataset.partly, {done, total: members.length}));
      }
      throw e;
    }
    window.location.assign(pageOf(landed));
  }

  async function correct(button, action) {
    if (button.disabled || storedToken() === "") {
      return;  // a click sent by script reaches a disabled button too: do nothing
    }
    showButtons(true);
    say(panel.dataset.working, "working");
    try {
      await action(button);
    } catch (e) {
      say(e instanceof Refused ? e.message : String(e), "error");
      message.scrollIntoView({block: "nearest"});  // the button may be far above it
      showButtons(false);
    }
  }

  panel.querySelector("form.token-form").addEventListener("submit", (event) => {
    event.preventDefault();  // never submitted: the token goes nowhere but storage
    const token = input.value.trim();
    input.value = "";
    setToken(token);
    if (token) {
      say(panel.dataset.tokenKept, "ok");
    }
  });
  panel.querySelector("button.forget-token").addEventListener("click", () => {
    input.value = "";
    setToken("");
    say("", "");
  });
  for (const button of buttons()) {
    const action = button.classList.contains("take-out") ? takeOut : mergeIn;
    button.addEventListener("click", () => correct(button, action));
  }

  panel.hidden = false;
  showButtons(false);
  let flashed = null;
  try {
    flashed = window.sessionStorage.getItem(FLASH_KEY);
    window.sessionStorage.removeItem(FLASH_KEY);
  } catch (e) {
    flashed = null;
  }
  if (flashed) {
    say(panel.dataset.takenOut, "ok", flashed);
  }
})();
