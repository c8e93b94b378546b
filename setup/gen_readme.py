#!/usr/bin/env python3
# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Generate each addon's README.rst and static/description/index.html from its readme/ fragments.

The layout is the one of the OCA's oca-gen-addon-readme: the title, a line of facts
(offline-safe text instead of remote badge images), the manifest summary, the DESCRIPTION
fragment, a table of contents, the sections of the other fragments (CONTEXT, INSTALL,
CONFIGURE, USAGE, DEVELOP, ROADMAP, HISTORY), Bug Tracker and Credits (Authors, Contributors,
Other credits, Maintainers). index.html is the HTML rendering of README.rst by docutils
(html4css1 writer), which Odoo shows on the module's page in Apps.

Inputs: ``<addon>/__manifest__.py`` and ``<addon>/readme/<FRAGMENT>.md``. The Markdown
fragments are converted to reStructuredText by the small converter below, which knows the
constructs the fragments use: paragraphs, ``#`` headings, ordered and bullet lists (nested by
indentation; a line at the indentation of a list's markers that is not a marker ends the
list), fenced code blocks, block quotes, and inline ``*emphasis*``, ``**strong**``,
```code```, ``[links](url)``, ``<autolinks>`` and backslash escapes. Anything docutils warns
about fails the generation, so a construct it does not know shows up at once.

The output depends only on the inputs (and on the docutils version Odoo pins), so it can be
checked:

    .venv/bin/python setup/gen_readme.py            # (re)write the files of every addon
    .venv/bin/python setup/gen_readme.py redu_services
    .venv/bin/python setup/gen_readme.py --check    # exit 1 when a file is stale (pre-commit)
"""

import argparse
import ast
import hashlib
import json
import os
import re
import sys
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROJECT = "REDU working-life cooperation"
FRAGMENTS_DIR = "readme"
# (fragment, section title): the order of the sections in the README, as the OCA's
DESCRIPTION = "DESCRIPTION"
SECTIONS = [
    ("CONTEXT", "Use Cases / Context"),
    ("INSTALL", "Installation"),
    ("CONFIGURE", "Configuration"),
    ("USAGE", "Usage"),
    ("DEVELOP", "Development"),
    ("ROADMAP", "Known issues / Roadmap"),
    ("HISTORY", "Changelog"),
]
CREDITS_FRAGMENTS = [("CONTRIBUTORS", "Contributors"), ("CREDITS", "Other credits")]
FRAGMENTS = [DESCRIPTION] + [name for name, _title in SECTIONS + CREDITS_FRAGMENTS]
# section adornments: the document title is overlined, sections are underlined with "=",
# their subsections with "-" (a fragment's own "#" heading too), deeper ones with "~"
SUBSECTION_CHARS = "-~^"
# as oca-gen-addon-readme (after pypa/readme_renderer): warnings are errors, no file
# inclusion, no raw HTML; and no docutils.conf of the machine changes the result
DOCUTILS_SETTINGS = {
    "_disable_config": True,
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "halt_level": 2,
    "report_level": 2,
    "warning_stream": False,
    "smart_quotes": True,
    "syntax_highlight": "short",
    "math_output": "MathJax",
    "output_encoding": "utf-8",
    # Odoo parses index.html as text (ir.module.module._get_desc): lxml refuses a text
    # with an XML declaration, and the module then does not load
    "xml_declaration": False,
}
MANIFEST_KEYS = ("name", "summary", "version", "license", "author", "website", "maintainers", "development_status")


class ReadmeError(Exception):
    pass


# ------------------------------------------------------------------- Markdown -> reStructuredText: inline
_PUNCT_START = {"Pd", "Po", "Ps", "Pi", "Pf"}  # what may stand before an inline markup start-string
_PUNCT_END = {"Pd", "Po", "Pe", "Pi", "Pf"}  # ... and after an end-string (docutils' rule)
_MD_ESCAPABLE = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^\s<>]+)>")
_LINK = re.compile(r"\[([^\]]+)\]\(\s*([^)\s]+)(?:\s+\"[^\"]*\")?\s*\)")
_IMAGE_LINE = re.compile(r"^!\[([^\]]*)\]\(\s*([^)\s]+)(?:\s+\"[^\"]*\")?\s*\)$")


def _is_word(char):
    return char.isalnum()


def _can_open(text, index, delim):
    """CommonMark's left-flanking rule, with '_' not opening inside a word."""
    after = text[index + len(delim)] if index + len(delim) < len(text) else " "
    before = text[index - 1] if index > 0 else " "
    if after.isspace():
        return False
    if delim[0] == "_" and _is_word(before):
        return False
    return True


