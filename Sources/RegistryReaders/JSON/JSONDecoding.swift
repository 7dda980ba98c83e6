import FoundationEssentials
import RegistryLayoutKit
import RegistryModel

// The JSON layout's values, decoded by FoundationEssentials' JSONDecoder into the model. The
// shape is `JSONValueWriter`'s (and Schemas/service-names-port-numbers.schema.json's). Every
// object's keys are checked: a key the layout does not have is an error, not dropped data.

/// A key as it stands in the document.
struct JSONKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// The whole document: the records and everything else of the registry.
struct JSONDocument: Decodable {
    var registry = Registry()

    init(from decoder: any Decoder) throws {
        let object = try decoder.container(keyedBy: JSONKey.self)
        for key in object.allKeys {
            switch key.stringValue {
            case "records": registry.records = try object.decode([JSONRecord].self, forKey: key).map(\.record)
            case "id": registry.id = try object.decode(String.self, forKey: key)
            case "title": registry.title = try object.decode(String.self, forKey: key)
            case "category": registry.category = try object.decode(String.self, forKey: key)
            case "updated": registry.updated = Parsed(try object.decode(String.self, forKey: key))
            case "references": registry.references = try object.decode([JSONXref].self, forKey: key).map(\.xref)
            case "experts": registry.experts = try object.decode([JSONRichText].self, forKey: key).map(\.text)
            case "notes": registry.notes = try object.decode([JSONRegistryNote].self, forKey: key).map(\.note)
            case "footnotes": registry.footnotes = try object.decode([JSONFootnote].self, forKey: key).map(\.footnote)
            case "people": registry.people = try object.decode([JSONPerson].self, forKey: key).map(\.person)
            default: throw unknown(key, in: object, "a registry")
            }
        }
    }
}

/// One record (a line of JSON Lines).
struct JSONRecord: Decodable {
    var record = Record()

    init(from decoder: any Decoder) throws {
        let object = try decoder.container(keyedBy: JSONKey.self)
        var order: [RecordElement]?
        for key in object.allKeys {
            switch key.stringValue {
            case "name": record.name = Parsed(try object.decode(String.self, forKey: key))
            case "protocol": record.transportProtocol = Parsed(try object.decode(String.self, forKey: key))
            case "number": record.number = try object.decode(JSONNumber<PortRange>.self, forKey: key).value
            case "description": record.description = try object.decode(JSONRichText.self, forKey: key).text
            case "assignee": record.assignees = try object.decode([JSONXref].self, forKey: key).map(\.xref)
            case "xrefs": record.xrefs = try object.decode([JSONXref].self, forKey: key).map(\.xref)
            case "sc": record.serviceCode = try object.decode(JSONNumber<ServiceCode>.self, forKey: key).value
            case "unauthorized": record.unauthorizedUse = try object.decode(JSONRichText.self, forKey: key).text
            case "notes": record.notes = try object.decode([JSONRichText].self, forKey: key).map(\.text)
            case "date": record.registrationDate = Parsed(try object.decode(String.self, forKey: key))
            case "updated": record.modificationDate = Parsed(try object.decode(String.self, forKey: key))
            case "order":
                let names = try object.decode([String].self, forKey: key)
                order = try names.map { name in
                    guard let element = RecordElement(elementName: name) else {
                        throw corrupted(object, key, "'\(name)' is not a record element (\(RecordElement.allCases.map(\.elementName).joined(separator: ", ")))")
                    }
                    return element
                }
            default: throw unknown(key, in: object, "a record")
            }
        }
        if let order {
            record.elementOrder = order
            // The order must name exactly the record's elements; the model would quietly
            // fall back to the usual order otherwise.
            guard record.orderedElements == order else {
                throw corrupted(object, JSONKey(stringValue: "order"), "the order must name each of the record's elements once (each xref and note as often as there are)")
            }
            if order.isInUsualRank { record.elementOrder = [] }
        }
    }
}

/// A port or a service code: an integer when it is a valid one, otherwise its text (a range,
/// or text that does not parse, kept as read).
struct JSONNumber<Value: TextRepresentable>: Decodable {
    var value: Parsed<Value>

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if let number = try? single.decode(UInt32.self) {
            value = Parsed(String(number))
            guard value.value != nil else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(number) is out of range; write text that is not a valid value as a string"))
            }
        } else {
            value = Parsed(try single.decode(String.self))
        }
    }
}

/// Rich text: a string, or an array of parts (strings, line breaks, xrefs, paragraphs).
struct JSONRichText: Decodable {
    var text = RichText()

    init(from decoder: any Decoder) throws {
        if let plain = try? decoder.singleValueContainer().decode(String.self) {
            text.append(text: plain)
            return
        }
        var parts = try decoder.unkeyedContainer()
        while !parts.isAtEnd {
            if let characters = try? parts.decode(String.self) {
                text.append(text: characters)
            } else {
                text.content.append(try parts.decode(JSONInline.self).inline)
            }
        }
    }
}

