import RegistryLayoutKit
import RegistryModel

/// Writes IANA's registry XML: the same processing instructions, namespace, element names and
/// two-space indentation as IANA's file, each record's elements in the order they were read.
/// XML carries the whole model, so it reports no losses.
public enum XMLWriter: RegistryWriter {
    public static let name = "xml"
    public static let aliases: [String] = []

    public static func write(_ registry: Registry, to out: inout OutputBuffer, losses: inout LossReport) {
        out.append("<?xml version='1.0' encoding='UTF-8'?>\n")
        for misc in registry.prologToWrite.beforeRoot { out.misc(misc) }
        out.append("<registry xmlns=\"\(RegistryPage.namespace)\"")
        if let registryID = registry.id { out.attribute("id", registryID) }
        out.append(">\n")
        if let title = registry.title { out.leaf("title", title, indent: 1) }
        if let category = registry.category { out.leaf("category", category, indent: 1) }
        if let updated = registry.updated { out.leaf("updated", updated.text, indent: 1) }
        for reference in registry.references { out.xref(reference, indent: 1) }
        for expert in registry.experts { out.rich("expert", expert, indent: 1) }
        for note in registry.notes {
            out.rich("note", note.text, indent: 1, attributes: note.title.map { [("title", $0)] } ?? [])
        }
        for record in registry.records { out.record(record) }
        for footnote in registry.footnotes {
            out.rich("footnote", footnote.text, indent: 1, attributes: [("anchor", footnote.anchor)])
        }
        if let people = registry.people {
            out.append(people.isEmpty ? "  <people/>\n" : "  <people>\n")
            for person in people { out.person(person) }
            if !people.isEmpty { out.append("  </people>\n") }
        }
        out.append("</registry>\n")
        for misc in registry.prologToWrite.afterRoot { out.misc(misc) }
    }
}

extension Registry {
    /// The prolog read from XML, or today's (IANA's stylesheet and schema) for a registry read
    /// from another layout; with the CSV rule it was read in when its date does not imply it.
    var prologToWrite: XMLProlog {
        let id = self.id ?? "service-names-port-numbers"
        var prolog = prolog ?? XMLProlog(beforeRoot: [
            .processingInstruction(target: "xml-stylesheet", data: "type=\"text/xsl\" href=\"\(id).xsl\""),
            .processingInstruction(target: "xml-model", data: "href=\"\(id).rng\" schematypens=\"http://relaxng.org/ns/structure/1.0\" "),
        ])
        if let csvStyle, csvStyle != CSVStyle(inForceOn: updated?.value) {
            prolog.beforeRoot.append(.processingInstruction(target: XMLMisc.csvStyleTarget, data: csvStyle.rawValue))
        }
        return prolog
    }
}

extension OutputBuffer {
    /// A comment or processing instruction on a line of its own.
    fileprivate mutating func misc(_ misc: XMLMisc) {
        switch misc {
        case .comment(let text): append("<!--\(text)-->\n")
        case .processingInstruction(let target, let data): append(data.isEmpty ? "<?\(target)?>\n" : "<?\(target) \(data)?>\n")
        }
    }
}

extension OutputBuffer {
    fileprivate mutating func record(_ record: Record) {
        append("  <record")
        if let date = record.registrationDate { attribute("date", date.text) }
        if let updated = record.modificationDate { attribute("updated", updated.text) }
        append(">\n")
        var xrefs = record.xrefs.makeIterator()
        var notes = record.notes.makeIterator()
        for element in record.orderedElements {
            switch element {
            case .name: leaf("name", record.name!.text, indent: 2)
            case .transportProtocol: leaf("protocol", record.transportProtocol!.text, indent: 2)
            case .number: leaf("number", record.number!.text, indent: 2)
            case .serviceCode: leaf("sc", record.serviceCode!.text, indent: 2)
            case .description: rich("description", record.description!, indent: 2)
            case .unauthorized: rich("unauthorized", record.unauthorizedUse!, indent: 2)
            case .note: rich("note", notes.next()!, indent: 2)
            case .xref: xref(xrefs.next()!, indent: 2)
            case .assignee:
                let assignees = record.assignees!
                append(assignees.isEmpty ? "    <assignee/>\n" : "    <assignee>\n")
                for assignee in assignees { xref(assignee, indent: 3) }
                if !assignees.isEmpty { append("    </assignee>\n") }
            }
        }
        append("  </record>\n")
    }

    fileprivate mutating func person(_ person: Person) {
        append("    <person")
        attribute("id", person.id)
        append(">\n")
        if let name = person.name { leaf("name", name, indent: 3) }
        if let organization = person.organization { leaf("org", organization, indent: 3) }
        for uri in person.uris { leaf("uri", uri, indent: 3) }
        if let updated = person.updated { leaf("updated", updated.text, indent: 3) }
        append("    </person>\n")
    }

    fileprivate mutating func leaf(_ element: String, _ text: String, indent: Int) {
        self.indent(indent)
        // An empty element as IANA writes it (`<name/>`).
        guard !text.isEmpty else { return append("<\(element)/>\n") }
        append("<\(element)>")
        escapedText(text)
        append("</\(element)>\n")
    }

    fileprivate mutating func rich(
        _ element: String, _ text: RichText, indent: Int, attributes: [(String, String)] = []
    ) {
        self.indent(indent)
        append("<\(element)")
        for (name, value) in attributes { attribute(name, value) }
        if text.isEmpty {
            append("/>\n")
            return
        }
        append(">")
        inlines(text)
        append("</\(element)>\n")
    }

    private mutating func inlines(_ text: RichText) {
        for inline in text.content {
            switch inline {
            case .text(let characters): escapedText(characters)
            case .lineBreak: append("<br/>")
            case .xref(let reference): xrefElement(reference)
            case .paragraph(let inner):
                append("<paragraph>")
                inlines(inner)
                append("</paragraph>")
            }
        }
    }

    fileprivate mutating func xref(_ reference: Xref, indent: Int) {
        self.indent(indent)
        xrefElement(reference)
        append(byte: UInt8(ascii: "\n"))
    }

    private mutating func xrefElement(_ reference: Xref) {
        append("<xref")
        attribute("type", reference.type.text)
        if let data = reference.data { attribute("data", data) }
        for extra in reference.attributes { attribute(extra.name, extra.value) }
        if let text = reference.text {
            append(">")
            escapedText(text)
            append("</xref>")
        } else {
            append("/>")
        }
    }

    private mutating func indent(_ level: Int) {
        for _ in 0..<level { append("  ") }
    }

    mutating func attribute(_ name: String, _ value: String) {
        append(" \(name)=\"")
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: "\""): append("&quot;")
            // Attribute-value normalisation would turn these into spaces on reading.
            case 0x09: append("&#9;")
            case 0x0A: append("&#10;")
            case 0x0D: append("&#13;")
            default: append(byte: byte)
            }
        }
        append(byte: UInt8(ascii: "\""))
    }

    /// `>` is escaped too, so `]]>` cannot occur (XHTML shares this).
    mutating func escapedText(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case 0x0D: append("&#13;")  // a literal CR would be read back as a line feed
            default: append(byte: byte)
            }
        }
    }
}
