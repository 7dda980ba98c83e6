import RegistryModel

/// The open elements of the registry XML, and what each may contain.
extension XMLRegistryBuilder {
    enum Frame: Equatable {
        case document, registry, record, assignee, people, person, paragraph, lineBreak
        case leaf(Leaf)
        case rich(RichTarget)
        case xref(XrefOwner)

        /// The frame for element `name` inside this one, or nil when it may not appear here.
        func child(_ name: ElementName) -> Frame? {
            switch (self, name) {
            case (.document, .registry): .registry
            case (.registry, .title): .leaf(.title)
            case (.registry, .category): .leaf(.category)
            case (.registry, .updated): .leaf(.registryUpdated)
            case (.registry, .xref): .xref(.registryReference)
            case (.registry, .expert): .rich(.expert)
            case (.registry, .note): .rich(.registryNote)
            case (.registry, .record): .record
            case (.registry, .footnote): .rich(.footnote)
            case (.registry, .people): .people
            case (.record, .name): .leaf(.name)
            case (.record, .protocol): .leaf(.transportProtocol)
            case (.record, .number): .leaf(.number)
            case (.record, .sc): .leaf(.serviceCode)
            case (.record, .description): .rich(.description)
            case (.record, .unauthorized): .rich(.unauthorized)
            case (.record, .note): .rich(.recordNote)
            case (.record, .assignee): .assignee
            case (.record, .xref): .xref(.recordXref)
            case (.assignee, .xref): .xref(.assignee)
            case (.people, .person): .person
            case (.person, .name): .leaf(.personName)
            case (.person, .org): .leaf(.organization)
            case (.person, .uri): .leaf(.uri)
            case (.person, .updated): .leaf(.personUpdated)
            case (.rich, .br), (.paragraph, .br): .lineBreak
            case (.rich, .xref), (.paragraph, .xref): .xref(.inline)
            case (.rich, .paragraph), (.paragraph, .paragraph): .paragraph
            default: nil
            }
        }

        /// A bit for each element its parent may hold only once, as the model has one place
        /// for it; nil for elements that repeat. RELAX NG could say "at most once, in any
        /// order" only with `interleave`, which libxml2 cannot validate as a stream, so the
        /// reader says it, at the second element's own line and column.
        var singleValueBit: UInt16? {
            switch self {
            case .leaf(.title): 1 << 0
            case .leaf(.category): 1 << 1
            case .leaf(.registryUpdated): 1 << 2
            case .leaf(.name), .leaf(.personName): 1 << 3
            case .leaf(.transportProtocol), .leaf(.organization): 1 << 4
            case .leaf(.number), .leaf(.personUpdated): 1 << 5
            case .leaf(.serviceCode): 1 << 6
            case .rich(.description): 1 << 7
            case .rich(.unauthorized): 1 << 8
            case .assignee: 1 << 9
            default: nil
            }
        }

        /// The bits of the registry's own single-valued children, kept across its records.
        static let registrySingleValueBits: UInt16 = 0b111

        var allowedAttributes: [StaticString] {
            switch self {
            case .registry: ["id"]
            case .record: ["date", "updated"]
            case .person: ["id"]
            case .rich(.registryNote): ["title"]
            case .rich(.footnote): ["anchor"]
            default: []
            }
        }

        var description: String {
            switch self {
            case .document: "the document"
            case .registry: "<registry>"
            case .record: "<record>"
            case .assignee: "<assignee>"
            case .people: "<people>"
            case .person: "<person>"
            case .paragraph: "<paragraph>"
            case .lineBreak: "<br>"
            case .leaf(let leaf): "<\(leaf.elementName)>"
            case .rich(let target): "<\(target.elementName)>"
            case .xref: "<xref>"
            }
        }
    }

    /// Elements holding plain text only.
    enum Leaf {
        case title, category, registryUpdated, name, transportProtocol, number, serviceCode
        case personName, organization, uri, personUpdated

        var elementName: String {
            switch self {
            case .title: "title"
            case .category: "category"
            case .registryUpdated, .personUpdated: "updated"
            case .name, .personName: "name"
            case .transportProtocol: "protocol"
            case .number: "number"
            case .serviceCode: "sc"
            case .organization: "org"
            case .uri: "uri"
            }
        }
    }

    /// Elements holding rich text.
    enum RichTarget {
        case description, unauthorized, recordNote, expert, registryNote, footnote

        var elementName: String {
            switch self {
            case .description: "description"
            case .unauthorized: "unauthorized"
            case .recordNote, .registryNote: "note"
            case .expert: "expert"
            case .footnote: "footnote"
            }
        }
    }

    enum XrefOwner {
        case registryReference, recordXref, assignee, inline
    }
}