/// A part of rich text that is not character data.
struct JSONInline: Decodable {
    var inline: Inline

    init(from decoder: any Decoder) throws {
        let object = try decoder.container(keyedBy: JSONKey.self)
        if object.contains(JSONKey(stringValue: "br")) {
            let key = JSONKey(stringValue: "br")
            guard object.allKeys.count == 1, try object.decode(Bool.self, forKey: key) else {
                throw corrupted(object, key, "a line break is {\"br\": true}")
            }
            inline = .lineBreak
        } else if object.contains(JSONKey(stringValue: "paragraph")) {
            let key = JSONKey(stringValue: "paragraph")
            guard object.allKeys.count == 1 else { throw corrupted(object, key, "a paragraph is {\"paragraph\": text}") }
            inline = .paragraph(try object.decode(JSONRichText.self, forKey: key).text)
        } else {
            inline = .xref(try JSONXref(from: decoder).xref)
        }
    }
}

struct JSONXref: Decodable {
    var xref = Xref(type: .text)

    init(from decoder: any Decoder) throws {
        let object = try decoder.container(keyedBy: JSONKey.self)
        var type: XrefType?
        for key in object.allKeys {
            switch key.stringValue {
            case "type": type = XrefType(try object.decode(String.self, forKey: key))
            case "data": xref.data = try object.decode(String.self, forKey: key)
            case "text": xref.text = try object.decode(String.self, forKey: key)
            case "attributes": xref.attributes = try object.decode([JSONXrefAttribute].self, forKey: key).map(\.attribute)
            default: throw unknown(key, in: object, "an xref")
            }
        }
        guard let type else {
            throw DecodingError.keyNotFound(JSONKey(stringValue: "type"), .init(codingPath: object.codingPath, debugDescription: "an xref has a type"))
        }
        xref.type = type
    }
}

struct JSONXrefAttribute: Decodable {
    var attribute: XrefAttribute

    init(from decoder: any Decoder) throws {
        let (name, value): (String, String) = try decodePair(decoder, "name", "value", in: "an xref attribute")
        attribute = XrefAttribute(name: name, value: value)
    }
}

struct JSONRegistryNote: Decodable {
    var note = RegistryNote(text: RichText())

    init(from decoder: any Decoder) throws {
        let object = try decoder.container(keyedBy: JSONKey.self)
        for key in object.allKeys {
            switch key.stringValue {
            case "title": note.title = try object.decode(String.self, forKey: key)
            case "text": note.text = try object.decode(JSONRichText.self, forKey: key).text
            default: throw unknown(key, in: object, "a registry note")
            }
        }
    }
}

struct JSONFootnote: Decodable {
    var footnote: Footnote

    init(from decoder: any Decoder) throws {
        let (anchor, text): (String, JSONRichText) = try decodePair(decoder, "anchor", "text", in: "a footnote")
        footnote = Footnote(anchor: anchor, text: text.text)
    }
}

struct JSONPerson: Decodable {
    var person = Person(id: "")

    init(from decoder: any Decoder) throws {
        let object = try decoder.container(keyedBy: JSONKey.self)
        person.id = try object.decode(String.self, forKey: JSONKey(stringValue: "id"))
        for key in object.allKeys {
            switch key.stringValue {
            case "id": break
            case "name": person.name = try object.decode(String.self, forKey: key)
            case "org": person.organization = try object.decode(String.self, forKey: key)
            case "uris": person.uris = try object.decode([String].self, forKey: key)
            case "updated": person.updated = Parsed(try object.decode(String.self, forKey: key))
            default: throw unknown(key, in: object, "a person")
            }
        }
    }
}

/// The values of an object of exactly two keys, both required.
private func decodePair<First: Decodable, Second: Decodable>(
    _ decoder: any Decoder, _ first: String, _ second: String, in what: String
) throws -> (First, Second) {
    let object = try decoder.container(keyedBy: JSONKey.self)
    if let key = object.allKeys.first(where: { $0.stringValue != first && $0.stringValue != second }) {
        throw unknown(key, in: object, what)
    }
    return (try object.decode(First.self, forKey: JSONKey(stringValue: first)), try object.decode(Second.self, forKey: JSONKey(stringValue: second)))
}

private func unknown(_ key: JSONKey, in object: KeyedDecodingContainer<JSONKey>, _ what: String) -> DecodingError {
    corrupted(object, key, "\(what) has no key '\(key.stringValue)'")
}

private func corrupted(_ object: KeyedDecodingContainer<JSONKey>, _ key: JSONKey, _ message: String) -> DecodingError {
    DecodingError.dataCorrupted(.init(codingPath: object.codingPath + [key], debugDescription: message))
}
