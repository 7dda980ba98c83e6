import RegistryLayoutKit
import RegistryModel

/// Writes the registry as one standalone XHTML page in the structure of IANA's page: the title,
/// the metadata list, `<table id="table-service-names-port-numbers">` with IANA's 12 columns,
/// the people table ("Contact Information", anchors `#Person_Id`) and the footnotes
/// (anchors `#noteN`), xrefs as IANA links them. UTF-8, well-formed XML, no external assets:
/// the style sheet and a small sorting and filtering script are inline.
///
/// So that the page reads back into the same registry: `<br/>` stays `<br/>`, a `<paragraph>`
/// is `<p>` in a cell (`<span class="paragraph">` where `<p>` cannot go), several notes of one
/// record each sit in `<div class="note">`, and the category, which IANA's page leaves out,
/// is a `Category` entry of the list. What the page cannot carry is reported (`LossReport`).
public enum HTMLWriter: RegistryWriter {
    public static let name = "html"
    public static let aliases = ["xhtml"]

    public static func write(_ registry: Registry, to out: inout OutputBuffer, losses: inout LossReport) {
        var page = HTMLPageWriter(losses: losses)
        page.document(registry, into: &out)
        losses = page.losses
    }
}

/// The writer's running state: only the loss report, threaded through the page.
private struct HTMLPageWriter {
    var losses: LossReport

