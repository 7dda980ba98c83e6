import Foundation
import Testing
import RegistryLayoutKit
@testable import RegistryModel
import RegistryReaders
@testable import RegistryWriters

/// IANA's header, written out: an oracle independent of `RegistryColumn.titles`.
let csvHeader = "Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,Assignment Notes\r\n"

@Suite struct CSVFlatteningTests {
    /// One rule of IANA's flattening per case, each seen in the 2024-04-30 XML/CSV pair.
    @Test(arguments: [
        (RichText([.text("Defined TXT keys:"), .lineBreak, .text("\n  txtvers")]), "Defined TXT keys: txtvers"),
        (RichText([.text("whois++"), .lineBreak, .lineBreak, .text("\nIANA assigned")]), "whois++ IANA assigned"),
        (RichText([.text("'-'"), .lineBreak, .text("\nAll of these")]), "'-'\n\nAll of these"),
        (RichText([.text("a "), .lineBreak, .text("b")]), "a b"),
        (RichText([.text("a"), .lineBreak, .text(" b")]), "a b"),
        (RichText([.text("a"), .lineBreak, .text("b")]), "a\nb"),
        ("for \n      \"RadSec\"", "for \"RadSec\""),
        ("with\n      a binary", "with\n      a binary"),
        ("\"iChat AV\" \n(Apple's", "\"iChat AV\" \n(Apple's"),
        ("Known UNAUTHORIZED USEs on port 5555\n    ", "Known UNAUTHORIZED USEs on port 5555"),
        (RichText([.text("See "), .xref(Xref(type: .rfc, data: "rfc8765")), .text(".")]), "See [RFC8765]."),
        (RichText([.paragraph("Defined TXT keys:"), .text("\n      "), .paragraph("td: x")]), "Defined TXT keys:\n      td: x"),
    ])
    func flattensAsIANAsCSVDoes(_ text: RichText, _ expected: String) {
        var flattening = CSVFlattening(style: .from2020)
        var out = ByteBuffer()
        flattening.flatten(text, into: &out)
        #expect(out.string == expected)
    }

    /// The same texts in each era's rule, each seen in that era's pair.
    @Test(arguments: [
        (CSVStyle.before2019, RichText([.text("whois++"), .lineBreak, .lineBreak, .text("\nIANA")]), "whois++\nIANA"),
        (.before2019, "for \n      \"RadSec\"  ", "for \n      \"RadSec\""),
        (.from2019, RichText([.text("whois++"), .lineBreak, .lineBreak, .text("\nIANA")]), "whois++\n\n\nIANA"),
        (.from2019, RichText([.text("a "), .lineBreak, .text("b"), .lineBreak]), "a \nb"),
        (.from2019, "for \n      \"RadSec\"", "for \n      \"RadSec\""),
        (.from2025, RichText([.text("whois++"), .lineBreak, .lineBreak, .text("\nIANA")]), "whois++\nIANA"),
        // wordsApart: breaks alone, which no file of IANA's has, keep the words apart.
        (.from2025, RichText([.text("a"), .lineBreak, .lineBreak, .text("b")]), "a\nb"),
        (.before2019, RichText([.text("a"), .lineBreak, .text("b")]), "a\nb"),
        (.from2025, RichText([.text("a "), .lineBreak, .text("\n b")]), "a b"),
        (.from2025, "for \n      \"RadSec\"", "for \"RadSec\""),
        (.from2025, RichText([.text("\n      "), .paragraph("Defined TXT keys:"), .text("\n      "), .paragraph("td: x"), .text("\n    ")]),
            "Defined TXT keys:\n              td: x"),
        (.before2019, RichText([.paragraph("a"), .text("\n      "), .paragraph("b")]), "a\n      b"),
    ])
    func flattensInEachEra(_ style: CSVStyle, _ text: RichText, _ expected: String) {
        var flattening = CSVFlattening(style: style)
        var out = ByteBuffer()
        flattening.flatten(text, into: &out)
        #expect(out.string == expected)
    }