def _can_close(text, index, delim):
    before = text[index - 1] if index > 0 else " "
    after = text[index + len(delim)] if index + len(delim) < len(text) else " "
    if before.isspace():
        return False
    if delim[0] == "_" and _is_word(after):
        return False
    return True


def _code_span(text, index):
    """(length of the opening backtick run, the match of its closing run or None) at ``index``."""
    run = re.match(r"`+", text[index:]).end()
    return run, re.compile(r"(?<!`)" + "`" * run + r"(?!`)").search(text, index + run)


def _parse_inline(text):
    """Markdown inline text -> a list of nodes: ("text", s), ("code", s), ("strong", nodes),
    ("em", nodes), ("link", label, url)."""
    nodes = []
    buf = []

    def flush():
        if buf:
            nodes.append(("text", "".join(buf)))
            buf.clear()

    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in _MD_ESCAPABLE:
            buf.append(text[i + 1])
            i += 2
            continue
        if char == "\\" and i + 1 < len(text) and text[i + 1] == "\n":  # hard line break: a space
            buf.append("\n")
            i += 2
            continue
        if char == "`":
            run, match = _code_span(text, i)
            if match:
                code = text[i + run : match.start()].replace("\n", " ")
                if code.startswith(" ") and code.endswith(" ") and code.strip():
                    code = code[1:-1]
                flush()
                nodes.append(("code", code))
                i = match.end()
                continue
            buf.append("`" * run)
            i += run
            continue
        if char == "<":
            match = _AUTOLINK.match(text, i)
            if match:
                flush()
                nodes.append(("link", match.group(1), match.group(1)))
                i = match.end()
                continue
        if char == "[":
            match = _LINK.match(text, i)
            if match:
                flush()
                nodes.append(("link", match.group(1), match.group(2)))
                i = match.end()
                continue
        if char in "*_":
            delim = char * 2 if text.startswith(char * 2, i) else char
            if _can_open(text, i, delim):
                end = _find_closing(text, i + len(delim), delim)
                if end is not None:
                    flush()
                    kind = "strong" if len(delim) == 2 else "em"
                    nodes.append((kind, _parse_inline(text[i + len(delim) : end])))
                    i = end + len(delim)
                    continue
            buf.append(delim)
            i += len(delim)
            continue
        buf.append(char)
        i += 1
    flush()
    return nodes


def _find_closing(text, start, delim):
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "`":  # a code span inside: skip it whole
            run, match = _code_span(text, i)
            i = match.end() if match else i + run
            continue
        if text.startswith(delim, i) and _can_close(text, i, delim):
            # "**" is not the end of "*" emphasis (and the reverse)
            if len(delim) == 1 and text.startswith(delim * 2, i) and not text.startswith(delim * 3, i):
                inner_end = _find_closing(text, i + 2, delim * 2)
                if inner_end is not None:
                    i = inner_end + 2
                    continue
            return i
        i += 1
    return None


def _escape_text(text, in_markup=False):
    """Plain text for reStructuredText: its markup characters escaped."""
    out = []
    for index, char in enumerate(text):
        nxt = text[index + 1] if index + 1 < len(text) else " "
        prev = text[index - 1] if index > 0 else " "
        if char in "\\*`|":
            out.append("\\" + char)
        elif char == "_" and not in_markup and (not _is_word(nxt) or not _is_word(prev)):
            out.append("\\_")  # "word_" is a reference, "_word" may be a target
        elif char == "[" and not in_markup:
            out.append("\\[" if re.match(r"\[[^\]]*\]_", text[index:]) else char)
        else:
            out.append(char)
    return "".join(out)


