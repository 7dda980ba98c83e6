import Foundation
@testable import RegistryConversion
import RegistryReaders
import RegistryWriters
import Testing
import TestSupport

/// Converting: streamed, split across threads where the reader can cut the input, and read
/// whole where a cut cannot stand, with the same output every way.
@Suite struct ConversionTests {
    private func stream<Writer: RecordStreamWriter>(
        _ path: String, threads: Int, notices: Notices = Notices(), to writer: Writer.Type = CSVWriter.self
    ) throws(ReadError) -> ConvertedOutput {
        try Conversion.stream([path], reading: notices.input(.named(XMLReader.self)), to: writer, threads: threads)
    }

    @Test func aSplitReadWritesWhatAWholeReadWrites() throws {
        let files = try ScratchFiles()
        let path = try files.write(SyntheticRegistry.xml(), to: "large.xml")
        let whole = try stream(path, threads: 1)
        let split = try stream(path, threads: 4)
        #expect(whole.chunks.count == 1)
        #expect(split.chunks.count > 2, "the head, then one chunk per part")
        #expect(Array(split.chunks.joined()) == whole.chunks[0])
        #expect(split.losses.messages(layout: "CSV") == whole.losses.messages(layout: "CSV"))
        #expect(whole.chunks[0].count { $0 == 0x0D } == 8001, "the header and 8,000 records")
    }

    /// JSON's records are array elements: the parts' outputs are joined with a comma.
    @Test func aSplitReadJoinsJSONsRecordsWithCommas() throws {
        let files = try ScratchFiles()
        let path = try files.write(SyntheticRegistry.xml(), to: "large.xml")
        let whole = try stream(path, threads: 1, to: JSONWriter.self)
        let split = try stream(path, threads: 4, to: JSONWriter.self)
        #expect(split.chunks.count > 4, "the head, the parts and the separators between them")
        #expect(Array(split.chunks.joined()) == whole.chunks[0])
        var diagnostics: [Diagnostic] = []
        let registry = try JSONReader.read(InputFile(displayName: "json", bytes: whole.chunks[0]), diagnostics: &diagnostics)
        #expect(registry.records.count == 8000)
    }

    /// The CSV rule comes from the registry's date, read before the records: the head and every
    /// part are written in it, as a whole read writes them.
    @Test func everyPartIsWrittenInTheRuleOfTheRegistrysDate() throws {
        let files = try ScratchFiles()
        let dated = SyntheticRegistry.xml().replacingOccurrences(of: "<title>T</title>", with: "<title>T</title>\n  <updated>2018-02-21</updated>")
        let path = try files.write(dated, to: "dated.xml")
        let split = Array(try stream(path, threads: 4).chunks.joined())
        let whole = Conversion.render(try Notices().input(.named(XMLReader.self)).read([path]), with: CSVWriter.self)
        #expect(split == whole.chunks[0])
        #expect(String(decoding: split.prefix(200), as: UTF8.self).contains(",Known Unauthorized Uses,"), "the header of the era before 2019")
        let chosen = try Conversion.convert([path], reading: Notices().input(.named(XMLReader.self)), to: CSVWriter.self, csvStyle: .from2025)
        #expect(String(decoding: chosen.chunks.joined().prefix(200), as: UTF8.self).contains(",Unauthorized Use Reported,"), "--csv-style outranks the date")
    }

    @Test func aCutThatCannotStandFallsBackToAWholeRead() throws {
        let files = try ScratchFiles()
        let path = try files.write(SyntheticRegistry.xml(middle: SyntheticRegistry.commentedRecords), to: "commented.xml")
        let notices = Notices()
        let converted = try stream(path, threads: 2, notices: notices)
        #expect(converted.chunks.count == 1, "read whole")
        #expect(Array(converted.chunks.joined()) == (try stream(files.write(SyntheticRegistry.xml(), to: "plain.xml"), threads: 1)).chunks[0])
        #expect(notices.all.count == 1, "the comment is noticed once, by the whole read: \(notices.all)")
    }

    @Test func aWriterThatCannotStreamGetsTheWholeRegistry() throws {
        let files = try ScratchFiles()
        let csv = "\(csvHeader)\r\necho,7,tcp,Echo,,,,,,,,\r\n"
        let first = try files.write(csv, to: "1.csv")
        let second = try files.write("\(csvHeader)\r\ndiscard,9,udp,Discard,,,,,,,,\r\n", to: "2.csv")
        let converted = try Conversion.convert([first, second], reading: Notices().input(.detected), to: XMLWriter.self)
        #expect(converted.chunks.count == 1)
        let xml = String(decoding: converted.chunks[0], as: UTF8.self)
        #expect(xml.contains("<name>echo</name>") && xml.contains("<name>discard</name>"))
        #expect(converted.losses.isEmpty, "XML carries everything CSV has")
    }

    @Test func severalInputsStreamAsOne() throws {
        let files = try ScratchFiles()
        let first = try files.write("\(csvHeader)\r\necho,7,tcp,Echo,,,,,,,,\r\n", to: "1.csv")
        let second = try files.write("\(csvHeader)\r\ndiscard,9,udp,Discard,,,,,,,,\r\n", to: "2.csv")
        let converted = try Conversion.convert([first, second], reading: Notices().input(.detected), to: CSVWriter.self)
        #expect(Array(converted.chunks.joined()) == Array("\(csvHeader)\r\necho,7,tcp,Echo,,,,,,,,\r\ndiscard,9,udp,Discard,,,,,,,,\r\n".utf8))
    }

    @Test func aReadErrorInAPartIsReportedAsAWholeReadReportsIt() throws {
        let files = try ScratchFiles()
        let broken = SyntheticRegistry.xml().replacingOccurrences(of: "<name>svc6000</name>", with: "<name>svc6000</nam>")
        let path = try files.write(broken, to: "broken.xml")
        let line = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("svc6000</nam>") }! + 1
        do {
            _ = try stream(path, threads: 4)
            Issue.record("a malformed file converts")
        } catch {
            #expect(error.line == line)
            #expect(error.file == path)
        }
    }
}
