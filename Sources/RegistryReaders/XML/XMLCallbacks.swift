internal import CLibXML2
import RegistryModel

/// libxml2's SAX2 callbacks: C functions that reach the builder through the user-data pointer.
private func builder(_ ctx: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<XMLRegistryBuilder> {
    ctx!.assumingMemoryBound(to: XMLRegistryBuilder.self)
}

let xmlStartElement: startElementNsSAX2Func = {
    ctx, localName, _, uri, _, _, attributeCount, _, attributes in
    builder(ctx).pointee.startElement(
        localName!, namespace: uri, attributes: Attributes(pointer: attributes, count: Int(attributeCount)))
}

let xmlEndElement: endElementNsSAX2Func = { ctx, _, _, _ in
    builder(ctx).pointee.endElement()
}

let xmlCharacters: charactersSAXFunc = { ctx, bytes, count in
    guard let bytes, count > 0 else { return }
    builder(ctx).pointee.characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
}

let xmlInternalSubset: internalSubsetSAXFunc = { ctx, _, _, _ in
    builder(ctx).pointee.rejectDoctype()
}

let xmlComment: commentSAXFunc = { ctx, text in
    builder(ctx).pointee.comment(text)
}

let xmlStructuredError: xmlStructuredErrorFunc = { ctx, error in
    guard let ctx, let error else { return }
    builder(ctx).pointee.libxmlError(error.pointee)
}

/// The attributes libxml2 hands to `startElementNs`: five pointers each (local name, prefix,
/// URI, value start, value end), read in place without building an array of strings.
struct Attributes {
    let pointer: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int

    /// The first attribute whose name is not among `allowed`, if any.
    func firstName(notIn allowed: [StaticString]) -> String? {
        for i in 0..<count {
            let name = pointer![5 * i]!
            if !allowed.contains(where: { strcmp(name, $0.utf8Start) == 0 }) { return String(cString: name) }
        }
        return nil
    }

    func value(of name: StaticString) -> String? {
        bytes(of: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Where the first attribute's value starts: in the start tag itself, unless libxml2 had
    /// to copy the value out (to expand a reference).
    var firstValueStart: UnsafePointer<xmlChar>? {
        count > 0 ? pointer![3] : nil
    }

    /// The value's bytes in libxml2's buffer, valid during the callback only.
    func bytes(of name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        for i in 0..<count where strcmp(pointer![5 * i]!, name.utf8Start) == 0 {
            return bytes(at: i)
        }
        return nil
    }

    /// Every attribute except `names`, in document order.
    func extras(besides names: [StaticString]) -> [XrefAttribute] {
        guard count > names.count else { return [] }
        return (0..<count).compactMap { i in
            let name = pointer![5 * i]!
            guard !names.contains(where: { strcmp(name, $0.utf8Start) == 0 }) else { return nil }
            return XrefAttribute(name: String(cString: name), value: value(at: i))
        }
    }

    private func value(at i: Int) -> String {
        String(decoding: bytes(at: i), as: UTF8.self)
    }

    private func bytes(at i: Int) -> UnsafeBufferPointer<UInt8> {
        let start = pointer![5 * i + 3]!
        let end = pointer![5 * i + 4]!
        return UnsafeBufferPointer(start: start, count: end - start)
    }
}

private func strcmp(_ a: UnsafePointer<xmlChar>, _ b: UnsafePointer<UInt8>) -> Int32 {
    xmlStrcmp(a, b)
}

/// The element names of the registry XML.
enum ElementName: String {
    case registry, title, category, updated, xref, expert, note, record, footnote, people
    case name, `protocol`, number, sc, description, unauthorized, assignee, person, org, uri
    case br, paragraph

    /// Matches the NUL-terminated name without making a String for it.
    init?(_ name: UnsafePointer<xmlChar>) {
        let candidates: [ElementName]
        switch name[0] {
        case UInt8(ascii: "r"): candidates = [.record, .registry]
        case UInt8(ascii: "t"): candidates = [.title]
        case UInt8(ascii: "c"): candidates = [.category]
        case UInt8(ascii: "u"): candidates = [.updated, .unauthorized, .uri]
        case UInt8(ascii: "x"): candidates = [.xref]
        case UInt8(ascii: "e"): candidates = [.expert]
        case UInt8(ascii: "n"): candidates = [.name, .number, .note]
        case UInt8(ascii: "f"): candidates = [.footnote]
        case UInt8(ascii: "p"): candidates = [.protocol, .person, .people, .paragraph]
        case UInt8(ascii: "s"): candidates = [.sc]
        case UInt8(ascii: "d"): candidates = [.description]
        case UInt8(ascii: "a"): candidates = [.assignee]
        case UInt8(ascii: "o"): candidates = [.org]
        case UInt8(ascii: "b"): candidates = [.br]
        default: return nil
        }
        for candidate in candidates where candidate.matches(name) {
            self = candidate
            return
        }
        return nil
    }

    private func matches(_ name: UnsafePointer<xmlChar>) -> Bool {
        var i = 0
        for byte in rawValue.utf8 {
            guard name[i] == byte else { return false }
            i += 1
        }
        return name[i] == 0
    }
}
