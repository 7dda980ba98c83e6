import Foundation
import Testing
import TestSupport

/// The seeds through the release binary, as a user converts them.
@Suite struct ScrapedSeedCommandLineTests {
    @Test func convertsTheMarkdownSeedAndPrintsItsGuessesWithLines() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let seed = "Tests/Fixtures/seeds/000_812350396cd55e8a.txt"
        let result = try Binary.run(["auto", "csv", seed])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdoutText.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 11, "header and the seed's 10 records")
        #expect(rows.contains("cognex-dataman,44444,tcp,Cognex DataMan Management Protocol,[Cognex],[Mario_Joussen],2012-08-28,,,,,"))
        #expect(rows.contains(",44446-44543,,Unassigned,,,,,,,Known UNAUTHORIZED USE: Ports 44515 & 44516,"))
        #expect(result.stderr.contains("\(seed):32: warning: the row ends without the '|' markers"))
        #expect(result.stderr.contains("\(seed):36: warning: [Acronis]"))
        #expect(result.stderr.contains("CSV cannot carry the people table (6 people)"))
    }

    @Test func convertsTheOtherSeedsWithTheirAmbiguousRowsReported() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let markdown = "Tests/Fixtures/seeds/001_d68114fa3e47cc32.txt"
        let md = try Binary.run(["auto", "xml", markdown])
        #expect(md.status == 0)
        #expect(md.stdoutText.components(separatedBy: "<record").count - 1 == 101)
        #expect(md.stderr.contains("\(markdown):90: warning: 13 cells for 8 columns: a cell holds '|'"), "iax")
        let collapsed = "Tests/Fixtures/seeds/002_bce9228d55e95aa1.txt"
        let text = try Binary.run(["collapsed", "xml", collapsed])
        #expect(text.status == 0)
        #expect(text.stdoutText.components(separatedBy: "<record").count - 1 == 3)
        #expect(text.stdoutText.contains("<name>IETF Chair</name>"))
        #expect(text.stderr.contains("\(collapsed):71: warning: [IETF_Chair]: name and organization ran together"))
    }

    @Test func theScrapedLayoutsAreReadOnly() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let result = try Binary.run(["xml", "scraped-md", "Samples/registry.xml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown output layout 'scraped-md'"))
    }
}