def _plain(nodes):
    """The text of nodes, their markup flattened (reStructuredText has no nested inline markup)."""
    parts = []
    for node in nodes:
        if node[0] in ("text", "code"):
            parts.append(node[1])
        elif node[0] == "link":
            parts.append(node[1])
        else:
            parts.append(_plain(node[1]))
    return "".join(parts)


def _render_inline(nodes):
    """Nodes -> reStructuredText; an inline markup glued to a letter gets an escaped space."""
    pieces = []  # (text, is_markup)
    for node in nodes:
        kind = node[0]
        if kind == "text":
            pieces.append((_escape_text(node[1]), False))
        elif kind == "code":
            code = node[1]
            if "``" in code or code != code.strip() or not code:
                pieces.append((":literal:`%s`" % code.replace("\\", "\\\\").replace("`", "\\`"), True))
            else:
                pieces.append(("``%s``" % code, True))
        elif kind == "strong":
            pieces.append(("**%s**" % _escape_text(_plain(node[1]).strip(), in_markup=True), True))
        elif kind == "em":
            pieces.append(("*%s*" % _escape_text(_plain(node[1]).strip(), in_markup=True), True))
        elif kind == "link":
            label, url = node[1], node[2]
            if label == url:
                pieces.append((url, True))
            else:
                label = _escape_text(label, in_markup=True).replace("<", "\\<")
                pieces.append(("`%s <%s>`__" % (label, url), True))
    out = []
    for index, (text, markup) in enumerate(pieces):
        if markup:
            before = out[-1][-1] if out and out[-1] else " "
            if not (before.isspace() or unicodedata.category(before) in _PUNCT_START) or before == "\\":
                out.append("\\ ")
            out.append(text)
            after_piece = pieces[index + 1][0] if index + 1 < len(pieces) else " "
            after = after_piece[0] if after_piece else " "
            if not (after.isspace() or unicodedata.category(after) in _PUNCT_END):
                out.append("\\ ")
        else:
            out.append(text)
    return "".join(out)


def inline(text):
    return _render_inline(_parse_inline(text))


# ------------------------------------------------------------------- Markdown -> reStructuredText: blocks
_BULLET = re.compile(r"^( {0,3})([-*+])( +|$)")
_ORDERED = re.compile(r"^( {0,3})(\d{1,9})([.)])( +|$)")
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})\s*([\w+-]*)")
_RULE = re.compile(r"^ {0,3}([-*_])(?:\s*\1){2,}\s*$")
# a paragraph starting like a reStructuredText list, field or option would become one
_RST_BLOCK_START = re.compile(
    r"^(?:[-+*•‣⁃]\s|\d+[.)]\s|#[.)]\s|[a-zA-Z][.)]\s|[ivxlcdmIVXLCDM]+[.)]\s|\(\w+\)\s|:\w[^:]*:\s|\.\.\s|>>>\s|-\w)"
)


def _indent(line):
    return len(line) - len(line.lstrip(" "))


def _list_marker(line):
    match = _ORDERED.match(line)
    if match:
        return "ordered", match.end(2) + 1, len(match.group(1)), int(match.group(2)), match
    match = _BULLET.match(line)
    if match:
        return "bullet", match.end(2), len(match.group(1)), None, match
    return None


