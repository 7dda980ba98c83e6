@testable import RegistryConversion
import Testing

/// `diff -u`'s format, on bytes.
@Suite struct UnifiedDiffTests {
    private func diff(_ old: String, _ new: String) -> String {
        String(decoding: UnifiedDiff.make(old: Array(old.utf8), new: Array(new.utf8), oldName: "a", newName: "b"), as: UTF8.self)
    }

    @Test func identicalFilesHaveNoDiff() {
        #expect(diff("x\ny\n", "x\ny\n").isEmpty)
    }

    @Test func aChangeIsShownWithThreeLinesOfContext() {
        let old = (1...9).map { "\($0)\n" }.joined()
        let new = old.replacingFirstLine("5\n", with: "five\n")
        #expect(diff(old, new) == """
            --- a
            +++ b
            @@ -2,7 +2,7 @@
             2
             3
             4
            -5
            +five
             6
             7
             8

            """)
    }

    @Test func changesFarApartAreSeparateHunks() {
        let old = (1...20).map { "\($0)\n" }.joined()
        let new = old.replacingFirstLine("2\n", with: "two\n").replacingFirstLine("19\n", with: "nineteen\n")
        #expect(diff(old, new).split(separator: "\n").filter { $0.hasPrefix("@@") } == ["@@ -1,5 +1,5 @@", "@@ -16,5 +16,5 @@"])
    }

    @Test func aMissingFinalLineFeedIsMarked() {
        #expect(diff("a\n", "a") == "--- a\n+++ b\n@@ -1 +1 @@\n-a\n+a\n\\ No newline at end of file\n")
    }

    @Test func linesOnlyInOneFileAreAddedOrRemoved() {
        #expect(diff("", "new\n") == "--- a\n+++ b\n@@ -0,0 +1 @@\n+new\n")
        #expect(diff("old\n", "") == "--- a\n+++ b\n@@ -1 +0,0 @@\n-old\n")
    }

    @Test func movedUniqueLinesAnchorTheMatch() {
        // Lines that occur once in each file are matched first (patience diff).
        var removed = [false, false, false]
        var inserted = [false, false, false]
        LineMatching.mark([1, 2, 3], 0..<3, [3, 1, 2], 0..<3, removed: &removed, inserted: &inserted)
        #expect(removed == [false, false, true])
        #expect(inserted == [true, false, false])
    }
}

extension String {
    /// The text with the first whole line equal to `line` replaced.
    fileprivate func replacingFirstLine(_ line: String, with replacement: String) -> String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        lines.removeLast()
        let target = String(line.dropLast())
        if let index = lines.firstIndex(of: target + "\n") { lines[index] = replacement }
        return lines.joined()
    }
}
