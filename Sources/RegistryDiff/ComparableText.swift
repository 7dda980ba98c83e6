import ASCIIBytes
import RegistryLayoutKit
import RegistryModel

/// Values as a diff compares and shows them under a scope: xrefs reduced to what the weaker
/// layout keeps of them, texts normalised unless compared exactly. Two values are the same
/// when their strings are.
struct ComparableText {
    let scope: DiffScope

    /// A text field: with `exactText`, as read (markup spelled out); otherwise its characters
    /// and xref labels with every run of white space (line breaks included) one space, and none
    /// at either end.
    func text(_ text: RichText?) -> String {
        guard let text else { return "" }
        guard scope.exactText else { return normalisedWhiteSpace(text.plainText) }
        var out = ""
        spell(text, into: &out)
        return out
    }

    /// A text with no markup (a title, a name).
    func plain(_ text: String?) -> String {
        guard let text else { return "" }
        return scope.exactText ? text : normalisedWhiteSpace(text)
    }

    /// Several texts (a record's notes): apart, or run together, each trimmed, as CSV runs
    /// them together when a layout cannot keep them apart.
    func texts(_ texts: [RichText], separate: Bool) -> String {
        separate ? texts.map(text).joined(separator: " | ") : texts.map(text).joined()
    }

    /// Xrefs in a people column (Assignee, Contact) or a Reference column; a text xref's label
    /// is text, its white space normalised like any other unless compared exactly.
    func xrefs(_ xrefs: [Xref], people: Bool) -> String {
        let spelled = xrefs.map { spell(reduced($0, person: people)) }.joined()
        return scope.exactText ? spelled : normalisedWhiteSpace(spelled)
    }

    /// The xref as the weaker layout gives it back.
    private func reduced(_ xref: Xref, person: Bool) -> Xref {
        switch scope.xrefs {
        case .full: xref
        case .links: Xref(link: xref.linkTarget, label: xref.label)
        case .labels: person ? Xref.person(label: xref.label) : Xref.reference(label: xref.label)
        }
    }

    /// `[LABEL]`, with the xref's type and target after it when the label alone would not
    /// give them back.
    private func spell(_ xref: Xref) -> String {
        guard !xref.survivesAsLabel else { return "[\(xref.label)]" }
        let attributes = xref.attributes.map { " \($0.name)=\($0.value)" }.joined()
        return "[\(xref.label)](\(xref.type.text)\(xref.data.map { " " + $0 } ?? "")\(attributes))"
    }

    private func spell(_ text: RichText, into out: inout String) {
        for inline in text.content {
            switch inline {
            case .text(let characters): out += characters
            case .lineBreak: out += "<br/>"
            case .xref(let xref): out += spell(reduced(xref, person: false))
            case .paragraph(let inner):
                out += "<p>"
                spell(inner, into: &out)
                out += "</p>"
            }
        }
    }
}

/// Every run of ASCII white space as one space, none at either end.
func normalisedWhiteSpace(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for byte in text.utf8 {
        if ASCII.isWhiteSpace(byte) {
            pendingSpace = !out.isEmpty
        } else {
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            out.append(byte)
        }
    }
    return String(decoding: out, as: UTF8.self)
}
