internal import CLibXML2

/// A RELAX NG schema compiled once, and libxml2's two ways of checking a document against it.
/// Both parse as the stream does (no network, no entity substitution, no DTD) and refuse a
/// document that declares a DOCTYPE before handing it to libxml2; their messages arrive
/// through per-context structured handlers, so libxml2 never prints on its own.
public final class RelaxNGSchema: @unchecked Sendable {  // libxml2's validators only read a compiled schema
    private let schema: xmlRelaxNGPtr

    /// nil when `text` is not a schema libxml2 can compile.
    public init?(_ text: String) {
        var text = text
        let compiled = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { start -> xmlRelaxNGPtr? in
                guard let parser = Library.make({ xmlRelaxNGNewMemParserCtxt(start.baseAddress, Int32(start.count)) })
                else { return nil }
                defer { xmlRelaxNGFreeParserCtxt(parser) }
                xmlRelaxNGSetParserStructuredErrors(parser, ignoreMessage, nil)
                return xmlRelaxNGParse(parser)
            }
        }
        guard let compiled else { return nil }
        schema = compiled
    }

    deinit { xmlRelaxNGFree(schema) }

    /// Validates `bytes` as libxml2's streaming reader reads it: one compiled content model
    /// per open element and no tree, so a valid document is passed fast and small. Past an
    /// element out of place it loses its place, so only its first complaint is sure. Its
    /// messages in document order (the parser's too), or nil when the document is not well
    /// formed, declares a DOCTYPE or has an element crowded with attributes.
    public func streamingCheck(_ bytes: [UInt8]) -> [ParserMessage]? {
        guard !DoctypeRefusal.declared(in: bytes), AttributeCrowding.firstCrowdedTag(in: bytes[...]) == nil else { return nil }
        var messages: [ParserMessage] = []
        let finished = Self.withDocument(bytes) { start, count -> Bool in
            guard let reader = Library.make({ xmlReaderForMemory(start, count, "document.xml", nil, ParseOptions.schemaCheck) })
            else { return false }
            defer { xmlFreeTextReader(reader) }
            return withUnsafeMutablePointer(to: &messages) { list in
                xmlTextReaderSetStructuredErrorHandler(reader, collectMessage, list)
                guard xmlTextReaderRelaxNGSetSchema(reader, schema) == 0 else { return false }
                var status: Int32 = 1
                while status == 1 { status = xmlTextReaderRead(reader) }
                return status == 0
            }
        }
        return finished ? messages : nil
    }

    /// Validates `bytes` parsed to a tree, each element checked on its own: every element out
    /// of place is found, at about ten times the document's size in memory. The validator's
    /// messages, or nil when the document does not parse, declares a DOCTYPE or has an element
    /// crowded with attributes.
    public func treeCheck(_ bytes: [UInt8]) -> [ParserMessage]? {
        guard !DoctypeRefusal.declared(in: bytes), AttributeCrowding.firstCrowdedTag(in: bytes[...]) == nil else { return nil }
        return Self.withDocument(bytes) { start, count -> [ParserMessage]? in
            guard let parser = Library.make({ xmlNewParserCtxt() }) else { return nil }
            defer { xmlFreeParserCtxt(parser) }
            parser.pointee.sax.pointee.serror = ignoreMessage  // a document that does not parse gives nil
            guard let document = xmlCtxtReadMemory(parser, start, count, "document.xml", nil, ParseOptions.schemaCheck)
            else { return nil }
            defer { xmlFreeDoc(document) }
            guard let validator = xmlRelaxNGNewValidCtxt(schema) else { return nil }
            defer { xmlRelaxNGFreeValidCtxt(validator) }
            var messages: [ParserMessage] = []
            withUnsafeMutablePointer(to: &messages) { list in
                xmlRelaxNGSetValidStructuredErrors(validator, collectMessage, list)
                _ = xmlRelaxNGValidateDoc(validator, document)
            }
            return messages
        }
    }

    private static func withDocument<T>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>?, Int32) -> T) -> T {
        bytes.withUnsafeBytes { buffer in
            body(buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(clamping: buffer.count))
        }
    }
}

private let ignoreMessage: xmlStructuredErrorFunc = { _, _ in }

private let collectMessage: xmlStructuredErrorFunc = { list, error in
    guard let list, let error else { return }
    list.assumingMemoryBound(to: [ParserMessage].self).pointee.append(ParserMessage(error.pointee))
}