    @Test func eachEraStartsOnItsDay() throws {
        func style(_ date: String) throws -> CSVStyle { CSVStyle(inForceOn: try #require(RegistryDate(canonicalText: date))) }
        #expect(try style("2018-02-21") == .before2019)
        #expect(try style("2019-01-01") == .before2019)
        #expect(try style("2019-01-02") == .from2019)
        #expect(try style("2020-07-30") == .from2019)
        #expect(try style("2020-07-31") == .from2020)
        #expect(try style("2025-04-06") == .from2020)
        #expect(try style("2025-04-07") == .from2025)
        #expect(CSVStyle(inForceOn: nil) == .from2025)
    }

    @Test func saysWhenTheFlatTextCannotGiveTheRichTextBack() {
        var flattening = CSVFlattening(style: .from2020)
        var out = ByteBuffer()
        let plain = flattening.flatten("plain text", into: &out)
        let broken = flattening.flatten(RichText([.text("a"), .lineBreak, .text("b")]), into: &out)
        let padded = flattening.flatten(" padded", into: &out)
        let empty = flattening.flatten(RichText(), into: &out)
        #expect(plain)
        #expect(!broken)
        #expect(!padded)
        #expect(empty)
    }
}

@Suite struct CSVReaderTests {
    @Test func readsQuotedFieldsAndRestoresXrefs() throws {
        let csv = csvHeader
            + "sal,21801,tcp,\"Simple, \"\"Application\"\"\nLayer\",[IESG],[IETF_Chair],2013-01-02,,[RFC6335][TR-352][1],,,\"note, with comma\"\r\n"
        let (registry, _) = try read(csv, with: CSVReader.self)
        let record = try #require(registry.records.first)
        #expect(record.name?.text == "sal")
        #expect(record.description?.plainText == "Simple, \"Application\"\nLayer")
        #expect(record.assignees?.map(\.data) == ["IESG"])
        #expect(record.contacts.map(\.data) == ["IETF_Chair"])
        #expect(record.references.map(\.type) == [.rfc, .text, .note])
        #expect(record.notes == ["note, with comma"])
        #expect(record.modificationDate == nil)
        #expect(registry.people == nil, "CSV has no people table")
        #expect(record.locations[.description] == SourceLocation(line: 2, column: 15))
        #expect(record.locations[.assignee]?.line == 3)
    }

    @Test func sameAssigneeAndContactMeansNoAssigneeElement() throws {
        let (registry, _) = try read(csvHeader + "echo,7,tcp,Echo,[Jon_Postel],[Jon_Postel],,,,,,\r\n", with: CSVReader.self)
        #expect(registry.records[0].assignees == nil)
        #expect(registry.records[0].contacts.map(\.data) == ["Jon_Postel"])
    }

    @Test func acceptsTheOlderHeaderAndOtherLineEnds() throws {
        let old = csvHeader.replacingOccurrences(of: "Unauthorized Use Reported", with: "Known Unauthorized Uses")
        #expect(try read(old + "a,1,tcp,A,,,,,,,,\n", with: CSVReader.self).0.records.count == 1)
        let crOnly = csvHeader.replacingOccurrences(of: "\r\n", with: "\r") + "a,1,tcp,A,,,,,,,,\rb,2,udp,B,,,,,,,,\r"
        #expect(try read(crOnly, with: CSVReader.self).0.records.map { $0.name?.text } == ["a", "b"])
        #expect(try read("\u{FEFF}" + csvHeader + "a,1,tcp,A,,,,,,,,\r\n", with: CSVReader.self).0.records.count == 1)
    }

    @Test(arguments: [
        ("a,1,tcp\r\n", 2, "3 fields"),
        ("a,1,tcp,\"open,,,,,,,,\r\n", 2, "unterminated quote"),
        ("a,1,tcp,x\"y,,,,,,,,\r\n", 2, "quote inside an unquoted field"),
        ("a,1,tcp,\"x\"y,,,,,,,,\r\n", 2, "after a closing quote"),
        ("a,1,tcp,A,Jon,,,,,,,\r\n", 2, "outside brackets"),
        ("a,1,tcp,A,,,,,[RFC1,,,\r\n", 2, "unclosed ["),
    ])
    func rejectsBrokenRowsWithTheirLine(_ row: String, _ line: Int, _ expected: String) throws {
        let error = try #require(readError(Array((csvHeader + row).utf8), with: CSVReader.self))
        #expect(error.line == line)
        #expect(error.message.contains(expected), "\(error)")
    }

    @Test func rejectsAForeignHeaderAndEmptyInput() {
        #expect(readError(Array("name,port\r\n".utf8), with: CSVReader.self)?.message.contains("header") == true)
        #expect(readError([], with: CSVReader.self)?.message.contains("empty") == true)
    }

    @Test func rejectsInvalidUTF8WithItsPlace() throws {
        let bytes = Array((csvHeader + "a,1,tcp,").utf8) + [0xFF] + Array(",,,,,,,,\r\n".utf8)
        let error = try #require(readError(bytes, with: CSVReader.self))
        #expect(error.line == 2)
        #expect(error.column == 9)
    }

    /// Spreadsheets quote every cell, header included (RFC 4180 allows it).
    @Test func readsAQuotedHeader() throws {
        let quoted = csvHeader.split(separator: ",").map { "\"\($0.trimmingCharacters(in: .newlines))\"" }.joined(separator: ",") + "\r\n"
        #expect(CSVReader.recognizes(Array(quoted.utf8)[...]))
        let (registry, _) = try read(quoted + "\"a\",\"1\",\"tcp\",\"A\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\r\n", with: CSVReader.self)
        #expect(registry.records.map { $0.name?.text } == ["a"])
    }

    @Test func aWrongHeaderNamesTheFirstColumnThatDiffers() throws {
        let wrong = csvHeader.replacingOccurrences(of: "Description", with: "Desc")
        let error = try #require(readError(Array(wrong.utf8), with: CSVReader.self))
        #expect(error.message.contains("column 4 is \"Desc\", expected \"Description\""), "\(error.message)")
        #expect(error.column == 45)
        let short = "Service Name,Port Number\r\n"
        #expect(readError(Array(short.utf8), with: CSVReader.self)?.message.contains("column 3 is nothing (the row ends), expected \"Transport Protocol\"") == true)
    }

    /// Each era told by what only its rule writes; today's where nothing tells.
    @Test(arguments: [
        ("Known Unauthorized Uses", "a\n\nb", CSVStyle.before2019),
        ("Unauthorized Use Reported", "a \n   b", .from2019),
        ("Unauthorized Use Reported", "a\n\n\nb", .from2019),
        ("Unauthorized Use Reported", "a\n\nb", .from2020),
        ("Unauthorized Use Reported", "a\n      b", .from2025),
        ("Unauthorized Use Reported", "plain", .from2025),
    ])
    func recognisesTheEraThatWroteIt(_ title: String, _ description: String, _ style: CSVStyle) throws {
        let header = csvHeader.replacingOccurrences(of: "Unauthorized Use Reported", with: title)
        let (registry, _) = try read(header + "a,1,tcp,\"\(description)\",,,,,,,,\r\n", with: CSVReader.self)
        #expect(registry.csvStyle == style)
    }

    /// The 2020 rule writes `x<br/>\ny` as two line feeds: read back as a break.
    @Test func readsTheLoneBreaksOfThe2020RuleBack() throws {
        let (registry, _) = try read(csvHeader + "a,1,tcp,\"x\n\ny\",,,,,,,,\"n\n\nm\n\n  o\"\r\n", with: CSVReader.self)
        #expect(registry.csvStyle == .from2020)
        #expect(registry.records[0].description == RichText([.text("x"), .lineBreak, .text("\ny")]))
        #expect(registry.records[0].notes == [RichText([.text("n"), .lineBreak, .text("\nm\n\n  o")])], "only two line feeds alone")
        let (csv, losses) = CSVWriter.render(registry)
        #expect(String(decoding: csv, as: UTF8.self).hasSuffix("a,1,tcp,\"x\n\ny\",,,,,,,,\"n\n\nm\n\n  o\"\r\n"))
        #expect(losses.isEmpty, "the break is read back, so nothing is lost: \(losses.messages(layout: "CSV"))")
    }

    @Test func detectsCSV() {
        #expect(CSVReader.recognizes(Array(csvHeader.utf8)[...]))
        #expect(!CSVReader.recognizes(Array("<?xml".utf8)[...]))
    }
}

@Suite struct CSVWriterTests {
    @Test func quotesOnlyWhatNeedsQuotes() {
        let record = Record(name: Parsed("x"), number: Parsed("1"), transportProtocol: Parsed("tcp"), description: "a, \"b\"\nc")
        let (csv, _) = render(Registry(records: [record]), with: CSVWriter.self)
        #expect(csv == csvHeader + "x,1,tcp,\"a, \"\"b\"\"\nc\",,,,,,,,\r\n")
    }

    @Test func listsWhatItCannotCarry() {
        var record = Record(description: RichText([.text("a"), .lineBreak, .text("b")]), xrefs: [Xref(type: .uri, data: "https://x", text: "X")])
        record.assignees = []
        record.elementOrder = [.xref, .description, .assignee]
        let registry = Registry(title: "T", records: [record], footnotes: [Footnote(anchor: "1", text: "f")], people: [Person(id: "p")])
        let (_, losses) = render(registry, with: CSVWriter.self)
        #expect(losses.counts == [.metadata: 1, .people: 1, .footnotes: 1, .xrefTargets: 1, .textMarkup: 1, .assigneeElement: 1, .elementOrder: 1])
        #expect(losses.messages(layout: "CSV").count == 7)
    }

    @Test func losesNothingForAPlainRecord() throws {
        let (registry, _) = try read(csvHeader + "echo,7,tcp,Echo,[Jon_Postel],[Jon_Postel],,,[RFC862],,,\r\n", with: CSVReader.self)
        let (csv, losses) = render(registry, with: CSVWriter.self)
        #expect(losses.isEmpty)
        #expect(csv == csvHeader + "echo,7,tcp,Echo,[Jon_Postel],[Jon_Postel],,,[RFC862],,,\r\n")
    }
}

@Suite struct CSVEncodingTests {
    @Test func utf16WithAByteOrderMarkReads() throws {
        let text = csvHeader + "caf\u{E9},1,tcp,Caf\u{E9} \u{1F600},,,,,,,,\r\n"
        for bigEndian in [false, true] {
            var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
            for unit in text.utf16 {
                bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            }
            var diagnostics: [Diagnostic] = []
            let registry = try CSVReader.read(InputFile(displayName: "utf16", bytes: bytes), diagnostics: &diagnostics)
            #expect(registry.records.first?.description?.plainText == "Caf\u{E9} \u{1F600}")
            #expect(Readers.detect(bytes) == CSVReader.self)
        }
    }

    @Test func brokenUTF16IsAnError() {
        #expect(readError([0xFF, 0xFE, 0x41], with: CSVReader.self)?.message.contains("odd number") == true)
        #expect(readError([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], with: CSVReader.self)?.message.contains("surrogate") == true)
    }
}
