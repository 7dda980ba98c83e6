import ASCIIBytes
import Glibc
import RegistryModel

/// Cutting a registry XML file at record boundaries, so that libxml2 can parse the parts on
/// separate cores. Each part but the first starts with a copy of the root element's start tag
/// (its namespace declarations in scope) on a line of its own; each but the last ends with the
/// root's end tag. A cut falls at the start of a line whose first markup is `<record`.
///
/// Such a line could still lie inside a comment, a CDATA section or a processing instruction;
/// the part before the cut then does not parse (the construct is unterminated) and the caller
/// reads the file whole instead. When every part parses, the cut was between two children of
/// the root, and the parts hold exactly what the whole file holds.
extension XMLReader {
    /// Smaller parts are not worth a thread of their own.
    static let minimumPartSize = 1 << 19

    public static func parts(of input: InputFile, count: Int) -> [InputPart] {
        let whole = [InputPart(whole: input)]
        let bytes = input.bytes
        let wanted = min(count, bytes.count / minimumPartSize)
        guard wanted > 1, let root = RootTag(bytes) else { return whole }
        // Even work per part: the people table after the records costs about half as much a
        // byte (it is read, not written), and the first part's thread has also started the
        // process and will join the output, so it takes 5 % less (measured with callgrind).
        let recordsEnd = lastOccurrence(of: root.recordEndTag, in: bytes) ?? bytes.count
        let work = max(recordsEnd - root.end, 0) + (bytes.count - recordsEnd) / 2
        let share = work / wanted
        var cuts: [Int] = []
        for k in 1..<wanted {
            let from = max(root.end + share * k - share / 20, (cuts.last ?? root.end) + 1)
            guard let cut = recordLineStart(bytes, from: from, tag: root.recordTag) else { break }
            cuts.append(cut)
        }
        guard !cuts.isEmpty else { return whole }
        let bounds = [0] + cuts + [bytes.count]
        var line = 1
        return (0..<bounds.count - 1).map { i in
            if i > 0 { line += bytes.withUnsafeBytes { lineFeedCount(UnsafeRawBufferPointer(rebasing: $0[bounds[i - 1]..<bounds[i]])) } }
            let last = i == bounds.count - 2
            return InputPart(
                input: input, range: bounds[i]..<bounds[i + 1],
                prefix: i == 0 ? [] : root.startTag + [0x0A],
                suffix: last ? [] : root.endTag,
                // The range starts on the prefix's second line.
                lineOffset: i == 0 ? 0 : line - 2)
        }
    }

    /// The registry's metadata and prolog, read from the start of the file up to its first
    /// record: what a streaming writer needs before the records (the `<updated>` date that
    /// chooses the CSV rule). Nil when there is no record line to stop at.
    public static func head(of input: InputFile) -> Registry? {
        let bytes = input.bytes
        guard let root = RootTag(bytes), let cut = recordLineStart(bytes, from: root.end, tag: root.recordTag) else { return nil }
        var diagnostics: [Diagnostic] = []
        return try? read(InputPart(input: input, range: 0..<cut, suffix: root.endTag), diagnostics: &diagnostics, records: nil)
    }

    /// The start of the first line at or after `from` whose markup starts with the record tag.
    private static func recordLineStart(_ bytes: [UInt8], from: Int, tag: [UInt8]) -> Int? {
        var i = from
        while i < bytes.count {
            guard let newline = bytes[i...].firstIndex(of: 0x0A) else { return nil }
            var j = newline + 1
            while j < bytes.count, ASCII.isBlank(bytes[j]) { j += 1 }
            if bytes[j...].starts(with: tag), j + tag.count < bytes.count,
                [0x20, 0x09, 0x0D, 0x0A, UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[j + tag.count]) {
                return newline + 1
            }
            i = newline + 1
        }
        return nil
    }