    mutating func document(_ registry: Registry, into out: inout OutputBuffer) {
        let title = registry.title ?? RegistryPage.defaultTitle
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
        out.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n")
        out.append("<meta charset=\"UTF-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        out.append("<script>")
        out.append(HTMLPageAssets.headScript)
        out.append("</script>\n")
        out.append("<title>")
        out.escapedText(title)
        out.append("</title>\n<style>")
        out.append(HTMLPageAssets.style)
        out.append("</style>\n</head>\n<body>\n<article>\n")
        if let heading = registry.title {
            out.append("<h1>")
            out.escapedText(heading)
            out.append("</h1>\n")
        }
        metadata(registry, into: &out)
        records(registry, into: &out)
        if let people = registry.people { self.people(people, into: &out) }
        footnotes(registry.footnotes, into: &out)
        out.append("</article>\n<script>//<![CDATA[\n")
        out.append(HTMLPageAssets.script)
        out.append("//]]></script>\n</body>\n</html>\n")
    }

    // MARK: metadata

    private mutating func metadata(_ registry: Registry, into out: inout OutputBuffer) {
        out.append("<dl>\n")
        if let category = registry.category { Self.term(MetadataLabel.category, into: &out) { $0.escapedText(category) } }
        if let updated = registry.updated { Self.term(MetadataLabel.lastUpdated, into: &out) { $0.escapedText(updated.text) } }
        if !registry.experts.isEmpty {
            Self.term(MetadataLabel.experts, into: &out) { out in
                for expert in registry.experts { self.block(expert, into: &out) }
            }
        }
        if !registry.references.isEmpty {
            Self.term(MetadataLabel.reference, into: &out) { out in self.xrefs(registry.references, into: &out) }
        }
        for note in registry.notes {
            Self.term(note.title ?? MetadataLabel.note, into: &out) { out in self.block(note.text, into: &out) }
        }
        out.append("</dl>\n")
    }

    private static func term(_ name: String, into out: inout OutputBuffer, _ body: (inout OutputBuffer) -> Void) {
        out.append("<dt>")
        out.escapedText(name)
        out.append("</dt><dd>")
        body(&out)
        out.append("</dd>\n")
    }

    /// Free text shown as IANA shows it, in `<pre>`.
    private mutating func block(_ text: RichText, into out: inout OutputBuffer) {
        out.append("<pre>")
        rich(text, into: &out, paragraphsAsP: false)
        out.append("</pre>")
    }

    // MARK: records

    private mutating func records(_ registry: Registry, into out: inout OutputBuffer) {
        out.append("<p class=\"filter\" hidden=\"hidden\"><label for=\"filter\">Filter records</label> ")
        out.append("<input type=\"search\" id=\"filter\" placeholder=\"a port (4250, 53/udp), a name, any words\"/> ")
        out.append("<span id=\"shown\"></span></p>\n<table")
        if let id = registry.id { out.attribute("id", "table-" + id) }
        out.append(" class=\"sortable records\">\n<thead><tr>")
        for column in RegistryColumn.allCases {
            out.append(column == .number ? "<th class=\"sortNumeric\">" : "<th>")
            out.escapedText(column.title)
            out.append("</th>")
        }
        out.append("</tr></thead>\n<tbody>\n")
        for record in registry.records { self.record(record, into: &out) }
        out.append("</tbody>\n</table>\n")
    }

    private mutating func record(_ record: Record, into out: inout OutputBuffer) {
        out.append("<tr>")
        record.forEachCell { column, cell in
            out.append(column.isCentred ? "<td align=\"center\">" : "<td>")
            switch cell {
            case .text(let text): out.escapedText(text ?? "")
            case .richText(let text): if let text { rich(text, into: &out) }
            case .notes(let notes): self.notes(notes, into: &out)
            case .xrefs(let xrefs, let kind): self.xrefs(xrefs, only: kind, into: &out)
            }
            out.append("</td>")
        }
        out.append("</tr>\n")
        losses.noteColumnLosses(record, xrefsAs: .link)
    }

    /// One note as IANA shows it; several each in a `<div class="note">`, so they stay apart.
    private mutating func notes(_ notes: [RichText], into out: inout OutputBuffer) {
        if notes.count == 1 {
            rich(notes[0], into: &out)
            return
        }
        for note in notes {
            out.append("<div class=\"note\">")
            rich(note, into: &out)
            out.append("</div>")
        }
    }

    // MARK: rich text and xrefs

    /// Character data, `<br/>`, xrefs as links and paragraphs. `<p>` cannot nest, nor stand in
    /// `<pre>`; there a paragraph is a `<span class="paragraph">`, which the reader takes alike.
    private mutating func rich(_ text: RichText, into out: inout OutputBuffer, paragraphsAsP: Bool = true) {
        for inline in text.content {
            switch inline {
            case .text(let characters): out.escapedText(characters)
            case .lineBreak: out.append("<br/>")
            case .xref(let xref):
                // Inside text, `[label]` without a link reads back as text, not as an xref.
                if xref.linkTarget == nil { losses.note(.xrefTargets) }
                self.xref(xref, into: &out)
            case .paragraph(let inner):
                out.append(paragraphsAsP ? "<p>" : "<span class=\"paragraph\">")
                rich(inner, into: &out, paragraphsAsP: false)
                out.append(paragraphsAsP ? "</p>" : "</span>")
            }
        }
    }

    /// The xrefs of `kind` (all when nil).
    private mutating func xrefs(_ xrefs: [Xref], only kind: XrefKind? = nil, into out: inout OutputBuffer) {
        for xref in xrefs where kind?.includes(xref) ?? true { self.xref(xref, into: &out) }
    }

    /// `[<a href="TARGET">LABEL</a>]`, or `[TEXT]` for a text xref; counted as lost when the
    /// link does not give the same xref back (an unusual attribute, a type with no link form).
    private mutating func xref(_ xref: Xref, into out: inout OutputBuffer) {
        let target = xref.linkTarget
        let label = xref.label
        if Xref(link: target, label: label) != xref || (target == nil && !label.hasBalancedBrackets) {
            losses.note(.xrefTargets)
        }
        out.append(byte: UInt8(ascii: "["))
        if let target {
            out.append("<a")
            out.attribute("href", target)
            out.append(">")
            out.escapedText(label)
            out.append("</a>")
        } else {
            out.escapedText(label)
        }
        out.append(byte: UInt8(ascii: "]"))
    }

    // MARK: people and footnotes

    private mutating func people(_ people: [Person], into out: inout OutputBuffer) {
        out.append("<h1 class=\"people\">\(PageSection.people)</h1>\n<table class=\"sortable\">\n<thead><tr>")
        for title in PeopleColumn.titles { out.append("<th>\(title)</th>") }
        out.append("</tr></thead>\n<tbody>\n")
        for person in people {
            out.append("<tr><td><a")
            out.attribute("name", person.id)
            out.attribute("id", person.id)
            out.append(">[")
            out.escapedText(person.id)
            out.append("]</a></td><td>")
            out.escapedText(person.name ?? "")
            out.append("</td><td>")
            out.escapedText(person.organization ?? "")
            out.append("</td><td>")
            // An empty URI would be an empty link, which reads back as none: it is left out
            // (and counted among the empty elements below).
            for (index, uri) in person.uris.filter({ !$0.isEmpty }).enumerated() {
                if index > 0 { out.append("<br/>") }
                out.append("<a")
                out.attribute("href", uri)
                out.append(">")
                out.escapedText(uri)
                out.append("</a>")
            }
            out.append("</td><td>")
            out.escapedText(person.updated?.text ?? "")
            out.append("</td></tr>\n")
            let empty = [person.name, person.organization, person.updated?.text].count { $0?.isEmpty == true }
                + person.uris.count { $0.isEmpty }
            losses.note(.emptyElements, count: empty)
        }
        out.append("</tbody>\n</table>\n")
    }

    private mutating func footnotes(_ footnotes: [Footnote], into out: inout OutputBuffer) {
        guard !footnotes.isEmpty else { return }
        out.append("<h1>\(PageSection.footnotes(count: footnotes.count))</h1>\n<table class=\"fn\">\n")
        for footnote in footnotes {
            out.append("<tr><td class=\"fn\" valign=\"top\"><a")
            out.attribute("name", "note" + footnote.anchor)
            out.attribute("id", "note" + footnote.anchor)
            out.append(">[")
            out.escapedText(footnote.anchor)
            out.append("]</a></td><td class=\"fn\">")
            block(footnote.text, into: &out)
            out.append("</td></tr>\n")
        }
        out.append("</table>\n")
    }
}

extension String {
    /// True when every `[` has its `]`, so `[self]` reads back as one bracketed label.
    fileprivate var hasBalancedBrackets: Bool {
        var depth = 0
        for byte in utf8 {
            if byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "]") {
                depth -= 1
                if depth < 0 { return false }
            }
        }
        return depth == 0
    }
}
