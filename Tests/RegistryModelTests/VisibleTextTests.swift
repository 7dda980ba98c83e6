import RegistryModel
import Testing

/// Messages quote data: nothing in it may control the terminal or hide itself.
@Suite struct VisibleTextTests {
    @Test func controlCharactersAreEscaped() {
        #expect(VisibleText.escaped("a\u{1B}[2Jb\u{07}") == "a\\x1B[2Jb\\x07")
        #expect(VisibleText.escaped("del\u{7F} c1\u{85}") == "del\\x7F c1\\u{85}")
        #expect(VisibleText.escaped("two\nlines") == "two\\x0Alines")
        #expect(VisibleText.escaped("two\nlines", keepingLineFeeds: true) == "two\nlines")
    }

    @Test func invisibleAndBidirectionalCharactersAreShown() {
        #expect(VisibleText.escaped("ab\u{200B}c") == "ab\\u{200B}c")
        #expect(VisibleText.escaped("\u{202E}txt.exe") == "\\u{202E}txt.exe")
        #expect(VisibleText.escaped("\u{2066}x\u{2069}\u{FEFF}") == "\\u{2066}x\\u{2069}\\u{FEFF}")
    }

    @Test func printableTextIsUnchangedAndEscapingTwiceChangesNothingMore() {
        let text = "Müller, 東京 [RFC6335] \\x"
        #expect(VisibleText.escaped(text) == text)
        let once = VisibleText.escaped("\u{1B}]0;title\u{07}\u{202E}")
        #expect(VisibleText.escaped(once) == once)
    }
}
