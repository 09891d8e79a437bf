// Microsoft's Adaptive Cards renderer (npm adaptivecards) in Node: jsdom supplies the DOM it renders into.
// Shared by validate-card.mjs (checks) and render-card-page.mjs (pages for screenshots).
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!DOCTYPE html><html><head></head><body></body></html>', { pretendToBeVisual: true });

// The renderer reaches for browser globals when it loads and when it renders; Node 20 has none of them.
for (const name of ['window', 'document', 'navigator', 'Node', 'Element', 'HTMLElement', 'HTMLInputElement',
  'HTMLTextAreaElement', 'HTMLSelectElement', 'HTMLButtonElement', 'Event', 'KeyboardEvent', 'MouseEvent',
  'getComputedStyle', 'DOMParser', 'MutationObserver', 'requestAnimationFrame', 'cancelAnimationFrame']) {
  const value = name === 'window' ? dom.window : dom.window[name];
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
}

// jsdom has no innerText, which the renderer uses for every piece of text; textContent is what it means here.
if (!('innerText' in dom.window.HTMLElement.prototype)) {
  Object.defineProperty(dom.window.HTMLElement.prototype, 'innerText', {
    get() { return this.textContent; },
    set(value) { this.textContent = value; },
    configurable: true,
  });
}

const require = createRequire(import.meta.url);
// lib/ is ES modules with extensionless imports Node cannot resolve; dist/ is the same code as one UMD bundle.
const AC = require('adaptivecards/dist/adaptivecards.js');

// Teams renders only bold, italic, links and lists of markdown; render the inline part so pages read like Teams.
function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w])_(.+?)_(?!\w)/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>')
    // A mention arrives as <at>Name</at> (msteams.entities names the person); Teams shows the name highlighted.
    .replace(/&lt;at&gt;(.+?)&lt;\/at&gt;/g, '<span class="ac-mention" style="color:#5b5fc7;font-weight:600">$1</span>')
    .replace(/\n/g, '<br>');
  result.didProcess = true;
};

// Events that describe a card that works but could be better; everything else means the card is wrong.
const warningEvents = new Set([
  AC.ValidationEvent.Hint,
  AC.ValidationEvent.Deprecated,
  AC.ValidationEvent.RequiredInputsShouldHaveLabel,
  AC.ValidationEvent.RequiredInputsShouldHaveErrorMessage,
]);

// Teams bot cards render no media elements, so Media is reported as an unknown element like any other.
const teamsElements = new AC.CardObjectRegistry();
AC.GlobalRegistry.populateWithDefaultElements(teamsElements);
teamsElements.unregister('Media');

function describe(event) {
  const source = event.source && typeof event.source.getJsonTypeName === 'function'
    ? event.source.getJsonTypeName()
    : undefined;
  return {
    phase: AC.ValidationPhase[event.phase],
    event: AC.ValidationEvent[event.event],
    message: event.message,
    ...(source ? { source } : {}),
  };
}

function parseVersion(text) {
  const match = /^(\d+)\.(\d+)$/.exec(String(text ?? ''));
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

/**
 * Parses, validates and renders one card.
 * @param {string} cardJson the card as JSON text
 * @param {{maxVersion?: string}} options maxVersion is the newest schema the host renders (Teams: 1.5)
 * @returns {{ok: boolean, warnings: object[], errors: object[], html: string}} ok is true only with no warning and no error
 */
export function checkCard(cardJson, { maxVersion = '1.5' } = {}) {
  const warnings = [];
  const errors = [];
  const report = (entry, isWarning) => (isWarning ? warnings : errors).push(entry);

  let source;
  try {
    source = JSON.parse(cardJson);
  } catch (e) {
    errors.push({ phase: 'Json', event: 'InvalidJson', message: e.message });
    return { ok: false, warnings, errors, html: '' };
  }

  const max = parseVersion(maxVersion);
  const declared = parseVersion(source?.version);
  if (max && declared && (declared.major > max.major || (declared.major === max.major && declared.minor > max.minor))) {
    errors.push({
      phase: 'Host',
      event: 'UnsupportedCardVersion',
      message: `The card declares version ${source.version}; the host renders up to ${maxVersion}.`,
    });
  }

  const context = new AC.SerializationContext(max ? new AC.Version(max.major, max.minor) : AC.Versions.latest);
  context.setElementRegistry(teamsElements);
  const card = new AC.AdaptiveCard();
  let html = '';
  try {
    card.parse(source, context);
    for (let i = 0; i < context.eventCount; i++) {
      const event = context.getEventAt(i);
      report(describe(event), warningEvents.has(event.event));
    }
    for (const event of card.validateProperties().validationEvents) {
      report(describe(event), warningEvents.has(event.event));
    }
    const element = card.render();
    html = element ? element.outerHTML : '';
    if (!element) {
      errors.push({ phase: 'Render', event: 'NothingRendered', message: 'The renderer produced no element.' });
    }
  } catch (e) {
    errors.push({ phase: 'Render', event: 'Exception', message: String(e?.stack ?? e) });
  }

  return { ok: warnings.length === 0 && errors.length === 0, warnings, errors, html };
}

export const rendererVersion = require('adaptivecards/package.json').version;