def _parse_blocks(lines):
    """Lines (tabs expanded, container indentation removed) -> blocks:
    ("para", text), ("heading", level, text), ("code", lines), ("quote", blocks),
    ("list", kind, start, [blocks per item]), ("image", alt, path)."""
    blocks = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        heading = _HEADING.match(line)
        fence = _FENCE.match(line)
        marker = _list_marker(line)
        if heading:
            blocks.append(("heading", len(heading.group(1)), heading.group(2)))
            i += 1
        elif fence:
            fence_indent, fence_chars = len(fence.group(1)), fence.group(2)
            code = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(fence_chars):
                code.append(lines[i][fence_indent:] if _indent(lines[i]) >= fence_indent else lines[i].lstrip())
                i += 1
            i += 1  # the closing fence
            blocks.append(("code", code))
        elif _RULE.match(line) and not marker:
            raise ReadmeError("horizontal rules are not supported: %r" % line)
        elif line.lstrip().startswith(">"):
            quoted = []
            while i < len(lines) and lines[i].strip() and lines[i].lstrip().startswith(">"):
                quoted.append(re.sub(r"^\s*> ?", "", lines[i]))
                i += 1
            blocks.append(("quote", _parse_blocks(quoted)))
        elif _indent(line) >= 4 and not marker:
            code = []
            while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) >= 4):
                code.append(lines[i][4:])
                i += 1
            while code and not code[-1].strip():
                code.pop()
            blocks.append(("code", code))
        elif marker:
            i = _parse_list(lines, i, blocks)
        else:
            i = _parse_paragraph(lines, i, blocks)
    return blocks


def _parse_paragraph(lines, i, blocks):
    para = [lines[i].strip()]
    i += 1
    while i < len(lines) and lines[i].strip():
        nxt = lines[i]
        if _HEADING.match(nxt) or _FENCE.match(nxt) or nxt.lstrip().startswith(">"):
            break
        nxt_marker = _list_marker(nxt)
        # as CommonMark: a bullet or a list starting at 1 interrupts a paragraph
        if nxt_marker and (nxt_marker[0] == "bullet" or nxt_marker[3] == 1):
            break
        para.append(nxt.strip())
        i += 1
    text = "\n".join(para)
    image = _IMAGE_LINE.match(text)
    if image:
        blocks.append(("image", image.group(1), image.group(2)))
    else:
        blocks.append(("para", text))
    return i


def _parse_list(lines, i, blocks):
    kind, _width, marker_indent, start, _match = _list_marker(lines[i])
    items = []
    while i < len(lines):
        marker = _list_marker(lines[i])
        if not marker or marker[0] != kind or marker[2] != marker_indent:
            break
        match = marker[4]
        rest = lines[i][match.end() :]
        content_indent = match.end() if rest.strip() else marker[1] + 1
        item_lines = [rest]
        i += 1
        while i < len(lines):
            line = lines[i]
            if not line.strip():
                # a blank line: the item goes on if the next text line is indented into it
                j = i
                while j < len(lines) and not lines[j].strip():
                    j += 1
                if j < len(lines) and _indent(lines[j]) >= content_indent:
                    item_lines.extend([""] * (j - i))
                    i = j
                    continue
                break
            if _indent(line) >= content_indent:
                item_lines.append(line[content_indent:])
                i += 1
                continue
            if _list_marker(line) or _indent(line) <= marker_indent:
                break  # the next item, or a line at the markers' indentation ends the list
            item_lines.append(line.strip())  # lazy continuation of the item's paragraph
            i += 1
        items.append(_parse_blocks(item_lines))
        # blank lines between two items of the list
        j = i
        while j < len(lines) and not lines[j].strip():
            j += 1
        following = _list_marker(lines[j]) if j < len(lines) else None
        if following and following[0] == kind and following[2] == marker_indent:
            i = j
    blocks.append(("list", kind, start, items))
    return i


