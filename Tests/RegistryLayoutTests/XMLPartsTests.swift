import Testing
import RegistryModel
@testable import RegistryReaders
import TestSupport

/// Cutting XML into parts that read on separate cores (`XMLReader.parts(of:count:)`).
@Suite struct XMLPartsTests {
    static func input(_ text: String) -> InputFile {
        InputFile(displayName: "large.xml", bytes: Array(text.utf8))
    }

    static func readParts(_ parts: [InputPart]) throws -> (Registry, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let registries = try parts.map { try XMLReader.read($0, diagnostics: &diagnostics, records: nil) }
        return (try #require(Registry.joining(parts: registries)), diagnostics)
    }

    @Test(arguments: [2, 3])
    func partsReadToTheSameRegistryAsTheWhole(count: Int) throws {
        let input = Self.input(SyntheticRegistry.xml(middle: "  <!-- a comment, warned about -->\n"))
        var diagnostics: [Diagnostic] = []
        let whole = try XMLReader.read(input, diagnostics: &diagnostics)
        let parts = XMLReader.parts(of: input, count: count)
        #expect(parts.count == count)
        #expect(parts.map(\.range.count).reduce(0, +) == input.bytes.count, "the parts cover the file")
        let (joined, partDiagnostics) = try Self.readParts(parts)
        #expect(joined.records.count == 8000)
        // Records compare with their field locations: lines in later parts are the file's.
        #expect(joined == whole)
        #expect(joined.records.last?.locations[.name] == whole.records.last?.locations[.name])
        #expect(partDiagnostics == diagnostics, "the comment's warning keeps its line")
    }

    @Test func aCutInsideACommentMakesThePartBeforeItFail() throws {
        let input = Self.input(SyntheticRegistry.xml(middle: SyntheticRegistry.commentedRecords))
        let parts = XMLReader.parts(of: input, count: 2)
        try #require(parts.count == 2)
        var diagnostics: [Diagnostic] = []
        #expect(throws: ReadError.self, "unterminated comment: the caller reads the file whole") {
            _ = try XMLReader.read(parts[0], diagnostics: &diagnostics, records: nil)
        }
    }

    /// The count runs 32 bytes at a time in runs of up to 255 blocks, then byte by byte.
    @Test(arguments: [0, 1, 31, 32, 33, 255 * 32 - 1, 255 * 32, 255 * 32 + 33, 20_000])
    func newlinesAreCountedAcrossBlocksAndTheTail(length: Int) {
        var random = SystemRandomNumberGenerator()
        let bytes = (0..<length + 7).map { _ in [UInt8(0x0A), 0x0D, 0x41, 0xFF, 0x0B].randomElement(using: &random)! }
        let range = 3..<(3 + length)
        let counted = bytes.withUnsafeBytes { lineFeedCount(UnsafeRawBufferPointer(rebasing: $0[range])) }
        #expect(counted == bytes[range].count { $0 == 0x0A })
    }

    /// Where the records end is found 32 places at a time from the end, on the pattern's first
    /// three bytes: matches in the tail before the first block, across block edges, at the
    /// very end, near misses (`</r` not followed by `ecord>`) and none at all.
    @Test(arguments: [0, 1, 5, 31, 32, 33, 64, 100, 400])
    func theLastRecordEndTagIsFoundWherever(position: Int) {
        let tag = Array("</record>".utf8)
        for after in [0, 1, 31, 32, 33, 90] {
            let filler = (0..<position).map { _ in UInt8(ascii: "x") } + tag
                + Array(repeating: Array("</rx".utf8), count: after / 4 + 1).joined()
            #expect(XMLReader.lastOccurrence(of: tag, in: filler) == position, "tag at \(position), \(after) bytes after")
        }
        let twice = Array("</record>ab</record><people>".utf8)
        #expect(XMLReader.lastOccurrence(of: tag, in: twice) == 11)
        #expect(XMLReader.lastOccurrence(of: tag, in: Array(repeating: UInt8(ascii: "<"), count: position + 20)) == nil)
        #expect(XMLReader.lastOccurrence(of: tag, in: Array("</recor".utf8)) == nil)
    }

    @Test func smallOrNonUTF8FilesAreNotCut() {
        #expect(XMLReader.parts(of: Self.input(xmlRegistry("")), count: 2).count == 1)
        #expect(XMLReader.parts(of: Self.input(SyntheticRegistry.xml()), count: 2).count == 2)
        let latin1 = SyntheticRegistry.xml().replacingFirst("encoding='UTF-8'", with: "encoding='ISO-8859-1'")
        #expect(XMLReader.parts(of: Self.input(latin1), count: 2).count == 1)
    }

    @Test func aLaterPartWithMetadataIsNotJoined() {
        let first = Registry(title: "T", records: [Record()])
        #expect(Registry.joining(parts: [first, Registry(records: [Record()])])?.records.count == 2)
        #expect(Registry.joining(parts: [first, Registry(title: "late", records: [Record()])]) == nil)
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        var text = self
        if let range = text.firstRange(of: target) { text.replaceSubrange(range, with: replacement) }
        return text
    }
}
