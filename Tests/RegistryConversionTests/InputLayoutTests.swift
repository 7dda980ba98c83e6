import RegistryConversion
import RegistryReaders
import Testing

@Suite struct InputLayoutTests {
    @Test(arguments: ["auto", "AUTO", "Auto"])
    func autoDetectsInAnyCase(_ name: String) throws {
        let layout = try #require(InputLayout(name: name))
        guard case .detected = layout else { Issue.record("\(name) should detect"); return }
        #expect(layout.name == "auto")
    }

    @Test(arguments: [
        ("xml", "xml"), ("XML", "xml"), ("xhtml", "html"), ("text", "txt"), ("Plain", "txt"),
        ("md", "scraped-md"), ("MarkDown", "scraped-md"), ("collapsed", "scraped-txt"),
    ])
    func readerNamesAndAliasesInAnyCase(_ name: String, _ reader: String) throws {
        let layout = try #require(InputLayout(name: name))
        guard case .named(let named) = layout else { Issue.record("\(name) should name a reader"); return }
        #expect(named.name == reader)
        #expect(layout.name == reader)
    }

    @Test func unknownNamesAreRefused() {
        #expect(InputLayout(name: "yaml") == nil)
        #expect(InputLayout(name: "") == nil)
    }

    @Test func theNamesAreAutoAndEveryReader() {
        #expect(InputLayout.names == ["auto"] + Readers.names)
        #expect(InputLayout.names.allSatisfy { InputLayout(name: $0) != nil })
    }
}