def _render_blocks(blocks, heading_base=0):
    """Blocks -> reStructuredText lines (without trailing blank lines)."""
    out = []
    previous = None
    for block in blocks:
        if out:
            out.append("")
        kind = block[0]
        if kind == "para":
            text = inline(block[1])
            if _RST_BLOCK_START.match(text):
                text = "\\" + text
            out.extend(text.split("\n"))
        elif kind == "heading":
            title = inline(block[2])
            level = min(heading_base + block[1] - 1, len(SUBSECTION_CHARS) - 1)
            out.extend([title, SUBSECTION_CHARS[level] * _width(title)])
        elif kind == "code":
            out.append("::")
            out.append("")
            out.extend(("    " + line).rstrip() for line in block[1])
        elif kind == "quote":
            if previous in ("code", "quote", "list"):
                out.extend(["..", ""])  # an empty comment: the quote is not part of what precedes it
            out.extend(("    " + line).rstrip() for line in _render_blocks(block[1], heading_base))
        elif kind == "image":
            path = block[2]
            if not re.match(r"^[a-z]+:", path):
                path = path.replace("../", "")  # relative to the addon, as oca-gen-addon-readme
            out.append(".. image:: %s" % path)
            if block[1]:
                out.append("   :alt: %s" % block[1])
        elif kind == "list":
            _kind, list_kind, start, items = block
            loose = any(len(item) > 1 for item in items)
            for number, item in enumerate(items, start or 1):
                marker = "%d. " % number if list_kind == "ordered" else "- "
                body = _render_blocks(item, heading_base) or [""]
                if loose and out and out[-1] != "":
                    out.append("")
                out.append((marker + body[0]).rstrip())
                out.extend(((" " * len(marker)) + line).rstrip() for line in body[1:])
        else:  # pragma: no cover
            raise ReadmeError("unknown block %r" % (kind,))
        previous = kind
    return out


