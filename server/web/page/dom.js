// Building the page's elements. Text always goes in as text nodes, never as HTML, so nothing a
// person wrote can become markup.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'className') element.className = value;
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// Says something to screen readers without moving focus (an ARIA live region).
export function announce(text) {
  const region = document.getElementById('announcer');
  region.textContent = '';
  // A new node each time, so that the same words said twice are read twice.
  setTimeout(() => {
    region.textContent = text;
  }, 50);
}
