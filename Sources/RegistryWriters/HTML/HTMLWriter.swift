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

    /// The people table's heading on IANA's page (2015 pages say "People").
    static let peopleHeading = "Contact Information"
    static let peopleColumns = ["ID", "Name", "Organization", "Contact URI", "Last Updated"]
    /// Port, protocol and service code are centred, as on IANA's page.
    static let centredColumns: Set<Int> = [1, 2, 9]

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
        let title = registry.title ?? "Service Name and Transport Protocol Port Number Registry"
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
        if let category = registry.category { Self.term("Category", into: &out) { $0.escapedText(category) } }
        if let updated = registry.updated { Self.term("Last Updated", into: &out) { $0.escapedText(updated.text) } }
        if !registry.experts.isEmpty {
            Self.term("Expert(s)", into: &out) { out in
                for expert in registry.experts { self.block(expert, into: &out) }
            }
        }
        if !registry.references.isEmpty {
            Self.term("Reference", into: &out) { out in self.xrefs(registry.references, into: &out) }
        }
        for note in registry.notes {
            Self.term(note.title ?? "Note", into: &out) { out in self.block(note.text, into: &out) }
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
        for (index, column) in CSVWriter.header.enumerated() {
            out.append(index == 1 ? "<th class=\"sortNumeric\">" : "<th>")
            out.escapedText(column)
            out.append("</th>")
        }
        out.append("</tr></thead>\n<tbody>\n")
        for record in registry.records { self.record(record, into: &out) }
        out.append("</tbody>\n</table>\n")
    }

    private mutating func record(_ record: Record, into out: inout OutputBuffer) {
        out.append("<tr>")
        let contacts = record.contacts
        Self.cell(0, into: &out) { $0.escapedText(record.name?.text ?? "") }
        Self.cell(1, into: &out) { $0.escapedText(record.number?.text ?? "") }
        Self.cell(2, into: &out) { $0.escapedText(record.transportProtocol?.text ?? "") }
        Self.cell(3, into: &out) { out in if let description = record.description { self.rich(description, into: &out) } }
        Self.cell(4, into: &out) { out in self.xrefs(record.assignees ?? contacts, into: &out) }
        Self.cell(5, into: &out) { out in self.xrefs(contacts, into: &out) }
        Self.cell(6, into: &out) { $0.escapedText(record.registrationDate?.text ?? "") }
        Self.cell(7, into: &out) { $0.escapedText(record.modificationDate?.text ?? "") }
        Self.cell(8, into: &out) { out in self.xrefs(record.references, into: &out) }
        Self.cell(9, into: &out) { $0.escapedText(record.serviceCode?.text ?? "") }
        Self.cell(10, into: &out) { out in if let unauthorized = record.unauthorizedUse { self.rich(unauthorized, into: &out) } }
        Self.cell(11, into: &out) { out in self.notes(record.notes, into: &out) }
        out.append("</tr>\n")
        noteLosses(record, contacts: contacts)
    }

    /// What reading this row back would not restore.
    private mutating func noteLosses(_ record: Record, contacts: [Xref]) {
        if let assignees = record.assignees, assignees == contacts { losses.note(.assigneeElement) }
        // The reader puts contacts before references, in the usual element order.
        let contactsFirst = !record.xrefs.drop { $0.type == .person }.contains { $0.type == .person }
        if !record.isInUsualOrder || !contactsFirst { losses.note(.elementOrder) }
        losses.noteEmptyElements(record)
    }

    private static func cell(_ column: Int, into out: inout OutputBuffer, _ body: (inout OutputBuffer) -> Void) {
        out.append(HTMLWriter.centredColumns.contains(column) ? "<td align=\"center\">" : "<td>")
        body(&out)
        out.append("</td>")
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

    private mutating func xrefs(_ xrefs: [Xref], into out: inout OutputBuffer) {
        for xref in xrefs { self.xref(xref, into: &out) }
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
        out.append("<h1 class=\"people\">\(HTMLWriter.peopleHeading)</h1>\n<table class=\"sortable\">\n<thead><tr>")
        for column in HTMLWriter.peopleColumns { out.append("<th>\(column)</th>") }
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
            for (index, uri) in person.uris.enumerated() {
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
        out.append("<h1>Footnote\(footnotes.count == 1 ? "" : "s")</h1>\n<table class=\"fn\">\n")
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
