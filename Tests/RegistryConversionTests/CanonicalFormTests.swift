import RegistryConversion
import RegistryModel
import RegistryReaders
import RegistryValidation
import RegistryWriters
import Testing
import TestSupport

/// The canonical form `fmt` writes back, and what it would lose.
@Suite struct CanonicalFormTests {
    private func canonicalForm(_ text: String, _ reader: any RegistryReader.Type, name: String = "r.csv") throws -> CanonicalForm? {
        let source = SourceInput(inputFile(text, name: name), reader: reader)
        var diagnostics: [Diagnostic] = []
        return CanonicalForm(of: source, registry: try reader.read(source.input, diagnostics: &diagnostics))
    }

    @Test func aCanonicalFileIsItsOwnCanonicalForm() throws {
        let text = String(decoding: try Paths.bytes("Samples/registry.csv"), as: UTF8.self)
        let form = try #require(try canonicalForm(text, CSVReader.self))
        #expect(form.isCanonical)
        #expect(form.loss == nil)
        #expect(form.diff().isEmpty)
        #expect(form.writer.name == CSVWriter.name)
    }

    @Test func aFileOutOfFormIsShownAsAUnifiedDiff() throws {
        let form = try #require(try canonicalForm("\(csvHeader)\necho,7,tcp,Echo,,,,,,,,\n", CSVReader.self))
        #expect(!form.isCanonical)
        #expect(form.loss == nil, "line ends change, nothing is lost")
        #expect(form.bytes == Array("\(csvHeader)\r\necho,7,tcp,Echo,,,,,,,,\r\n".utf8))
        let diff = String(decoding: form.diff(), as: UTF8.self)
        #expect(diff == "r.csv: only its line ends differ from the canonical form's: it has LF, the canonical form CRLF\n", "said in one line")
        let alsoText = try #require(try canonicalForm("\(csvHeader)\necho,7,tcp, Echo,,,,,,,,\n", CSVReader.self))
        #expect(String(decoding: alsoText.diff(), as: UTF8.self).hasPrefix("r.csv: its line ends differ"))
        #expect(String(decoding: alsoText.diff(), as: UTF8.self).hasSuffix("\n-echo,7,tcp, Echo,,,,,,,,\n+echo,7,tcp,Echo,,,,,,,,\n"), "then the lines that differ in more")
    }

    @Test func otherwiseADiffShowsTheLinesThatDiffer() throws {
        let form = try #require(try canonicalForm("\(csvHeader)\r\necho,7,tcp, Echo,,,,,,,,\r\n", CSVReader.self))
        let diff = String(decoding: form.diff(), as: UTF8.self)
        #expect(diff.hasPrefix("--- r.csv\n+++ r.csv (canonical)\n@@ -1,2 +1,2 @@\n Service Name,"), "\(diff)")
        #expect(diff.hasSuffix("\r\n-echo,7,tcp, Echo,,,,,,,,\r\n+echo,7,tcp,Echo,,,,,,,,\r\n"), "\(diff)")
    }

    @Test func whatWouldBeLostIsSaid() throws {
        // CSV folds edge blanks away: " Echo  " would read back as "Echo".
        let form = try #require(try canonicalForm("\(csvHeader)\r\necho,7,tcp,\" Echo  \",,,,,,,,\r\n", CSVReader.self, name: "edges.csv"))
        #expect(!form.isCanonical)
        #expect(form.loss == "CSV cannot carry line breaks, paragraphs, inline xrefs or edge white space in 1 text field; folded into plain text as IANA's CSV does; 1 record would read back differently, the first on line 2")
    }

    @Test func aReadOnlyLayoutHasNoCanonicalForm() throws {
        let seed = String(decoding: try Paths.bytes("Tests/Fixtures/seeds/001_d68114fa3e47cc32.txt"), as: UTF8.self)
        #expect(try canonicalForm(seed, ScrapedMarkdownReader.self) == nil)
    }
}
