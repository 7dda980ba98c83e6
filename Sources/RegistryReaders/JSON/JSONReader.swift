import ASCIIBytes
import FoundationEssentials
import RegistryModel

/// Reads the JSON layout (`JSONWriter`'s document): parsed by FoundationEssentials'
/// JSONDecoder, each record located by its line and column for messages and the validator.
public enum JSONReader: RegistryReader {
    public static let name = "json"
    public static let aliases: [String] = []

    /// An object that is not JSON Lines' first record.
    public static func recognizes(_ head: ArraySlice<UInt8>) -> Bool {
        contentStart(head).first == UInt8(ascii: "{") && !JSONLinesReader.recognizes(head)
    }

    public static func read(_ input: InputFile, diagnostics: inout [Diagnostic]) throws(ReadError) -> Registry {
        let input = try utf8Input(input)
        let start = input.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // a byte-order mark
        var registry = try decodeJSON(JSONDocument.self, input, start..<input.bytes.count).registry
        // Each record's place: one walk over the bytes, lines counted as the offsets rise.
        let offsets = input.bytes.withUnsafeBufferPointer { bytes in
            var locator = JSONLocator(bytes, from: start)
            return (try? locator.recordOffsets()) ?? []
        }
        if offsets.count == registry.records.count {
            var lines = LineCounter(input)
            for (index, offset) in offsets.enumerated() {
                registry.records[index].locations[.record] = lines.location(ofByteAt: offset)
            }
        }
        registry.sourceFiles = [input.displayName]
        return registry
    }
}

/// Reads JSON Lines (`JSONLinesWriter`'s): one record per line; blank lines are skipped. Lines
/// may end in CR LF or CR too: a raw CR can only be white space between a JSON text's tokens.
public enum JSONLinesReader: RegistryReader {
    public static let name = "jsonl"
    public static let aliases = ["ndjson", "json-lines"]

    /// The first line is a whole object, and not a registry document written on one line.
    public static func recognizes(_ head: ArraySlice<UInt8>) -> Bool {
        let start = contentStart(head)
        guard start.first == UInt8(ascii: "{"), let end = start.firstIndex(of: 0x0A) else { return false }
        let line = start[..<end].reversed().drop(while: ASCII.isWhiteSpace)
        return line.first == UInt8(ascii: "}") && !start.dropFirst().drop(while: ASCII.isWhiteSpace).starts(with: Array("\"records\"".utf8))
    }

    public static func read(_ input: InputFile, diagnostics: inout [Diagnostic]) throws(ReadError) -> Registry {
        let input = try lineTextInput(input)
        var registry = Registry(sourceFiles: [input.displayName])
        var lineStart = input.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        while lineStart < input.bytes.count {
            let lineEnd = input.bytes[lineStart...].firstIndex(of: 0x0A) ?? input.bytes.count
            let content = input.bytes[lineStart..<lineEnd]
            if let first = content.firstIndex(where: { !ASCII.isWhiteSpace($0) }) {
                var record = try decodeJSON(JSONRecord.self, input, lineStart..<lineEnd).record
                record.locations[.record] = input.location(line: line, column: first - lineStart + 1)
                registry.records.append(record)
            }
            lineStart = lineEnd + 1
            line += 1
        }
        guard !registry.records.isEmpty else {
            throw ReadError(file: input.displayName, line: 1, column: 1, message: "no record: JSON Lines hold one record object per line")
        }
        return registry
    }
}

/// Decodes `bytes[range]` of the input; an error says where, as far as the decoder's coding
/// path (or, for a syntax error, `JSONLocator`) can tell.
func decodeJSON<Value: Decodable>(_ type: Value.Type, _ input: InputFile, _ range: Range<Int>) throws(ReadError) -> Value {
    do {
        return try JSONDecoder().decode(type, from: Data(input.bytes[range]))
    } catch {
        let (offset, message) = input.bytes.withUnsafeBufferPointer { bytes in
            let text = UnsafeBufferPointer(rebasing: bytes[..<range.upperBound])
            var syntax = JSONLocator(text, from: range.lowerBound)
            guard let error = error as? DecodingError, let context = error.context else {
                return (range.lowerBound, "cannot be read: \(error)")
            }
            if context.codingPath.isEmpty, let stop = syntax.firstSyntaxError() {
                return (stop.offset, "not valid JSON: expected \(stop.expected)")
            }
            var path = JSONLocator(text, from: range.lowerBound)
            let place = context.codingPath.isEmpty ? "the top level" : context.codingPath.jsonPath
            return (path.offset(of: context.codingPath), "\(place): \(error.reason)")
        }
        let (line, column) = input.lineAndColumn(ofByteAt: offset)
        throw ReadError(file: input.displayName, line: line, column: column, message: message)
    }
}

extension DecodingError {
    fileprivate var context: Context? {
        switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context): context
        @unknown default: nil
        }
    }

    /// What went wrong, in the layout's words.
    fileprivate var reason: String {
        switch self {
        case .keyNotFound(let key, _): "missing key '\(key.stringValue)'"
        default: context?.debugDescription ?? "cannot be read"
        }
    }
}

extension [any CodingKey] {
    /// `records[12].xrefs[0].type`.
    fileprivate var jsonPath: String {
        var path = ""
        for key in self {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += (path.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return path
    }
}

/// Line and column of rising byte offsets, counting the lines between one and the next only.
private struct LineCounter {
    let input: InputFile
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    init(_ input: InputFile) {
        self.input = input
    }

    mutating func location(ofByteAt target: Int) -> SourceLocation {
        input.bytes.withUnsafeBufferPointer { bytes in
            while offset < target {
                if bytes[offset] == 0x0A {
                    line += 1
                    lineStart = offset + 1
                }
                offset += 1
            }
        }
        return input.location(line: line, column: target - lineStart + 1)
    }
}
