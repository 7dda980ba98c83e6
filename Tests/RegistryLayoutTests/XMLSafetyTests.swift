import Foundation
import Testing
import RegistryModel
import RegistryReaders

/// Hostile XML: nothing may be read from disk or network, nothing may expand without bound.
@Suite struct XMLSafetyTests {
    @Test func externalEntitiesAreNeverRead() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("ianaconv-secret-\(UUID()).txt")
        try "TOP-SECRET".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE registry [<!ENTITY leak SYSTEM "\(secret.absoluteString)">]>
            <registry xmlns="http://www.iana.org/assignments"><title>&leak;</title></registry>
            """
        let error = try #require(readError(Array(xml.utf8), with: XMLReader.self))
        #expect(error.message.contains("DOCTYPE"))
        #expect(error.line == 2)
        #expect(!error.description.contains("TOP-SECRET"))
    }

    @Test func entityExpansionIsRefused() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE registry [\n<!ENTITY a \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "a" : "a\(level - 1)"
            xml += "<!ENTITY a\(level) \"\(String(repeating: "&\(previous);", count: 10))\">\n"
        }
        xml += "]>\n<registry xmlns=\"http://www.iana.org/assignments\"><title>&a9;</title></registry>"
        let error = try #require(readError(Array(xml.utf8), with: XMLReader.self))
        #expect(error.message.contains("DOCTYPE"))
    }

    @Test func externalDTDsAndNetworkURLsAreRefused() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE registry SYSTEM "http://127.0.0.1:9/registry.dtd">
            <registry xmlns="http://www.iana.org/assignments"/>
            """
        let error = try #require(readError(Array(xml.utf8), with: XMLReader.self))
        #expect(error.message.contains("DOCTYPE"))
    }

    @Test func undeclaredEntitiesAreErrorsNotSilence() throws {
        let xml = "<registry xmlns=\"http://www.iana.org/assignments\"><title>&nbsp;</title></registry>"
        let error = try #require(readError(Array(xml.utf8), with: XMLReader.self))
        #expect(error.message.contains("nbsp"))
    }

    @Test func predefinedEntitiesAndCharacterReferencesAreText() throws {
        let xml = "<registry xmlns=\"http://www.iana.org/assignments\"><title>a &amp; b &lt;c&gt; &#233;</title></registry>"
        #expect(try read(xml, with: XMLReader.self).0.title == "a & b <c> é")
    }

    @Test func utf16WithAByteOrderMarkReads() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><registry xmlns=\"http://www.iana.org/assignments\"><title>été</title></registry>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in xml.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        var diagnostics: [Diagnostic] = []
        let registry = try XMLReader.read(InputFile(displayName: "utf16", bytes: bytes), diagnostics: &diagnostics)
        #expect(registry.title == "été")
    }

    @Test func invalidUTF8IsAnErrorWithItsPlace() throws {
        var bytes = Array("<registry xmlns=\"http://www.iana.org/assignments\">\n<title>".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("</title></registry>".utf8)
        let error = try #require(readError(bytes, with: XMLReader.self))
        #expect(error.line == 2)
    }
}
