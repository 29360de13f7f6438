// The page's words, in the language chosen: they come from the library's
// message catalogue (`page.*` and `form.field.*`), through the back end,
// with the format's vocabulary (domains, sectors, rings, ties, themes,
// roles). Templates are filled as the library fills them: `{name}` for an
// argument, `{n|one|other}` or `{n|zero|one|other}` for a count (`#` is
// the number).

export const vocab = { lang: "nl", words: {}, domains: [], sectors: [], rings: [], ties: [], themes: [], roles: [] };

/** Takes the vocabulary the back end answered. */
export function setVocabulary(v) {
  Object.assign(vocab, v);
}

/** The word for `key`, its arguments filled in. */
export function t(key, args) {
  const template = vocab.words[key];
  if (template === undefined) return key;
  return fill(template, args || {});
}

function fill(template, args) {
  return template.replace(/\{([a-z_]+)(\|[^{}]*)?\}/g, (all, name, forms) => {
    if (!(name in args)) return all;
    const value = args[name];
    if (!forms) return String(value);
    const parts = forms.slice(1).split("|");
    const n = Number(value);
    const pick = parts.length === 3 ? (n === 0 ? parts[0] : n === 1 ? parts[1] : parts[2]) : n === 1 ? parts[0] : parts[1];
    return pick.replace(/#/g, String(value));
  });
}

/** The catalogue role with this id. */
export function roleById(id) {
  return vocab.roles.find((r) => r.id === id);
}
