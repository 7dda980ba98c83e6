import ASCIIBytes
import RegistryLayoutKit
import RegistryModel

/// Which era's rule wrote a CSV (`CSVStyle`), told by what only that rule writes:
///
/// - column 11 titled "Known Unauthorized Uses": before 2019;
/// - a run of white space that wraps a line between blanks (`for \n      "RadSec"`), or three
///   line feeds in one run (`<br/><br/>` and a line feed): 2019, whose rule keeps white space
///   and writes each `<br/>` as a line feed; the later rules collapse both;
/// - two line feeds alone (`x<br/>\ny`): 2020, whose rule keeps a lone `<br/>` beside a line
///   feed; 2025 drops it.
///
/// Where nothing tells, today's rule: every rule writes plain text alike there, except 2019,
/// which the first two signs catch in any registry that has such text.
struct CSVStyleEvidence {
    private var olderTitle: Bool
    private var keptWhiteSpace = false
    private var loneBreak = false

    init(header: [String]) {
        olderTitle = header.count > RegistryColumn.unauthorizedUse.rawValue
            && header[RegistryColumn.unauthorizedUse.rawValue] == RegistryColumn.olderUnauthorizedUseTitle
    }

    /// Looks at a row's rich-text cells (description, unauthorized use, notes).
    mutating func look(at row: [TableCell]) {
        guard !olderTitle, !keptWhiteSpace else { return }
        for column in [RegistryColumn.description, .unauthorizedUse, .notes] {
            var text = row[column.rawValue].text
            // Only a cell with a line feed can tell.
            text.withUTF8 { bytes in
                guard bytes.contains(0x0A) else { return }
                look(at: bytes)
            }
        }
    }

    private mutating func look(at bytes: UnsafeBufferPointer<UInt8>) {
        var i = 0
        while i < bytes.count {
            guard ASCII.isWhiteSpace(bytes[i]) else {
                i += 1
                continue
            }
            let start = i
            var lineFeeds = 0
            while i < bytes.count, ASCII.isWhiteSpace(bytes[i]) {
                if bytes[i] == 0x0A { lineFeeds += 1 }
                i += 1
            }
            guard start > 0, i < bytes.count, lineFeeds > 0 else { continue }
            let blankEdges = ASCII.isBlank(bytes[start]) && ASCII.isBlank(bytes[i - 1])
            if blankEdges || lineFeeds >= 3 { keptWhiteSpace = true }
            if lineFeeds == 2, i - start == 2 { loneBreak = true }
        }
    }

    var style: CSVStyle {
        olderTitle ? .before2019 : keptWhiteSpace ? .from2019 : loneBreak ? .from2020 : .today
    }

    /// In the 2020 rule two line feeds alone are a `<br/>` and the line feed after it (IANA's
    /// files put one after every `<br/>`; a text's own empty line, which would read the same,
    /// is not in them): the records' free text gets its breaks back. The other rules write a
    /// break as text does, or not at all, so nothing tells where one was.
    static func restoreLoneBreaks(in records: inout [Record]) {
        for i in records.indices {
            if let text = records[i].description.flatMap(withLoneBreaks) { records[i].description = text }
            if let text = records[i].unauthorizedUse.flatMap(withLoneBreaks) { records[i].unauthorizedUse = text }
            for n in records[i].notes.indices {
                if let text = withLoneBreaks(records[i].notes[n]) { records[i].notes[n] = text }
            }
        }
    }

    /// The text with each run of exactly two line feeds made a break and a line feed; nil when
    /// it has none (the usual case: no copy).
    private static func withLoneBreaks(_ text: RichText) -> RichText? {
        guard text.content.count == 1, case .text(let characters) = text.content[0], characters.utf8.contains(0x0A) else { return nil }
        let bytes = Array(characters.utf8)
        var pieces: [Inline] = []
        var start = 0
        var i = 0
        while i + 1 < bytes.count {
            let lone = bytes[i] == 0x0A && bytes[i + 1] == 0x0A && i > 0 && !ASCII.isWhiteSpace(bytes[i - 1])
                && i + 2 < bytes.count && !ASCII.isWhiteSpace(bytes[i + 2])
            guard lone else {
                i += 1
                continue
            }
            pieces += [.text(String(decoding: bytes[start..<i], as: UTF8.self)), .lineBreak]
            start = i + 1  // the second line feed stays text
            i += 2
        }
        guard !pieces.isEmpty else { return nil }
        pieces.append(.text(String(decoding: bytes[start...], as: UTF8.self)))
        return RichText(pieces)
    }
}
