internal import CLibXML2

/// A record's fields as a layout that shows text (the text page, CSV) can carry them, read from
/// registry XML with libxml2's tree API (independently of ianaconv's reader). Exact fields are
/// compared as they are; free text (description, notes, unauthorized use) after white-space
/// normalisation, with xrefs as `[LABEL]` and line breaks as blanks.
public struct RecordFields: Equatable, CustomStringConvertible, Sendable {
    public var name = "", number = "", transportProtocol = "", registered = "", modified = ""
    public var assignees: [String] = [], contacts: [String] = [], references: [String] = []
    public var serviceCode = ""
    public var descriptionText = "", unauthorized = "", notes = ""

    public var description: String {
        "\(name) \(number)/\(transportProtocol) [\(registered) \(modified)] assignees \(assignees) contacts \(contacts) refs \(references) sc \(serviceCode) desc \"\(descriptionText)\" unauth \"\(unauthorized)\" notes \"\(notes)\""
    }

    /// The names of the fields that differ.
    public func differences(_ other: RecordFields) -> [String] {
        var found: [String] = []
        if name != other.name { found.append("name") }
        if number != other.number { found.append("number") }
        if transportProtocol != other.transportProtocol { found.append("protocol") }
        if registered != other.registered || modified != other.modified { found.append("dates") }
        if assignees != other.assignees { found.append("assignee") }
        if contacts != other.contacts { found.append("contact") }
        if references != other.references { found.append("reference") }
        if serviceCode != other.serviceCode { found.append("service code") }
        if descriptionText != other.descriptionText { found.append("description") }
        if unauthorized != other.unauthorized { found.append("unauthorized") }
        if notes != other.notes { found.append("notes") }
        return found
    }

    /// Every record of a registry document, in order; nil when it does not parse.
    public static func all(in bytes: [UInt8]) -> [RecordFields]? {
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), "memory.xml", nil, Int32(XML_PARSE_NONET.rawValue))
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        var records: [RecordFields] = []
        for node in children(xmlDocGetRootElement(document)) where name(node) == "record" {
            records.append(fields(of: node))
        }
        return records
    }

    private static func fields(of record: xmlNodePtr) -> RecordFields {
        var fields = RecordFields()
        fields.registered = attribute(record, "date")
        fields.modified = attribute(record, "updated")
        var assignees: [String]?
        var notes: [String] = []
        for child in children(record) {
            switch name(child) {
            case "name": fields.name = content(child)
            case "number": fields.number = content(child)
            case "protocol": fields.transportProtocol = content(child)
            case "sc": fields.serviceCode = content(child)
            case "description": fields.descriptionText = normalized(child)
            case "unauthorized": fields.unauthorized = normalized(child)
            case "note": notes.append(normalized(child))
            case "assignee": assignees = children(child).filter { name($0) == "xref" }.map(label)
            case "xref":
                if attribute(child, "type") == "person" {
                    fields.contacts.append(label(child))
                } else {
                    fields.references.append(label(child))
                }
            default: break
            }
        }
        fields.assignees = assignees ?? fields.contacts
        fields.notes = notes.joined(separator: " ")
        return fields
    }

    /// What the page prints between the brackets (white space inside a free-text label folded,
    /// as the page reflows it).
    private static func label(_ xref: xmlNodePtr) -> String {
        let text = content(xref)
        if !text.isEmpty { return folded(text) }
        let data = attribute(xref, "data")
        return attribute(xref, "type") == "rfc" ? data.uppercased() : data
    }

    private static func normalized(_ node: xmlNodePtr) -> String {
        var out = ""
        func walk(_ node: xmlNodePtr) {
            for child in children(node, includingText: true) {
                switch child.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: out += content(child)
                case XML_ELEMENT_NODE where name(child) == "xref": out += "[\(label(child))]"
                case XML_ELEMENT_NODE where name(child) == "br": out += " "
                case XML_ELEMENT_NODE: out += " "; walk(child); out += " "
                default: break
                }
            }
        }
        walk(node)
        return folded(out)
    }

    private static func folded(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    private static func children(_ node: xmlNodePtr?, includingText: Bool = false) -> [xmlNodePtr] {
        var nodes: [xmlNodePtr] = []
        var child = node?.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE || includingText { nodes.append(current) }
            child = current.pointee.next
        }
        return nodes
    }

    private static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    private static func attribute(_ node: xmlNodePtr, _ attribute: String) -> String {
        guard let value = xmlGetProp(node, attribute) else { return "" }
        defer { ianaconv_xml_free(value) }
        return String(cString: value)
    }

    private static func content(_ node: xmlNodePtr) -> String {
        guard let value = xmlNodeGetContent(node) else { return "" }
        defer { ianaconv_xml_free(value) }
        return String(cString: value)
    }
}
