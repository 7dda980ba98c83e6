import ASCIIBytes
import RegistryModel

/// How IANA's HTML page shows an xref: `[<a href="TARGET">LABEL</a>]`, or `[TEXT]` for a text
/// xref, which has no target. The HTML writer makes links with `link`; the HTML reader turns
/// them back into xrefs with `init(link:label:)`. An xref for which that round trip does not
/// give the same xref back cannot be carried by the page (the writer reports it).
extension Xref {
    /// IANA's redirector for RFCs and Internet-Drafts.
    static let goPrefix = "https://www.iana.org/go/"

    /// The link target the page uses, or nil for text (and unknown types), which have none.
    public var linkTarget: String? {
        switch type {
        case .rfc: return Xref.goPrefix + (data ?? "") + sectionFragment
        case .draft:
            // IANA links `RFC-ietf-x-12` (a draft approved as an RFC) to the draft, `draft-ietf-x-12`.
            let name = data ?? ""
            let target = name.hasPrefix("RFC-") ? "draft-" + name.dropFirst(4) : Substring(name)
            return Xref.goPrefix + target + sectionFragment
        case .person: return "#" + (data ?? "")
        case .note: return "#note" + (data ?? "")
        case .uri: return data
        case .text, .other: return nil
        }
    }

    /// `#section-4.3` when the xref names a section, as IANA's page links it.
    private var sectionFragment: String {
        attributes.first { $0.name == "section" }.map { "#section-" + $0.value } ?? ""
    }

    /// The xref a link on the page stands for: `…/go/rfcN` → rfc, `…/go/draft-…` → draft,
    /// `#noteN` → note, other `#id` → person, any other URL → uri, no link → text. The label
    /// becomes the xref's text only when it is not what the target alone would show.
    public init(link target: String?, label: String, location: SourceLocation? = nil) {
        guard let target else {
            self.init(type: .text, text: label, location: location)
            return
        }
        if target.hasPrefix("#") {
            let id = String(target.dropFirst())
            let anchor = id.dropFirst(4)
            if id.hasPrefix("note"), ASCII.isDigits(anchor.utf8) {
                self.init(type: .note, data: String(anchor), text: label == anchor ? nil : label, location: location)
            } else {
                self.init(type: .person, data: id, text: label == id ? nil : label, location: location)
            }
            return
        }
        if let name = Xref.goName(target) {
            var attributes: [XrefAttribute] = []
            var document = name
            if let hash = name.firstIndex(of: "#"), name[hash...].hasPrefix("#section-") {
                document = String(name[..<hash])
                attributes = [XrefAttribute(name: "section", value: String(name[hash...].dropFirst(9)))]
            }
            if let rfc = Xref.rfcTarget(document) {
                let text = label == rfc.uppercased() ? nil : label
                self.init(type: .rfc, data: rfc, text: text, attributes: attributes, location: location)
                return
            }
            if document.hasPrefix("draft-") {
                // The label says whether the draft was named `RFC-…` (approved) or `draft-…`.
                let approved = "RFC-" + document.dropFirst(6)
                let data = label == approved || label.hasPrefix(approved + ",") || label.hasPrefix(approved + " ")
                    ? approved : document
                self.init(type: .draft, data: data, text: label == data ? nil : label, attributes: attributes, location: location)
                return
            }
        }
        self.init(type: .uri, data: target, text: label == target ? nil : label, location: location)
    }

    /// What follows IANA's redirector (`https://www.iana.org/go/`, `http://…`, or `/go/`), if
    /// the target goes through it.
    private static func goName(_ target: String) -> String? {
        for prefix in ["https://www.iana.org/go/", "http://www.iana.org/go/", "/go/"] where target.hasPrefix(prefix) {
            return String(target.dropFirst(prefix.count))
        }
        return nil
    }

    /// `rfc` and digits, the whole name: the xref data of an RFC.
    private static func rfcTarget(_ name: String) -> String? {
        let digits = name.utf8.dropFirst(3)
        guard name.hasPrefix("rfc"), ASCII.isDigits(digits) else { return nil }
        return name
    }
}