def _width(text):
    """Display width of a title, for its adornment (wide characters count twice)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def markdown_to_rst(text):
    lines = text.expandtabs(4).split("\n")
    return "\n".join(_render_blocks(_parse_blocks(lines))).strip("\n")


# ------------------------------------------------------------------- the README
def read_manifest(addon_dir):
    path = os.path.join(addon_dir, "__manifest__.py")
    with open(path, encoding="utf-8") as handle:
        manifest = ast.literal_eval(handle.read())
    if not isinstance(manifest, dict):
        raise ReadmeError("%s: not a dictionary" % path)
    return manifest


def read_fragments(addon_dir):
    fragments = {}
    for name in FRAGMENTS:
        path = os.path.join(addon_dir, FRAGMENTS_DIR, name + ".md")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as handle:
                text = handle.read().replace("\r\n", "\n")
            if text.strip():
                fragments[name] = text
    return fragments


def source_digest(manifest, fragments):
    """A digest of what the README is made of (the manifest keys it shows and the fragments)."""
    payload = {
        "manifest": {key: manifest.get(key) for key in MANIFEST_KEYS},
        "fragments": fragments,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def _title(text, char, overline=False):
    rule = char * _width(text)
    return ([rule] if overline else []) + [text, rule, ""]


def render_readme(addon_name, manifest, fragments):
    name = manifest.get("name", addon_name)
    version = manifest.get("version", "")
    series = ".".join(version.split(".")[:2]) if version.count(".") >= 4 else version
    authors = [a.strip() for a in manifest.get("author", "").split(",") if a.strip()]
    maintainers = manifest.get("maintainers") or []
    website = manifest.get("website")
    out = _title(_escape_text(name), "=", overline=True)
    out += [
        "..",
        "   !! This file is generated by setup/gen_readme.py from readme/*.md and",
        "   !! __manifest__.py: changes here are overwritten. Edit the fragments, then run",
        "   !!   .venv/bin/python setup/gen_readme.py %s" % addon_name,
        "   !! source digest: sha256:%s" % source_digest(manifest, fragments),
        "",
    ]
    # the badges of the OCA, as a field list: no image to fetch from the network
    facts = [
        ("Maturity", manifest.get("development_status")),
        ("License", manifest.get("license")),
        ("Version", version),
    ]
    out += [":%s: %s" % (label, _escape_text(value)) for label, value in facts if value]
    out += [":Technical name: ``%s``" % addon_name, ""]
    if manifest.get("summary"):
        out += ["**%s**" % _escape_text(manifest["summary"].strip(), in_markup=True), ""]
    if DESCRIPTION in fragments:
        out += [markdown_to_rst(fragments[DESCRIPTION]), ""]
    out += ["**Table of contents**", "", ".. contents::", "   :local:", ""]
    for fragment, title in SECTIONS:
        if fragment in fragments:
            out += _title(title, "=")
            out += [markdown_to_rst(fragments[fragment]), ""]
    out += _title("Bug Tracker", "=")
    out += [
        "Bugs are tracked in the issue tracker of the repository of the %s addons." % PROJECT,
        "In case of trouble, look there first whether the problem has been reported already.",
        "If not, report it with the module (``%s``) and its version (%s), the steps to"
        % (addon_name, _escape_text(version)),
        "reproduce it, what happened and what you expected.",
        "",
    ]
    out += _title("Credits", "=")
    if authors:
        out += _title("Authors", SUBSECTION_CHARS[0])
        out += ["- %s" % _escape_text(author) for author in authors] + [""]
    for fragment, title in CREDITS_FRAGMENTS:
        if fragment in fragments:
            out += _title(title, SUBSECTION_CHARS[0])
            out += [markdown_to_rst(fragments[fragment]), ""]
    out += _title("Maintainers", SUBSECTION_CHARS[0])
    maintained_by = ", ".join(_escape_text(author) for author in authors) or "its authors"
    out += ["This module is maintained by %s%s." % (maintained_by, " (%s)" % website if website else ""), ""]
    if maintainers:
        label = "Current maintainers" if len(maintainers) > 1 else "Current maintainer"
        out += ["%s: %s." % (label, ", ".join(_escape_text(m) for m in maintainers)), ""]
    out += [
        "This module is part of the %s addons for Odoo %s. You are welcome to contribute." % (PROJECT, series),
    ]
    return "\n".join(out).rstrip("\n") + "\n"


def render_html(readme_text, source_path):
    from docutils.core import publish_string
    from docutils.utils import SystemMessage

    try:
        return publish_string(
            source=readme_text,
            source_path=source_path,
            writer_name="html4css1",
            settings_overrides=DOCUTILS_SETTINGS,
        ).decode("utf-8")
    except SystemMessage as exc:
        raise ReadmeError("%s: docutils: %s" % (source_path, exc)) from exc


def generate(addon_dir):
    """{path: content} of the generated files of one addon."""
    addon_name = os.path.basename(os.path.abspath(addon_dir))
    manifest = read_manifest(addon_dir)
    fragments = read_fragments(addon_dir)
    if DESCRIPTION not in fragments:
        raise ReadmeError("%s: readme/%s.md is missing or empty" % (addon_name, DESCRIPTION))
    readme = render_readme(addon_name, manifest, fragments)
    readme_path = os.path.join(addon_dir, "README.rst")
    html = render_html(readme, os.path.relpath(readme_path, REPO))
    return {
        readme_path: readme,
        os.path.join(addon_dir, "static", "description", "index.html"): html,
    }


def find_addons(root):
    addons = []
    for name in sorted(os.listdir(root)):
        path = os.path.join(root, name)
        if os.path.isfile(os.path.join(path, "__manifest__.py")) and os.path.isdir(os.path.join(path, FRAGMENTS_DIR)):
            if read_manifest(path).get("installable", True):
                addons.append(path)
    return addons


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("addons", nargs="*", help="addon directories (default: every addon of the repository)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a file is stale")
    args = parser.parse_args(argv)
    addon_dirs = args.addons or find_addons(REPO)
    stale = []
    try:
        for addon_dir in addon_dirs:
            for path, content in generate(addon_dir).items():
                current = None
                if os.path.exists(path):
                    with open(path, encoding="utf-8", newline="") as handle:
                        current = handle.read()
                if current == content:
                    continue
                stale.append(os.path.relpath(path, REPO))
                if not args.check:
                    os.makedirs(os.path.dirname(path), exist_ok=True)
                    with open(path, "w", encoding="utf-8", newline="\n") as handle:
                        handle.write(content)
    except ReadmeError as exc:
        print("gen_readme: %s" % exc, file=sys.stderr)
        return 2
    if args.check:
        for path in stale:
            print("%s is stale: run .venv/bin/python setup/gen_readme.py" % path)
        return 1 if stale else 0
    for path in stale:
        print("wrote %s" % path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
