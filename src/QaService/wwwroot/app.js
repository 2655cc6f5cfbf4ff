// The QaService chat page. Everything that comes from the server (answers, citations, documents) is put on the
// page as text (textContent / text nodes), never parsed as HTML.
"use strict";

(() => {
  const storageKey = "qaservice.chat";
  const byId = (id) => document.getElementById(id);
  const ui = {
    title: byId("document-title"),
    welcomeHeading: byId("welcome-heading"),
    welcomeText: byId("welcome-text"),
    newChat: byId("new-chat"),
    welcome: byId("welcome"),
    suggestions: byId("suggestions"),
    suggestionList: byId("suggestion-list"),
    messages: byId("messages"),
    form: byId("composer"),
    question: byId("question"),
    send: byId("send"),
    panel: byId("article-panel"),
    articleHeading: byId("article-heading"),
    articleBody: byId("article-body"),
    closeArticle: byId("close-article"),
    userTemplate: byId("user-message"),
    answerTemplate: byId("answer-message"),
  };

  const documents = new Map();
  let state = loadState();
  let inFlight = null;
  // With the default settings no answer is silent for more than about two and a half minutes (a wait for the index,
  // then a minute each for the model's rewriting of a follow-up and for its answer); past this, the connection is
  // taken for dead and the question given back.
  const silenceLimitMs = 300_000;
  let openedFrom = null;

  // ---- conversation state, kept per browser tab ----

  function loadState() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(storageKey) ?? "null");
      if (saved && Array.isArray(saved.turns)) {
        return saved;
      }
    } catch {
      // A damaged entry starts a fresh conversation.
    }
    return { conversationId: null, turns: [] };
  }

  function saveState() {
    sessionStorage.setItem(storageKey, JSON.stringify(state));
  }

  // ---- asking ----

  async function ask(text) {
    const question = text.trim();
    if (!question || inFlight) {
      return;
    }

    ui.welcome.hidden = true;
    appendUserMessage(question);
    const answer = appendAnswerMessage();
    const controller = new AbortController();
    inFlight = controller;
    setBusy(true);
    let answering = false;
    const silence = watchForSilence(controller);

    try {
      const body = { question };
      if (state.conversationId) {
        body.conversationId = state.conversationId;
      }
      const response = await fetch("/api/chat/stream", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      if (!response.ok) {
        throw new Error(await problemText(response));
      }
      answering = true;
      silence.touch();

      let reply = null;
      for await (const event of readServerSentEvents(response.body)) {
        silence.touch();
        const data = JSON.parse(event.data);
        if (event.type === "citations") {
          answer.showCitations(data, false);
        } else if (event.type === "delta") {
          answer.appendText(data.text);
        } else if (event.type === "reset") {
          answer.reset(data.reason);
        } else if (event.type === "done") {
          reply = data;
          answer.complete(reply, state.turns.length > 0);
        }
      }
      if (!reply) {
        throw new Error("The answer broke off before it was complete. Please ask again.");
      }

      state.conversationId = reply.conversationId;
      state.turns.push({ question, reply });
      saveState();
    } catch (error) {
      if (silence.expired) {
        answer.fail("QaService stopped answering: nothing came for five minutes. Please ask again.");
        restoreQuestion(question);
      } else if (controller.signal.aborted) {
        // Stopped with the Stop button (a new chat clears the page instead): what came so far stays, marked.
        if (answer.element.isConnected) {
          answer.stop();
          restoreQuestion(question);
        }
      } else {
        const lost = answering ? "The connection broke off mid-answer. Please ask again." : "QaService cannot be reached. Check that it is running.";
        answer.fail(error instanceof TypeError ? lost : error.message);
        restoreQuestion(question);
      }
    } finally {
      silence.stop();
      if (inFlight === controller) {
        inFlight = null;
        setBusy(false);
        // After Send or Stop was clicked, typing goes on in the question box.
        if (document.activeElement === document.body || document.activeElement === ui.send) {
          ui.question.focus();
        }
      }
    }
  }

  function watchForSilence(controller) {
    let timer = 0;
    const watch = {
      expired: false,
      touch() {
        clearTimeout(timer);
        timer = setTimeout(() => {
          watch.expired = true;
          controller.abort();
        }, silenceLimitMs);
      },
      stop() {
        clearTimeout(timer);
      },
    };
    watch.touch();
    return watch;
  }

  async function* readServerSentEvents(stream) {
    const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      buffer += value.replace(/\r\n?/g, "\n");
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const event = parseEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (event) {
          yield event;
        }
      }
    }
  }

  function parseEvent(block) {
    let type = "message";
    const data = [];
    for (const line of block.split("\n")) {
      if (line === "" || line.startsWith(":")) {
        continue;
      }
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? "" : line.slice(colon + 1);
      if (value.startsWith(" ")) {
        value = value.slice(1);
      }
      if (field === "event") {
        type = value;
      } else if (field === "data") {
        data.push(value);
      }
    }
    return data.length > 0 ? { type, data: data.join("\n") } : null;
  }

  async function problemText(response) {
    try {
      const problem = await response.json();
      return [problem.title, problem.detail].filter(Boolean).join(": ") || `The request failed (${response.status}).`;
    } catch {
      return `The request failed (${response.status}).`;
    }
  }

  // The question goes back into an empty box, so it can be asked again or corrected without retyping.
  function restoreQuestion(question) {
    if (ui.question.value === "") {
      ui.question.value = question;
      resizeQuestion();
    }
  }

  // While an answer is written, Send becomes Stop.
  function setBusy(busy) {
    ui.send.textContent = busy ? "Stop" : "Send";
    ui.send.classList.toggle("button-stop", busy);
    ui.messages.setAttribute("aria-busy", String(busy));
  }

  // ---- rendering messages ----

  function appendUserMessage(question) {
    const element = ui.userTemplate.content.firstElementChild.cloneNode(true);
    element.querySelector(".message-text").textContent = question;
    ui.messages.append(element);
    scrollToEnd();
  }

  function appendAnswerMessage() {
    const element = ui.answerTemplate.content.firstElementChild.cloneNode(true);
    const text = element.querySelector(".message-text");
    const mode = element.querySelector(".badge-mode");
    const abstained = element.querySelector(".badge-abstained");
    const fallback = element.querySelector(".fallback-reason");
    const warning = element.querySelector(".answer-warning");
    const forgotten = element.querySelector(".conversation-forgotten");
    const citations = element.querySelector(".citations");
    const heading = element.querySelector(".citations-heading");
    const list = element.querySelector(".citation-list");
    const typingDots = text.querySelector(".typing");
    let typing = true;
    mode.textContent = "Answering…";
    ui.messages.append(element);
    scrollToEnd();

    const view = {
      element,
      appendText(piece) {
        if (typing) {
          text.textContent = "";
          typing = false;
        }
        text.append(document.createTextNode(piece));
        scrollToEnd();
      },
      // A generative answer broke off: its text and passages go, and the extractive answer streams in instead.
      reset(reason) {
        text.replaceChildren(typingDots);
        typing = true;
        list.replaceChildren();
        citations.hidden = true;
        showFallback(reason);
        scrollToEnd();
      },
      showCitations(items, isAbstention) {
        list.replaceChildren(...items.map((citation, index) => citationItem(citation, index + 1)));
        heading.textContent = isAbstention ? "Nearest passages" : "Sources";
        citations.hidden = items.length === 0;
        scrollToEnd();
      },
      // The reply is the final word: a generative answer's [n] markers are renumbered to match its citations.
      // A reply that starts a conversation the page was continuing means the service forgot the earlier turns.
      complete(reply, continuing) {
        const sources = reply.abstained ? [] : reply.citations ?? [];
        text.replaceChildren(
          ...(reply.mode === "extractive" ? quotedAnswer(reply.answer, sources, marker) : answerWithSupport(reply.answer, reply.support, sources, marker)),
        );
        typing = false;
        mode.textContent = reply.mode === "generative" ? "Generative" : "Extractive";
        mode.dataset.mode = reply.mode;
        showFallback(reply.fallbackReason);
        warning.hidden = !reply.warning;
        warning.textContent = reply.warning ?? "";
        forgotten.hidden = !(continuing && reply.turn === 1);
        abstained.hidden = !reply.abstained;
        element.classList.toggle("message-abstained", reply.abstained);
        view.showCitations(reply.citations ?? [], reply.abstained);
        element.setAttribute("aria-busy", "false");
      },
      stop() {
        settle();
        mode.textContent = "Stopped";
        if (typing) {
          text.textContent = "Stopped before the answer came.";
          typing = false;
        }
      },
      fail(message) {
        settle();
        element.classList.add("message-error");
        element.setAttribute("role", "alert");
        mode.textContent = "Error";
        text.textContent = message;
      },
    };

    // An answer that ends unfinished keeps no sources: they belonged to what was not said.
    function settle() {
      list.replaceChildren();
      citations.hidden = true;
      element.setAttribute("aria-busy", "false");
    }

    // A source's marker in the answer text opens the source as its entry in the list below does. A marker without
    // text of its own (after a quoted sentence) has its number drawn by the stylesheet, so the answer's text, and what
    // is copied from it, stays the answer alone.
    function marker(number, label) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "citation-marker";
      button.textContent = label;
      button.dataset.number = String(number);
      button.setAttribute("aria-label", `Source ${number}: show where it is quoted from`);
      button.addEventListener("click", () => list.querySelectorAll(".citation")[number - 1]?.click());
      return button;
    }

    function showFallback(reason) {
      fallback.hidden = !reason;
      fallback.textContent = reason ? `Fell back to the extractive answer: ${reason}` : "";
    }

    return view;
  }

  // An extractive answer quotes its sources: each quoted sentence is followed by its source's marker.
  function quotedAnswer(answer, sources, marker) {
    const quotes = sources
      .map((source, index) => ({ start: answer.indexOf(source.text), length: source.text.length, number: index + 1 }))
      .filter((quote) => quote.start >= 0 && quote.length > 0)
      .sort((a, b) => a.start - b.start);
    const markers = [];
    let quotedTo = 0;
    for (const quote of quotes) {
      // A source quoted inside one already marked is not marked again.
      if (quote.start >= quotedTo) {
        quotedTo = quote.start + quote.length;
        markers.push({ start: quotedTo, end: quotedTo, number: quote.number });
      }
    }
    return textWithMarkers(answer, markers, marker);
  }

  // A generative answer's sentences that its passages do not support are marked, with the reason on hover; its [n]
  // references to the sources become markers.
  function answerWithSupport(answer, support, sources, marker) {
    const nodes = [];
    let at = 0;
    for (const sentence of (support ?? []).filter((s) => !s.supported)) {
      nodes.push(...withMarkers(answer.slice(at, sentence.start), sources, marker));
      const mark = document.createElement("mark");
      mark.className = "sentence-unsupported";
      mark.title = "Not supported by the passages: check it against the sources.";
      mark.append(...withMarkers(answer.slice(sentence.start, sentence.end), sources, marker));
      nodes.push(mark);
      at = sentence.end;
    }
    nodes.push(...withMarkers(answer.slice(at), sources, marker));
    return nodes;
  }

  // The text with each "[n]" that names one of the sources made that source's marker.
  function withMarkers(text, sources, marker) {
    const references = [...text.matchAll(/\[(\d+)\]/g)]
      .map((reference) => ({ start: reference.index, end: reference.index + reference[0].length, number: Number(reference[1]) }))
      .filter((reference) => reference.number >= 1 && reference.number <= sources.length);
    return textWithMarkers(text, references, marker);
  }

  // The text with its spans (in order, not overlapping) made markers; an empty span is a marker with only its number.
  function textWithMarkers(text, spans, marker) {
    const nodes = [];
    let at = 0;
    for (const span of spans) {
      nodes.push(document.createTextNode(text.slice(at, span.start)), marker(span.number, text.slice(span.start, span.end)));
      at = span.end;
    }
    nodes.push(document.createTextNode(text.slice(at)));
    return nodes;
  }

  function citationItem(citation, number) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "citation";
    button.setAttribute("aria-controls", "article-panel");
    button.setAttribute("aria-label", `Source ${number}: show in the article`);
    const badge = document.createElement("span");
    badge.className = "citation-number";
    badge.textContent = String(number);
    const excerpt = document.createElement("span");
    excerpt.className = "citation-text";
    excerpt.textContent = citation.text;
    button.append(badge, excerpt);
    button.addEventListener("click", () => openCitation(citation, button));
    item.append(button);
    return item;
  }

  function scrollToEnd() {
    ui.messages.scrollTop = ui.messages.scrollHeight;
  }

  // ---- the article panel ----

  function loadDocument(id) {
    if (!documents.has(id)) {
      const request = fetch(`/api/documents/${encodeURIComponent(id)}`).then(async (response) => {
        if (!response.ok) {
          throw new Error(await problemText(response));
        }
        return response.json();
      });
      request.catch(() => documents.delete(id));
      documents.set(id, request);
    }
    return documents.get(id);
  }

  async function openCitation(citation, button) {
    for (const active of document.querySelectorAll(".citation.is-active")) {
      active.classList.remove("is-active");
    }
    button.classList.add("is-active");
    openedFrom = button;
    ui.panel.hidden = false;
    document.body.classList.add("panel-open");

    try {
      let doc = await loadDocument(citation.documentId);
      if (!cites(doc, citation)) {
        // The document was edited and indexed again since this page fetched it: fetch it afresh.
        documents.delete(citation.documentId);
        doc = await loadDocument(citation.documentId);
      }
      if (!cites(doc, citation)) {
        throw new Error("The document has changed since this answer was given. Ask again to cite its current text.");
      }
      ui.articleHeading.textContent = doc.title;
      ui.articleBody.replaceChildren(...renderWithHighlight(doc.text, citation.start, citation.end));
      const first = ui.articleBody.querySelector("mark");
      ui.articleBody.focus({ preventScroll: true });
      first?.scrollIntoView({ block: "center", behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
    } catch (error) {
      const message = document.createElement("p");
      message.className = "article-error";
      message.textContent = error.message;
      ui.articleBody.replaceChildren(message);
    }
  }

  function cites(doc, citation) {
    return doc.text.slice(citation.start, citation.end) === citation.text;
  }

  // One paragraph per line of the document; the cited span [start, end) becomes <mark> (one per paragraph it touches).
  function renderWithHighlight(text, start, end) {
    const paragraphs = [];
    let offset = 0;
    for (const line of text.split("\n")) {
      const lineStart = offset;
      const lineEnd = offset + line.length;
      offset = lineEnd + 1;
      if (line.trim() === "") {
        continue;
      }
      const paragraph = document.createElement("p");
      const from = Math.max(start, lineStart);
      const to = Math.min(end, lineEnd);
      if (from < to) {
        const mark = document.createElement("mark");
        mark.textContent = text.slice(from, to);
        paragraph.append(text.slice(lineStart, from), mark, text.slice(to, lineEnd));
      } else {
        paragraph.textContent = line;
      }
      paragraphs.push(paragraph);
    }
    return paragraphs;
  }

  function closeArticle() {
    if (ui.panel.hidden) {
      return;
    }
    ui.panel.hidden = true;
    document.body.classList.remove("panel-open");
    openedFrom?.classList.remove("is-active");
    openedFrom?.focus();
  }

  // ---- starting over and starting up ----

  function newChat() {
    inFlight?.abort();
    inFlight = null;
    setBusy(false);
    state = { conversationId: null, turns: [] };
    sessionStorage.removeItem(storageKey);
    ui.messages.replaceChildren();
    ui.welcome.hidden = false;
    closeArticle();
    ui.question.value = "";
    resizeQuestion();
    ui.question.focus();
  }

  function restoreConversation() {
    if (state.turns.length === 0) {
      return;
    }
    ui.welcome.hidden = true;
    state.turns.forEach((turn, index) => {
      appendUserMessage(turn.question);
      appendAnswerMessage().complete(turn.reply, index > 0);
    });
  }

  async function loadIntroduction(attempt = 0) {
    try {
      const response = await fetch("/api/documents");
      if (!response.ok) {
        throw new Error(await problemText(response));
      }
      const served = await response.json();
      if (served.length === 0) {
        return;
      }
      nameTheDocuments(served);
      // Starter questions from each of the first few documents in turn, four at most.
      const replies = await Promise.all(served.slice(0, 4).map((doc) => fetch(`/api/documents/${encodeURIComponent(doc.id)}/suggestions`)));
      const lists = await Promise.all(replies.map(async (reply) => (reply.ok ? (await reply.json()).questions : [])));
      const questions = new Set();
      for (let i = 0; questions.size < 4 && lists.some((list) => i < list.length); i++) {
        lists.map((list) => list[i]).filter(Boolean).forEach((question) => questions.add(question));
      }
      showSuggestions([...questions].slice(0, 4));
    } catch {
      // Usually the index is still being built: try again shortly.
      if (attempt < 30) {
        setTimeout(() => loadIntroduction(attempt + 1), 1000);
      } else {
        ui.title.textContent = "The documents could not be loaded.";
      }
    }
  }

  // The page speaks of what it answers over: the built-in article, a document, or several.
  function nameTheDocuments(served) {
    const noun = served.length > 1 ? "the documents" : served[0].id === "article" ? "the article" : "the document";
    ui.title.textContent = served.map((doc) => doc.title).join(" · ");
    document.title = `QaService · Ask ${noun}`;
    ui.welcomeHeading.textContent = `Ask anything about ${noun}`;
    ui.welcomeText.textContent = `Every answer comes with numbered citations. Choose one to read the exact passage in ${noun}.`;
    ui.question.placeholder = `Ask about ${noun}…`;
    ui.answerTemplate.content.querySelector(".badge-abstained").textContent = `Not in ${noun}`;
  }

  function showSuggestions(questions) {
    ui.suggestionList.replaceChildren(...questions.map((question) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "suggestion";
      button.textContent = question;
      button.addEventListener("click", () => ask(question));
      item.append(button);
      return item;
    }));
    ui.suggestions.hidden = questions.length === 0;
  }

  function resizeQuestion() {
    ui.question.style.height = "auto";
    ui.question.style.height = `${Math.min(ui.question.scrollHeight, 200)}px`;
  }

  ui.form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (inFlight || ui.question.value.trim() === "") {
      return;
    }
    const question = ui.question.value;
    ui.question.value = "";
    resizeQuestion();
    ask(question);
  });
  // As Stop, the button ends the answer being written; it does not submit the (empty, required) question box.
  ui.send.addEventListener("click", (event) => {
    if (inFlight) {
      event.preventDefault();
      inFlight.abort();
    }
  });
  ui.question.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      // Enter asks; it never stops an answer being written (the Stop button does).
      if (!inFlight) {
        ui.form.requestSubmit();
      }
    }
  });
  ui.question.addEventListener("input", resizeQuestion);
  ui.newChat.addEventListener("click", newChat);
  ui.closeArticle.addEventListener("click", closeArticle);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      closeArticle();
    }
  });

  restoreConversation();
  loadIntroduction();
})();