    /// The last `pattern` in `bytes`, scanning back from the end (the people table after the
    /// records, a fifth of the file, is crossed on the way, before the threads start): 32
    /// places at a time, each checked for the pattern's first three bytes, which `</record>`'s
    /// `</r` makes rare in the people table.
    static func lastOccurrence(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard pattern.count >= 3, bytes.count >= pattern.count + 2 else { return nil }
        return bytes.withUnsafeBytes { buffer in
            pattern.withUnsafeBytes { pattern in
                let heads = (0..<3).map { SIMD32<UInt8>(repeating: pattern[$0]) }
                func matches(at i: Int) -> Bool { memcmp(buffer.baseAddress! + i, pattern.baseAddress!, pattern.count) == 0 }
                // Blocks of candidates [start, start + 32), each with room for the pattern.
                var start = buffer.count - pattern.count + 1 - 32
                while start >= 0 {
                    let found = (0..<3).reduce(SIMDMask<SIMD32<Int8>>(repeating: true)) { found, k in
                        found .& (buffer.loadUnaligned(fromByteOffset: start + k, as: SIMD32<UInt8>.self) .== heads[k])
                    }
                    if any(found), let i = (start..<start + 32).reversed().first(where: { found[$0 - start] && matches(at: $0) }) {
                        return i
                    }
                    start -= 32
                }
                return (0..<(start + 32)).reversed().first(where: matches)
            }
        }
    }
}

/// The root element's start tag, found after the XML declaration and any comments or
/// processing instructions. Only UTF-8 files (declared so, or by default) are cut.
private struct RootTag {
    /// The start tag with its line breaks turned to spaces, so it fills one line.
    let startTag: [UInt8]
    let endTag: [UInt8]
    /// `<record` and `</record>`, with the root's namespace prefix if it has one.
    let recordTag: [UInt8]
    let recordEndTag: [UInt8]
    /// Where the start tag ends in the file.
    let end: Int

    init?(_ bytes: [UInt8]) {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func at(_ text: String) -> Bool { bytes[i...].starts(with: text.utf8) }
        func skip(past terminator: String) -> Bool {
            let pattern = Array(terminator.utf8)
            while i < bytes.count {
                if bytes[i...].starts(with: pattern) {
                    i += pattern.count
                    return true
                }
                i += 1
            }
            return false
        }
        if at("<?xml") {
            let start = i
            guard skip(past: "?>"), Self.declaresUTF8(bytes[start..<i]) else { return nil }
        }
        while true {
            while i < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[i]) { i += 1 }
            if at("<!--") {
                guard skip(past: "-->") else { return nil }
            } else if at("<?") {
                guard skip(past: "?>") else { return nil }
            } else {
                break
            }
        }
        guard at("<"), i + 1 < bytes.count, Self.isNameStart(bytes[i + 1]) else { return nil }
        let tagStart = i
        i += 1
        let nameStart = i
        while i < bytes.count, !Self.endsName(bytes[i]) { i += 1 }
        let name = Array(bytes[nameStart..<i])
        var quote: UInt8?
        while i < bytes.count {
            let byte = bytes[i]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            }
            i += 1
        }
        // An empty root (`<registry/>`) has no records to cut between.
        guard i < bytes.count, bytes[i - 1] != UInt8(ascii: "/") else { return nil }
        end = i + 1
        startTag = bytes[tagStart..<end].map { ASCII.isWhiteSpace($0) ? 0x20 : $0 }
        endTag = Array("</".utf8) + name + [UInt8(ascii: ">")]
        let prefix = name.lastIndex(of: UInt8(ascii: ":")).map { Array(name[...$0]) } ?? []
        recordTag = [UInt8(ascii: "<")] + prefix + Array("record".utf8)
        recordEndTag = Array("</".utf8) + prefix + Array("record>".utf8)
    }

    private static func declaresUTF8(_ declaration: ArraySlice<UInt8>) -> Bool {
        let text = Array(String(decoding: declaration, as: UTF8.self).lowercased().utf8)
        let key = Array("encoding".utf8)
        guard let at = text.indices.first(where: { text[$0...].starts(with: key) }) else { return true }
        let value = text[(at + key.count)...].drop { [0x20, 0x09, 0x0D, 0x0A, UInt8(ascii: "=")].contains($0) }
        guard let quote = value.first else { return false }
        let name = value.dropFirst().prefix { $0 != quote }
        return name.elementsEqual("utf-8".utf8) || name.elementsEqual("utf8".utf8)
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        [0x20, 0x09, 0x0D, 0x0A, UInt8(ascii: ">"), UInt8(ascii: "/")].contains(byte)
    }
}
