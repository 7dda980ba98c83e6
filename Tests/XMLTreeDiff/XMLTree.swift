internal import CLibXML2

/// An independent check of XML output: both documents are parsed with libxml2's tree API (not
/// with ianaconv's SAX2 reader) and compared node by node: element names and namespaces,
/// attributes, text, processing instructions, in order. White-space-only text is ignored only
/// where the schema allows no text (between the children of element-only elements), the same
/// rule as comparing `xmllint --c14n` output with that white space removed.
public enum XMLTree {
    static let elementOnly: Set<String> = ["registry", "record", "assignee", "people", "person"]

    /// What to compare: the whole documents, or what IANA's HTML page shows of them.
    public enum View: Sendable {
        case everything
        /// Without what the page cannot show (see `PageView`).
        case htmlPage
    }

    /// The first differences (at most `limit`), each with the path where it is; empty when equal.
    public static func differences(_ a: [UInt8], _ b: [UInt8], limit: Int = 10, view: View = .everything) -> [String] {
        guard let left = parse(a) else { return ["the first document does not parse"] }
        defer { xmlFreeDoc(left) }
        guard let right = parse(b) else { return ["the second document does not parse"] }
        defer { xmlFreeDoc(right) }
        if view == .htmlPage {
            PageView.apply(to: left)
            PageView.apply(to: right)
        }
        var found: [String] = []
        compareChildren(left.pointee.children, right.pointee.children, path: "", into: &found, limit: limit)
        return found
    }

    /// True when libxml2's XML parser reads the document without error, as `xmllint --noout`
    /// checks it (the XHTML page must be well-formed XML).
    public static func isWellFormed(_ bytes: [UInt8]) -> Bool {
        guard let document = parse(bytes) else { return false }
        xmlFreeDoc(document)
        return true
    }

    private static func parse(_ bytes: [UInt8]) -> xmlDocPtr? {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), "memory.xml", nil, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
            }
        }
    }

    private static func significantChildren(_ first: xmlNodePtr?, parent: String) -> [xmlNodePtr] {
        var nodes: [xmlNodePtr] = []
        var node = first
        while let current = node {
            node = current.pointee.next
            switch current.pointee.type {
            case XML_COMMENT_NODE, XML_DTD_NODE:
                continue
            case XML_TEXT_NODE where elementOnly.contains(parent) || parent.isEmpty:
                if text(current).allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) { continue }
            default:
                break
            }
            nodes.append(current)
        }
        return nodes
    }

    private static func compareChildren(
        _ a: xmlNodePtr?, _ b: xmlNodePtr?, path: String, into found: inout [String], limit: Int
    ) {
        let parent = path.split(separator: "/").last.map { String($0.split(separator: "[")[0]) } ?? ""
        let left = significantChildren(a, parent: parent)
        let right = significantChildren(b, parent: parent)
        for index in 0..<max(left.count, right.count) where found.count < limit {
            let here = "\(path)/\(index < left.count ? name(left[index]) : name(right[index]))[\(index + 1)]"
            guard index < left.count, index < right.count else {
                found.append("\(here): only in the \(index < left.count ? "first" : "second") document")
                return
            }
            compare(left[index], right[index], path: here, into: &found, limit: limit)
        }
    }

    private static func compare(_ a: xmlNodePtr, _ b: xmlNodePtr, path: String, into found: inout [String], limit: Int) {
        guard a.pointee.type == b.pointee.type, name(a) == name(b), namespace(a) == namespace(b) else {
            found.append("\(path): <\(name(a))> against <\(name(b))>")
            return
        }
        switch a.pointee.type {
        case XML_ELEMENT_NODE:
            let (left, right) = (attributes(a), attributes(b))
            if left != right { found.append("\(path): attributes \(left) against \(right)") }
            compareChildren(a.pointee.children, b.pointee.children, path: path, into: &found, limit: limit)
        default:
            let (left, right) = (text(a), text(b))
            if left != right { found.append("\(path): text \(String(reflecting: left)) against \(String(reflecting: right))") }
        }
    }

    private static func name(_ node: xmlNodePtr) -> String {
        node.pointee.type == XML_TEXT_NODE ? "#text" : node.pointee.name.map { String(cString: $0) } ?? "?"
    }

    private static func namespace(_ node: xmlNodePtr) -> String? {
        node.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    private static func text(_ node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { freeXML(content) }
        return String(cString: content)
    }

    /// Attributes sorted by name, as canonical XML orders them.
    private static func attributes(_ node: xmlNodePtr) -> [String] {
        var out: [String] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = String(cString: current.pointee.name)
            let value = xmlGetProp(node, current.pointee.name).map { value -> String in
                defer { freeXML(value) }
                return String(cString: value)
            } ?? ""
            out.append("\(name)=\(value)")
            attribute = current.pointee.next
        }
        return out.sorted()
    }
}

/// libxml2's `xmlFree` is a global function pointer, which Swift 6 will not read from any
/// concurrency domain; the shim wraps it in a function.
private func freeXML(_ pointer: UnsafeMutablePointer<xmlChar>) {
    ianaconv_xml_free(pointer)
}
