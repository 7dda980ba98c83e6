internal import CLibXML2

/// What IANA's HTML page cannot show of the registry XML, removed from a parsed document so
/// that XML read from the page and the XML it was made from compare equal when nothing else
/// differs: the `<category>`, the order of a record's elements (the page has columns, so the
/// usual order, contacts before other references), an `<assignee>` naming exactly the contacts
/// (the page shows the contacts as the assignee then), and empty elements (an empty cell).
enum PageView {
    static let usualOrder = ["name", "protocol", "assignee", "xref", "description", "number", "sc", "unauthorized", "note"]

    static func apply(to document: xmlDocPtr) {
        guard let registry = xmlDocGetRootElement(document) else { return }
        for child in elements(registry) {
            switch name(child) {
            case "category": remove(child)
            case "record": record(child)
            case "people": for person in elements(child) { removeEmpty(in: person) }
            default: break
            }
        }
    }

    private static func record(_ record: xmlNodePtr) {
        removeEmpty(in: record)
        let children = elements(record)
        let contacts = children.filter(isPerson).map(describe)
        if let assignee = children.first(where: { name($0) == "assignee" }), elements(assignee).map(describe) == contacts {
            remove(assignee)
        }
        let ordered = elements(record).enumerated().sorted { a, b in
            (rank(a.element), a.offset) < (rank(b.element), b.offset)
        }
        for (_, child) in ordered {
            xmlUnlinkNode(child)
            xmlAddChild(record, child)
        }
    }

    /// The usual order's position; a contact goes before the other references.
    private static func rank(_ node: xmlNodePtr) -> Int {
        let position = 2 * (usualOrder.firstIndex(of: name(node)) ?? usualOrder.count)
        return name(node) == "xref" && !isPerson(node) ? position + 1 : position
    }

    private static func removeEmpty(in parent: xmlNodePtr) {
        for child in elements(parent) where name(child) != "xref" && child.pointee.children == nil && child.pointee.properties == nil {
            remove(child)
        }
    }

    private static func elements(_ parent: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var node = parent.pointee.children
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE { out.append(current) }
            node = current.pointee.next
        }
        return out
    }

    private static func isPerson(_ node: xmlNodePtr) -> Bool {
        name(node) == "xref" && attribute(node, "type") == "person"
    }

    private static func describe(_ node: xmlNodePtr) -> String {
        "\(attribute(node, "type") ?? "")|\(attribute(node, "data") ?? "")"
    }

    private static func attribute(_ node: xmlNodePtr, _ attribute: String) -> String? {
        guard let value = xmlGetProp(node, attribute) else { return nil }
        defer { ianaconv_xml_free(value) }
        return String(cString: value)
    }

    private static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    private static func remove(_ node: xmlNodePtr) {
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }
}
